#!/usr/bin/python3
# e2e-people.py: drives the real app through the accessibility tree, as a
# screen reader or a person with a keyboard would: add a person, check the
# row and the database, undo with Ctrl+Z, check both again. Also checks that
# a file that is not a Homeward database is refused with a clear message
# and left untouched.
#
# Runs under tests/run-with-display.sh (Xvfb + a D-Bus session), with
# Debian's /usr/bin/python3 (python3-pyatspi). HOMEWARD_KEEP_LOG=FILE keeps
# the app's own output for a look afterwards.
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

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_app, find_shallow,
                        find_window, passed, press_keys, query, type_text, wait_for)

NAME = 'Zoë Example-Testperson'


def rows_named(db, name):
    return query(db, 'SELECT count(*) FROM people WHERE name = ?', name)[0][0]


def test_bad_database(tmp, env):
    bad = os.path.join(tmp, 'notes.db')
    content = b'These are my notes, not a database.\n' * 20
    with open(bad, 'wb') as f:
        f.write(content)
    no_display = dict(env)
    no_display.pop('DISPLAY', None)
    no_display.pop('WAYLAND_DISPLAY', None)
    proc = subprocess.run([HOMEWARD, '--database', bad], env=no_display,
                          capture_output=True, timeout=60)
    check(proc.returncode != 0, 'a file that is not a Homeward database ends the app with an error')
    check(bad.encode() in proc.stderr and b'cannot open' in proc.stderr,
          'the message on stderr names the file: ' + proc.stderr.decode(errors='replace').strip())
    with open(bad, 'rb') as f:
        check(f.read() == content, 'the refused file is left byte for byte as it was')


def test_bad_database_window(tmp, env):
    """With a display, the same refusal is also shown in a window."""
    bad = os.path.join(tmp, 'notes.db')
    log = open(os.path.join(tmp, 'bad-window.log'), 'w+')
    proc = subprocess.Popen([HOMEWARD, '--database', bad], env=env,
                            stdout=log, stderr=subprocess.STDOUT)

    def shown():
        # an app that ended before it showed anything says why, at once
        if proc.poll() is not None:
            log.seek(0)
            raise SystemExit('Bail out! the app ended (%s) before showing the error: %s'
                             % (proc.returncode, log.read()))
        return find_app()
    try:
        app = wait_for(shown, 'the app showing the error')
        title = wait_for(lambda: find(app, pyatspi.ROLE_LABEL, 'The database could not be opened'),
                         'the error page')
        check(title is not None, 'a window says that the database could not be opened')
        close = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, 'Close'), 'the Close button')
        click(close)
        proc.wait(timeout=30)
        check(proc.returncode == 1, 'closing that window ends the app with status 1 (%s)' % proc.returncode)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)

    test_bad_database(tmp, env)
    test_bad_database_window(tmp, env)

    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc = subprocess.Popen([HOMEWARD, '--database', db], env=env, stdout=log, stderr=subprocess.STDOUT)
    ok = False
    try:
        def started():
            if proc.poll() is not None:
                raise SystemExit('the app ended early with status %d' % proc.returncode)
            return find_app()
        app = wait_for(started, 'the app on the accessibility bus')
        frame = wait_for(lambda: find(app, pyatspi.ROLE_FRAME), 'the main window')
        check('Morales' in frame.name, 'the app opens the sample family (homeward demo): ' + frame.name)

        people = wait_for(lambda: find(frame, pyatspi.ROLE_LIST, 'People'), 'the list of people')
        before = len([n for n in people if n is not None])
        check(before > 0, 'the demo family has people (%d)' % before)
        check(find(people, pyatspi.ROLE_LIST_ITEM, NAME) is None, 'the new person is not there yet')

        add = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Add Person'), 'the Add Person button')
        click(add)
        dialog = wait_for(lambda: find_window(app, 'Add Person'), 'the Add Person dialog')
        # the dialog puts the focus on the name; type it as a person would
        # (GTK 4.8 does not expose an entry row's text: the list row and
        # the database below show what was typed)
        wait_for(lambda: find(dialog, pyatspi.ROLE_TEXT, 'Name'), 'the name field')
        time.sleep(0.5)
        type_text(NAME)
        confirm = wait_for(lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Add'), 'the Add button')
        click(confirm)

        row = wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, NAME), 'the new row', timeout=15)
        check(row is not None, 'the new person is in the list')
        check(rows_named(db, NAME) == 1, 'the new person is in the database (autosaved)')
        wait_for(lambda: find_window(app, 'Add Person') is None, 'the dialog to close')

        # Ctrl+Z in the main window
        time.sleep(0.5)
        press_keys('Control_L', 'z')
        try:
            toast = wait_for(lambda: find_shallow(frame, pyatspi.ROLE_LABEL, 'Undone: Add person'),
                             'the toast', timeout=10)
        except RuntimeError:
            toast = None
        check(toast is not None, 'a toast says what was undone')
        try:
            wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, NAME) is None, 'the row to go', timeout=15)
            gone = True
        except RuntimeError:
            gone = False
        check(gone, 'Ctrl+Z removes the row')
        check(rows_named(db, NAME) == 0, 'after undo the person is not in the database')
        after = len([n for n in people if n is not None])
        check(after == before, 'the list is as before (%d rows)' % after)

        # keyboard only: Ctrl+N opens the dialog, Escape closes it unsaved
        press_keys('Control_L', 'n')
        dialog = wait_for(lambda: find_window(app, 'Add Person'), 'Ctrl+N to open the dialog', timeout=15)
        check(dialog is not None, 'Ctrl+N opens the Add Person dialog')
        time.sleep(0.5)
        type_text('Nobody')
        press_keys('Escape')
        wait_for(lambda: find_window(app, 'Add Person') is None, 'Escape to close the dialog', timeout=15)
        check(rows_named(db, 'Nobody') == 0 and find(people, pyatspi.ROLE_LIST_ITEM, 'Nobody') is None,
              'Escape closes the dialog and writes nothing')
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
        if os.environ.get("HOMEWARD_KEEP_LOG"):
            shutil.copy(os.path.join(tmp, "app.log"), os.environ["HOMEWARD_KEEP_LOG"])
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
