#!/usr/bin/python3
# e2e-service-plan.py: drives the real app through the accessibility tree,
# as a screen reader or a keyboard user would: open the family's service
# plan, add a need, a goal under it and a task under that, mark the task
# done with its check box, undo with Ctrl+Z, and mark it done again with
# Ctrl+D. Each step is checked in the window and in the database.
#
# Runs under tests/run-with-display.sh (Xvfb + a D-Bus session), with
# Debian's /usr/bin/python3 (python3-pyatspi).
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

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_app, find_window,
                        passed, press_keys, query, type_text, wait_for, walk)

WORDS = 'Queremos un hogar propio — e2e'
GOAL = 'Ñandú family has a lease by spring'
TASK = 'Call the housing office, “today”'


def task_status(db):
    rows = query(db, 'SELECT status FROM tasks WHERE description = ?', TASK)
    return rows[0][0] if rows else None


def count(db, sql, *args):
    return query(db, sql, *args)[0][0]


def row_with_label(root, text):
    """The list row holding a label that reads @text."""
    for node in walk(root):
        try:
            if node.getRole() != pyatspi.ROLE_LIST_ITEM:
                continue
        except Exception:
            continue
        if find(node, pyatspi.ROLE_LABEL, text) is not None:
            return node
    return None


def save_dialog(app, title, text):
    dialog = wait_for(lambda: find_window(app, title), 'the %s dialog' % title)
    # the dialog puts the focus on its first text field
    time.sleep(0.7)
    type_text(text)
    save = wait_for(lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Save'), 'the Save button')
    click(save)
    wait_for(lambda: find_window(app, title) is None, 'the %s dialog to close' % title)


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-sp-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    # wide enough for the sidebar and the case side by side, as on a
    # projector; a narrow window folds to one pane
    for key, value in (('window-width', '1700'), ('window-height', '1000')):
        subprocess.run(['gsettings', 'set', 'app.homeward.Homeward', key, value], env=env, check=False)

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

        # the case view's page switcher
        page = wait_for(lambda: find(frame, None, 'Service plan'), 'the Service plan page button')
        click(page)
        add_need = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Add Need'),
                            'the Add Need button')
        # each tab's list is named for screen readers (hw-service-plan-list-page.c)
        for name in ('Plan by area', 'What each person needs to do', 'Due dates',
                     'Support after going home'):
            wait_for(lambda: find(frame, None, name), 'the list named ' + name)
        needs_before = count(db, 'SELECT count(*) FROM needs')

        click(add_need)
        save_dialog(app, 'Add Need', WORDS)
        need_row = wait_for(lambda: row_with_label(frame, 'In your words: ' + WORDS), 'the new need', timeout=15)
        check(need_row is not None, 'the new need is in the plan')
        check(count(db, 'SELECT count(*) FROM needs') == needs_before + 1, 'the need is in the database')

        click(wait_for(lambda: find(need_row, pyatspi.ROLE_PUSH_BUTTON, 'Add Goal'), 'its Add Goal button'))
        save_dialog(app, 'Add Goal', GOAL)
        goal_row = wait_for(lambda: row_with_label(frame, 'Goal: ' + GOAL), 'the new goal', timeout=15)
        check(goal_row is not None, 'the new goal is in the plan')
        check(count(db, 'SELECT count(*) FROM goals g JOIN needs n ON n.id = g.need_id'
                        ' WHERE g.text = ? AND n.family_words = ?', GOAL, WORDS) == 1,
              'the goal is in the database, under the need')

        click(wait_for(lambda: find(goal_row, pyatspi.ROLE_PUSH_BUTTON, 'Add Task'), 'its Add Task button'))
        save_dialog(app, 'Add Task', TASK)
        done_box = wait_for(lambda: find(frame, pyatspi.ROLE_CHECK_BOX, 'Done: ' + TASK), 'the new task', timeout=15)
        check(done_box is not None, 'the new task is in the plan, with a check box named after it')
        check(task_status(db) == 'not-started', 'the task is in the database, not started')
        check(count(db, 'SELECT count(*) FROM tasks t JOIN goals g ON g.id = t.goal_id'
                        ' WHERE t.description = ? AND g.text = ?', TASK, GOAL) == 1,
              'the task is under the goal')

        # the new task has the keyboard focus: Ctrl+D marks it done (GTK 4.8
        # gives check boxes no accessible action, so the keyboard it is)
        time.sleep(0.5)
        press_keys('Control_L', 'd')
        try:
            wait_for(lambda: task_status(db) == 'done', 'the task to be done', timeout=15)
        except RuntimeError:
            pass
        check(task_status(db) == 'done', 'Ctrl+D marks the new task done (saved at once)')
        try:
            wait_for(lambda: find(frame, pyatspi.ROLE_CHECK_BOX, 'Done: ' + TASK).getState().contains(pyatspi.STATE_CHECKED),
                     'the box to show it is done', timeout=15)
            shown = True
        except RuntimeError:
            shown = False
        check(shown, 'its check box shows the task as done')

        # Ctrl+Z undoes it (the window's undo)
        time.sleep(0.5)
        press_keys('Control_L', 'z')
        try:
            wait_for(lambda: task_status(db) == 'not-started', 'the undo', timeout=15)
        except RuntimeError:
            pass
        check(task_status(db) == 'not-started', 'Ctrl+Z undoes marking it done')

        # the focus stays on the task's row through the rebuild: Ctrl+D again
        time.sleep(0.5)
        press_keys('Control_L', 'd')
        try:
            wait_for(lambda: task_status(db) == 'done', 'Ctrl+D again', timeout=15)
        except RuntimeError:
            pass
        check(task_status(db) == 'done', 'after undo the task can be marked done again from the keyboard')
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
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
