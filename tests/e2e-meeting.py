#!/usr/bin/python3
# e2e-meeting.py: runs a short family meeting in the real app through the
# accessibility tree, as a screen reader or a keyboard user would: a new
# meeting, two people taking part, a strength, a worry, a score, a
# decision and a next step, each checked in the list and in the database;
# then the room's screen is opened and closed.
#
# Runs under tests/run-with-display.sh (Xvfb + a D-Bus session), with
# Debian's /usr/bin/python3 (python3-pyatspi). With HOMEWARD_SCREENSHOT_DIR
# set it also saves pictures of the screen (imagemagick's import).
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
                        passed, press_keys, query, screenshot, type_text, wait_for)

STRENGTH = 'Elena reads to the children every evening'
WORRY = 'If Marco comes to the flat the children could be hurt'
DECISION = 'Saturday visits continue at Rosa’s home'
ACTION = 'Book the parenting group'


def select_step(steps, title):
    """Chooses a row of the steps sidebar through the Selection interface."""
    for index, row in enumerate(steps):
        if row is not None and row.name == title:
            steps.querySelection().selectChild(index)
            return True
    raise RuntimeError('no step called ' + title)


def add_with_entry(frame, label, text):
    # the step's page puts the keyboard focus on its entry
    entry = wait_for(lambda: find(frame, pyatspi.ROLE_TEXT, label), 'the entry ' + label)
    wait_for(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED), 'the focus on ' + label, timeout=10)
    type_text(text)
    press_keys('Return')


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-meeting-')
    env = app_env(tmp)
    # the main window fills the 1920x1080 screen, so the pictures show it
    for schema, key, value in (('org.gnome.desktop.interface', 'toolkit-accessibility', 'true'),
                               ('app.homeward.Homeward', 'window-width', '1920'),
                               ('app.homeward.Homeward', 'window-height', '1080'),
                               ('app.homeward.Homeward', 'window-maximized', 'true')):
        subprocess.run(['gsettings', 'set', schema, key, value], env=env, check=False)

    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc = subprocess.Popen([HOMEWARD, '--database', db], env=env, stdout=log, stderr=subprocess.STDOUT)
    crashed = True
    try:
        app = wait_for(find_app, 'the app on the accessibility bus')
        frame = wait_for(lambda: find(app, pyatspi.ROLE_FRAME), 'the main window')
        check('Morales' in frame.name, 'the demo family is open: ' + frame.name)
        meetings_before = query(db, 'SELECT count(*) FROM meetings')[0][0]

        # the Meeting page of the case
        tab = wait_for(lambda: find(frame, pyatspi.ROLE_PAGE_TAB, 'Meeting'), 'the Meeting tab')
        click(tab)
        new = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'New meeting'),
                       'the New meeting button')
        click(new)
        wait_for(lambda: query(db, 'SELECT count(*) FROM meetings')[0][0] == meetings_before + 1,
                 'the new meeting in the database')
        meeting = query(db, 'SELECT max(id) FROM meetings')[0][0]
        check(True, 'a new meeting is made (%d)' % meeting)
        steps = wait_for(lambda: find(frame, pyatspi.ROLE_LIST, 'Steps of the meeting'),
                         'the steps of the meeting')

        # who takes part: the switch of each row
        view = find(frame, None, 'HwMeetingView')
        select_step(steps, 'Who is taking part')
        # the sample's father was never asked: the page says so, in words a
        # screen reader reads
        asked = wait_for(lambda: find(frame, None,
                                      lambda n: n.startswith('Not asked yet: Marco Reyes (father).')),
                         'the “Not asked yet” line', timeout=20)
        check(asked is not None, 'the page names the father nobody has asked yet')
        screenshot('meeting-not-asked-yet.png')
        for name in ('Elena Morales', 'Priya Shah'):
            box = wait_for(lambda: find(view, None, name, role_not=pyatspi.ROLE_LABEL),
                           'the check box of ' + name)
            click(box, fallback='keyboard')
            wait_for(lambda: query(db, 'SELECT count(*) FROM meeting_attendees a JOIN people p ON p.id = a.person_id'
                                       ' WHERE a.meeting_id = ? AND p.name = ?', meeting, name)[0][0] == 1,
                     name + ' taking part in the database')
        check(True, 'two people take part')

        # a strength and a worry, typed into the quick entry
        select_step(steps, 'What is working well')
        add_with_entry(frame, 'Add to “What is working well”', STRENGTH)
        row = wait_for(lambda: find(frame, pyatspi.ROLE_LIST_ITEM, STRENGTH), 'the strength row')
        check(row is not None, 'the strength is in the list')
        check(query(db, "SELECT count(*) FROM meeting_items WHERE meeting_id = ? AND phase = 'strengths' AND text = ?",
                    meeting, STRENGTH)[0][0] == 1, 'the strength is in the database')

        # a second strength, moved above the first, deleted, and back with Ctrl+Z
        SECOND = 'Rosa drives the children to school'
        add_with_entry(frame, 'Add to “What is working well”', SECOND)
        wait_for(lambda: find(frame, pyatspi.ROLE_LIST_ITEM, SECOND), 'the second strength row')
        order = "SELECT text FROM meeting_items WHERE meeting_id = ? AND phase = 'strengths' ORDER BY position"
        check(query(db, order, meeting) == [(STRENGTH,), (SECOND,)], 'the strengths are in the order they were added')
        click(wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Move up: ' + SECOND), 'the Move up button'))
        wait_for(lambda: query(db, order, meeting) == [(SECOND,), (STRENGTH,)], 'the new order in the database')
        check(True, 'Move up puts the second strength first')
        click(wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Delete: ' + SECOND), 'the Delete button'))
        wait_for(lambda: query(db, order, meeting) == [(STRENGTH,)], 'the strength deleted')
        check(find(frame, pyatspi.ROLE_LIST_ITEM, SECOND) is None, 'Delete removes the row')
        time.sleep(0.5)
        press_keys('Control_L', 'z')
        try:
            wait_for(lambda: query(db, order, meeting) == [(SECOND,), (STRENGTH,)], 'the strength back', timeout=15)
            back = True
        except RuntimeError:
            back = False
        check(back, 'Ctrl+Z brings the deleted strength back in its place')

        select_step(steps, 'What we are worried about')
        add_with_entry(frame, 'Add to “What we are worried about”', WORRY)
        wait_for(lambda: find(frame, pyatspi.ROLE_LIST_ITEM, WORRY), 'the worry row')
        check(query(db, "SELECT count(*) FROM meeting_items WHERE meeting_id = ? AND phase = 'worries' AND text = ?",
                    meeting, WORRY)[0][0] == 1, 'the worry is in the database')

        # a score from 0 to 10
        select_step(steps, 'How safe, from 0 to 10')
        spin = wait_for(lambda: find(frame, pyatspi.ROLE_SPIN_BUTTON, 'Score of Elena Morales, 0 to 10'),
                        'the score of Elena')
        # the page puts the focus on the first score not given yet: type it
        wait_for(lambda: spin.getState().contains(pyatspi.STATE_FOCUSED), 'the focus on the score', timeout=10)
        type_text('7')
        press_keys('Return')
        try:
            wait_for(lambda: query(db, 'SELECT s.score FROM meeting_scores s JOIN people p ON p.id = s.person_id'
                                       ' WHERE s.meeting_id = ? AND p.name = ?', meeting, 'Elena Morales') == [(7,)],
                     'the score in the database', timeout=15)
            scored = True
        except RuntimeError:
            scored = False
        check(scored, 'Elena’s score of 7 is in the database' +
              ('' if scored else ': %r' % query(db, 'SELECT * FROM meeting_scores WHERE meeting_id = ?', meeting)))
        screenshot('meeting-editor-scaling.png')

        # a decision and a next step
        select_step(steps, 'Decisions')
        add_with_entry(frame, 'Add to “Decisions”', DECISION)
        wait_for(lambda: find(frame, pyatspi.ROLE_LIST_ITEM, DECISION), 'the decision row')
        check(query(db, "SELECT consensus FROM meeting_items WHERE meeting_id = ? AND phase = 'decisions' AND text = ?",
                    meeting, DECISION) == [(1,)], 'the decision is in the database, agreed by everyone')

        select_step(steps, 'Next steps: who does what, by when')
        add_with_entry(frame, 'Add to “Next steps: who does what, by when”', ACTION)
        wait_for(lambda: find(frame, pyatspi.ROLE_LIST_ITEM, ACTION), 'the next step row')
        check(query(db, "SELECT count(*) FROM meeting_items WHERE meeting_id = ? AND phase = 'actions' AND text = ?",
                    meeting, ACTION)[0][0] == 1, 'the next step is in the database')
        check(query(db, 'SELECT current_phase FROM meetings WHERE id = ?', meeting) == [('actions',)],
              'the meeting is at the next-steps step')
        screenshot('meeting-editor-actions.png')

        # the room's screen: open and close
        # GTK 4.8 reports the toggle as a push button named by its label too
        present = wait_for(lambda: find(view, None, lambda n: (n or '').startswith('Present'),
                                        role_not=pyatspi.ROLE_LABEL), 'the Present button')
        click(present)
        screen = wait_for(lambda: find_window(app, 'Meeting screen'), 'the meeting screen')
        check(screen is not None, 'the meeting screen opens')
        area = wait_for(lambda: find(screen, None, 'Meeting screen: Next steps: who does what, by when'),
                        'the screen showing the current step')
        check(area is not None, 'the screen shows the current step')
        screenshot('meeting-presentation.png')
        # the arrow keys move between steps (the window's own arrow keys
        # move the focus: the screen must take them first)
        press_keys('Right')
        wait_for(lambda: query(db, 'SELECT current_phase FROM meetings WHERE id = ?', meeting) == [('plan-b',)],
                 'Right to go to the next step', timeout=15)
        check(True, 'Right goes to the next step')
        press_keys('Left')
        wait_for(lambda: query(db, 'SELECT current_phase FROM meetings WHERE id = ?', meeting) == [('actions',)],
                 'Left to go back a step', timeout=15)
        check(True, 'Left goes back a step')
        click(present)
        try:
            wait_for(lambda: find_window(app, 'Meeting screen') is None, 'the meeting screen to close', timeout=15)
            closed = True
        except RuntimeError:
            closed = False
        check(closed, 'the meeting screen closes')
        crashed = False
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if failures or crashed:
            with open(os.path.join(tmp, 'app.log')) as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
