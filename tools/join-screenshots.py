#!/usr/bin/python3
# join-screenshots.py: pictures of the join page as a phone shows it
# (360x740 CSS pixels, Debian's chromium headless through tests/cdp.py),
# in English and in Spanish, for docs/screenshots/ and for looking at
# the page before a change is merged (issue 16).
#
#   /usr/bin/python3 tools/join-screenshots.py [BUILD_DIR [OUT_DIR]]
#
# On the sample family's recent meeting, served by `homeward serve`:
# Priya Shah's page (English) and Rosa Morales's (Spanish), in "What is
# working well" after sending a strength, and in the scaling step; in
# private family time, a family member's page with the family's plan
# saved (Rosa in Spanish, Carmen made English for the picture) and
# Priya's, who sees only that the family is writing it. Each picture is
# the whole page, 360 pixels wide (device scale 1, small files).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import sqlite3
import subprocess
import sys
import tempfile
import shutil

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests'))
import cdp  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build')
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, 'docs', 'screenshots')
HOMEWARD = os.path.join(BUILD, 'src', 'homeward')
# the translations of the build
os.environ.setdefault('HOMEWARD_LOCALEDIR', os.path.join(BUILD, 'po'))
PEOPLE = [('Priya Shah', 'en', 'Rosa drives the children to school every morning.'),
          ('Rosa Morales', 'es', 'Elena y yo cocinamos juntas los domingos.')]
# private family time: who writes the family's plan, in which language
PLANS = [('Rosa Morales', 'es', 'Sofía y Mateo duermen en mi casa las noches de escuela. '
          'Carmen los lleva los sábados. Elena llama a Carmen si se siente insegura.'),
         ('Carmen Ortiz', 'en', 'Sofia and Mateo sleep at Grandma Rosa’s on school nights. '
          'Carmen drives them on Saturdays. Elena calls Carmen if she feels unsafe.')]


def sql(db, statement, *args):
    con = sqlite3.connect(db, timeout=30)
    try:
        with con:
            return con.execute(statement, args).fetchall()
    finally:
        con.close()


def main():
    why = cdp.missing()
    if why:
        print(why)
        return 77
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='homeward-join-shots-')
    db = os.path.join(tmp, 'h.db')
    subprocess.run([HOMEWARD, 'demo', '--database', db], check=True, capture_output=True)
    meeting = sql(db, 'SELECT max(id) FROM meetings')[0][0]
    sql(db, "UPDATE meetings SET current_phase = 'strengths' WHERE id = ?", meeting)
    serve = subprocess.Popen([HOMEWARD, 'serve', '--database', db, '--meeting', str(meeting),
                              '--address', '127.0.0.1', '--port', '0'], stdout=subprocess.PIPE, text=True)
    links = {}
    try:
        while not all(p[0] in links for p in PEOPLE + PLANS):
            line = serve.stdout.readline().rstrip('\n')
            if not line:
                raise SystemExit('homeward serve stopped')
            name, url = line.rsplit(' ', 1)
            links[name] = url
        with cdp.Browser(width=360, height=740, scale=1) as b:
            for name, lang, text in PEOPLE:
                sql(db, "UPDATE meetings SET current_phase = 'strengths' WHERE id = ?", meeting)
                b.navigate(links[name])
                b.tap("document.getElementById('text')")
                b.type_text(text)
                b.submit("document.querySelector('form[action$=\"/add\"]')")
                b.evaluate('window.scrollTo(0, 0)')
                b.screenshot(os.path.join(OUT, 'join-page-%s.png' % lang))
                sql(db, "UPDATE meetings SET current_phase = 'scaling' WHERE id = ?", meeting)
                b.navigate(links[name])
                b.screenshot(os.path.join(OUT, 'join-scores-%s.png' % lang))
                print('saved', lang)
            # private family time
            sql(db, "UPDATE meetings SET current_phase = 'family-time' WHERE id = ?", meeting)
            for name, lang, text in PLANS:
                sql(db, 'UPDATE people SET language = ? WHERE name = ?', lang, name)
                b.navigate(links[name])
                b.evaluate("document.getElementById('plan').value = ''")
                b.tap("document.getElementById('plan')")
                b.type_text(text)
                b.submit("document.querySelector('form[action$=\"/plan\"]')")
                b.evaluate('window.scrollTo(0, 0)')
                b.screenshot(os.path.join(OUT, 'join-family-plan-%s.png' % lang))
                print('saved family plan', lang)
            b.navigate(links['Priya Shah'])
            b.screenshot(os.path.join(OUT, 'join-family-plan-team-en.png'))
    finally:
        serve.terminate()
        serve.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
