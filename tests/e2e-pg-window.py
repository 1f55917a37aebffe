#!/usr/bin/python3
# e2e-pg-window.py: the window on a PostgreSQL server (issue 17). Chooses
# the test cluster as each caseworker does in Preferences (the key
# "database"; the command line's `list` follows it, `--database` wins),
# opens `homeward` with NO --database (so on the server, nothing made on
# this computer), adds a person
# through the Add Person dialog, checks the row and the server, undoes with
# Ctrl+Z, checks both again, then lets another program add a person and
# checks that the window shows it within seconds (hw_store_refresh ()).
# Then the window edits that person while the other program changes it:
# the save is refused with the message shown in the dialog and the newer
# text (row versions, "Many writers" in docs/agency-server.md).
#
# Runs as tests/pg-cluster.sh run tests/run-with-display.sh THIS (suite pg):
# the cluster's address is in HOMEWARD_TEST_PG_URI. Skipped (77) without it.
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

from e2e_common import (HOMEWARD, psql, app_env, check, click, failures, find, find_window,
                        passed, press_keys, screenshot, start_app, type_text, wait_for)

NAME = 'Zoë Example-Testperson'


def people_named(uri, name):
    return int(psql(uri, "SELECT count(*) FROM people WHERE name = '%s'" % name.replace("'", "''")))


def main():
    uri = os.environ.get('HOMEWARD_TEST_PG_URI')
    if not uri:
        print('# SKIP: no PostgreSQL cluster; run it through tests/pg-cluster.sh run')
        return 77
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-pg-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    # the first open makes the schema; a family written by another program
    subprocess.run([HOMEWARD, 'list', '--database', uri], env=env, check=True, capture_output=True)
    psql(uri, "INSERT INTO cases (family_name, case_number) VALUES ('Rivera', '2026-0042')")

    # the server chosen in Preferences (the key the Save Choice button
    # writes); the command line follows it, and --database wins
    subprocess.run(['gsettings', 'set', 'app.homeward.Homeward', 'database', uri], env=env, check=True)
    listed = subprocess.run([HOMEWARD, 'list'], env=env, capture_output=True, text=True)
    check(listed.returncode == 0 and 'Rivera' in listed.stdout,
          '`homeward list` without --database lists the server chosen: ' + listed.stdout + listed.stderr)
    other_file = os.path.join(tmp, 'other.db')
    listed = subprocess.run([HOMEWARD, 'list', '--database', other_file], env=env, capture_output=True, text=True)
    check(listed.returncode == 0 and 'Rivera' not in listed.stdout,
          '--database wins over the choice: ' + listed.stdout + listed.stderr)
    default_file = os.path.join(env['XDG_DATA_HOME'], 'homeward', 'homeward.db')

    log = open(os.path.join(tmp, 'app.log'), 'w')
    # no --database: the choice in Preferences (start_app() kills the app
    # itself when it does not come up)
    proc, app, frame = start_app(None, env, log)
    ok = False
    try:
        check('Rivera' in frame.name, 'the window opens the family on the server: ' + frame.name)
        check(not os.path.exists(default_file), 'no file was made on this computer: ' + default_file)

        click(wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Add Person'), 'the Add Person button'))
        dialog = wait_for(lambda: find_window(app, 'Add Person'), 'the Add Person dialog')
        wait_for(lambda: find(dialog, pyatspi.ROLE_TEXT, 'Name'), 'the name field')
        time.sleep(0.5)
        type_text(NAME)
        click(wait_for(lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Add'), 'the Add button'))
        people = wait_for(lambda: find(frame, pyatspi.ROLE_LIST, 'People'), 'the list of people')
        row = wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, NAME), 'the new row', timeout=15)
        check(row is not None, 'the new person is in the list')
        check(people_named(uri, NAME) == 1, 'the new person is on the server (autosaved)')
        check(int(psql(uri, "SELECT count(*) FROM hw_audit WHERE tbl = 'people' AND change = 'insert'")) == 1,
              'the audit trail has the insert')
        wait_for(lambda: find_window(app, 'Add Person') is None, 'the dialog to close')

        time.sleep(0.5)
        press_keys('Control_L', 'z')
        try:
            wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, NAME) is None, 'the row to go', timeout=15)
            gone = True
        except RuntimeError:
            gone = False
        check(gone, 'Ctrl+Z removes the row')
        check(people_named(uri, NAME) == 0, 'after undo the person is not on the server')

        # another program (psql, journalling and auditing as the store does)
        psql(uri, "SET homeward.journal = on;"
                  "INSERT INTO people (case_id, name, role) SELECT id, 'Other Program', 'father' FROM cases;"
                  "INSERT INTO hw_audit (author, action, tbl, row_id, change)"
                  " SELECT 'someone', 'Add person', 'people', max(id), 'insert' FROM people")
        try:
            wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, 'Other Program'), 'the other row', timeout=15)
            seen = True
        except RuntimeError:
            seen = False
        check(seen, "another program's change shows in the window within seconds")

        # two people editing one person: the window opens "Other Program",
        # another program changes that person meanwhile (as the store does:
        # the version moves on); the window's save is refused, says so and
        # shows the newer text, and nothing of the other change is lost
        click(wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Edit Other Program'),
                       'Edit Other Program'))
        dialog = wait_for(lambda: find_window(app, 'Edit Person'), 'the Edit Person dialog')
        name_field = wait_for(lambda: find(dialog, pyatspi.ROLE_TEXT, 'Name'), 'the name field')
        psql(uri, "SET homeward.journal = on;"
                  "UPDATE people SET name = 'Renamed Elsewhere', version = version + 1"
                  " WHERE name = 'Other Program'")
        # the name field has the focus when the dialog opens
        time.sleep(0.5)
        press_keys('End')
        type_text(' Jr')
        click(wait_for(lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON,
                                    lambda n: (n or '').replace('_', '') in ('Done', 'Done Done')),
                       'the Done button'))
        message = wait_for(lambda: find(dialog, pyatspi.ROLE_LABEL,
                                        lambda n: 'Someone else changed this' in (n or '')),
                           'the message in the dialog', timeout=15)
        check(message is not None and 'make your change again' in message.name,
              'the save is refused with a plain message: %s' % (message.name if message else None))
        check(find_window(app, 'Edit Person') is not None, 'the dialog stays open')
        screenshot('pg-window-conflict.png')
        text = name_field.queryText()
        shown = text.getText(0, text.characterCount)
        check(shown == 'Renamed Elsewhere', 'the dialog shows the newer text: %r' % shown)
        check(people_named(uri, 'Renamed Elsewhere') == 1 and int(psql(uri, "SELECT count(*) FROM people WHERE name LIKE '%Jr'")) == 0,
              'the other change is kept, nothing was overwritten')
        press_keys('Escape')
        wait_for(lambda: find_window(app, 'Edit Person') is None, 'the dialog to close')
        ok = True
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if failures or not ok:
            with open(os.path.join(tmp, 'app.log')) as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures or not ok else 0


if __name__ == '__main__':
    sys.exit(main())
