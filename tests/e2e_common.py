# e2e_common.py: what the end-to-end tests (tests/e2e-*.py) share: where
# the build is, a TAP-style check, and the helpers that find, read and
# drive the real app through its accessibility tree (AT-SPI, pyatspi), as
# a screen reader or a keyboard user would.
#
# The tests run as `/usr/bin/python3 tests/e2e-NAME.py` (tests/meson.build,
# through tests/run-with-display.sh): Python puts the script's own folder
# first on sys.path, so `from e2e_common import ...` finds this file.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import sqlite3
import subprocess
import sys
import time

import pyatspi

BUILD = os.environ.get('HOMEWARD_BUILD_ROOT',
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'build'))
HOMEWARD = os.path.join(BUILD, 'src', 'homeward')
# with HOMEWARD_SCREENSHOT_DIR set, screenshot() saves pictures of the screen
SHOTS = os.environ.get('HOMEWARD_SCREENSHOT_DIR')

# what check() saw: a script's summary and exit status come from these
failures = []
passed = []


# the months as the window names them in English
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December']


def in_words(day):
    """A day (a datetime.date) as the window writes it in English: "10 December 2026"."""
    return f'{day.day} {MONTHS[day.month - 1]} {day.year}'


def check(condition, what):
    print(('ok - ' if condition else 'not ok - ') + what, flush=True)
    (passed if condition else failures).append(what)
    return condition


def wait_for(predicate, what, timeout=60.0):
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
    if node is None or depth > 80:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1)


def find(root, role=None, name=None, showing=False, role_not=None):
    """The first node below @root (depth first, @root included) with @role
    and @name (a string, or a function of the name that says yes or no).
    @role_not leaves out nodes of that role, and list items too."""
    for node in walk(root):
        try:
            if role is not None and node.getRole() != role:
                continue
            if role_not is not None and node.getRole() in (role_not, pyatspi.ROLE_LIST_ITEM):
                continue
            if name is not None and not (name(node.name) if callable(name) else node.name == name):
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


def click(node, fallback=None):
    """Does the click (or toggle, activate, press) action of @node, else its
    first action. A node with no action at all (GTK 4.8 gives check boxes
    none at times) gets, with @fallback 'keyboard', the focus and a press
    of space; with 'mouse', a click in its middle; without, action 0 is
    asked for all the same (and a node without the Action interface raises
    NotImplementedError)."""
    try:
        action = node.queryAction()
        n = action.nActions
    except NotImplementedError:
        if fallback is None:
            raise
        n = 0
    for i in range(n):
        if action.getName(i) in ('click', 'toggle', 'activate', 'press'):
            action.doAction(i)
            return
    if n > 0 or fallback is None:
        action.doAction(0)
    elif fallback == 'keyboard':
        node.queryComponent().grabFocus()
        time.sleep(0.3)
        press_keys('space')
    elif fallback == 'mouse':
        # where the tree says the node is
        ext = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        print('extents of', node.name, ext.x, ext.y, ext.width, ext.height, file=sys.stderr)
        pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2, 'b1c')
        time.sleep(0.4)
    else:
        raise ValueError('no such fallback: %r' % fallback)


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


def query(db, sql, *args):
    """Every row of @sql, read from @db without writing to it."""
    with sqlite3.connect('file:' + db + '?mode=ro', uri=True) as con:
        return con.execute(sql, args).fetchall()


def screenshot(name):
    if not SHOTS:
        return
    os.makedirs(SHOTS, exist_ok=True)
    time.sleep(1.0)
    subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name)], check=False)


def open_area(frame, name):
    """Opens the area @name of the open family ("Plans"): clicks every page
    tab of that name (the view switcher is in the header and, in a narrow
    window, in the bottom bar; the hidden one refuses)."""
    def tabs():
        return [node for node in walk(frame)
                if node.getRole() == pyatspi.ROLE_PAGE_TAB and node.name == name]
    for tab in wait_for(tabs, 'the %s tab' % name):
        try:
            click(tab)
        except Exception:
            continue


def app_of(pid):
    """The app of the process @pid on the accessibility bus, or None."""
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        try:
            if app is not None and app.name == 'homeward' and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def start_app(db, env, log, cwd=None, main_window=True):
    """Starts the app on @db (None: without --database, as chosen in
    Preferences; its output into the open file @log, from the folder
    @cwd) and waits for it on the accessibility bus, and with
    @main_window for its main window. Returns (proc, app, frame; None
    without @main_window). An app that ends first stops the test at once
    with its status; when the app does not show up, it is killed and its
    log printed before the error goes on."""
    args = [HOMEWARD] if db is None else [HOMEWARD, '--database', db]
    proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)

    def started():
        if proc.poll() is not None:
            raise SystemExit('Bail out! the app ended early with status %d' % proc.returncode)
        return app_of(proc.pid)
    frame = None
    try:
        app = wait_for(started, 'the app on the accessibility bus')
        if main_window:
            frame = wait_for(lambda: find(app, pyatspi.ROLE_FRAME), 'the main window')
    except BaseException:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.flush()
        with open(log.name, errors='replace') as f:
            sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        raise
    return proc, app, frame


def add_sample(db, env=None):
    """Adds the made-up sample family (the Morales family) to @db with
    `homeward demo`, as a test that needs a family does before it starts
    the app: the app itself never adds one without a click."""
    proc = subprocess.run([HOMEWARD, 'demo', '--database', db], env=env,
                          capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise SystemExit('Bail out! homeward demo failed: ' + proc.stdout + proc.stderr)


def app_env(tmp):
    """The environment of the app under test, its settings and data in
    @tmp."""
    env = dict(os.environ)
    # GTK 4 exposes its tree on the accessibility bus of this D-Bus session
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    # the toolkit-accessibility key has to be visible to the app: a keyfile
    # backend in a private config folder, shared with the gsettings call
    env['GSETTINGS_BACKEND'] = 'keyfile'
    env['XDG_CONFIG_HOME'] = os.path.join(tmp, 'config')
    env['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
    env['GSK_RENDERER'] = 'cairo'
    return env


def psql(uri, sql):
    """Runs @sql on the PostgreSQL test cluster at @uri with Debian's psql
    ($HOMEWARD_PG_BINDIR, else PostgreSQL 15's): its output, trimmed."""
    bindir = os.environ.get('HOMEWARD_PG_BINDIR') or '/usr/lib/postgresql/15/bin'
    proc = subprocess.run([os.path.join(bindir, 'psql'), '-qtA', '-v', 'ON_ERROR_STOP=1', uri, '-c', sql],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError('psql: ' + proc.stderr)
    return proc.stdout.strip()


class Serve:
    """`homeward serve --database @database --meeting @meeting` on 127.0.0.1
    (a free port), and the links it prints (name -> url): waits for
    @expected of them; its stderr goes to @tmp/serve.err."""

    def __init__(self, database, meeting, expected, tmp):
        self.err_path = os.path.join(tmp, 'serve.err')
        self.err = open(self.err_path, 'w')
        self.proc = subprocess.Popen([HOMEWARD, 'serve', '--database', database, '--meeting', str(meeting),
                                      '--address', '127.0.0.1', '--port', '0'],
                                     stdout=subprocess.PIPE, stderr=self.err, text=True)
        self.links = {}
        end = time.monotonic() + 60
        while len(self.links) < expected:
            if time.monotonic() > end or self.proc.poll() is not None:
                self.stop()
                with open(self.err_path) as f:
                    raise SystemExit('Bail out! homeward serve printed %d links of %d: %s'
                                     % (len(self.links), expected, f.read()))
            line = self.proc.stdout.readline().rstrip('\n')
            if line:
                name, url = line.rsplit(' ', 1)
                self.links[name] = url

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.err.close()
