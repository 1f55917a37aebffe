#!/usr/bin/python3
# e2e-pg-two-windows.py: two Homeward windows (two processes, two people:
# the roles alice and bob) on one PostgreSQL server (issue 17: "a test
# with two app processes on one server"). Alice adds a person through her
# window: it shows in Bob's window within seconds (LISTEN/NOTIFY, no
# other program involved) and the audit trail names her. Then both open
# the same person to edit; Alice saves first; Bob's save is refused with
# the message and his dialog shows Alice's text; her change is kept and
# the audit trail names only her for it.
#
# No window manager on the test display: every window opens at the top
# left, the newest on top, and the keys go to the window under the
# pointer. The order of opening decides who types: Bob's dialog is
# opened before Alice's, so Alice types first, and Bob's dialog is on
# top once hers has closed.
#
# Runs as tests/pg-cluster.sh run tests/run-with-display.sh THIS (suite pg).
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

NEW = 'Zoë Twowindows-Example'
BEFORE = 'Marco Rivera'


def start(uri, env, log):
    proc, app, _ = start_app(uri, env, log)
    frame = wait_for(lambda: find(app, pyatspi.ROLE_FRAME, lambda n: 'Rivera' in (n or '')),
                     'the window of the Rivera family')
    return proc, app, frame


def pointer_at_top_left():
    # the keys go to the window under the pointer: the newest, on top
    pyatspi.Registry.generateMouseEvent(60, 60, 'abs')
    time.sleep(0.3)


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def main():
    uri = os.environ.get('HOMEWARD_TEST_PG_URI')
    if not uri:
        print('# SKIP: no PostgreSQL cluster; run it through tests/pg-cluster.sh run')
        return 77
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-two-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    subprocess.run([HOMEWARD, 'list', '--database', uri], env=env, check=True, capture_output=True)
    psql(uri, "INSERT INTO cases (family_name, case_number) VALUES ('Rivera', '2026-0042');"
              "INSERT INTO people (case_id, name, role) SELECT id, '%s', 'father' FROM cases" % BEFORE)
    psql(uri, "DROP ROLE IF EXISTS alice; CREATE ROLE alice LOGIN SUPERUSER;"
              "DROP ROLE IF EXISTS bob; CREATE ROLE bob LOGIN SUPERUSER")
    alice_uri = uri.replace('user=postgres', 'user=alice')
    bob_uri = uri.replace('user=postgres', 'user=bob')
    check(alice_uri != uri and bob_uri != uri, 'two people, each their own role')

    procs = []
    logs = [open(os.path.join(tmp, 'alice.log'), 'w'), open(os.path.join(tmp, 'bob.log'), 'w')]
    ok = False
    try:
        a_proc, alice, a_frame = start(alice_uri, env, logs[0])
        procs.append(a_proc)
        b_proc, bob, b_frame = start(bob_uri, env, logs[1])
        procs.append(b_proc)
        check(a_proc.pid != b_proc.pid, 'two app processes')

        # Alice adds a person; Bob's window shows it
        b_people = wait_for(lambda: find(b_frame, pyatspi.ROLE_LIST, 'People'), "Bob's list of people")
        click(wait_for(lambda: find(a_frame, pyatspi.ROLE_PUSH_BUTTON, 'Add Person'), "Alice's Add Person"))
        dialog = wait_for(lambda: find_window(alice, 'Add Person'), "Alice's Add Person dialog")
        wait_for(lambda: find(dialog, pyatspi.ROLE_TEXT, 'Name'), 'the name field')
        pointer_at_top_left()
        type_text(NEW)
        click(wait_for(lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Add'), 'the Add button'))
        wait_for(lambda: find_window(alice, 'Add Person') is None, "Alice's dialog to close")
        start_wait = time.monotonic()
        try:
            wait_for(lambda: find(b_people, pyatspi.ROLE_LIST_ITEM, NEW), "Alice's person in Bob's window",
                     timeout=20)
            seen = time.monotonic() - start_wait
        except RuntimeError:
            seen = None
        check(seen is not None, "Alice's new person shows in Bob's window (after %s s)" %
              ('%.1f' % seen if seen is not None else 'never'))
        check(psql(uri, "SELECT string_agg(author, ',') FROM hw_audit WHERE tbl = 'people' AND change = 'insert'")
              == 'alice', 'the audit trail names Alice for it')

        # both edit the same person: Bob opens it first, then Alice
        click(wait_for(lambda: find(b_frame, pyatspi.ROLE_PUSH_BUTTON, 'Edit ' + BEFORE), "Bob's Edit " + BEFORE))
        b_dialog = wait_for(lambda: find_window(bob, 'Edit Person'), "Bob's Edit Person dialog")
        b_name = wait_for(lambda: find(b_dialog, pyatspi.ROLE_TEXT, 'Name'), "Bob's name field")
        time.sleep(0.5)
        click(wait_for(lambda: find(a_frame, pyatspi.ROLE_PUSH_BUTTON, 'Edit ' + BEFORE), "Alice's Edit " + BEFORE))
        a_dialog = wait_for(lambda: find_window(alice, 'Edit Person'), "Alice's Edit Person dialog")
        wait_for(lambda: find(a_dialog, pyatspi.ROLE_TEXT, 'Name'), "Alice's name field")
        time.sleep(0.5)
        pointer_at_top_left()
        press_keys('End')
        type_text(' Sr')
        click(wait_for(lambda: find(a_dialog, pyatspi.ROLE_PUSH_BUTTON,
                                    lambda n: (n or '').replace('_', '') in ('Done', 'Done Done')),
                       "Alice's Done"))
        wait_for(lambda: find_window(alice, 'Edit Person') is None, "Alice's dialog to close")
        check(psql(uri, "SELECT name FROM people WHERE name LIKE 'Marco%'") == BEFORE + ' Sr', "Alice's change is saved")

        # Bob's dialog is on top now: he types and saves over her change
        pointer_at_top_left()
        time.sleep(0.5)
        press_keys('End')
        type_text(' Jr')
        check(text_of(b_name) == BEFORE + ' Jr', "Bob typed his change: %r" % text_of(b_name))
        click(wait_for(lambda: find(b_dialog, pyatspi.ROLE_PUSH_BUTTON,
                                    lambda n: (n or '').replace('_', '') in ('Done', 'Done Done')),
                       "Bob's Done"))
        message = wait_for(lambda: find(b_dialog, pyatspi.ROLE_LABEL,
                                        lambda n: 'Someone else changed this' in (n or '')),
                           "the message in Bob's dialog", timeout=20)
        check(message is not None, "Bob's save is refused: %s" % (message.name if message else None))
        check(find_window(bob, 'Edit Person') is not None, "Bob's dialog stays open")
        shown = text_of(b_name)
        check(shown == BEFORE + ' Sr', "Bob's dialog shows Alice's text: %r" % shown)
        screenshot('pg-two-windows-conflict.png')
        check(psql(uri, "SELECT name FROM people WHERE name LIKE 'Marco%'") == BEFORE + ' Sr',
              "Alice's change is kept, nothing overwritten")
        check(psql(uri, "SELECT string_agg(DISTINCT author, ',') FROM hw_audit WHERE tbl = 'people' AND change = 'update'")
              == 'alice', 'the audit trail names only Alice for the change')
        press_keys('Escape')
        ok = True
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        for log in logs:
            log.close()
        if failures or not ok:
            for name in ('alice.log', 'bob.log'):
                with open(os.path.join(tmp, name), errors='replace') as f:
                    sys.stdout.write('# %s:\n' % name + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)
    psql(uri, 'DROP OWNED BY alice; DROP OWNED BY bob; DROP ROLE alice; DROP ROLE bob')

    for what in failures:
        print('# FAILED: ' + what)
    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures or not ok else 0


if __name__ == '__main__':
    sys.exit(main())
