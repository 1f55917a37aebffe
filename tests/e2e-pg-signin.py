#!/usr/bin/python3
# e2e-pg-signin.py: signing in to the agency's server with a password
# (issue 17: "each person signs in as their own PostgreSQL role"). The
# test cluster asks the role hw_password for its password (tests/
# pg-cluster.sh). Homeward started on an address without one shows "Sign
# In to Your Agency's Server"; a wrong password is refused with the
# server's words and asked again; the right one opens the family on the
# server, both of the store's connections signed in as that role; the
# password is written nowhere (not in the settings, the data folder, the
# command line or the environment). Escape in the window ends Homeward
# quietly, saying why on the terminal.
#
# Runs as tests/pg-cluster.sh run tests/run-with-display.sh THIS (suite pg).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_common import (HOMEWARD, psql, app_env, check, failures, find, find_window,
                        passed, press_keys, screenshot, start_app, type_text, wait_for)

PASSWORD = 'Signin-Pa55-7x'
TITLE = 'Sign In'


def holds_password(root):
    found = []
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            try:
                with open(path, 'rb') as f:
                    if PASSWORD.encode() in f.read():
                        found.append(path)
            except OSError:
                pass
    return found


def sign_in_window(app):
    window = wait_for(lambda: find_window(app, TITLE), 'the Sign In window')
    field = wait_for(lambda: find(window, pyatspi.ROLE_PASSWORD_TEXT), 'the password field')
    # no window manager on the test display: keys go to the window under
    # the pointer, so the pointer goes over the field
    ext = field.queryComponent().getExtents(pyatspi.WINDOW_COORDS)   # the window is at 0,0
    pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2, 'abs')
    time.sleep(0.5)   # the field takes the focus when the window shows
    return window


def main():
    uri = os.environ.get('HOMEWARD_TEST_PG_URI')
    if not uri:
        print('# SKIP: no PostgreSQL cluster; run it through tests/pg-cluster.sh run')
        return 77
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-signin-')
    env = app_env(tmp)
    env['HOME'] = tmp     # no ~/.pgpass to give the password
    env.pop('PGPASSWORD', None)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    subprocess.run([HOMEWARD, 'list', '--database', uri], env=env, check=True, capture_output=True)
    psql(uri, "INSERT INTO cases (family_name, case_number) VALUES ('Okafor', '2026-0077')")
    psql(uri, "DROP ROLE IF EXISTS hw_password;"
              "CREATE ROLE hw_password LOGIN SUPERUSER PASSWORD '%s'" % PASSWORD)
    mine = uri.replace('user=postgres', 'user=hw_password')
    check(mine != uri, 'an address signing in as hw_password')

    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc, app, _ = start_app(mine, env, log, main_window=False)
    try:
        window = sign_in_window(app)
        heading = find(window, pyatspi.ROLE_LABEL, lambda n: 'hw_password' in (n or ''))
        check(heading is not None, 'the window says whose password the server asks for')
        screenshot('pg-signin.png')

        type_text('Wrong-0ne')
        press_keys('Return')
        problem = wait_for(lambda: find(find_window(app, TITLE) or app, pyatspi.ROLE_LABEL,
                                        lambda n: 'did not accept the password' in (n or '')),
                           'the refusal', timeout=30)
        check(problem is not None and 'Wrong-0ne' not in problem.name,
              'a wrong password is refused, said in the window, not shown: %s' % (problem.name if problem else None))
        screenshot('pg-signin-refused.png')

        sign_in_window(app)
        type_text(PASSWORD)
        press_keys('Return')
        frame = wait_for(lambda: find(app, pyatspi.ROLE_FRAME, lambda n: 'Okafor' in (n or '')),
                         'the main window', timeout=60)
        check(frame is not None, 'the right password opens the family on the server')
        sessions = int(psql(uri, "SELECT count(*) FROM pg_stat_activity WHERE usename = 'hw_password'"))
        check(sessions >= 2, 'both connections (edits, announcements) signed in: %d' % sessions)

        with open('/proc/%d/cmdline' % proc.pid, 'rb') as f:
            check(PASSWORD.encode() not in f.read(), 'the password is not on the command line')
        with open('/proc/%d/environ' % proc.pid, 'rb') as f:
            check(PASSWORD.encode() not in f.read(), 'the password is not in the environment')
        log.flush()
        check(holds_password(tmp) == [], 'no file holds the password: %s' % holds_password(tmp))
    except BaseException:
        screenshot('pg-signin-failed.png')
        log.flush()
        with open(log.name, errors='replace') as f:
            sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        raise
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    check(holds_password(tmp) == [], 'no file holds the password after closing')

    # cancelled: Homeward ends, saying why on the terminal only
    time.sleep(1.0)
    log2 = open(os.path.join(tmp, 'app2.log'), 'w')
    proc, app, _ = start_app(mine, env, log2, main_window=False)
    try:
        sign_in_window(app)
        press_keys('Escape')
        status = proc.wait(timeout=30)
        check(status == 1, 'Escape ends Homeward (status %d)' % status)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with open(os.path.join(tmp, 'app2.log'), errors='replace') as f:
        said = f.read()
    check('asks for the password' in said, 'the terminal says why: %r' % said.strip()[-200:])

    psql(uri, 'DROP OWNED BY hw_password; DROP ROLE hw_password')
    shutil.rmtree(tmp, ignore_errors=True)
    for what in failures:
        print('# FAILED: ' + what)
    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
