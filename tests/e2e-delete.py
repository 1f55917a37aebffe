#!/usr/bin/python3
# e2e-delete.py: Delete Family in the window, through the accessibility
# tree. With two families: the primary menu's Delete Family…, the
# confirmation (destructive), the family leaves the list and a toast offers
# Undo. First run: Undo brings the family back whole. Second run: the
# undo window (HOMEWARD_DELETE_UNDO_SECONDS) ends, the family is deleted
# for good, and after quitting `strings` of the database and its -wal
# finds nothing of it while the other family is still there.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_common import (HOMEWARD, app_env, check, click, failures, find, find_shallow, passed,
                        press_keys, query, screenshot, start_app, wait_for)

MORALES = ['Morales', '48 Alder Court', '(555) 201-4410', 'Prefers to speak Spanish in meetings',
           '112 Birch Street', 'Sample family created by Homeward']
OKAFOR = ['Okafor', '7 Maple Drive', '(555) 333-0001', 'Prefers to speak Igbo in meetings',
          '19 Poplar Way', 'Second family of the test']


def make_db(tmp, env):
    db = os.path.join(tmp, 'families.db')
    for f in (db, db + '-wal', db + '-shm'):
        if os.path.exists(f):
            os.unlink(f)
    subprocess.run([HOMEWARD, 'demo', '--database', db], env=env, check=True, capture_output=True)
    case = os.path.join(tmp, 'case.json')
    subprocess.run([HOMEWARD, 'export', '--database', db, '--case', '1', '--format', 'json',
                    '--output', case], env=env, check=True)
    with open(case, encoding='utf-8') as f:
        text = f.read()
    for a, b in zip(MORALES, OKAFOR):
        text = text.replace(a, b)
    other = os.path.join(tmp, 'okafor.json')
    with open(other, 'w', encoding='utf-8') as f:
        f.write(text)
    subprocess.run([HOMEWARD, 'import', '--database', db, other], env=env, check=True, capture_output=True)
    return db


def export_case(db, env, case_id, out):
    subprocess.run([HOMEWARD, 'export', '--database', db, '--case', str(case_id), '--format', 'json',
                    '--output', out], env=env, check=True, capture_output=True)
    with open(out, encoding='utf-8') as f:
        return f.read()


def strings_of(db):
    text = ''
    for f in (db, db + '-wal'):
        if os.path.exists(f):
            text += subprocess.run(['strings', '-n', '4', f], capture_output=True, text=True).stdout
    return text


def start(db, env, tmp, name):
    log = open(os.path.join(tmp, name + '.log'), 'w')
    proc, app, frame = start_app(db, env, log)
    return proc, log, app, frame


def stop(proc, log):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    log.close()


def delete_open_family(app, frame, shot=None):
    """Primary menu → Delete Family…, then confirm in the dialog."""
    check('Morales' in frame.name, 'the Morales family is open: ' + frame.name)
    time.sleep(1.0)
    # the primary menu from the keyboard (GTK 4.8 does not put a popover
    # menu's items in the tree): F10, then the third item
    press_keys('F10')
    time.sleep(1.0)
    press_keys('Down')
    press_keys('Down')
    press_keys('Return')
    heading = wait_for(lambda: find(app, pyatspi.ROLE_LABEL, 'Delete the Morales family?'), 'the dialog')
    check(heading is not None, 'a dialog asks “Delete the Morales family?”')
    check(any('deleted for good' in (n.name or '') for n in _labels(app)),
          'the dialog says in plain words that it becomes deleted for good')
    if shot:
        screenshot(shot)
    # libadwaita 1.2 names a response button "_Label Label"; the dialog
    # holds each button twice (wide and narrow): either responds
    button = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, lambda n: (n or '').endswith('Delete Family')),
                      'the Delete Family button')
    click(button)


def _labels(app):
    from e2e_common import walk
    return [n for n in walk(app) if n is not None and n.getRole() == pyatspi.ROLE_LABEL]


def family_listed(frame, name):
    return find(frame, pyatspi.ROLE_LIST_ITEM, None) is not None and any(
        name in (n.name or '') for n in _list_items(frame))


def list_shows(frame, predicate, what):
    """Whether the family list comes to show what @predicate says, a walk
    over the tree that met no row going away while it read (the list
    changes as the family leaves or comes back)."""
    try:
        wait_for(predicate, what, timeout=15)
        return True
    except RuntimeError:
        return False


def _list_items(frame):
    from e2e_common import walk
    return [n for n in walk(frame) if n is not None and n.getRole() == pyatspi.ROLE_LIST_ITEM]


def test_undo(tmp, env):
    db = make_db(tmp, env)
    before = export_case(db, env, 1, os.path.join(tmp, 'before.json'))
    env = dict(env, HOMEWARD_DELETE_UNDO_SECONDS='60')
    proc, log, app, frame = start(db, env, tmp, 'undo')
    try:
        delete_open_family(app, frame, 'delete-dialog.png')
        toast = wait_for(lambda: find_shallow(frame, pyatspi.ROLE_LABEL, 'The Morales family was deleted'),
                         'the toast', timeout=15)
        check(toast is not None, 'a toast says “The Morales family was deleted”')
        screenshot('delete-toast.png')
        wait_for(lambda: query(db, 'SELECT count(*) FROM cases WHERE id = 1')[0][0] == 0, 'the delete')
        check(list_shows(frame, lambda: not family_listed(frame, 'Morales') and family_listed(frame, 'Okafor'),
                         'the list without the family'),
              'the family has left the list, the other is still there')
        undo = wait_for(lambda: find_shallow(frame, pyatspi.ROLE_PUSH_BUTTON, 'Undo')
                        or find(frame, pyatspi.ROLE_PUSH_BUTTON, lambda n: (n or '').endswith(' Undo')),
                        'the Undo button of the toast')
        click(undo)
        wait_for(lambda: query(db, 'SELECT count(*) FROM cases WHERE id = 1')[0][0] == 1, 'the family back')
        wait_for(lambda: family_listed(frame, 'Morales'), 'the family back in the list', timeout=15)
        check(True, 'Undo brings the family back into the list')
        after = export_case(db, env, 1, os.path.join(tmp, 'after.json'))
        strip = lambda t: '\n'.join(l for l in t.splitlines() if '"exported' not in l)
        check(strip(after) == strip(before), 'the family is back whole (its case file is the same)')
        press_keys('Control_L', 'q')
        proc.wait(timeout=30)
        check(query(db, 'SELECT count(*) FROM people WHERE case_id = 1')[0][0] == 17,
              'after quitting the undone family is still there')
    finally:
        stop(proc, log)


def test_for_good(tmp, env):
    db = make_db(tmp, env)
    text = strings_of(db)
    check(all(s in text for s in MORALES), 'before: the family is in the database files')
    env = dict(env, HOMEWARD_DELETE_UNDO_SECONDS='3')
    proc, log, app, frame = start(db, env, tmp, 'for-good')
    try:
        delete_open_family(app, frame)
        wait_for(lambda: find_shallow(frame, pyatspi.ROLE_LABEL, 'The Morales family was deleted'),
                 'the toast', timeout=15)
        check(list_shows(frame, lambda: not family_listed(frame, 'Morales'), 'the list without the family'),
              'the family has left the list')
        # the undo window ends with the toast
        wait_for(lambda: query(db, "SELECT count(*) FROM hw_audit WHERE action = 'Deleted for good'")[0][0] == 1,
                 'the delete for good', timeout=30)
        try:
            wait_for(lambda: find_shallow(frame, pyatspi.ROLE_LABEL, 'The Morales family was deleted') is None,
                     'the toast to go', timeout=10)
            gone = True
        except RuntimeError:
            gone = False
        check(gone, 'the toast is gone when the family is deleted for good')
        running = strings_of(db)
        check(not any(s in running for s in MORALES),
              'while the app runs, nothing of the family is in the database or its -wal: %s'
              % [s for s in MORALES if s in running])
        press_keys('Control_L', 'q')
        proc.wait(timeout=30)
    finally:
        stop(proc, log)
    text = strings_of(db)
    check(not any(s in text for s in MORALES),
          'after quitting, strings finds nothing of the family: %s' % [s for s in MORALES if s in text])
    check(all(s in text for s in OKAFOR), 'the other family is still in the file')
    check(query(db, 'SELECT count(*) FROM people WHERE case_id = 2')[0][0] == 17, 'the other family is whole')
    rows = query(db, "SELECT author, row_id FROM hw_audit WHERE action = 'Deleted for good'")
    check(rows == [(rows[0][0], 1)] and 'Morales' not in rows[0][0], 'the audit has the delete, with no name')


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-delete-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    try:
        test_undo(tmp, env)
        test_for_good(tmp, env)
    finally:
        if failures:
            for name in ('undo.log', 'for-good.log'):
                path = os.path.join(tmp, name)
                if os.path.exists(path):
                    with open(path) as f:
                        sys.stdout.write('# %s:\n' % name + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
