#!/usr/bin/python3
# e2e-ecomap.py: drives the real app through the accessibility tree, as a
# screen reader or keyboard user would: open the demo family's ecomap,
# choose a person in the list of everyone on the map, press Connect…,
# choose another: the tie is in the database. Ctrl+Z takes it away again.
# Then the arrow keys move a person on the map, and Ctrl+Z puts them back.
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

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_app, passed,
                        press_keys, query, wait_for, walk)

FROM = 'Joseph Baker'
TO = 'Rev. Samuel Green'


def ties_between(db, a, b):
    return query(db,
                 'SELECT count(*) FROM ties t '
                 'JOIN ecomap_nodes na ON na.id = t.node_a JOIN ecomap_nodes nb ON nb.id = t.node_b '
                 'JOIN people pa ON pa.id = na.person_id JOIN people pb ON pb.id = nb.person_id '
                 'WHERE (pa.name = ? AND pb.name = ?) OR (pa.name = ? AND pb.name = ?)',
                 a, b, b, a)[0][0]


def pinned(db, name):
    rows = query(db, 'SELECT n.pinned FROM ecomap_nodes n JOIN people p ON p.id = n.person_id '
                 'WHERE p.name = ?', name)
    return rows[0] if rows else None


def find_any(root, roles, name):
    # (GTK 4.8 does not report the showing state reliably: go by name)
    for role in roles:
        node = find(root, role, name)
        if node is not None:
            return node
    return None


def find_all(root, role, name):
    found = []
    for node in walk(root):
        try:
            if node.getRole() == role and node.name == name:
                found.append(node)
        except Exception:
            continue
    return found


BUTTONS = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-ecomap-')
    env = app_env(tmp)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)
    # a window wide enough to show the case beside the list of families
    # (a hidden page's buttons cannot be pressed, not even by a screen reader)
    for key, value in (('window-width', '1600'), ('window-height', '1000')):
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
        check('Morales' in frame.name, 'the app opens the sample family (homeward demo): ' + frame.name)

        # a narrow window shows the list of families first: open the family
        families = find(frame, pyatspi.ROLE_LIST, 'Families')
        if families is not None:
            for row in families:
                try:
                    if row is not None and row.name.startswith('Morales'):
                        click(row)
                        break
                except Exception:
                    continue
            time.sleep(0.5)

        # the Ecomap page of the case: the view switcher's tab (there is
        # one in the header and one in the bottom bar; either will do)
        tabs = wait_for(lambda: find_all(frame, pyatspi.ROLE_PAGE_TAB, 'Ecomap'), 'the Ecomap tab')
        for tab in tabs:
            try:
                click(tab)
            except Exception:
                continue
        the_map = wait_for(lambda: find(frame, None, 'People and places on the map'),
                           'the list of everyone on the map')

        # a family whose people are not on the map yet gets them with one button
        def person_button():
            button = find_any(the_map, BUTTONS, FROM)
            if button is None:
                put = find_any(frame, BUTTONS, 'Put them on the map')
                if put is not None:
                    click(put)
            return button
        source = wait_for(person_button, 'the button of ' + FROM)
        check(ties_between(db, FROM, TO) == 0, 'no tie between them yet')

        click(source)
        connect = wait_for(lambda: find_any(frame, BUTTONS, 'Connect…'), 'the Connect… button')
        click(connect)
        target = wait_for(lambda: find_any(the_map, BUTTONS, TO), 'the button of ' + TO)
        click(target)
        try:
            wait_for(lambda: ties_between(db, FROM, TO) == 1, 'the tie in the database', timeout=15)
        except RuntimeError:
            pass
        check(ties_between(db, FROM, TO) == 1, 'the new tie is in the database (autosaved)')
        # the side panel now describes the new tie
        panel = wait_for(lambda: find(frame, pyatspi.ROLE_CHECK_BOX, 'Stressful or in conflict'),
                         'the tie panel', timeout=15)
        check(panel is not None, 'the panel shows the new tie')

        time.sleep(0.5)
        press_keys('Control_L', 'z')
        try:
            wait_for(lambda: ties_between(db, FROM, TO) == 0, 'undo', timeout=15)
        except RuntimeError:
            pass
        check(ties_between(db, FROM, TO) == 0, 'Ctrl+Z takes the tie away again')

        # keyboard: with the map focused (a click on an empty corner), the
        # arrow keys move the chosen person, one undoable edit per press
        # the map of the same editor as the list used above
        canvas = None
        ancestor = the_map
        while canvas is None and ancestor is not None:
            ancestor = ancestor.parent
            for node in walk(ancestor):
                try:
                    if node.name == 'Ecomap' and node.getRole() not in (pyatspi.ROLE_PAGE_TAB,
                                                                        pyatspi.ROLE_LABEL):
                        canvas = node
                        break
                except Exception:
                    continue
        if check(canvas is not None, 'the map is on the accessibility bus as “Ecomap”'):
            x, y, w, h = canvas.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            pyatspi.Registry.generateMouseEvent(x + 8, y + 8, 'b1c')
            time.sleep(0.5)
            click(find_any(the_map, BUTTONS, FROM))
            time.sleep(0.5)
            check(pinned(db, FROM) == (0,), 'the person is placed automatically')
            press_keys('Right')
            try:
                wait_for(lambda: pinned(db, FROM) == (1,), 'the move', timeout=15)
            except RuntimeError:
                pass
            check(pinned(db, FROM) == (1,), 'the right arrow moves the person and pins them')
            time.sleep(0.5)
            press_keys('Control_L', 'z')
            try:
                wait_for(lambda: pinned(db, FROM) == (0,), 'undo of the move', timeout=15)
            except RuntimeError:
                pass
            check(pinned(db, FROM) == (0,), 'Ctrl+Z puts the person back')
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
