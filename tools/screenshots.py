#!/usr/bin/python3
# screenshots.py: drives the real app through its accessibility tree and
# saves one picture of the screen per area and state, so that a change
# that must not change what people see (a refactor) can be checked:
# tools/screenshots.sh runs this under Xvfb, tools/compare-screenshots.sh
# compares two sets. See tools/screenshots.sh for how to use them.
#
# Run by tools/screenshots.sh (Xvfb 1400x900x24 + a D-Bus session, with
# Debian's /usr/bin/python3), never by meson test: it is a developer tool.
#
#   screenshots.py OUTDIR LANGUAGE
#
# LANGUAGE is "en" or "es": the buttons are found by their names in that
# language, read from the build's own Spanish catalog.
#
# What makes two runs on one build give the same pixels: a fresh HOME and
# XDG folders, a frozen clock (libfaketime: the sample family's dates are
# counted from today), the time zone UTC, a fixed window size, no cursor
# blink, the pointer parked in a corner of the screen where nothing
# reacts to it, and each picture taken only once two captures a moment
# apart are the same (the app is idle: no transition or fade is running).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import gettext
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests'))

import pyatspi  # noqa: E402

from e2e_common import (BUILD, HOMEWARD, add_sample, app_env, click, find, find_app,  # noqa: E402
                        press_keys, start_app, walk, wait_for)

WIDTH, HEIGHT = 1400, 900
# the narrow window: the list and the family's page fold into one
NARROW = 480
# the frozen "now" of every run (a Monday morning); the sample family's
# meetings, visits and due dates are placed around it
FAKE_NOW = os.environ.get('HOMEWARD_SHOTS_NOW', '2025-03-03 10:00:00')
FAKETIME_LIBS = ('/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
                 '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
                 '/usr/lib/faketime/libfaketime.so.1')
# where the pointer waits: the empty bottom-left corner (below the list of
# families), so that no row is hovered and no scroll bar shows
PARK = (0, HEIGHT - 1)

# the meeting's steps in the order of its sidebar (Details, who takes part,
# then the phases): names of the pictures, the same in every language
MEETING_STEPS = ('details', 'attendees', 'phase-01-welcome', 'phase-02-ground-rules',
                 'phase-03-why-here', 'phase-04-story', 'phase-05-working-well',
                 'phase-06-worries', 'phase-07-harder', 'phase-08-safety-goals',
                 'phase-09-scaling', 'phase-10-ideas', 'phase-11-private-time',
                 'phase-12-decisions', 'phase-13-next-steps', 'phase-14-plan-b',
                 'phase-15-next-meeting')

problems = []
saved = []


def log(*args):
    print('screenshots:', *args, file=sys.stderr, flush=True)


class Lang:
    """Names of the app's buttons and tabs in the language of the run."""

    def __init__(self, code):
        self.tr = None
        if code != 'en':
            self.tr = gettext.translation('homeward', os.path.join(BUILD, 'po'), [code])

    def __call__(self, msgid, context=None):
        if self.tr and context:
            text = self.tr.pgettext(context, msgid)
        else:
            text = self.tr.gettext(msgid) if self.tr else msgid
        # a mnemonic's underscore is not part of the accessible name
        return text.replace('_', '') if '_' in msgid else text


def named(label):
    """A name test: the label itself, or a name made of it (GTK 4.8 names
    some mnemonic buttons "_Label Label")."""
    return lambda n: bool(n) and (n == label or n.endswith(' ' + label)
                                  or n.startswith(label + ' '))


# -- the screen ------------------------------------------------------------

def park_pointer():
    pyatspi.Registry.generateMouseEvent(PARK[0], PARK[1], 'abs')


def capture():
    return subprocess.run(['import', '-window', 'root', '-depth', '8', 'rgb:-'],
                          capture_output=True, check=True).stdout


def shot(outdir, name):
    """Saves the screen as OUTDIR/NAME.png once it has stopped changing."""
    park_pointer()
    time.sleep(0.6)
    previous = capture()
    stable = 0
    end = time.monotonic() + 20
    while stable < 2 and time.monotonic() < end:
        time.sleep(0.35)
        current = capture()
        stable = stable + 1 if current == previous else 0
        previous = current
    if stable < 2:
        problems.append(name + ': the screen kept changing for 20 s (saved as it was)')
    path = os.path.join(outdir, name + '.png')
    # no date or time chunks: the same pixels give the same file
    subprocess.run(['convert', '-size', '%dx%d' % (WIDTH, HEIGHT), '-depth', '8', 'rgb:-',
                    '-strip', '-define', 'png:exclude-chunks=date,time', 'png:' + path],
                   input=previous, check=True)
    saved.append(name)
    log('saved', name)


# -- finding and driving the app --------------------------------------------

class App:
    def __init__(self, T):
        self.T = T
        self.app = None
        self.main = None

    def attach(self, app, frame):
        self.app, self.main = app, frame

    def windows(self):
        """The app's windows other than the main one (dialogs, the room's
        screen)."""
        out = []
        for w in self.app:
            try:
                if w is not None and w != self.main and w.getRole() != pyatspi.ROLE_INVALID:
                    out.append(w)
            except Exception:
                continue
        return out

    def wait_window(self, what):
        return wait_for(lambda: self.windows()[-1] if self.windows() else None, what, timeout=20)

    def wait_no_window(self):
        wait_for(lambda: not self.windows(), 'the dialogs to close', timeout=20)

    def find(self, role, label, root=None, what=None):
        root = root or self.main
        test = named(label) if isinstance(label, str) else label
        return wait_for(lambda: find(root, role, test), what or repr(label), timeout=20)

    def button(self, label, root=None):
        # exact names first: "Cancel" is also the start of "Cancel Visit…"
        root = root or self.main

        def look():
            return find(root, pyatspi.ROLE_PUSH_BUTTON, label) or \
                find(root, pyatspi.ROLE_PUSH_BUTTON, named(label))
        return wait_for(look, 'the button ' + label, timeout=20)

    def press(self, label, root=None):
        click(self.button(label, root))

    def tab(self, label, sibling=None, root=None):
        """Clicks the page tab @label; with @sibling, the one in the same
        switcher as a tab called @sibling (two areas have a tab "After
        Going Home")."""
        root = root or self.main

        def look():
            for node in walk(root):
                try:
                    if node.getRole() != pyatspi.ROLE_PAGE_TAB_LIST:
                        continue
                    names = [c.name for c in node if c is not None]
                    if label in names and (sibling is None or sibling in names):
                        return [c for c in node if c is not None and c.name == label][0]
                except Exception:
                    continue
            return None
        click(wait_for(look, 'the tab ' + label, timeout=20))

    def close_windows(self):
        """Closes every dialog: its Cancel or Close button, else Escape."""
        for _ in range(4):
            wins = self.windows()
            if not wins:
                return
            w = wins[-1]
            button = None
            for label in (self.T('_Cancel'), 'Cancel', self.T('Close'), 'Close'):
                button = find(w, pyatspi.ROLE_PUSH_BUTTON, label)
                if button is not None:
                    break
            try:
                if button is not None:
                    click(button)
                else:
                    press_keys('Escape')
            except Exception:
                press_keys('Escape')
            try:
                wait_for(lambda: w not in self.windows(), 'a dialog to close', timeout=5)
            except RuntimeError:
                pass

    def scroll_to_end(self, node):
        """Scrolls the list under @node to its end with the mouse wheel (GTK
        4.8 lets the accessibility tree neither scroll nor move the focus);
        past the end a wheel does nothing, so the end is always the same."""
        # GTK 4.8 knows no screen coordinates; the main window is at 0,0
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        x, y = ext.x + ext.width // 2, ext.y + min(ext.height // 2, 300)
        pyatspi.Registry.generateMouseEvent(x, y, 'abs')
        time.sleep(0.2)
        for _ in range(60):
            pyatspi.Registry.generateMouseEvent(x, y, 'b5c')
            time.sleep(0.02)
        time.sleep(0.3)
        park_pointer()


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- the tour ----------------------------------------------------------------

def tour(a, outdir, T):
    """Every area and state, in an order where each step starts from the
    main window with no dialog open. Each entry: (picture name, what to do
    before it, what to do after it). A picture's number is fixed (gaps
    are on purpose): one that cannot be taken is reported as missing by
    the compare, and the others keep their names."""
    steps = []

    def add(name, before, after=None):
        steps.append((name, before, after))

    def close():
        a.close_windows()
        a.wait_no_window()

    # the first screen: the list of families, the family's page on People
    add('02-families-list-people', lambda: a.find(pyatspi.ROLE_PAGE_TAB, T('People')))
    # the end of the People page: the organisations (the wheel over the
    # page, where its Add Person button is)
    add('03-people-organisations',
        lambda: a.scroll_to_end(a.find(pyatspi.ROLE_PUSH_BUTTON, T('Add Person'))))
    add('05-person-dialog', lambda: (a.press(T('Edit %s') % 'Elena Morales'),
                                     a.wait_window('the person dialog')), close)
    add('06-person-dialog-new', lambda: (a.press(T('Add Person')),
                                         a.wait_window('the new person dialog')), close)
    add('07-organisation-dialog',
        lambda: (a.press(T('Edit %s') % 'County Children and Family Services'),
                 a.wait_window('the organisation dialog')), close)
    add('08-case-dialog', lambda: (a.press(T('_Edit Details')),
                                   a.wait_window('the family details dialog')), close)
    add('09-main-menu', lambda: (a.tab(T('People')), time.sleep(0.5), press_keys('F10'),
                                 a.find(pyatspi.ROLE_MENU_ITEM, T('_Preferences'), root=a.app)),
        lambda: (press_keys('Escape'), time.sleep(0.5)))

    # the ecomap
    add('10-ecomap', lambda: a.tab(T('Ecomap')))

    # the meeting: every step of its sidebar, then the room's screen
    def meeting_step(index):
        def go():
            a.tab(T('Meeting'))
            steps_list = a.find(pyatspi.ROLE_LIST, T('Steps of the meeting'))
            rows = [r for r in steps_list if r is not None]
            if len(rows) != len(MEETING_STEPS):
                problems.append('the meeting has %d steps, not %d'
                                % (len(rows), len(MEETING_STEPS)))
            steps_list.querySelection().selectChild(index)
        return go
    for i, step in enumerate(MEETING_STEPS):
        add('%02d-meeting-%s' % (20 + i, step), meeting_step(i))

    def present_button():
        # a toggle button named "Present" (the verb, not attendance) and its
        # label "_Present": GTK 4.8 reads "Present Present"
        is_present = named(T('Present', 'show on the room screen'))

        def look():
            for node in walk(a.main):
                try:
                    if is_present(node.name) and node.getRole() in (
                            pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON):
                        return node
                except Exception:
                    continue
            return None
        return wait_for(look, 'the Present button', timeout=20)

    def present():
        # the room's screen shows the step chosen in the sidebar: the scale
        meeting_step(MEETING_STEPS.index('phase-09-scaling'))()
        time.sleep(0.5)
        click(present_button())
        a.wait_window('the room\'s screen')

    def unpresent():
        click(present_button())
        a.wait_no_window()
    add('40-meeting-room-screen', present, unpresent)

    # the service plan: each of its tabs
    tabs = ('By Area', 'By Person', 'Due Dates', 'After Going Home', 'Readiness')
    for i, label in enumerate(tabs):
        slug = label.lower().replace(' ', '-')
        add('%02d-service-plan-%s' % (45 + i, slug),
            lambda label=label: (a.tab(T('Service plan')), a.tab(T(label), sibling=T('By Area'))))

    # family time: the calendar's views and the two dialogs
    for i, label in enumerate(('Month', 'Week', 'List', 'Progress')):
        add('%02d-visits-%s' % (55 + i, label.lower()),
            lambda label=label: (a.tab(T('Family time')), a.tab(T(label), sibling=T('Month'))))
    add('60-visits-visit-dialog', lambda: (a.tab(T('Family time')),
                                           a.press(T('_Schedule Visits…')),
                                           a.wait_window('the visit dialog')), close)

    def outcome():
        a.tab(T('Family time'))
        a.tab(T('List'), sibling=T('Month'))
        a.press(T('_Record…'))
        a.wait_window('the outcome dialog')
    add('61-visits-outcome-dialog', outcome, close)

    # the written plans
    add('65-plans-safety-plan', lambda: (a.tab(T('Plans')),
                                         a.tab(T('Safety Plan'), sibling=T('After Going Home'))))
    add('66-plans-safety-plan-end',
        lambda: a.scroll_to_end(a.find(pyatspi.ROLE_PUSH_BUTTON, T('_Print Draft…'))))
    add('67-plans-after-going-home', lambda: a.tab(T('After Going Home'), sibling=T('Safety Plan')))

    def item_dialog():
        a.tab(T('Safety Plan'), sibling=T('After Going Home'))
        a.press(T('Change this entry'))
        a.wait_window('the plan item dialog')
    add('68-plans-item-dialog', item_dialog, close)

    def print_dialog():
        a.tab(T('Safety Plan'), sibling=T('After Going Home'))
        a.press(T('_Print Draft…'))
        a.wait_window('the print dialog')
    add('69-plans-print-dialog', print_dialog, close)

    def agree_dialog():
        a.tab(T('Safety Plan'), sibling=T('After Going Home'))
        a.press(T('_Agree and Print…'))
        a.wait_window('the agree and print dialog')
    add('70-plans-agree-dialog', agree_dialog, close)

    # the case's key dates, and where the children live
    add('71-key-dates', lambda: a.tab(T('Key dates')))
    add('72-placements', lambda: a.tab(T('Placements')))

    # the windows of the whole app
    def preferences(page):
        def go():
            if not a.windows():
                a.tab(T('People'))
                press_keys('Control_L', 'comma')
            win = a.wait_window('the preferences')
            a.tab(T(page), root=win)
        return go
    add('75-preferences-screen-lock', preferences('Screen Lock'))
    add('76-preferences-undo', preferences('Undo'), close)

    def restore():
        a.tab(T('People'))
        press_keys('F10')
        click(a.find(pyatspi.ROLE_MENU_ITEM, T('_Restore from Backup…'), root=a.app))
        a.wait_window('the restore dialog')
        # the dialog opens under the pointer, and whether its first button
        # shows a focus ring depended on when the click's release came:
        # Tab and back, so it always does, as after any key
        time.sleep(0.5)
        press_keys('Tab')
        press_keys('Shift_L', 'Tab')
    add('77-restore-dialog', restore, close)

    def lock():
        a.tab(T('People'))
        time.sleep(0.5)
        press_keys('Control_L', 'l')
        a.find(pyatspi.ROLE_LABEL, T('Homeward is locked'), root=a.app)

    def unlock():
        a.press(T('_Unlock'), root=a.app)
        wait_for(lambda: find(a.app, pyatspi.ROLE_LABEL, T('Homeward is locked')) is None,
                 'the lock screen to go', timeout=20)
    add('78-lock-screen', lock, unlock)

    # a narrow window (a phone, or half a laptop screen): the family, then
    # the list of families alone
    def resize(width):
        def go():
            title = a.main.name
            ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', title],
                                 capture_output=True, text=True, check=True).stdout.split()
            for wid in ids:
                subprocess.run(['xdotool', 'windowsize', wid, str(width), str(HEIGHT)], check=True)
            # (GTK 4.8 tells no window's size on the accessibility bus: the
            # picture waits until the screen stops changing)
            time.sleep(1.0)
        return go
    add('80-narrow-family', resize(NARROW))
    add('81-narrow-families-list', lambda: a.press(T('Back to the Families')), resize(WIDTH))

    for name, before, after in steps:
        try:
            before()
            shot(outdir, name)
        except Exception:
            problems.append(name + ': ' + traceback.format_exc().strip().splitlines()[-1])
            log('FAILED', name)
            traceback.print_exc()
        try:
            if after is not None:
                after()
        except Exception:
            problems.append(name + ' (after): ' + traceback.format_exc().strip().splitlines()[-1])
        # whatever went wrong, the next step starts from the main window
        if a.windows():
            a.close_windows()


def environment(tmp, language):
    env = app_env(tmp)
    for key in ('LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'GTK_THEME', 'GDK_SCALE', 'GDK_DPI_SCALE',
                'GTK_DEBUG', 'GTK_IM_MODULE', 'HOMEWARD_DELETE_UNDO_SECONDS'):
        env.pop(key, None)
    env.update({
        'HOME': os.path.join(tmp, 'home'),
        'XDG_CACHE_HOME': os.path.join(tmp, 'cache'),
        'XDG_STATE_HOME': os.path.join(tmp, 'state'),
        'XDG_RUNTIME_DIR': env.get('XDG_RUNTIME_DIR', tmp),
        'GSETTINGS_SCHEMA_DIR': os.path.join(BUILD, 'data'),
        'HOMEWARD_LOCALEDIR': os.path.join(BUILD, 'po'),
        'GSK_RENDERER': 'cairo',
        'TZ': 'UTC',
        'LANG': 'C.UTF-8',
        # the X server of the run, also on a Wayland desktop
        'GDK_BACKEND': 'x11',
    })
    env.pop('WAYLAND_DISPLAY', None)
    if language == 'es':
        env['LANGUAGE'] = 'es'
        if os.environ.get('HOMEWARD_SHOTS_ES_LOCALE'):
            env['LANG'] = os.environ['HOMEWARD_SHOTS_ES_LOCALE']
    for d in ('home', 'cache', 'state', 'config/gtk-4.0', 'data'):
        os.makedirs(os.path.join(tmp, d), exist_ok=True)
    # a steady text cursor: a blinking one is in some pictures and not in others
    with open(os.path.join(tmp, 'config', 'gtk-4.0', 'settings.ini'), 'w') as f:
        f.write('[Settings]\ngtk-cursor-blink=false\ngtk-enable-animations=true\n')
    for schema, key, value in (('org.gnome.desktop.interface', 'toolkit-accessibility', 'true'),
                               ('app.homeward.Homeward', 'window-width', str(WIDTH)),
                               ('app.homeward.Homeward', 'window-height', str(HEIGHT)),
                               ('app.homeward.Homeward', 'window-maximized', 'false')):
        subprocess.run(['gsettings', 'set', schema, key, value], env=env, check=True)
    # the clock stands still at FAKE_NOW in the app and in `homeward demo`
    lib = next((p for p in FAKETIME_LIBS if os.path.exists(p)), None)
    if lib is None:
        raise SystemExit('screenshots: libfaketime is missing (apt-get install faketime)')
    env['LD_PRELOAD'] = lib
    env['FAKETIME'] = FAKE_NOW
    # timers and animations keep running on the real monotonic clock
    env['DONT_FAKE_MONOTONIC'] = '1'
    return env


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ('en', 'es'):
        print('usage: screenshots.py OUTDIR en|es', file=sys.stderr)
        return 2
    outdir, language = sys.argv[1], sys.argv[2]
    if not os.path.exists(HOMEWARD):
        print('screenshots: no ' + HOMEWARD + ' (build first)', file=sys.stderr)
        return 2
    os.makedirs(outdir, exist_ok=True)
    T = Lang(language)
    a = App(T)
    tmp = tempfile.mkdtemp(prefix='homeward-shots-')
    env = environment(tmp, language)
    park_pointer()
    logfile = open(os.path.join(tmp, 'app.log'), 'w')

    # 1. a fresh, empty database: the welcome page
    # (its own data folder: its backups are not listed in the restore
    # dialog of the second start)
    welcome_env = dict(env, XDG_DATA_HOME=os.path.join(tmp, 'welcome-data'))
    proc, app, frame = start_app(os.path.join(tmp, 'empty.db'), welcome_env, logfile, cwd=tmp)
    try:
        a.attach(app, frame)
        a.find(pyatspi.ROLE_PUSH_BUTTON, T('_Try the Sample Family'), root=app)
        shot(outdir, '01-welcome')
    except Exception:
        problems.append('01-welcome: ' + traceback.format_exc().strip().splitlines()[-1])
    finally:
        stop(proc)
    wait_for(lambda: find_app() is None, 'the first app to leave the bus', timeout=30)

    # 2. the sample family in another fresh database: every area
    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    proc, app, frame = start_app(db, env, logfile, cwd=tmp)
    try:
        a.attach(app, frame)
        wait_for(lambda: 'Morales' in (frame.name or ''), 'the sample family to open')
        # the backup of the first start of the day is listed in the
        # restore dialog: wait until it is made
        backups = os.path.join(tmp, 'data', 'homeward', 'backups')
        wait_for(lambda: os.path.isdir(backups) and
                 any(n.startswith('homeward') for n in os.listdir(backups)),
                 'the daily backup', timeout=60)
        time.sleep(1.0)
        tour(a, outdir, T)
    finally:
        stop(proc)
        logfile.close()

    for p in problems:
        log('PROBLEM', p)
    log('%d pictures in %s, %d problems' % (len(saved), outdir, len(problems)))
    if problems:
        with open(os.path.join(tmp, 'app.log'), errors='replace') as f:
            sys.stderr.write('# app log:\n' + ''.join('# ' + line for line in f))
    subprocess.run(['rm', '-rf', tmp], check=False)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
