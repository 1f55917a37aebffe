#!/usr/bin/python3
# e2e-ecomap.py: drives the real app through the accessibility tree, as a
# screen reader or keyboard user would: open the demo family's ecomap,
# choose a person in the list of everyone on the map, press Connect…,
# choose another: the tie is in the database. Ctrl+Z takes it away again.
#
# Runs under tests/run-with-display.sh (Xvfb + a D-Bus session), with
# Debian's /usr/bin/python3 (python3-pyatspi).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

BUILD = os.environ.get('HOMEWARD_BUILD_ROOT',
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'build'))
HOMEWARD = os.path.join(BUILD, 'src', 'homeward')
FROM = 'Joseph Baker'
TO = 'Rev. Samuel Green'

failures = []
passed = []


def check(condition, what):
    print(('ok - ' if condition else 'not ok - ') + what, flush=True)
    (passed if condition else failures).append(what)
    return condition


def wait_for(predicate, what, timeout=30.0):
    """Polls @predicate until it returns a true value (no timed assertion:
    the limit only stops a hung run)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = predicate()
        except Exception:  # the tree changes under our feet
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise RuntimeError('gave up waiting for ' + what)


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1)


def find(root, role=None, name=None, showing=False):
    for node in walk(root):
        try:
            if role is not None and node.getRole() != role:
                continue
            if name is not None and node.name != name:
                continue
            if showing and not node.getState().contains(pyatspi.STATE_SHOWING):
                continue
            return node
        except Exception:
            continue
    return None


def find_shallow(root, role, name, max_depth=8):
    """Breadth-first: finds shallow nodes (a toast) without walking every
    row of every list first."""
    level = [root]
    for _ in range(max_depth):
        below = []
        for node in level:
            try:
                if node.getRole() == role and node.name == name:
                    return node
                below.extend(c for c in node if c is not None)
            except Exception:
                continue
        level = below
    return None


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == 'homeward':
            return app
    return None


def find_window(app, title):
    # GTK 4.8 reports a dialog window as a frame or a filler: go by title
    for window in app:
        if window is not None and window.name == title:
            return window
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'press'):
            action.doAction(i)
            return
    action.doAction(0)


def type_text(text):
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(0, ch, pyatspi.KEY_STRING)
        time.sleep(0.02)


def press_keys(*keysyms):
    """Presses @keysyms in order (e.g. Control_L, z) and releases them in
    reverse order, through the registry (XTest on Xvfb)."""
    import gi
    gi.require_version('Gdk', '3.0')
    from gi.repository import Gdk
    codes = []
    for name in keysyms:
        keyval = Gdk.keyval_from_name(name)
        keymap = Gdk.Keymap.get_for_display(Gdk.Display.get_default())
        ok, keys = keymap.get_entries_for_keyval(keyval)
        codes.append(keys[0].keycode)
    for code in codes:
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESS)
        time.sleep(0.05)
    for code in reversed(codes):
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_RELEASE)
        time.sleep(0.05)


def ties_between(db, a, b):
    with sqlite3.connect('file:' + db + '?mode=ro', uri=True) as con:
        return con.execute(
            'SELECT count(*) FROM ties t '
            'JOIN ecomap_nodes na ON na.id = t.node_a JOIN ecomap_nodes nb ON nb.id = t.node_b '
            'JOIN people pa ON pa.id = na.person_id JOIN people pb ON pb.id = nb.person_id '
            'WHERE (pa.name = ? AND pb.name = ?) OR (pa.name = ? AND pb.name = ?)',
            (a, b, b, a)).fetchone()[0]


def app_env(tmp):
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    env['GSETTINGS_BACKEND'] = 'keyfile'
    env['XDG_CONFIG_HOME'] = os.path.join(tmp, 'config')
    env['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
    env['GSK_RENDERER'] = 'cairo'
    return env


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
        check('Morales' in frame.name, 'the first run opens the demo family: ' + frame.name)

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
