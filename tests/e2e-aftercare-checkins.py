#!/usr/bin/python3
# e2e-aftercare-checkins.py: logging a check-in after going home through
# the accessibility tree, as a keyboard or screen-reader user does it: the
# sample family's point person has a check-in due today in the service
# plan's due dates; on the After Going Home tab each support has a named
# "Log a check-in of ..." button; the dialog's fields are named, a day
# still to come is refused (saying so, writing nothing), and a check-in
# logged moves the next one due a week on, in the support's row and in the
# due dates.
#
# With HOMEWARD_SCREENSHOT_DIR set, pictures of the tab, the dialog and the
# due dates are saved there.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import pyatspi

from e2e_common import (add_sample, app_env, check, click, failures, find, open_area, passed,
                        query, screenshot, start_app, wait_for, walk)

SUPPORT = 'One point person to call about anything, who also checks in.'


def named(root, role, name):
    # GTK 4.8 sometimes repeats a label in the accessible name ("Ana Ana")
    return find(root, role, lambda n: n == name or n == name + ' ' + name)


def window(app, title):
    for node in app:
        if node is not None and node.name == title:
            return node
    return None


def labels(root):
    return [n.name for n in walk(root) if n.getRole() == pyatspi.ROLE_LABEL and n.name]


def short_day(day):
    # hw_service_plan_format_date (.., FALSE): "3 Dec 2026"
    return '%d %s %d' % (day.day, day.strftime('%b'), day.year)


def tab(frame, name):
    tabs = [n for n in walk(frame) if n.getRole() == pyatspi.ROLE_PAGE_TAB and n.name == name]
    for t in tabs:
        try:
            click(t)
        except Exception:
            continue
    return tabs


def run(app, frame, db):
    today = datetime.date.today()
    week = today + datetime.timedelta(days=7)
    support = query(db, 'SELECT id FROM aftercare_supports WHERE description = ?', SUPPORT)[0][0]

    open_area(frame, 'Service plan')
    wait_for(lambda: tab(frame, 'Due Dates'), 'the Due Dates tab')
    due = wait_for(lambda: [t for t in labels(frame) if t == 'Check-in: ' + SUPPORT],
                   'the check-in due in the due dates')
    check(due, 'the due dates list the point person\'s next check-in')
    check(short_day(today) in labels(frame), 'it is due today (%s)' % short_day(today))
    check(named(frame, pyatspi.ROLE_COMBO_BOX, 'Due this week for') is not None
          or find(frame, None, lambda n: n == 'Due this week for') is not None,
          'the due dates have a named "Due this week for" choice')
    screenshot('aftercare-due-dates.png')

    wait_for(lambda: tab(frame, 'After Going Home'), 'the After Going Home tab')
    log = wait_for(lambda: named(frame, pyatspi.ROLE_PUSH_BUTTON, 'Log a check-in of ' + SUPPORT),
                   'the support\'s Log Check-in button')
    wait_for(lambda: [t for t in labels(frame)
                      if t.startswith('Every week · next check-in ' + short_day(today))],
             'the support\'s next check-in today')
    check(True, 'the support says its next check-in is today')
    screenshot('aftercare-supports.png')

    before = query(db, 'SELECT count(*) FROM aftercare_checkins')[0][0]
    click(log)
    dialog = wait_for(lambda: window(app, 'Log Check-in'), 'the Log Check-in dialog')
    day = wait_for(lambda: named(dialog, pyatspi.ROLE_TEXT, 'Day (YYYY-MM-DD)'), 'the day field')
    check(named(dialog, pyatspi.ROLE_COMBO_BOX, 'Who checked in') is not None,
          'who checked in is a named choice')
    check(named(dialog, pyatspi.ROLE_COMBO_BOX, 'How') is not None, 'how is a named choice')
    came_up = named(dialog, pyatspi.ROLE_TEXT, 'What came up')
    follow_up = named(dialog, pyatspi.ROLE_TEXT, 'Follow-up')
    check(came_up is not None and follow_up is not None, 'what came up and the follow-up are named')

    day.queryEditableText().setTextContents((today + datetime.timedelta(days=1)).isoformat())
    came_up.queryEditableText().setTextContents('Elena found an apartment near the school.')
    click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Save'))
    wait_for(lambda: [t for t in labels(dialog) if 'has not happened yet' in t],
             'the message about a day still to come')
    check(query(db, 'SELECT count(*) FROM aftercare_checkins')[0][0] == before,
          'the refused check-in wrote nothing')
    screenshot('aftercare-checkin-dialog.png')

    day.queryEditableText().setTextContents(today.isoformat())
    follow_up.queryEditableText().setTextContents('Help with the deposit form.')
    click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Save'))
    wait_for(lambda: window(app, 'Log Check-in') is None, 'the dialog to close')
    rows = wait_for(lambda: query(db, 'SELECT date, how, what_came_up, follow_up FROM'
                                      ' aftercare_checkins WHERE support_id = ? AND date = ?',
                                  support, today.isoformat()), 'the check-in in the database')
    check(rows == [(today.isoformat(), 'phone', 'Elena found an apartment near the school.',
                    'Help with the deposit form.')], 'the check-in is saved: %r' % rows)

    wait_for(lambda: [t for t in labels(frame)
                      if t.startswith('Every week · next check-in ' + short_day(week))],
             'the next check-in to move a week on')
    check(True, 'the support\'s next check-in moved to %s' % short_day(week))
    wait_for(lambda: [t for t in labels(frame)
                      if t.startswith(short_day(today) + ' · Phone call')],
             'the check-in listed under its support')
    check(True, 'the check-in is listed under its support')
    screenshot('aftercare-logged.png')

    wait_for(lambda: tab(frame, 'Due Dates'), 'the Due Dates tab')
    wait_for(lambda: short_day(week) in labels(frame), 'the due dates to show the new day')
    check(True, 'the due dates show the next check-in on %s' % short_day(week))


def main():
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-checkins-')
    db = os.path.join(tmp, 'homeward.db')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface',
                    'toolkit-accessibility', 'true'], env=env, check=False,
                   stderr=subprocess.DEVNULL)
    add_sample(db, env)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc, app, frame = start_app(db, env, log)
    try:
        run(app, frame, db)
    except RuntimeError as e:  # wait_for gave up
        check(False, str(e))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if failures:
            with open(os.path.join(tmp, 'app.log')) as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
