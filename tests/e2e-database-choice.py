#!/usr/bin/python3
# e2e-database-choice.py: the place chosen in Preferences to keep the
# families (the key "database") when Homeward starts with no --database.
# A chosen server that does not answer: the program says so on stderr and
# in a window, whose "Open the File on This Computer" opens this
# computer's file for this time (the welcome page), the choice staying as
# it was. A key set by hand with a password is never used: the commands
# refuse it in words without showing the password, and --database still
# wins.
#
# Runs under tests/run-with-display.sh (Xvfb + a D-Bus session), with
# Debian's /usr/bin/python3 (python3-pyatspi). HOMEWARD_SCREENSHOT_DIR=DIR
# saves pictures of each step.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import signal
import subprocess
import sys
import tempfile

import pyatspi

from e2e_common import (HOMEWARD, app_env, check, click, failures, find, find_app, passed,
                        screenshot, wait_for)

# nothing listens on port 1: refused at once
NO_SERVER = 'postgresql://alice@127.0.0.1:1/homeward?connect_timeout=5'
WITH_PASSWORD = 'postgresql://alice:S3cret-pw@db.agency.example/homeward'


def gsettings(env, *args):
    return subprocess.run(['gsettings'] + list(args), env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-choice-')
    env = app_env(tmp)
    gsettings(env, 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true')
    gsettings(env, 'set', 'app.homeward.Homeward', 'lock-after-minutes', '0')
    default_file = os.path.join(env['XDG_DATA_HOME'], 'homeward', 'homeward.db')
    ok = False
    proc = None
    log = open(os.path.join(tmp, 'app.log'), 'w')
    try:
        # a key with a password, set by hand: refused, never used
        gsettings(env, 'set', 'app.homeward.Homeward', 'database', WITH_PASSWORD)
        listed = subprocess.run([HOMEWARD, 'list'], env=env, capture_output=True, text=True, timeout=60)
        words = listed.stdout + listed.stderr
        check(listed.returncode != 0 and '~/.pgpass' in words and 'chosen in Preferences' in words,
              '`homeward list` refuses a chosen address with a password: ' + words)
        check('S3cret-pw' not in words, 'the password is not shown')
        listed = subprocess.run([HOMEWARD, 'list', '--database', os.path.join(tmp, 'other.db')],
                                env=env, capture_output=True, text=True, timeout=60)
        check(listed.returncode == 0, '--database wins over the choice: ' + listed.stdout + listed.stderr)
        check(not os.path.exists(default_file), 'no file made on this computer')

        # a chosen server that does not answer
        gsettings(env, 'set', 'app.homeward.Homeward', 'database', NO_SERVER)
        proc = subprocess.Popen([HOMEWARD], env=env, stdout=log, stderr=subprocess.STDOUT)

        def started():
            if proc.poll() is not None:
                raise SystemExit('Bail out! the app ended early with status %d' % proc.returncode)
            return find_app()
        app = wait_for(started, 'the app on the accessibility bus')
        frame = wait_for(lambda: find(app, pyatspi.ROLE_FRAME), 'the window that says why')
        wait_for(lambda: find(frame, pyatspi.ROLE_LABEL, 'The database could not be opened'), 'its title')
        said = wait_for(lambda: find(frame, pyatspi.ROLE_LABEL, lambda n: 'chosen in Preferences' in (n or '')),
                        'the words about the choice')
        check('127.0.0.1' in said.name, 'it names the server: ' + said.name)
        button = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Open the File on This Computer'),
                          'the Open the File on This Computer button')
        screenshot('database-choice-no-server.png')
        check(not os.path.exists(default_file), 'nothing made on this computer before the click')
        click(button)
        wait_for(lambda: find(app, pyatspi.ROLE_LABEL, 'Welcome to Homeward'),
                 "the welcome page of this computer's file")
        check(os.path.exists(default_file), "this computer's file is open: " + default_file)
        check(find(app, pyatspi.ROLE_PUSH_BUTTON, 'Use Your Agency’s Server…') is not None,
              "the welcome page offers the agency's server")
        screenshot('database-choice-this-computer.png')
        check(gsettings(env, 'get', 'app.homeward.Homeward', 'database') == "'%s'" % NO_SERVER,
              'the choice stays for the next start')
        ok = True
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()
        with open(os.path.join(tmp, 'app.log'), errors='replace') as f:
            text = f.read()
        check('Homeward cannot open the database' in text, 'the reason is on stderr too')
        if failures or not ok:
            sys.stdout.write('# app log:\n' + ''.join('# ' + line + '\n' for line in text.splitlines()))
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures or not ok else 0


if __name__ == '__main__':
    sys.exit(main())
