#!/usr/bin/python3
# check-enter-saves.py: in every form with a default button (a template
# with default-widget: its Save or Add button), Enter in any one-line
# field does what that button does. GTK passes Enter on to the default
# only from a field that activates-default; a form that had forgotten
# it kept a keyboard user from saving with Enter.
#
# Usage: check-enter-saves.py SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
FIELDS = ('AdwEntryRow', 'AdwPasswordEntryRow', 'GtkEntry', 'GtkPasswordEntry')
forms = 0
missing = []
for path in sorted(glob.glob(os.path.join(root, 'ui', '**', '*.ui'), recursive=True)):
    tree = ET.parse(path)
    for template in tree.getroot().iter('template'):
        if not any(p.get('name') == 'default-widget' for p in template.findall('property')):
            continue
        forms += 1
        for obj in template.iter('object'):
            if obj.get('class') not in FIELDS:
                continue
            props = {p.get('name'): (p.text or '').strip() for p in obj.findall('property')}
            if props.get('activates-default', '').lower() not in ('true', '1', 'yes'):
                missing.append('%s: %s %s' % (os.path.relpath(path, root), obj.get('class'),
                                              obj.get('id') or props.get('title', '')))

if forms == 0:
    print('no form with a default button found under %s/ui' % root)
    print('0 passed, 1 failed')
    sys.exit(1)
if missing:
    print('Fields where Enter does not reach the form\'s default button (add activates-default):')
    print('\n'.join(missing))
    print('0 passed, %d failed' % len(missing))
    sys.exit(1)
print('%d forms checked' % forms)
print('1 passed, 0 failed')
