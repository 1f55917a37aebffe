#!/usr/bin/python3
# e2e-key-dates.py: the key dates of a case through the accessibility
# tree, as a screen-reader or keyboard user meets them: the family's header
# says how long the children have been in care and when the next hearing
# is; on the Key dates page every date is a named row with named Change and
# Delete buttons; Add Key Date opens a dialog whose fields are named, that
# refuses a day that does not exist (saying so, writing nothing) and saves
# a hearing with what the court ordered, which the toast's Undo takes
# back.
#
# With HOMEWARD_SCREENSHOT_DIR set, pictures of the page and the dialog
# are saved there.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile

import pyatspi

from e2e_common import (add_sample, app_env, check, click, failures, find, open_area, passed,
                        query, screenshot, start_app, wait_for, walk)


def named(root, role, name):
    # GTK 4.8 sometimes repeats a label in the accessible name ("Ana Ana")
    return find(root, role, lambda n: n == name or n == name + ' ' + name)


def window(app, title):
    for node in app:
        if node is not None and node.name == title:
            return node
    return None


def labels(root):
    return [n.name for n in walk(root) if n.getRole() == pyatspi.ROLE_LABEL and n.name]


def run(app, frame, db):
    header = wait_for(lambda: [t for t in labels(frame) if t.startswith('In care ')],
                      'the time in care in the header')
    check(' · Next hearing ' in header[0] and header[0].endswith('(review)'),
          'the header says the time in care and the next hearing: ' + header[0])

    open_area(frame, 'Key dates')
    removal = wait_for(lambda: [n for n in walk(frame)
                                if (n.name or '').endswith(' · Removal')
                                and n.getRole() != pyatspi.ROLE_LABEL], 'the removal row')
    check(removal, 'the removal is a row named by its date and kind')
    check(find(frame, pyatspi.ROLE_PUSH_BUTTON,
               lambda n: (n or '').startswith('Delete ') and (n or '').endswith(' · Removal')),
          'its Delete button is named for the date it deletes')
    screenshot('key-dates-page.png')

    before = query(db, 'SELECT count(*) FROM case_events')[0][0]
    add = wait_for(lambda: named(frame, pyatspi.ROLE_PUSH_BUTTON, 'Add Key Date'), 'Add Key Date')
    click(add)
    dialog = wait_for(lambda: window(app, 'Add Key Date'), 'the Add Key Date dialog')
    date = wait_for(lambda: named(dialog, pyatspi.ROLE_TEXT, 'Date (YYYY-MM-DD)'), 'the date field')
    check(named(dialog, pyatspi.ROLE_COMBO_BOX, 'What happened') is not None,
          'the kind of date is a named choice')
    check(named(dialog, pyatspi.ROLE_COMBO_BOX, 'Kind of hearing') is not None,
          'a new date after the removal is a hearing, with its kind')
    date.queryEditableText().setTextContents('2026-02-30')
    click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Save'))
    wait_for(lambda: [t for t in labels(dialog) if 'is not a real date' in t],
             'the message about 30 February')
    check(query(db, 'SELECT count(*) FROM case_events')[0][0] == before,
          'the refused date wrote nothing')
    screenshot('key-date-dialog.png')

    date.queryEditableText().setTextContents('2026-06-15')
    ordered = named(dialog, pyatspi.ROLE_TEXT, 'What the court ordered')
    ordered.queryEditableText().setTextContents('Overnight visits at home.')
    click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Save'))
    wait_for(lambda: window(app, 'Add Key Date') is None, 'the dialog to close')
    rows = wait_for(lambda: query(db, "SELECT kind, hearing_kind, ordered FROM case_events"
                                      " WHERE date = '2026-06-15'"), 'the hearing in the database')
    check(rows == [('hearing', 'shelter', 'Overnight visits at home.')],
          'the hearing is saved with what was ordered: %r' % rows)
    wait_for(lambda: [n for n in walk(frame) if (n.name or '').startswith('15 June 2026 · ')],
             'the new hearing in the list')
    check(True, 'the list shows the new hearing')
    undo = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON,
                                 lambda n: (n or '').replace('_', '') == 'Undo'),
                    'the toast\'s Undo')
    screenshot('key-dates-added.png')
    click(undo)
    wait_for(lambda: query(db, "SELECT count(*) FROM case_events")[0][0] == before,
             'Undo to take the hearing back')
    check(True, 'the toast\'s Undo takes the hearing back')


def main():
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-key-dates-')
    db = os.path.join(tmp, 'homeward.db')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface',
                    'toolkit-accessibility', 'true'], env=env, check=False,
                   stderr=subprocess.DEVNULL)
    add_sample(db, env)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc, app, frame = start_app(db, env, log)
    try:
        run(app, frame, db)
    except RuntimeError as e:  # wait_for gave up
        check(False, str(e))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if failures:
            with open(os.path.join(tmp, 'app.log')) as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
