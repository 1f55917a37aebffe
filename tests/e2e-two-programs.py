#!/usr/bin/python3
# e2e-two-programs.py: no edit shown as saved is ever lost, whatever else
# opens the database file (issue: "Never lose an edit").
#
# The real app, on a database in the folder it was started from:
#   1. its own file chooser (Family time -> Import Calendar) shows that
#      folder, so GTK reads the type of the database and its -wal/-shm
#      files in the app's own process, as in the loss that was reported;
#   2. the command line reads the same database (homeward list) and adds
#      a family to it (homeward import) while the window is open;
#   3. the window shows the imported family by itself;
#   4. a person is added in the window (saved at once), then the app is
#      killed with SIGKILL;
#   5. the person and both families are in the file, which passes
#      integrity_check.
# With SQLite's own POSIX locks step 1 dropped the window's locks, step 2
# deleted its -wal, and the person of step 4 was gone (docs/locking.md).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_common import (HOMEWARD, app_env, check, click, failures, find, find_window, passed,
                        press_keys, query, screenshot, start_app, type_text, wait_for, walk)

PERSON = 'Ada Kept-After-Crash'
IMPORTED = 'Okafor-Imported'


def cli(env, *args):
    no_display = dict(env)
    no_display.pop('DISPLAY', None)
    no_display.pop('WAYLAND_DISPLAY', None)
    return subprocess.run([HOMEWARD] + list(args), env=no_display, capture_output=True,
                          text=True, timeout=120)


def all_named(root, role, name):
    out = []
    for node in walk(root):
        try:
            if node.getRole() == role and (node.name == name or node.name == name + ' ' + name):
                out.append(node)
        except Exception:
            continue
    return out


def with_action(root, name):
    for node in walk(root):
        try:
            if node.name == name and node.queryAction().nActions > 0:
                return node
        except Exception:
            continue
    return None


def open_family(frame, name):
    """A narrow window shows the list of families first: open @name."""
    families = find(frame, pyatspi.ROLE_LIST, 'Families')
    if families is None:
        return
    for row in families:
        try:
            if row is not None and row.name.startswith(name):
                click(row)
                time.sleep(0.5)
                return
        except Exception:
            continue


def family_rows(frame):
    families = find(frame, pyatspi.ROLE_LIST, 'Families')
    names = []
    for row in families or []:
        try:
            if row is not None:
                names.append(row.name)
        except Exception:
            continue
    return names


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-two-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    db = os.path.join(tmp, 'homeward.db')
    other = os.path.join(tmp, 'other', 'other.db')
    os.makedirs(os.path.dirname(other))
    case_file = os.path.join(tmp, 'other', 'okafor.json')

    # the sample family in the window's database; another family to import
    check(cli(env, 'demo', '--database', db).returncode == 0, 'homeward demo makes the sample family')
    check(cli(env, 'demo', '--database', other).returncode == 0, 'and one in another database')
    r = cli(env, 'export', '--database', other, '--case', '1', '--format', 'json', '--output', case_file)
    check(r.returncode == 0, 'that family is exported as a case file ' + r.stderr.strip())
    with open(case_file, encoding='utf-8') as f:
        case = json.load(f)
    case['case']['family_name'] = IMPORTED
    case['case']['sample'] = 0
    with open(case_file, 'w', encoding='utf-8') as f:
        json.dump(case, f)

    log = open(os.path.join(tmp, 'app.log'), 'w+')
    # started from the database's folder: the file chooser opens there
    proc, app, frame = start_app(db, env, log, cwd=tmp)
    ok = False
    killed = False
    try:
        open_family(frame, 'Morales')

        # 1. the app's own file chooser shows the database's folder
        tabs = wait_for(lambda: all_named(frame, pyatspi.ROLE_PAGE_TAB, 'Family time'), 'the Family time tab')
        for tab in tabs:
            try:
                click(tab)
            except Exception:
                continue
        time.sleep(1)
        # a GtkMenuButton is two nodes of that name: the one that acts
        more = wait_for(lambda: with_action(frame, 'More actions'), 'the More actions button')
        click(more)
        item = wait_for(lambda: find(app, None, 'Import Calendar (.ics)…'), 'the Import Calendar item')
        click(item)
        chooser = wait_for(lambda: find_window(app, 'Import Visits from a Calendar'), 'the file chooser')
        check(chooser is not None, 'the file chooser opens')
        # go to the database's folder, as a person looking for a file would
        time.sleep(1)
        press_keys('Control_L', 'l')
        time.sleep(0.5)
        type_text(tmp + '/')
        press_keys('Return')
        time.sleep(3)   # it lists the folder and reads each file's type
        screenshot('two-programs-chooser.png')
        press_keys('Escape')
        wait_for(lambda: find_window(app, 'Import Visits from a Calendar') is None, 'the chooser to close')

        # 2. the command line reads and writes the same database
        r = cli(env, 'list', '--database', db)
        check(r.returncode == 0 and 'Morales' in r.stdout,
              'homeward list reads the database while the window has it open')
        r = cli(env, 'import', '--database', db, case_file)
        check(r.returncode == 0, 'homeward import adds a family while the window is open ' + r.stderr.strip())

        # 3. the window follows
        try:
            wait_for(lambda: any(n.startswith(IMPORTED) for n in family_rows(frame)),
                     'the imported family in the window', timeout=20)
            seen = True
        except RuntimeError:
            seen = False
        check(seen, 'the window shows the family the command line added: %s' % family_rows(frame))

        # 4. an edit in the window, saved at once; then a crash
        open_family(frame, 'Morales')
        tabs = all_named(frame, pyatspi.ROLE_PAGE_TAB, 'People')
        for tab in tabs:
            try:
                click(tab)
            except Exception:
                continue
        time.sleep(1)
        add = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Add Person'), 'the Add Person button')
        click(add)
        dialog = wait_for(lambda: find_window(app, 'Add Person'), 'the Add Person dialog')
        wait_for(lambda: find(dialog, pyatspi.ROLE_TEXT, 'Name'), 'the name field')
        time.sleep(0.5)
        type_text(PERSON)
        click(wait_for(lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Add'), 'the Add button'))
        people = wait_for(lambda: find(frame, pyatspi.ROLE_LIST, 'People'), 'the list of people')
        row = wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, PERSON), 'the new row', timeout=15)
        check(row is not None, 'the window shows the new person as saved')

        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=20)
        killed = True

        # 5. everything the window showed as saved is in the file
        check(query(db, 'SELECT count(*) FROM people WHERE name = ?', PERSON)[0][0] == 1,
              'after kill -9 the person added in the window is in the database')
        check(query(db, 'SELECT count(*) FROM cases WHERE family_name = ?', IMPORTED)[0][0] == 1,
              'so is the family the command line imported')
        check(query(db, 'PRAGMA integrity_check')[0][0] == 'ok', 'the database passes integrity_check')
        r = cli(env, 'list', '--database', db)
        check(r.returncode == 0 and IMPORTED in r.stdout and 'Morales' in r.stdout,
              'homeward list opens it after the crash and lists both families')
        ok = True
    finally:
        if not killed and proc.poll() is None:
            proc.kill()
            proc.wait()
        log.seek(0)
        if failures or not ok:
            sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in log))
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures or not ok else 0


if __name__ == '__main__':
    sys.exit(main())
