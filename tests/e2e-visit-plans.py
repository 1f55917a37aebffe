#!/usr/bin/python3
# e2e-visit-plans.py: visit plans that change, in the window, through the
# accessibility tree as a keyboard or screen-reader user would: on the
# Plans page of Family time, the sample family's ongoing plan (unsupervised
# Saturdays) is stepped up from today with a reason; the toast offers
# Undo. Then the new plan is changed from a date two weeks on (another
# time, another place). The database must hold both plans linked to the
# one before, the reason, no visit after the ended plan's end, and Undo
# must put the change back.
#
# With HOMEWARD_SCREENSHOT_DIR set, pictures of the dialogs and the page
# are saved there.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_shallow,
                        in_words, open_area, passed, press_keys, query, screenshot, start_app, walk, wait_for)

REASON = 'Six weeks of unsupervised Saturdays went well; the court review allowed overnights.'


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def named(root, role, name):
    # GTK 4.8 sometimes repeats a label in the accessible name ("Ana Ana")
    return find(root, role, lambda n: n == name or n == name + ' ' + name)


END_REASON = 'The court paused overnight visits until the review hearing.'
ITEMS = ['Change from a Date…', 'Step Up…', 'Step Down…', 'End Plan…']


def open_menu_item(app, frame, button_name, item, dialog_title):
    """Opens the Change menu of the plan @button_name and picks @item, which
    opens the dialog @dialog_title (returned). GtkMenuButton shows as two
    nodes of that name, the one that acts has an action; GTK 4.8 does not
    always put a popover menu's items in the tree: then from the keyboard
    (the menu opens on its first item)."""
    def acts(node):
        try:
            return node.queryAction().nActions > 0
        except Exception:
            return False

    def buttons():
        out = []
        for node in walk(frame):
            if node.name == button_name:
                # the named node, or the button inside it that acts
                out.extend(n for n in walk(node) if acts(n) and n.getRole() != pyatspi.ROLE_LABEL)
        return out
    for button in wait_for(buttons, 'the button ' + button_name):
        try:
            click(button)
        except Exception:
            continue
        time.sleep(1.0)
        node = find(app, pyatspi.ROLE_MENU_ITEM, lambda n: (n or '').replace('_', '') == item)
        if node is not None:
            click(node)
        else:
            for _ in range(ITEMS.index(item)):
                press_keys('Down')
                time.sleep(0.2)
            press_keys('Return')
        try:
            return wait_for(lambda: window(app, dialog_title), 'the dialog ' + dialog_title, timeout=10)
        except RuntimeError:
            press_keys('Escape')
            time.sleep(0.5)
    raise RuntimeError('gave up opening ' + dialog_title)


def window(app, title):
    for w in app:
        if w is not None and w.name == title:
            return w
    return None


def run(tmp, env):
    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    today = datetime.date.today()
    later = today + datetime.timedelta(days=14)
    (plan,) = query(db, "SELECT id FROM visit_series WHERE level = 'unsupervised'")[0:1]
    plan = plan[0]
    n_series = query(db, 'SELECT count(*) FROM visit_series')[0][0]

    with open(os.path.join(tmp, 'app.log'), 'w') as log:
        proc, app, frame = start_app(db, env, log)
        try:
            open_area(frame, 'Family time')
            view = wait_for(lambda: find(frame, name='HwVisitsView'), 'the Family time page')
            open_area(view, 'Plans')
            wait_for(lambda: named(view, pyatspi.ROLE_LIST, 'Visit plans'), 'the list of plans')
            screenshot('visit-plans-page.png')

            # 1. Step up the Saturdays from today, with the reason
            dialog = open_menu_item(app, frame, 'Change Family time: Unsupervised', 'Step Up…',
                                    'Step Up Visits')
            date = wait_for(lambda: named(dialog, pyatspi.ROLE_TEXT, 'From (year-month-day)'), 'the date')
            text = date.queryText()
            shown = text.getText(0, text.characterCount)
            print('# the step starts on', repr(shown))
            check(shown >= today.isoformat(),
                  'the step is offered from today, not from the past')
            # without a reason: refused in the form, which stays open
            click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Step Up'))
            problem = wait_for(lambda: find(dialog, pyatspi.ROLE_LABEL,
                                            lambda n: (n or '').startswith('Write why')),
                               'the problem in the form', timeout=15)
            check(problem is not None and window(app, 'Step Up Visits') is not None
                  and query(db, 'SELECT count(*) FROM visit_series')[0][0] == n_series,
                  'a step up without a reason is refused in the form, nothing written')
            set_text(named(dialog, pyatspi.ROLE_TEXT, 'Why (kept in the level history)'), REASON)
            screenshot('visit-plans-step-up.png')
            click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Step Up'))
            wait_for(lambda: window(app, 'Step Up Visits') is None, 'the Step Up dialog to close')
            toast = wait_for(lambda: find_shallow(frame, pyatspi.ROLE_LABEL,
                                                  'Visits step up to Overnight or weekend from '
                                                  + in_words(today)),
                             'the toast', timeout=15)
            check(toast is not None, 'a toast confirms the step up')
            rows = query(db, 'SELECT id, level, change_reason, follows_id, change_date FROM visit_series'
                             ' WHERE follows_id = ?', plan)
            check(len(rows) == 1 and rows[0][1] == 'overnight' and rows[0][2] == REASON
                  and rows[0][4] == today.isoformat(),
                  'the new plan is at the next level from today, with its reason')
            stepped = rows[0][0] if rows else 0
            check(query(db, "SELECT count(*) FROM hw_audit WHERE action = 'Step up visits'")[0][0] >= 1,
                  'the audit trail has the step up')
            screenshot('visit-plans-after-step-up.png')
            if os.environ.get('HOMEWARD_SCREENSHOT_DIR'):
                # the level chart after the step, and the End Plan form
                open_area(view, 'Progress')
                screenshot('visit-plans-progress.png')
                open_area(view, 'Plans')
                dialog = open_menu_item(app, frame, 'Change Family time: Overnight or weekend', 'End Plan…',
                                        'End Visit Plan')
                screenshot('visit-plans-end.png')
                click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Cancel'))
                wait_for(lambda: window(app, 'End Visit Plan') is None, 'the End dialog to close')

            # 2. Change the new plan from two weeks on: 11:00 at grandma's
            dialog = open_menu_item(app, frame, 'Change Family time: Overnight or weekend',
                                    'Change from a Date…', 'Change Visit Plan')
            set_text(named(dialog, pyatspi.ROLE_TEXT, 'From (year-month-day)'), later.isoformat())
            set_text(named(dialog, pyatspi.ROLE_TEXT, 'Start time (hours:minutes)'), '11:00')
            set_text(named(dialog, pyatspi.ROLE_TEXT, 'Place'), "Grandmother's home")
            screenshot('visit-plans-change.png')
            click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Change'))
            wait_for(lambda: window(app, 'Change Visit Plan') is None, 'the Change dialog to close')
            rows = wait_for(lambda: query(db, 'SELECT dtstart, place, level FROM visit_series'
                                              ' WHERE follows_id = ?', stepped), 'the changed plan')
            check(rows[0][0] >= later.isoformat() and rows[0][0].endswith('T11:00:00')
                  and rows[0][1] == "Grandmother's home" and rows[0][2] == 'overnight',
                  'the plan from two weeks on is at 11:00 at the new place')
            check(query(db, 'SELECT count(*) FROM visit_series')[0][0] == n_series + 2,
                  'one new plan per change, none doubled')

            # 3. Undo through the toast puts the change back
            toast = wait_for(lambda: find_shallow(frame, pyatspi.ROLE_LABEL, 'Visit plan changed from '
                                                  + in_words(later)), 'the toast of the change', timeout=15)
            check(toast is not None, 'a toast confirms the change')
            screenshot('visit-plans-after-change.png')
            # the header has an Undo button too, the toast's comes after it
            # when GTK 4.8 puts it in the tree; both are the window's undo
            def undo_buttons():
                return [n for n in walk(frame) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                        and n.name in ('Undo', '_Undo Undo', 'Undo Undo')]
            buttons = wait_for(undo_buttons,
                               'the Undo button of the toast', timeout=10)
            click(buttons[-1])
            undone = lambda: query(db, 'SELECT count(*) FROM visit_series')[0][0] == n_series + 1
            try:
                wait_for(undone, 'the change undone', timeout=15)
            except RuntimeError:
                # Under the sanitizers walking the tree can take longer
                # than the toast stays up: a click on a toast already gone
                # does nothing. The header's Undo is the same window action.
                print('# the toast was gone before the click; the header\'s Undo is used',
                      flush=True)
                click(wait_for(undo_buttons, 'the header\'s Undo button')[0])
                wait_for(undone, 'the change undone')
            check(query(db, 'SELECT count(*) FROM visit_series WHERE follows_id = ?', stepped)[0][0] == 0,
                  'Undo takes the change back')

            # 4. End the plan two weeks on: a reason is asked for, and kept
            dialog = open_menu_item(app, frame, 'Change Family time: Overnight or weekend',
                                    'End Plan…', 'End Visit Plan')
            set_text(named(dialog, pyatspi.ROLE_TEXT, 'Last day with visits (year-month-day)'),
                     later.isoformat())
            click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'End Plan'))
            problem = wait_for(lambda: find(dialog, pyatspi.ROLE_LABEL,
                                            lambda n: (n or '').startswith(
                                                'Write why the visits end')),
                               'the problem in the End form', timeout=15)
            check(problem is not None and window(app, 'End Visit Plan') is not None
                  and query(db, "SELECT end_reason FROM visit_series WHERE id = ?",
                            stepped)[0][0] == '',
                  'ending a plan without a reason is refused in the form, nothing written')
            set_text(named(dialog, pyatspi.ROLE_TEXT, 'Why (kept in the level history)'),
                     END_REASON)
            screenshot('visit-plans-end.png')
            click(named(dialog, pyatspi.ROLE_PUSH_BUTTON, 'End Plan'))
            wait_for(lambda: window(app, 'End Visit Plan') is None, 'the End dialog to close')
            rows = wait_for(lambda: query(db, "SELECT ended_on, end_reason FROM visit_series"
                                              " WHERE id = ? AND end_reason <> ''", stepped),
                            'the end in the database')
            check(rows == [(later.isoformat(), END_REASON)],
                  'the plan ends on the day chosen, with its reason: %r' % (rows,))
            wait_for(lambda: find(frame, None, lambda n: END_REASON in (n or '')),
                     'the reason under the plan')
            check(True, 'the plan\'s row says why it ended')
            screenshot('visit-plans-ended.png')
        finally:
            proc.terminate()
            proc.wait(10)
    # screenshots of the dialogs need no failure to look at; the log does
    if failures:
        with open(os.path.join(tmp, 'app.log'), errors='replace') as f:
            sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-visit-plans-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    try:
        run(tmp, env)
    except Exception as e:
        import traceback
        traceback.print_exc(file=sys.stdout)
        check(False, str(e))
        subprocess.run(['import', '-window', 'root',
                        os.path.join(os.environ.get('HOMEWARD_BUILD_ROOT', '.'), 'e2e-visit-plans-failed.png')],
                       check=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
