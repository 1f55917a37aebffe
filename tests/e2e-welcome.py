#!/usr/bin/python3
# e2e-welcome.py: the first start on an empty database, through the
# accessibility tree as a screen reader or a keyboard user meets it: the
# welcome page with its two buttons and nothing in the database; "Try the
# Sample Family" opens the Morales family, marked as a sample in the list
# and above its page; on another empty database, "Add My First Family"
# opens the New Family dialog. No family exists before a click.
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
import time

import pyatspi

from e2e_common import (HOMEWARD, app_env, check, click, failures, find, find_app, find_window,
                        passed, press_keys, query, screenshot, start_app, wait_for)

MARK = 'Sample — not a real family'
SAMPLE = 'Try the Sample Family'
FIRST = 'Add My First Family'


def n_cases(db):
    return query(db, 'SELECT count(*) FROM cases')[0][0]


def cli_list(db, env):
    proc = subprocess.run([HOMEWARD, 'list', '--database', db], env=env,
                          capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout + proc.stderr


def start(db, env, log):
    return start_app(db, env, log)


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    # the next run must not find this one on the bus
    wait_for(lambda: find_app() is None, 'the app to leave the accessibility bus', timeout=30)


def welcome_page(frame, db, what):
    """The welcome page on an empty database; returns its two buttons."""
    title = wait_for(lambda: find(frame, pyatspi.ROLE_LABEL, 'Welcome to Homeward'),
                     'the welcome page')
    check(title is not None, what + ': the welcome page is shown')
    sample = find(frame, pyatspi.ROLE_PUSH_BUTTON, SAMPLE)
    first = find(frame, pyatspi.ROLE_PUSH_BUTTON, FIRST)
    check(sample is not None and first is not None, what + ': it has both buttons')
    check(find(frame, pyatspi.ROLE_LABEL, lambda n: n and 'children can come home' in n) is not None,
          what + ': it says what Homeward is for')
    check(sample is not None and sample.getState().contains(pyatspi.STATE_FOCUSED),
          what + ': the keyboard starts on "%s"' % SAMPLE)
    check(n_cases(db) == 0, what + ': nothing was added to the database before a click')
    return sample, first


def test_sample(tmp, env, log):
    db = os.path.join(tmp, 'sample.db')
    proc, app, frame = start(db, env, log)
    try:
        sample, _ = welcome_page(frame, db, 'first start')
        screenshot('welcome.png')
        # a few seconds more: still nothing added by itself
        time.sleep(2)
        check(n_cases(db) == 0, 'still no family while nobody clicks')
        # (GTK 4.8 leaves hidden widgets out of the tree: the band is not
        # there until a sample family is open)
        check(find(frame, pyatspi.ROLE_LABEL, MARK) is None, 'no sample band yet')

        # Enter on the focused button, as a keyboard user would
        press_keys('Return')
        wait_for(lambda: 'Morales' in frame.name, 'the sample family to open')
        check('Morales' in frame.name, '"%s" opens the Morales family: %s' % (SAMPLE, frame.name))
        check(query(db, 'SELECT family_name, sample FROM cases') == [('Morales', 1)],
              'the database holds one family, the sample, marked cases.sample = 1')
        banner = wait_for(lambda: find(frame, pyatspi.ROLE_LABEL, MARK), 'the sample band')
        check(banner is not None, 'the family\'s page says "%s"' % MARK)
        families = find(frame, pyatspi.ROLE_LIST, 'Families')
        row = families and find(families, pyatspi.ROLE_LIST_ITEM, lambda n: n and n.startswith('Morales'))
        check(row is not None and MARK in row.name,
              'the row in the list of families says it too: %s' % (row.name if row else None))
        screenshot('sample-family.png')
    finally:
        stop(proc)
    code, out = cli_list(db, env)
    check(code == 0 and 'Morales' in out and out.count('FC-2026-0142') == 1,
          'homeward list shows the one sample family: ' + out.strip())


def test_first_family(tmp, env, log):
    db = os.path.join(tmp, 'first.db')
    proc, app, frame = start(db, env, log)
    try:
        _, first = welcome_page(frame, db, 'second run, another empty database')
        click(first)
        dialog = wait_for(lambda: find_window(app, 'New Family'), 'the New Family dialog')
        check(dialog is not None, '"%s" opens the New Family dialog' % FIRST)
        screenshot('new-family.png')
        check(n_cases(db) == 0, 'opening the dialog adds nothing')
        press_keys('Escape')
        wait_for(lambda: find_window(app, 'New Family') is None, 'Escape to close the dialog', timeout=15)
        check(find(frame, pyatspi.ROLE_PUSH_BUTTON, SAMPLE) is not None,
              'closed unsaved: the welcome page is still there')
    finally:
        stop(proc)
    code, out = cli_list(db, env)
    check(code == 0 and n_cases(db) == 0 and 'no cases yet' in out,
          'homeward list: no family was created: ' + out.strip())


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-welcome-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    ok = False
    try:
        test_sample(tmp, env, log)
        test_first_family(tmp, env, log)
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
