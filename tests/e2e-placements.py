#!/usr/bin/python3
# e2e-placements.py: where the children live, through the accessibility
# tree, as a screen-reader or keyboard user meets it: the Placements page
# names each child's list and each placement row (its dates and kind),
# with named Change, End and Delete buttons; Add Placement opens a dialog
# whose fields are named, that refuses a day that does not exist (saying
# so, writing nothing) and saves a placement (a foster family, relatives
# considered first, a confidential address), which the toast's Undo takes
# back. The person dialog offers a worker, saved as the person's worker_id.
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
import time
import traceback

import pyatspi

from e2e_common import (add_sample, app_env, check, click, failures, find, open_area, passed,
                        press_keys, query, screenshot, start_app, wait_for, walk)


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


def combo_value(dialog, title):
    """The text an AdwComboRow titled @title shows."""
    combo = named(dialog, pyatspi.ROLE_COMBO_BOX, title)
    if combo is None:
        return None
    # the title, the subtitle if any, then the chosen entry
    names = [n.name for n in walk(combo) if n.getRole() == pyatspi.ROLE_LABEL and n.name != title]
    return names[-1] if names else None


def choose(dialog, title, downs, value):
    """Picks @value in the combo row @title from the keyboard: the row
    opens its list on its first entry, @downs entries further is @value."""
    click(named(dialog, pyatspi.ROLE_COMBO_BOX, title), fallback='mouse')
    time.sleep(1.0)
    for _ in range(downs):
        press_keys('Down')
        time.sleep(0.3)
    press_keys('Return')
    wait_for(lambda: combo_value(dialog, title) == value, '“%s” to be %s' % (title, value))


def tick(dialog, title):
    """Turns on the check box or switch of the row @title from the keyboard,
    as a keyboard user does: Tab until it has the focus, then space (GTK
    4.8 gives a check box in a row no accessible action, nor focus)."""
    box = wait_for(lambda: named(dialog, pyatspi.ROLE_CHECK_BOX, title), title)
    for _ in range(40):
        if box.getState().contains(pyatspi.STATE_FOCUSED):
            break
        press_keys('Tab')
        time.sleep(0.15)
    check(box.getState().contains(pyatspi.STATE_FOCUSED), 'Tab reaches “%s”' % title)
    press_keys('space')
    wait_for(lambda: box.getState().contains(pyatspi.STATE_CHECKED), '“%s” to be on' % title)


def run(app, frame, db):
    open_area(frame, 'Placements')
    wait_for(lambda: [t for t in labels(frame) if 'live with Rosa Morales' in t],
             'the line saying where the children live')
    check(True, 'the page says Sofía and Mateo live with their grandmother')
    wait_for(lambda: find(frame, None, lambda n: n == 'Placements of Lucía Morales'),
             'the list of Lucía\'s placements')
    check(True, 'each child\'s placements are a list named for the child')
    kin_rows = [n for n in walk(frame)
                if (n.name or '').endswith(' to now · Relative (kin)')
                and n.getRole() != pyatspi.ROLE_LABEL]
    check(len(kin_rows) >= 2, 'the current kin placements are rows named by their dates and '
          'kind (%d)' % len(kin_rows))
    check(find(frame, pyatspi.ROLE_PUSH_BUTTON,
               lambda n: (n or '').startswith('End ') and 'to now · Foster family' in (n or '')),
          'the current placement has an End button named for it')
    screenshot('placements-page.png')

    before = query(db, 'SELECT count(*) FROM placements')[0][0]
    add = wait_for(lambda: named(frame, pyatspi.ROLE_PUSH_BUTTON, 'Add Placement'),
                   'Add Placement')
    click(add)
    dialog = wait_for(lambda: window(app, 'Add Placement'), 'the Add Placement dialog')
    start = wait_for(lambda: named(dialog, pyatspi.ROLE_TEXT, 'Moved in on (YYYY-MM-DD)'),
                     'the moved-in field')
    for name in ('Child', 'Lives with', 'Caregiver'):
        check(named(dialog, pyatspi.ROLE_COMBO_BOX, name) is not None,
              '“%s” is a named choice' % name)
    check(named(dialog, pyatspi.ROLE_CHECK_BOX, 'Keep the address from the family\'s copy')
          is not None, 'the address can be kept from the family, by a named check box')
    start.queryEditableText().setTextContents('2026-02-30')
    click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Save'))
    wait_for(lambda: [t for t in labels(dialog) if 'is not a real date' in t],
             'the message about 30 February')
    check(query(db, 'SELECT count(*) FROM placements')[0][0] == before,
          'the refused date wrote nothing')

    # a new foster home for the first child on the list (Lucía), its
    # address kept from the family
    check(combo_value(dialog, 'Lives with') == 'Relative (kin)',
          'a new placement is with relatives first (%r)' % combo_value(dialog, 'Lives with'))
    choose(dialog, 'Lives with', 3, 'Foster family')
    wait_for(lambda: named(dialog, pyatspi.ROLE_TEXT, 'Why not with a relative'),
             'the question why not with a relative')
    check(True, 'a placement outside the family asks why not with a relative')
    start.queryEditableText().setTextContents('2026-11-02')
    named(dialog, pyatspi.ROLE_TEXT, 'Address').queryEditableText() \
        .setTextContents('5 Hidden Road, Oakdale')
    tick(dialog, 'Keep the address from the family\'s copy')
    named(dialog, pyatspi.ROLE_TEXT, 'Why not with a relative').queryEditableText() \
        .setTextContents('Grandmother in hospital.')
    tick(dialog, 'Relatives were considered first')
    screenshot('placement-dialog.png')
    click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Save'))
    wait_for(lambda: window(app, 'Add Placement') is None, 'the dialog to close')
    rows = wait_for(lambda: query(db, "SELECT setting, address, address_withheld_from,"
                                      " kin_considered, kin_not_chosen_reason FROM placements"
                                      " WHERE start_date = '2026-11-02'"),
                    'the placement in the database')
    check(rows == [('foster-family', '5 Hidden Road, Oakdale', 'family', 1,
                    'Grandmother in hospital.')],
          'the placement is saved with its kept address and why not a relative: %r' % rows)
    wait_for(lambda: [n for n in walk(frame)
                      if (n.name or '').startswith('2 November 2026 to now · Foster family')],
             'the new placement in the list')
    check(True, 'the list shows the new placement as the current one')
    undo = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON,
                                 lambda n: (n or '').replace('_', '') == 'Undo'),
                    'the toast\'s Undo')
    screenshot('placements-added.png')
    click(undo)
    wait_for(lambda: query(db, "SELECT count(*) FROM placements")[0][0] == before,
             'Undo to take the placement back')
    check(True, 'the toast\'s Undo takes the placement back')

    # ending Lucía's stay with the foster family: only its last day is typed
    end = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON,
                                lambda n: (n or '').startswith('End ')
                                and 'to now · Foster family' in (n or '')),
                   'the End button of the foster placement')
    click(end)
    dialog = wait_for(lambda: window(app, 'End Placement'), 'the End Placement dialog')
    last = wait_for(lambda: named(dialog, pyatspi.ROLE_TEXT,
                                  'Last day, if it ended without a move (YYYY-MM-DD)'),
                    'the last-day field')
    last.queryEditableText().setTextContents('2026-11-30')
    click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Save'))
    wait_for(lambda: window(app, 'End Placement') is None, 'the dialog to close')
    ended = query(db, "SELECT count(*) FROM placements WHERE end_date = '2026-11-30'")[0][0]
    check(ended == 1, 'the placement ends on the day typed')
    audit = query(db, "SELECT count(*) FROM hw_audit WHERE action = 'End placement'")[0][0]
    check(audit >= 1, 'as one edit, “End placement”, in the audit trail')

    # a person's worker: Elena's is the caseworker; she gets the advocate
    open_area(frame, 'People')
    people = wait_for(lambda: find(frame, pyatspi.ROLE_LIST, 'People'), 'the list of people')
    elena = wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, 'Elena Morales'), 'Elena\'s row')
    check([t for t in labels(elena) if 'Worker: Priya Shah' in t],
          'the people list says who Elena\'s worker is')
    click(wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Edit Elena Morales'),
                   'Edit Elena Morales'))
    dialog = wait_for(lambda: window(app, 'Edit Person'), 'the Edit Person dialog')
    wait_for(lambda: combo_value(dialog, 'Worker') == 'Priya Shah', 'the worker shown')
    check(True, 'the person dialog shows her worker in a named choice')
    screenshot('person-worker.png')
    # "No worker", then the professionals by name: Alicia Brooks first
    choose(dialog, 'Worker', 1, 'Alicia Brooks')
    click(wait_for(lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON,
                                lambda n: (n or '').replace('_', '') in ('Done', 'Done Done')),
                   'the Done button'))
    wait_for(lambda: window(app, 'Edit Person') is None, 'the dialog to close')
    worker = query(db, "SELECT w.name FROM people p JOIN people w ON w.id = p.worker_id"
                       " WHERE p.name = 'Elena Morales'")
    check(worker == [('Alicia Brooks',)], 'the new worker is saved: %r' % worker)


def main():
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-placements-')
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
    except Exception as e:  # wait_for gave up, or an accessibility call failed
        check(False, str(e) + ' | ' + traceback.format_exc().replace('\n', ' | '))
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
