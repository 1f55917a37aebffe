#!/usr/bin/python3
# e2e-backup.py: backups through the real app and its accessibility tree.
# The app starts on a new database with its own HOME and XDG_DATA_HOME; the
# day's backup must appear in XDG_DATA_HOME/homeward/backups. Then a person
# is added, and Restore from Backup… (main menu, F10) puts the day's backup
# back: after the confirmation the person is gone from the list and from
# the database, what was there is saved as a backup first, and a toast says
# what happened. Quitting makes the backup on closing.
#
# Runs under tests/run-with-display.sh with Debian's /usr/bin/python3.
# HOMEWARD_SCREENSHOT_DIR=DIR saves pictures of the restore dialogs.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_window,
                        passed, press_keys, query, screenshot, start_app, type_text, wait_for)

NAME = 'Wilhelmina Backup-Testperson'


def rows_named(db, name):
    return query(db, 'SELECT count(*) FROM people WHERE name = ?', name)[0][0]


def backups(folder, kind):
    return sorted(glob.glob(os.path.join(folder, 'homeward-*-%s.db' % kind)))


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-backup-')
    env = app_env(tmp)
    env['HOME'] = os.path.join(tmp, 'home')
    os.makedirs(env['HOME'])
    folder = os.path.join(env['XDG_DATA_HOME'], 'homeward', 'backups')
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)

    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc, app, frame = start_app(db, env, log)
    ok = False
    try:

        # the day's backup, soon after the window shows
        daily = wait_for(lambda: backups(folder, 'daily'), 'the day\'s backup', timeout=30)
        check(len(daily) == 1, 'the first start of the day makes a backup: %s' % os.path.basename(daily[0]))
        check(stat.S_IMODE(os.stat(daily[0]).st_mode) == 0o600, 'the backup is private (0600)')
        check(stat.S_IMODE(os.stat(folder).st_mode) == 0o700, 'the backups folder is private (0700)')
        n_families = query(daily[0], 'SELECT count(*) FROM cases')[0][0]
        check(n_families >= 1, 'the backup holds the families (%d)' % n_families)

        # a person added after the backup
        people = wait_for(lambda: find(frame, pyatspi.ROLE_LIST, 'People'), 'the list of people')
        add = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Add Person'), 'the Add Person button')
        click(add)
        dialog = wait_for(lambda: find_window(app, 'Add Person'), 'the Add Person dialog')
        wait_for(lambda: find(dialog, pyatspi.ROLE_TEXT, 'Name'), 'the name field')
        time.sleep(0.5)
        type_text(NAME)
        click(wait_for(lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Add'), 'the Add button'))
        wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, NAME), 'the new row', timeout=15)
        check(rows_named(db, NAME) == 1, 'the new person is in the database')
        wait_for(lambda: find_window(app, 'Add Person') is None, 'the dialog to close')

        # main menu → Restore from Backup…
        time.sleep(0.5)
        # GtkMenuButton shows as two nodes named Main Menu: the one that
        # acts; the welcome page has one too (hidden while there are
        # families, but still in GTK 4.8's tree): try each until the menu
        # shows
        def menu_buttons():
            out = []
            for node in pyatspi.findAllDescendants(frame, lambda x: x.name == 'Main Menu'):
                try:
                    if node.queryAction().nActions > 0:
                        out.append(node)
                except NotImplementedError:
                    continue
            return out
        item = None
        for button in wait_for(menu_buttons, 'the main menu button'):
            click(button)
            try:
                item = wait_for(lambda: find(app, pyatspi.ROLE_MENU_ITEM, 'Restore from Backup…'),
                                'the menu item', timeout=5)
                break
            except RuntimeError:
                press_keys('Escape')
                time.sleep(0.5)
        if item is None:
            raise RuntimeError('gave up waiting for the menu item')
        click(item)
        restore = wait_for(lambda: find_window(app, 'Restore from Backup'), 'the Restore from Backup dialog')
        check(restore is not None, 'the menu opens Restore from Backup')
        listing = wait_for(lambda: find(restore, pyatspi.ROLE_LIST, 'Automatic Backups'), 'the list of backups')
        rows = [r for r in listing if r is not None]
        check(len(rows) == 1, 'one automatic backup is listed (%d)' % len(rows))
        row = rows[0]
        subtitle = find(row, pyatspi.ROLE_LABEL, lambda n: n is not None and 'famil' in n)
        check(subtitle is not None and subtitle.name.startswith('%d famil' % n_families),
              'the row says how many families it holds: %s' % (subtitle.name if subtitle else None))
        check(find(restore, None, 'Choose a File…') is not None, 'a file can be chosen instead')
        screenshot('restore-dialog.png')

        # GTK 4.8 gives a list box row no action and no focus through the
        # tree: a click in its middle, where the tree says it is
        ext = row.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2, 'b1c')
        confirm = wait_for(lambda: find_window(app, 'Restore This Backup?'), 'the confirmation')
        body = find(confirm, pyatspi.ROLE_LABEL,
                    lambda n: n is not None and n.startswith('The families as they were on'))
        check(body is not None and 'saved as a backup first' in body.name,
              'the confirmation says what will happen: %s' % (body.name if body else None))
        screenshot('restore-confirm.png')
        check(rows_named(db, NAME) == 1, 'nothing changed before the confirmation')
        # libadwaita 1.2 names a response button "_Restore Restore", and has
        # one for a wide and one for a narrow dialog: the one on the screen
        buttons = wait_for(lambda: pyatspi.findAllDescendants(
            confirm, lambda x: x.getRole() == pyatspi.ROLE_PUSH_BUTTON and x.name in ('Restore', '_Restore Restore')),
            'the Restore button')
        for button in buttons:
            if find_window(app, 'Restore This Backup?') is None:
                break
            try:
                click(button)
            except Exception as e:  # the hidden one may not act
                print('# the other Restore button: %s' % e)
            time.sleep(1.0)

        try:
            wait_for(lambda: find(people, pyatspi.ROLE_LIST_ITEM, NAME) is None, 'the row to go', timeout=15)
            gone = True
        except RuntimeError:
            gone = False
        check(gone, 'after the restore the person is gone from the list')
        check(rows_named(db, NAME) == 0, 'after the restore the person is not in the database')
        check(query(db, 'PRAGMA quick_check')[0][0] == 'ok', 'the restored database passes quick_check')
        try:
            toast = wait_for(lambda: find(frame, pyatspi.ROLE_LABEL,
                                          lambda n: n is not None and n.startswith('Restored the families as they were on')),
                             'the toast', timeout=10)
        except RuntimeError:
            toast = None
        check(toast is not None, 'a toast says what was restored')
        screenshot('restore-done.png')
        check(find_window(app, 'Restore from Backup') is None, 'the dialog closes')

        saved = backups(folder, 'before-restore')
        check(len(saved) == 1 and rows_named(saved[0], NAME) == 1,
              'what was there before the restore is saved as a backup')

        # quitting makes the backup on closing
        press_keys('Control_L', 'q')
        proc.wait(timeout=60)
        check(proc.returncode == 0, 'the app quits cleanly (%s)' % proc.returncode)
        closing = backups(folder, 'close')
        check(len(closing) == 1 and rows_named(closing[0], NAME) == 0,
              'closing the app makes a backup of what is there')
        ok = True
    finally:
        if proc.poll() is None:
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
    return 1 if failures or not ok else 0


if __name__ == '__main__':
    sys.exit(main())
