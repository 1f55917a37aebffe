#!/usr/bin/python3
# e2e-plan-import.py: "Bring In From the Meeting…" in the safety plan,
# through the real app and its accessibility tree: the dialog lists the
# latest meeting's worries, safety goals, decisions and next steps, each
# with a ticked check box named by its words; Add Selected adds the ticked
# ones (one left out here), the dialog closes, a toast says how many came
# in and offers Undo, and the database holds them; a second look offers
# only the one left out.
#
# Runs under tests/run-with-display.sh with Debian's /usr/bin/python3.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile

import pyatspi

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_shallow,
                        find_window, open_area, passed, query, screenshot, start_app, wait_for,
                        walk)

DIALOG = 'Bring In From the Meeting'


def button(root, label):
    """A push button labelled @label (GTK 4.8 names a button with a
    mnemonic label "_Label Label")."""
    for node in walk(root):
        try:
            if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and \
                    node.name in (label, '_%s %s' % (label, label)):
                return node
        except Exception:
            continue
    return None


def check_boxes(root):
    return [node for node in walk(root) if node.getRole() == pyatspi.ROLE_CHECK_BOX]


def ticked(node):
    return node.getState().contains(pyatspi.STATE_CHECKED)


def plan_items(db):
    return query(db, "SELECT count(*) FROM plan_items WHERE plan_id = "
                     "(SELECT id FROM plans WHERE kind = 'safety')")[0][0]


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-plan-import-')
    env = app_env(tmp)
    os.makedirs(env['XDG_CONFIG_HOME'], exist_ok=True)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    before = plan_items(db)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc, app, frame = start_app(db, env, log)
    ok = False
    try:
        open_area(frame, 'Plans')
        click(wait_for(lambda: button(frame, 'Bring In From the Meeting…'),
                       'the Bring In From the Meeting button'))
        dialog = wait_for(lambda: find_window(app, DIALOG), 'the dialog')
        boxes = wait_for(lambda: check_boxes(dialog), 'the proposed entries')
        check(len(boxes) >= 4, 'the latest meeting proposes its entries (%d)' % len(boxes))
        check(all(ticked(b) for b in boxes), 'every entry is ticked')
        words = [row[0] for row in query(db, "SELECT text FROM meeting_items WHERE meeting_id = "
                                             "(SELECT id FROM meetings ORDER BY starts_at DESC LIMIT 1)")]
        check(all(b.name in words for b in boxes), 'every check box is named by the entry\'s words')
        screenshot('plan-import-dialog.png')

        left_out = boxes[0].name
        click(boxes[0], fallback='mouse')
        wait_for(lambda: not ticked(check_boxes(dialog)[0]), 'the first entry unticked')
        click(wait_for(lambda: button(dialog, 'Add Selected'), 'the Add Selected button'))
        wait_for(lambda: find_window(app, DIALOG) is None, 'the dialog to close')
        check(True, 'the dialog closed after adding')
        added = len(boxes) - 1
        wait_for(lambda: plan_items(db) == before + added, 'the entries in the database')
        check(True, '%d entries added to the safety plan' % added)
        check(query(db, "SELECT count(*) FROM plan_items WHERE text = ?", left_out)[0][0] == 0,
              'the unticked entry was not added')
        toast = wait_for(lambda: find_shallow(frame, pyatspi.ROLE_LABEL,
                                              '%d entries brought in from the meeting' % added,
                                              max_depth=12),
                         'the toast')
        check(toast is not None, 'a toast says how many came in')
        check(button(frame, 'Undo') is not None, 'the toast offers Undo')
        screenshot('plan-import-added.png')

        # again: only the one left out
        click(wait_for(lambda: button(frame, 'Bring In From the Meeting…'), 'the button again'))
        dialog = wait_for(lambda: find_window(app, DIALOG), 'the dialog again')
        boxes = wait_for(lambda: check_boxes(dialog), 'the entry left out')
        check(len(boxes) == 1 and boxes[0].name == left_out, 'only the entry left out is offered')
        click(wait_for(lambda: button(dialog, 'Cancel'), 'Cancel'))
        wait_for(lambda: find_window(app, DIALOG) is None, 'the dialog to close')
        check(plan_items(db) == before + added, 'Cancel adds nothing')
        ok = True
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if not ok or failures:
            with open(os.path.join(tmp, 'app.log'), errors='replace') as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures or not ok else 0


if __name__ == '__main__':
    sys.exit(main())
