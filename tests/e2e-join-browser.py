#!/usr/bin/python3
# e2e-join-browser.py: a family member joins the meeting from a real
# browser while the app runs (issue 16). The facilitator's side goes
# through the accessibility tree, as in the other e2e tests; the phone is
# Debian's chromium, headless, driven through its DevTools protocol
# (tests/cdp.py) at 360x740.
#
# On the sample family's recent meeting: Invite, and Rosa's own link read
# from the Invite window; in chromium she gives her score in the scaling
# step; the facilitator moves to "What is working well" and she adds a
# strength there. Both are in the database with her as author; the
# strength shows in the editor as sent from her phone, not on the screen
# yet; the room's screen is opened, the facilitator lets the strength
# through (Show on screen) and the room's screen changes (its picture
# before and after, cropped from the screen: the screen draws its text,
# which the accessibility tree does not carry); Remove Link makes the
# page say the link does not work.
#
# Runs under tests/run-with-display.sh. Skips (77) without chromium or
# python3-websocket. With HOMEWARD_SCREENSHOT_DIR set it keeps pictures.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import cdp

import pyatspi

from e2e_common import (SHOTS, add_sample, app_env, check, click, failures, find, find_window, passed, query,
                        start_app, walk, wait_for)

STRENGTH = 'Rosa and Elena cook dinner together on Sundays'
PERSON = 'Rosa Morales'
LINK = re.compile(r'^https?://[^/]+/j/[A-Za-z0-9_-]{43}$')


def select_step(steps, title):
    for index, row in enumerate(steps):
        if row is not None and row.name == title:
            steps.querySelection().selectChild(index)
            return True
    raise RuntimeError('no step called ' + title)


def grab(path, node):
    """The part of the screen where @node is, as a PNG at @path."""
    ext = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(['import', '-window', 'root', '-crop',
                    '%dx%d+%d+%d' % (ext.width, ext.height, ext.x, ext.y), '+repage', path], check=True)


def differs(a, b):
    """How many pixels of the two pictures differ (imagemagick)."""
    out = subprocess.run(['compare', '-metric', 'AE', a, b, 'null:'], capture_output=True, text=True)
    try:
        return int(float(out.stderr.split()[0]))
    except (ValueError, IndexError):
        return -1


def main():
    why = cdp.missing()
    if why:
        print('1..0 # SKIP ' + why)
        return 77

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-join-')
    env = app_env(tmp)
    for schema, key, value in (('org.gnome.desktop.interface', 'toolkit-accessibility', 'true'),
                               ('app.homeward.Homeward', 'window-width', '1400'),
                               ('app.homeward.Homeward', 'window-height', '1000')):
        subprocess.run(['gsettings', 'set', schema, key, value], env=env, check=False)
    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc, app, frame = start_app(db, env, log)
    browser = None
    try:
        person = query(db, 'SELECT id FROM people WHERE name = ?', PERSON)[0][0]
        tab = wait_for(lambda: find(frame, pyatspi.ROLE_PAGE_TAB, 'Meeting'), 'the Meeting tab')
        click(tab)
        # GTK 4.8 names the button by its label and its accessible label
        invite = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, lambda n: (n or '').startswith('Invite')),
                          'Invite')
        steps = wait_for(lambda: find(frame, pyatspi.ROLE_LIST, 'Steps of the meeting'), 'the steps')
        select_step(steps, 'How safe, from 0 to 10')
        wait_for(lambda: query(db, "SELECT count(*) FROM meetings WHERE current_phase = 'scaling'")[0][0] > 0,
                 'the scaling step')
        meeting = query(db, "SELECT id FROM meetings WHERE current_phase = 'scaling' ORDER BY id DESC")[0][0]

        # -- Invite, and the person's own link --------------------------------
        click(invite)
        dialog = wait_for(lambda: find_window(app, 'Invite to the Meeting'), 'the Invite window')
        row = wait_for(lambda: find(dialog, pyatspi.ROLE_LIST_ITEM, PERSON), 'the row of ' + PERSON)

        def link():
            for node in walk(row):
                if node.getRole() == pyatspi.ROLE_LABEL and LINK.match(node.name or ''):
                    return node.name
            return None
        url = wait_for(link, PERSON + '’s link')
        check(True, 'the Invite window shows %s’s own link' % PERSON)
        if SHOTS:
            os.makedirs(SHOTS, exist_ok=True)
            subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, 'join-invite.png')], check=False)

        # -- the phone: a score ------------------------------------------------
        browser = cdp.Browser(width=360, height=740, scale=1, data_home=env['XDG_DATA_HOME'])
        browser.navigate(url)
        check(PERSON in browser.evaluate('document.body.innerText'), 'the link opens %s’s page' % PERSON)
        check(browser.evaluate('document.documentElement.lang') == 'es', 'in her language, Spanish')
        selects = browser.evaluate("Array.prototype.map.call(document.querySelectorAll('select[name=score]'),"
                                   " function (s) { return s.id; })")
        check(len(selects) > 0, 'the page has statements to score')
        item = int(selects[0].split('-')[1])
        before = query(db, 'SELECT score FROM meeting_scores WHERE item_id = ? AND person_id = ?', item, person)
        score = 2 if before != [(2,)] else 3
        browser.evaluate("(function () { var s = document.getElementById('%s'); s.focus(); s.value = '%d';"
                         " s.dispatchEvent(new Event('change', {bubbles: true})); })()" % (selects[0], score))
        browser.submit("document.getElementById('%s').form" % selects[0])
        check(query(db, 'SELECT score FROM meeting_scores WHERE item_id = ? AND person_id = ?', item, person)
              == [(score,)], 'her score %d is in the database' % score)

        # -- the phone: a strength in the step the facilitator moves to ----------
        select_step(steps, 'What is working well')
        wait_for(lambda: query(db, 'SELECT current_phase FROM meetings WHERE id = ?', meeting) == [('strengths',)],
                 'the strengths step')
        # the page follows the step by itself (server-sent events)
        # (it reloads itself, nothing being typed)
        browser.wait_for("document.readyState === 'complete'"
                         " && document.documentElement.getAttribute('data-phase') === 'strengths'",
                         'the page to follow the step', timeout=30)
        check(True, 'the page follows the facilitator to “What is working well”: '
              + browser.evaluate("document.getElementById('step-title').textContent"))
        browser.wait_for("document.readyState === 'complete' && !!document.getElementById('text')", 'the form')
        browser.tap("document.querySelector('input[name=contribution][value=strength]')")
        browser.tap("document.getElementById('text')")
        browser.type_text(STRENGTH)
        browser.submit("document.querySelector('form[action$=\"/add\"]')")
        rows = query(db, 'SELECT phase, hidden FROM meeting_items WHERE meeting_id = ? AND author_person_id = ?'
                         ' AND text = ?', meeting, person, STRENGTH)
        check(rows == [('strengths', 1)], 'the strength is in the database, by her, not on the screen yet: %r'
              % rows)

        # -- the facilitator's editor ---------------------------------------------
        found = wait_for(lambda: find(frame, pyatspi.ROLE_LIST_ITEM, STRENGTH), 'the strength in the editor')
        check(found is not None, 'the editor shows the strength')
        inside = [(n.getRoleName(), n.name) for n in walk(found) if n.name]
        check(('label', 'From %s’s phone — not on the screen yet' % PERSON) in inside,
              'the editor says it is from her phone and not on the screen yet: %r' % inside)

        # -- the room's screen -----------------------------------------------------
        view = find(frame, None, 'HwMeetingView')
        present = wait_for(lambda: find(view, None, lambda n: (n or '').startswith('Present'),
                                        role_not=pyatspi.ROLE_LABEL), 'the Present button')
        click(present)
        screen = wait_for(lambda: find_window(app, 'Meeting screen'), 'the meeting screen')
        area = wait_for(lambda: find(screen, None, 'Meeting screen: What is working well'), 'the screen')
        time.sleep(1.5)
        grab(os.path.join(tmp, 'before.png'), area)
        show = wait_for(lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'Show on screen: ' + STRENGTH),
                        'Show on screen')
        click(show)
        wait_for(lambda: query(db, 'SELECT hidden FROM meeting_items WHERE text = ?', STRENGTH) == [(0,)],
                 'the strength let through')
        check(True, 'Show on screen lets the strength through (in the database)')
        time.sleep(1.5)
        grab(os.path.join(tmp, 'after.png'), area)
        changed = differs(os.path.join(tmp, 'before.png'), os.path.join(tmp, 'after.png'))
        check(changed > 500, 'the room’s screen draws something new once it is let through (%d pixels)' % changed)
        if SHOTS:
            os.makedirs(SHOTS, exist_ok=True)
            shutil.copy(os.path.join(tmp, 'before.png'), os.path.join(SHOTS, 'join-room-before.png'))
            shutil.copy(os.path.join(tmp, 'after.png'), os.path.join(SHOTS, 'join-room-after.png'))
        browser.navigate(url)
        check(STRENGTH in browser.evaluate("document.getElementById('step-title').parentNode.innerText"),
              'her page lists the strength in the step, as the room sees it')

        # -- her code on the room's screen ------------------------------------------
        show_code = wait_for(lambda: find(row, pyatspi.ROLE_PUSH_BUTTON,
                                          lambda n: 'Show on the Room’s Screen' in (n or '')),
                             'Show on the Room’s Screen')
        click(show_code)
        coded = wait_for(lambda: find(screen, None, lambda n: (n or '').startswith(
            'Meeting screen: What is working well. Link for %s: http' % PERSON)), 'her code on the screen')
        check(coded is not None, 'the room’s screen shows her code and short link: ' + coded.name)
        if SHOTS:
            # closing the Invite window only hides it: the links keep working
            close = find(dialog, pyatspi.ROLE_PUSH_BUTTON, lambda n: 'Close' in (n or ''))
            if close is not None:
                click(close)
            time.sleep(1.5)
            grab(os.path.join(SHOTS, 'join-room-code.png'), coded)
            click(invite)
            dialog = wait_for(lambda: find_window(app, 'Invite to the Meeting'), 'the Invite window again')
            row = wait_for(lambda: find(dialog, pyatspi.ROLE_LIST_ITEM, PERSON), 'the row of ' + PERSON)

        # -- Remove Link ---------------------------------------------------------------
        # (GTK 4.8 names it "_Remove Link Remove Link": mnemonic and label)
        remove = wait_for(lambda: find(row, pyatspi.ROLE_PUSH_BUTTON, lambda n: 'Remove Link' in (n or '')),
                          'Remove Link')
        click(remove)
        time.sleep(0.5)
        browser.navigate(url)
        check('This link does not work' in browser.evaluate('document.body.innerText'),
              'after Remove Link her page says the link does not work')
    finally:
        if browser is not None:
            browser.close()
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if failures:
            with open(os.path.join(tmp, 'app.log'), errors='replace') as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
