#!/usr/bin/python3
# e2e-save-pdf.py: "Save as PDF…" of the plan print dialog through the real
# app and its accessibility tree. The file chooser must start in the
# person's Documents folder (not the working folder, here the database's
# folder) with a name from the plan's title; after saving, the print
# dialog closes, a toast names the file and offers to open its folder, and
# the file holds the plan.
#
# Runs under tests/run-with-display.sh with Debian's /usr/bin/python3.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_shallow,
                        find_window, open_area, passed, press_keys, screenshot, start_app, wait_for,
                        walk)

# the sample family's language is Spanish: the copy and its name are in it
TITLE = 'Plan de seguridad — Morales.pdf'


def button(root, label):
    """A push button labelled @label (GTK 4.8 names a button with a
    mnemonic label "_Label Label")."""
    for node in walk(root):
        try:
            if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and \
                    node.name in (label, label, '_%s %s' % (label, label)):
                return node
        except Exception:
            continue
    return None


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-save-pdf-')
    env = app_env(tmp)
    env['HOME'] = os.path.join(tmp, 'home')
    documents = os.path.join(env['HOME'], 'Papers')
    os.makedirs(documents)
    os.makedirs(env['XDG_CONFIG_HOME'], exist_ok=True)
    with open(os.path.join(env['XDG_CONFIG_HOME'], 'user-dirs.dirs'), 'w') as f:
        f.write('XDG_DOCUMENTS_DIR="$HOME/Papers"\n')
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)

    folder = os.path.join(tmp, 'db')
    os.makedirs(folder)
    db = os.path.join(folder, 'homeward.db')
    add_sample(db, env)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    # started from the database's folder, as a caseworker's terminal would be
    proc, app, frame = start_app(db, env, log, cwd=folder)
    ok = False
    try:
        open_area(frame, 'Plans')
        click(wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Print Draft…'),
                       'the Print Draft button'))
        dialog = wait_for(lambda: find_window(app, 'Print the Plan'), 'the print dialog')
        click(wait_for(lambda: button(dialog, 'Save as PDF…'), 'the Save as PDF button'))
        chooser = wait_for(lambda: find_window(app, 'Save the Plan as PDF'), 'the file chooser')
        wait_for(lambda: find(chooser, pyatspi.ROLE_TEXT, 'Name:'), 'the file name field')
        # the path bar of the save chooser names the folder it is in
        check(find(chooser, None, 'Papers') is not None, 'the chooser starts in the Documents folder')
        time.sleep(0.5)
        click(wait_for(lambda: button(chooser, 'Save'), 'the Save button'))

        # nothing typed: the file gets the suggested name, in the folder the
        # chooser started in
        path = os.path.join(documents, TITLE)
        wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0, 'the saved PDF', timeout=30)
        check(True, 'saved under the plan\'s title in the Documents folder')
        wait_for(lambda: find_window(app, 'Print the Plan') is None, 'the print dialog to close')
        check(True, 'the print dialog closed after saving')
        toast = wait_for(lambda: find_shallow(frame, pyatspi.ROLE_LABEL, 'Saved “%s” in Papers' % TITLE, max_depth=12),
                         'the toast that confirms the save')
        check(toast is not None, 'a toast names the saved file')
        screenshot('save-pdf-toast.png')
        check(button(frame, 'Open Folder') is not None,
              'the toast offers to open the folder')
        words = subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True).stdout
        check('Plan de seguridad' in words and 'Morales' in words, 'the file holds the safety plan')
        check(not any(n.endswith('.pdf') for n in os.listdir(folder)), 'nothing saved in the working folder')
        ok = True
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if not ok or failures:
            for top, _dirs, names in os.walk(tmp):
                for n in names:
                    if n.endswith('.pdf'):
                        print('# a PDF: ' + os.path.join(top, n))
            with open(os.path.join(tmp, 'app.log'), errors='replace') as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures or not ok else 0


if __name__ == '__main__':
    sys.exit(main())
