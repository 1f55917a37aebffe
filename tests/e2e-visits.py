#!/usr/bin/python3
"""e2e-visits.py: drives the real app through the accessibility tree
(AT-SPI, pyatspi), as a screen reader or a keyboard user would: open the
Family time page of the sample family, schedule weekly visits for a child,
cancel one of them, and check the screen and the database.

Runs under tests/run-with-display.sh (Xvfb + a D-Bus session), with
Debian's /usr/bin/python3, on a fresh database.
SPDX-License-Identifier: GPL-3.0-or-later
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from e2e_common import BUILD, HOMEWARD, MONTHS, add_sample, click, find_app, wait_for


def fail(message):
    print('FAIL:', message, file=sys.stderr)
    # what the screen showed, to look at
    build = os.environ.get('HOMEWARD_BUILD_ROOT', '.')
    subprocess.run(['import', '-window', 'root', os.path.join(build, 'e2e-visits-failed.png')], check=False)
    sys.exit(1)


def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def find_all(node, pred):
    found, queue = [], [node]
    while queue:
        n = queue.pop(0)
        if n is None:
            continue
        try:
            if pred(n):
                found.append(n)
        except Exception:
            pass
        queue.extend(children(n))
    return found


def poll_window(app, title, timeout):
    end = time.time() + timeout
    while time.time() < end:
        try:
            found = window(app, title)
        except Exception:
            found = None
        if found:
            return found
        time.sleep(0.25)
    return None


def window(app, title):
    for w in children(app):
        if w is not None and (w.name == title or (title == 'Homeward' and w.name.endswith('Homeward'))):
            return w
    return None


def role_named(node, role, name):
    # GTK 4.8 sometimes repeats a label in the accessible name ("Ana Ana")
    return find_all(node, lambda n: n.getRoleName() == role
                    and (n.name == name or n.name == name + ' ' + name))


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def main():
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-visits-')
    db = os.path.join(tmp, 'homeward.db')
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)          # the test reads the accessibility tree
    env['GSK_RENDERER'] = 'cairo'
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface',
                    'toolkit-accessibility', 'true'], env=env, check=False,
                   stderr=subprocess.DEVNULL)
    # the app opens the only family: the sample family (Morales)
    add_sample(db, env)
    proc = subprocess.Popen([HOMEWARD, '--database', db], env=env)
    try:
        run(env, db, BUILD)
    except RuntimeError as e:  # wait_for gave up: say so, with a picture
        fail(str(e))
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


def run(env, db, build):
    app = wait_for(find_app, 'the application on the accessibility bus', 60)
    frame = wait_for(lambda: window(app, 'Homeward'), 'the window')
    # wide enough for the sidebar and the page side by side
    maximize = role_named(frame, 'push button', 'Maximize')
    if maximize:
        click(maximize[0])
        time.sleep(1)
    # the header holds a wide and a narrow switcher, and there is a bottom
    # bar: GTK 4.8 does not say which one is on screen, so try each
    tabs = wait_for(lambda: role_named(frame, 'page tab', 'Family time'), 'the Family time page')
    main_window = None
    for tab in tabs:
        click(tab)
        time.sleep(1)
        views = find_all(frame, lambda n: n.name == 'HwVisitsView')
        if views:
            main_window = views[0]
            break
    if main_window is None:
        fail('the Family time page did not open')

    # go to March 2026, a month of the past (the sample family's own
    # visits are at other hours)
    def month_labels():
        return find_all(main_window, lambda n: n.getRoleName() == 'label' and n.name[-4:].isdigit()
                        and n.name.split(' ')[0] in MONTHS)
    for _ in range(240):
        label = month_labels()
        if label and label[0].name == 'March 2026':
            break
        shown = label[0].name
        year = int(shown[-4:])
        month = MONTHS.index(shown.split(' ')[0]) + 1
        direction = 'Previous' if (year, month) > (2026, 3) else 'Next'
        click(role_named(main_window, 'push button', direction)[0])
        # the title's accessible name changes a moment after the click: read
        # it again only once it has, or a late reading (the month before)
        # makes the loop go one month too far
        wait_for(lambda: [l.name for l in month_labels()[:1]] not in ([], [shown]),
                 'the month after ' + shown)
    else:
        fail('could not go to March 2026')

    # 1. Schedule weekly visits on Tuesdays from 3 March 2026, 5 visits
    click(wait_for(lambda: role_named(main_window, 'push button', 'Schedule Visits…'), 'Schedule button')[0])
    dialog = wait_for(lambda: window(app, 'Schedule Visits'), 'the schedule dialog')
    set_text(role_named(dialog, 'text', 'First visit (year-month-day)')[0], '2026-03-03')
    set_text(role_named(dialog, 'text', 'Start time (hours:minutes)')[0], '16:30')
    count = role_named(dialog, 'spin button', 'Number of visits')[0]
    count.queryValue().currentValue = 5
    click(role_named(dialog, 'push button', 'Tuesday')[0])
    click(role_named(dialog, 'check box', 'Sofía Morales')[0], fallback='mouse')
    click(role_named(dialog, 'check box', 'Elena Morales')[0], fallback='mouse')
    click(role_named(dialog, 'push button', 'Schedule')[0])
    wait_for(lambda: window(app, 'Schedule Visits') is None, 'the schedule dialog to close')

    # 2. The list page holds the five Tuesdays of March 2026
    click(wait_for(lambda: role_named(main_window, 'page tab', 'List'), 'List tab')[0])
    # (the sample family's own visits are at other hours)
    def ours():
        return [n for n in find_all(main_window, lambda n: n.getRoleName() == 'list item'
                                    and n.name.startswith('Tuesday') and '16:30' in n.name)
                if n is not None]
    def five_names():
        # the list may be rebuilt while we read it (its rows are then gone
        # from the tree): read it again until a whole reading succeeds
        try:
            found = ours()
            return sorted(r.name for r in found) if len(found) == 5 else None
        except Exception:
            return None
    names = wait_for(five_names, 'five visits in the list')
    for day in ('3 March', '10 March', '17 March', '24 March', '31 March'):
        if not any(day in n for n in names):
            fail('no visit on %s in the list: %r' % (day, names))

    # 3. Cancel the visit of 10 March: the parent called it off. The row is
    # found again right before the click, for the same reason.
    def cancel_button():
        try:
            row = [r for r in ours() if '10 March' in r.name][0]
            button = role_named(row, 'push button', 'Cancel Visit…')[0]
            button.queryAction()
            return button
        except Exception:
            return None
    outcome = None
    for attempt in range(5):
        button = wait_for(cancel_button, 'the Cancel Visit… button of 10 March')
        try:
            click(button)
        except Exception:
            continue
        outcome = wait_for(lambda: window(app, 'What Happened'), 'the outcome dialog', timeout=5) \
            if attempt == 4 else poll_window(app, 'What Happened', 5)
        if outcome:
            break
    status = find_all(outcome, lambda n: n.getRoleName() == 'combo box' and n.name == 'What happened')
    if not status or not find_all(status[0], lambda n: n.name == 'Cancelled by the parent'):
        fail('the outcome dialog does not start at "Cancelled by the parent"')
    click(role_named(outcome, 'push button', 'Save')[0])
    wait_for(lambda: window(app, 'What Happened') is None, 'the outcome dialog to close')

    # 4. The row says so, in words; the other four can still be cancelled
    def cancelled_row():
        for r in find_all(main_window, lambda n: n.getRoleName() == 'list item' and '10 March' in n.name):
            if find_all(r, lambda n: 'Cancelled by the parent' in (n.name or '')):
                return r
        return None
    wait_for(cancelled_row, 'the 10 March row to read "Cancelled by the parent"')
    buttons = [b for r in ours() for b in role_named(r, 'push button', 'Cancel Visit…')]
    if len(buttons) != 4:
        fail('expected 4 visits still to cancel, found %d' % len(buttons))

    # 5. The database holds the new plan (beside the sample family's
    #    own), five Tuesdays, one cancellation
    con = sqlite3.connect(db)
    series = con.execute("SELECT dtstart, rrule, level, id FROM visit_series"
                         " WHERE dtstart LIKE '2026-03%'").fetchall()
    records = con.execute('SELECT occurrence_start, status FROM visit_records WHERE series_id = ?',
                          (series[0][3] if series else -1,)).fetchall()
    con.close()
    if len(series) != 1 or series[0][0] != '2026-03-03T16:30:00' or 'COUNT=5' not in series[0][1] \
            or 'BYDAY=TU' not in series[0][1]:
        fail('unexpected plan in the database: %r' % series)
    if records != [('2026-03-10T16:30:00', 'cancelled-parent')]:
        fail('unexpected outcomes in the database: %r' % records)

    # a picture of the month to look at
    click(role_named(main_window, 'page tab', 'Month')[0])
    time.sleep(1)
    subprocess.run(['import', '-window', 'root', os.path.join(build, 'e2e-visits.png')], check=False)
    print('ok: scheduled 5 weekly visits and cancelled one through the accessibility tree')


if __name__ == '__main__':
    main()
