#!/usr/bin/python3
# e2e-pg-serve.py: `homeward serve` on a PostgreSQL server (issue 17: every
# command, `serve` among them, against the server). Run by pg-cluster.sh,
# which gives HOMEWARD_TEST_PG_URI (an empty database on a throw-away
# cluster).
#
# The sample family is made on the server (`homeward demo`); `homeward
# serve` gives each person taking part in its recent meeting a link; a
# person's page is read over HTTP (as a phone's browser does, with its
# cookie and the form's token), a strength sent with the form is on the
# server with that person as its author, waiting for the facilitator; a
# score given in the scaling step is there; a second score from the same
# page as it was (its version) is refused with 409 and changes nothing.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import html
import http.cookiejar
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

from e2e_common import Serve, psql

BUILD = os.environ.get('HOMEWARD_BUILD_ROOT',
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'build'))
HOMEWARD = os.path.join(BUILD, 'src', 'homeward')
os.environ.setdefault('HOMEWARD_LOCALEDIR', os.path.join(BUILD, 'po'))

STRENGTH = 'Elena walks the children to school every morning'

failures = []


def check(condition, what):
    print(('ok - ' if condition else 'not ok - ') + what, flush=True)
    if not condition:
        failures.append(what)
    return condition


class Phone:
    """A browser's part: the page over HTTP, with its cookie."""

    def __init__(self, url):
        self.url = url
        # the join page's own certificate, made for this computer (not a
        # CA's): taken as it is, on 127.0.0.1
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  urllib.request.HTTPSHandler(context=context))

    def get(self):
        with self.opener.open(self.url, timeout=30) as r:
            return r.read().decode('utf-8')

    def post(self, action, fields):
        data = urllib.parse.urlencode(fields).encode('ascii')
        request = urllib.request.Request(urllib.parse.urljoin(self.url, action), data=data,
                                         headers={'Content-Type': 'application/x-www-form-urlencoded'})
        try:
            with self.opener.open(request, timeout=30) as r:
                return r.status, r.read().decode('utf-8')
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode('utf-8')


def form_fields(page, action_end):
    """The action and the hidden fields of the page's first form posting to
    …@action_end."""
    m = re.search(r'<form method="post" action="([^"]*%s)">(.*?)</form>' % re.escape(action_end), page, re.S)
    if m is None:
        return None, {}
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', m.group(2)))
    return html.unescape(m.group(1)), {k: html.unescape(v) for k, v in hidden.items()}


def main():
    uri = os.environ.get('HOMEWARD_TEST_PG_URI')
    if not uri:
        print('1..0 # SKIP no PostgreSQL cluster; run me with tests/pg-cluster.sh run')
        return 77
    tmp = tempfile.mkdtemp(prefix='homeward-e2e-pg-serve-')
    serve = None
    try:
        out = subprocess.run([HOMEWARD, 'demo', '--database', uri], capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            print('Bail out! homeward demo: ' + out.stdout + out.stderr)
            return 1
        meeting = int(psql(uri, 'SELECT max(id) FROM meetings'))
        expected = int(psql(uri, "SELECT count(*) FROM meeting_attendees a JOIN people p ON p.id = a.person_id"
                                 " WHERE a.meeting_id = %d AND a.attendance IN ('present', 'remote')"
                                 " AND p.confidential = 0"
                                 " AND ',' || p.withheld_from || ',' NOT LIKE '%%,support,%%'" % meeting))
        psql(uri, "UPDATE meetings SET current_phase = 'strengths' WHERE id = %d" % meeting)

        serve = Serve(uri, meeting, expected, tmp)
        check(len(serve.links) == expected and expected > 0,
              '%d links from the server, one per person taking part' % expected)
        name = 'Elena Morales' if 'Elena Morales' in serve.links else sorted(serve.links)[0]
        person = int(psql(uri, "SELECT id FROM people WHERE name = '%s'" % name.replace("'", "''")))
        phone = Phone(serve.links[name])

        # -- a strength ---------------------------------------------------------
        page = phone.get()
        check(name in page, name + '’s own page opens, read from the server')
        action, fields = form_fields(page, '/add')
        check(action is not None and 'csrf' in fields, 'the page has the form to add words, with its token')
        fields.update({'contribution': 'strength', 'text': STRENGTH})
        status, page = phone.post(action, fields)
        check(status == 200, 'the strength is sent (%d)' % status)
        rows = psql(uri, "SELECT phase || '|' || hidden FROM meeting_items WHERE meeting_id = %d"
                         " AND author_person_id = %d AND text = '%s'" % (meeting, person, STRENGTH))
        check(rows == 'strengths|1', 'on the server, by %s, waiting to be let through: %r' % (name, rows))
        check(STRENGTH in page, 'the page, back after Send, lists it as sent')

        # -- a score, then one over a score the page no longer shows ---------------
        psql(uri, "UPDATE meetings SET current_phase = 'scaling' WHERE id = %d" % meeting)
        page = phone.get()
        action, fields = form_fields(page, '/score')
        check(action is not None and 'item' in fields and 'version' in fields,
              'the scaling step has a score to give, with the version shown')
        item = int(fields['item'])
        before = psql(uri, 'SELECT score FROM meeting_scores WHERE item_id = %d AND person_id = %d'
                           % (item, person))
        score = 3 if before != '3' else 4
        stale = dict(fields)
        fields['score'] = str(score)
        status, page = phone.post(action, fields)
        check(status == 200, 'the score is sent (%d)' % status)
        check(psql(uri, 'SELECT score FROM meeting_scores WHERE item_id = %d AND person_id = %d'
                        % (item, person)) == str(score), 'the score %d is on the server' % score)
        stale['score'] = '9'
        status, page = phone.post(action, stale)
        check(status == 409, 'the page as it was, sent again with another score: refused (%d)' % status)
        check(psql(uri, 'SELECT score FROM meeting_scores WHERE item_id = %d AND person_id = %d'
                        % (item, person)) == str(score), 'the score on the server is still %d' % score)
    finally:
        if serve is not None:
            serve.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print('FAILED: ' + '; '.join(failures))
        return 1
    print('ok: homeward serve on PostgreSQL')
    return 0


if __name__ == '__main__':
    sys.exit(main())
