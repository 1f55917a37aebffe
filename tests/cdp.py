# cdp.py: a small client of Chromium's DevTools protocol, for the tests
# that drive the join page in a real browser (tests/e2e-join-*.py) and
# for tools/join-screenshots.py.
#
# Chromium (Debian's /usr/bin/chromium) runs headless with its own
# temporary profile folder; the DevTools port is chosen by Chromium
# (--remote-debugging-port=0) and read from the DevToolsActivePort file
# in that folder. Browser.close() (or leaving the `with` block) kills it
# and removes the folder.
#
# Needs Debian's python3-websocket (run with /usr/bin/python3).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

CHROMIUM = os.environ.get('HOMEWARD_CHROMIUM', '/usr/bin/chromium')


def missing():
    """Why the browser tests cannot run here, or None."""
    if not os.access(CHROMIUM, os.X_OK):
        return 'no ' + CHROMIUM + ' (Debian package chromium)'
    try:
        import websocket  # noqa: F401
    except ImportError:
        return 'no python3-websocket (Debian package python3-websocket)'
    return None


class CDPError(RuntimeError):
    pass


def made_certificate_spki(data_home=None):
    """The join page's certificate made for this computer (hw-join-tls.c,
    in $XDG_DATA_HOME/homeward/join-tls): the SHA-256 of its public key,
    base64, as Chromium's --ignore-certificate-errors-spki-list takes it,
    so the browser trusts that certificate and no other. None without it."""
    data = data_home or os.environ.get('XDG_DATA_HOME') or os.path.expanduser('~/.local/share')
    path = os.path.join(data, 'homeward', 'join-tls', 'join-certificate.pem')
    if not os.path.exists(path):
        return None
    pub = subprocess.run(['openssl', 'x509', '-pubkey', '-noout', '-in', path],
                         check=True, capture_output=True).stdout
    der = subprocess.run(['openssl', 'pkey', '-pubin', '-outform', 'der'], input=pub,
                         check=True, capture_output=True).stdout
    import hashlib
    return base64.b64encode(hashlib.sha256(der).digest()).decode('ascii')


class Browser:
    """One headless Chromium and one page of it (a tab), driven through
    the DevTools protocol."""

    def __init__(self, width=None, height=None, scale=1, lang='en-US', timeout=60.0, data_home=None):
        """@data_home: the XDG_DATA_HOME of the program serving the page,
        whose certificate made for this computer is trusted."""
        import websocket
        self.dir = tempfile.mkdtemp(prefix='homeward-chromium-')
        self.proc = None
        self.ws = None
        self.next_id = 0
        self.events = []
        args = [CHROMIUM, '--headless=new', '--remote-debugging-port=0',
                '--remote-debugging-address=127.0.0.1',
                '--user-data-dir=' + self.dir,
                '--no-first-run', '--no-default-browser-check', '--disable-gpu',
                '--disable-extensions', '--disable-background-networking', '--disable-sync',
                '--disable-component-update', '--disable-default-apps', '--mute-audio',
                '--password-store=basic', '--use-mock-keychain',
                '--lang=' + lang, 'about:blank']
        spki = made_certificate_spki(data_home)
        if spki is not None:
            args.insert(1, '--ignore-certificate-errors-spki-list=' + spki)
        if os.geteuid() == 0:
            # Chromium's sandbox refuses to run as root
            args.insert(1, '--no-sandbox')
        env = dict(os.environ)
        env['LANGUAGE'] = lang.replace('-', '_')
        # (its own temporary files, org.chromium.Chromium.*, go with the
        # profile: Chromium leaves them behind)
        env['TMPDIR'] = self.dir
        self.log = open(os.path.join(self.dir, 'chromium.log'), 'w')
        try:
            self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                         start_new_session=True)
            port = self._wait_port(timeout)
            self.port = port
            page = self._page_target(port, timeout)
            self.ws = websocket.create_connection(page['webSocketDebuggerUrl'], timeout=timeout,
                                                  suppress_origin=True)
            self.call('Page.enable')
            self.call('Page.setLifecycleEventsEnabled', enabled=True)
            self.call('Runtime.enable')
            if width is not None:
                self.call('Emulation.setDeviceMetricsOverride', width=width, height=height,
                          deviceScaleFactor=scale, mobile=True)
                self.call('Emulation.setTouchEmulationEnabled', enabled=True)
        except BaseException:
            self.close()
            raise

    # -- start and stop ------------------------------------------------------

    def _wait_port(self, timeout):
        path = os.path.join(self.dir, 'DevToolsActivePort')
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise CDPError('chromium ended with status %d: %s' % (self.proc.returncode, self.read_log()))
            try:
                with open(path) as f:
                    first = f.readline().strip()
                if first.isdigit():
                    return int(first)
            except OSError:
                pass
            time.sleep(0.1)
        raise CDPError('chromium wrote no DevToolsActivePort: ' + self.read_log())

    def _page_target(self, port, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                with urllib.request.urlopen('http://127.0.0.1:%d/json/list' % port, timeout=5) as r:
                    targets = json.load(r)
                for t in targets:
                    if t.get('type') == 'page' and 'webSocketDebuggerUrl' in t:
                        return t
            except OSError:
                pass
            time.sleep(0.2)
        raise CDPError('no page in chromium')

    def read_log(self):
        try:
            with open(os.path.join(self.dir, 'chromium.log'), errors='replace') as f:
                return f.read()[-2000:]
        except OSError:
            return ''

    def close(self):
        if self.ws is not None:
            try:
                self.ws.close()
            except Exception:
                pass
            self.ws = None
        if self.proc is not None and self.proc.poll() is None:
            try:
                # its own session: the group is chromium and its helpers
                os.killpg(self.proc.pid, 15)
            except OSError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, 9)
                except OSError:
                    pass
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- the protocol --------------------------------------------------------

    def call(self, method, timeout=60.0, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({'id': mid, 'method': method, 'params': params}))
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.ws.settimeout(max(0.1, end - time.monotonic()))
            msg = json.loads(self.ws.recv())
            if msg.get('id') == mid:
                if 'error' in msg:
                    raise CDPError('%s: %s' % (method, msg['error']))
                return msg.get('result', {})
            if 'method' in msg:
                self.events.append(msg)
        raise CDPError(method + ' got no answer')

    def wait_event(self, method, timeout=30.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for i, e in enumerate(self.events):
                if e['method'] == method:
                    return self.events.pop(i)
            self.ws.settimeout(max(0.1, end - time.monotonic()))
            try:
                msg = json.loads(self.ws.recv())
            except Exception:
                continue
            if 'method' in msg:
                self.events.append(msg)
        raise CDPError('no ' + method)

    # -- what the tests do ---------------------------------------------------

    def evaluate(self, expression):
        r = self.call('Runtime.evaluate', expression=expression, returnByValue=True, awaitPromise=True)
        if 'exceptionDetails' in r:
            raise CDPError('%s: %s' % (expression, r['exceptionDetails']))
        return r['result'].get('value')

    def wait_for(self, expression, what, timeout=30.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                value = self.evaluate(expression)
            except CDPError:
                value = None
            if value:
                return value
            time.sleep(0.1)
        raise CDPError('gave up waiting for ' + what)

    def navigate(self, url, timeout=30.0):
        """Opens @url and waits until its document has loaded: the load of
        this navigation (its loader), not another one's (a join page
        reloads itself when the meeting's step changes, and that reload's
        load may come during this navigation)."""
        self.events = [e for e in self.events
                       if e['method'] not in ('Page.loadEventFired', 'Page.lifecycleEvent')]
        r = self.call('Page.navigate', url=url)
        if r.get('errorText'):
            raise CDPError('%s: %s' % (url, r['errorText']))
        loader = r.get('loaderId')
        if not loader:
            # the same document (a link to a part of it): no new loader
            return
        end = time.monotonic() + timeout
        while True:
            e = self.wait_event('Page.lifecycleEvent', max(0.1, end - time.monotonic()))
            if e['params'].get('name') == 'load' and e['params'].get('loaderId') == loader:
                return

    def submit(self, form_expression, timeout=30.0):
        """Clicks the submit button of the form @form_expression (a JS
        expression) with a real tap in its middle, and waits for the page
        the server answers with."""
        self.events = [e for e in self.events if e['method'] != 'Page.loadEventFired']
        self.tap(form_expression + ".querySelector('button[type=submit]')")
        self.wait_event('Page.loadEventFired', timeout)

    def box(self, element_expression):
        """The element's box in CSS pixels of the view: x, y, width,
        height (scrolled into view first)."""
        return self.evaluate('(function () { var e = %s; e.scrollIntoView({block: "center"});'
                             ' var r = e.getBoundingClientRect();'
                             ' return [r.left, r.top, r.width, r.height]; })()' % element_expression)

    def tap(self, element_expression):
        """A mouse click in the middle of the element, through Input
        events (as a person's finger would, not element.click())."""
        x, y, w, h = self.box(element_expression)
        cx, cy = x + w / 2, y + h / 2
        self.call('Input.dispatchMouseEvent', type='mouseMoved', x=cx, y=cy)
        self.call('Input.dispatchMouseEvent', type='mousePressed', x=cx, y=cy, button='left', clickCount=1)
        self.call('Input.dispatchMouseEvent', type='mouseReleased', x=cx, y=cy, button='left', clickCount=1)

    def type_text(self, text):
        """Types @text into the focused element (Input.insertText)."""
        self.call('Input.insertText', text=text)

    def screenshot(self, path, full_page=True):
        params = {'format': 'png'}
        if full_page:
            params['captureBeyondViewport'] = True
            w, h = self.evaluate('[document.documentElement.scrollWidth,'
                                 ' document.documentElement.scrollHeight]')
            params['clip'] = {'x': 0, 'y': 0, 'width': w, 'height': h, 'scale': 1}
        r = self.call('Page.captureScreenshot', **params)
        with open(path, 'wb') as f:
            f.write(base64.b64decode(r['data']))

    def html(self):
        return self.evaluate('document.documentElement.outerHTML')
