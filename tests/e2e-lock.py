#!/usr/bin/python3
# e2e-lock.py: the screen lock, through the accessibility tree of the real
# app, as a screen reader would read it: while locked, no node of the tree
# names the family (the case widgets are hidden, not drawn over), shortcuts
# do not reach the hidden window, a wrong passphrase keeps it locked with a
# message, the right one opens it again. With a passphrase set the app
# starts locked.
#
# Runs under tests/run-with-display.sh (Xvfb + a D-Bus session), with
# Debian's /usr/bin/python3 (python3-pyatspi; crypt for the hash).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import warnings

import pyatspi

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_app, find_window,
                        passed, press_keys, type_text, wait_for, walk)

with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)
    import crypt

FAMILY = 'Morales'
PASS = 'kitchen table 7'


def names_in_tree(app):
    """Every name, description and text in the tree of @app."""
    seen = []
    for node in walk(app):
        try:
            seen.append(node.name or '')
            seen.append(node.description or '')
            try:
                text = node.queryText()
                seen.append(text.getText(0, -1) or '')
            except NotImplementedError:
                pass
        except Exception:
            continue
    return seen


def family_named(app):
    return [s for s in names_in_tree(app) if FAMILY in s]


def set_passphrase(db, passphrase):
    # a yescrypt hash made with libxcrypt, as hw-lock.c stores it
    setting = '$y$j9T$' + crypt.mksalt(crypt.METHOD_SHA512)[3:19] + '$'
    hashed = crypt.crypt(passphrase, setting)
    assert hashed and hashed.startswith('$y$'), hashed
    with sqlite3.connect(db) as con:
        con.execute("INSERT INTO hw_settings (key, value) VALUES ('lock-passphrase-hash', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (hashed,))


def start(db, env, log):
    proc = subprocess.Popen([HOMEWARD, '--database', db], env=env, stdout=log, stderr=subprocess.STDOUT)

    def started():
        if proc.poll() is not None:
            raise SystemExit('the app ended early with status %d' % proc.returncode)
        return find_app()
    app = wait_for(started, 'the app on the accessibility bus')
    frame = wait_for(lambda: find(app, pyatspi.ROLE_FRAME), 'the main window')
    return proc, app, frame


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def locked_label(app):
    # GTK 4.8 sets no "showing" state below the frame; hidden widgets are
    # left out of the tree, so being in it is what counts
    return find(app, pyatspi.ROLE_LABEL, 'Homeward is locked')


def check_locked(app, frame, when):
    check(wait_for(lambda: locked_label(app), 'the lock screen', timeout=15) is not None,
          when + ': the lock screen is shown')
    named = family_named(app)
    check(not named, when + ': nothing in the accessibility tree names the family (%s)' % named[:3])
    check(frame.name == 'Homeward', when + ': the window title is plain "Homeward" (%s)' % frame.name)


def test_no_passphrase(db, env, log):
    proc, app, frame = start(db, env, log)
    try:
        wait_for(lambda: FAMILY in frame.name, 'the demo family')
        check(bool(family_named(app)), 'unlocked, the family is in the tree')
        time.sleep(0.5)
        press_keys('Control_L', 'l')
        check_locked(app, frame, 'Ctrl+L')

        # a shortcut of the hidden window does nothing while locked
        press_keys('Control_L', 'n')
        time.sleep(1.5)
        check(find_window(app, 'Add Person') is None, 'Ctrl+N while locked opens no dialog')
        press_keys('F10')
        time.sleep(1.5)
        check(find(app, name='Keyboard Shortcuts') is None and not family_named(app),
              'F10 while locked opens no menu')
        press_keys('Escape')

        unlock = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, 'Unlock'), 'the Unlock button')
        click(unlock)
        wait_for(lambda: FAMILY in frame.name, 'the family to come back', timeout=15)
        check(locked_label(app) is None and bool(family_named(app)),
              'without a passphrase, Unlock opens it with a click')
    finally:
        stop(proc)


def test_passphrase(db, env, log):
    set_passphrase(db, PASS)
    proc, app, frame = start(db, env, log)
    try:
        check_locked(app, frame, 'with a passphrase set, at start')
        entry = wait_for(lambda: find(app, pyatspi.ROLE_PASSWORD_TEXT, 'Passphrase')
                         or find(app, pyatspi.ROLE_TEXT, 'Passphrase'), 'the passphrase field')
        check(entry is not None, 'the passphrase field is there')
        time.sleep(0.5)
        type_text('kitchen table 8')
        press_keys('Return')
        message = wait_for(lambda: find(app, pyatspi.ROLE_LABEL, 'That passphrase is not right. Try again.'), 'the message', timeout=15)
        check(message is not None, 'a wrong passphrase says so')
        check_locked(app, frame, 'after a wrong passphrase')

        type_text(PASS)
        press_keys('Return')
        wait_for(lambda: FAMILY in frame.name, 'the family to come back', timeout=15)
        check(locked_label(app) is None and bool(family_named(app)), 'the right passphrase opens it')
    finally:
        stop(proc)


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-lock-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    ok = False
    try:
        test_no_passphrase(db, env, log)
        test_passphrase(db, env, log)
        ok = True
    finally:
        log.close()
        if failures or not ok:
            with open(os.path.join(tmp, 'app.log')) as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
