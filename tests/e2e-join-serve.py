#!/usr/bin/python3
# e2e-join-serve.py: the join page in a real browser (Debian's chromium,
# headless, through its DevTools protocol: tests/cdp.py), served by
# `homeward serve` alone, without a window or a display (issue 16).
#
# On the sample family's recent meeting: a person opens their link, adds
# a strength with the form (a tap on the radio button, typed text, a tap
# on Send) and gives a score in the scaling step; both are in the
# database, with that person as author. A made-up link and a link of a
# server that has stopped (withdrawn with it) give the "This link does not work"
# page. Every person's page, at every step that has items, is read from
# the browser's DOM: no withheld item is in it (the confidential
# advocate, addresses withheld from support copies, the agency-only
# note, an item withheld from support copies added for the test).
# In private family time a family member writes the family's plan and
# shares it with taps and typing; before it is shared no professional's
# page has a word of it in its DOM, after it every page shows it.
#
# Skips (77) without chromium or python3-websocket.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import cdp
from e2e_common import Serve

BUILD = os.environ.get('HOMEWARD_BUILD_ROOT',
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'build'))
HOMEWARD = os.path.join(BUILD, 'src', 'homeward')
# the translations of the build (as meson test sets it), when run by hand
os.environ.setdefault('HOMEWARD_LOCALEDIR', os.path.join(BUILD, 'po'))

STRENGTH = 'Rosa and Elena cook dinner together on Sundays'
FAMILY_PLAN = 'Sofia and Mateo sleep at Grandma Rosa on school nights; Carmen drives them on Saturdays'
# the roles of the family and its own network (hw_family_plan_role_is_family())
FAMILY_ROLES = ('child', 'mother', 'father', 'parent', 'stepparent', 'kin-caregiver', 'sibling',
                'grandparent', 'relative', 'friend', 'neighbour', 'faith')
WITHHELD_ITEM = 'Kept from supporters: the school called about a bruise'
# what no person's page may hold
WITHHELD = ['Alicia Brooks', 'Brooks', 'Domestic violence advocate', '9 Juniper Lane', '48 Alder Court',
            'Agency only', 'Marco called Elena again', WITHHELD_ITEM]

failures = []
passed = []


def check(condition, what):
    print(('ok - ' if condition else 'not ok - ') + what, flush=True)
    (passed if condition else failures).append(what)
    return condition


def sql(db, statement, *args):
    con = sqlite3.connect(db, timeout=30)
    try:
        with con:
            return con.execute(statement, args).fetchall()
    finally:
        con.close()


def set_step(browser, db, meeting, step):
    """The meeting goes to @step, with no join page open: an open one
    follows the meeting's step and reloads itself a second after it
    changes, and that reload can cancel the next navigation or stand in
    for it (seen: the made-up link's check read the page reloaded)."""
    browser.navigate('about:blank')
    sql(db, 'UPDATE meetings SET current_phase = ? WHERE id = ?', step, meeting)


def page_text(browser):
    return browser.evaluate('document.body ? document.body.innerText : ""')


def main():
    why = cdp.missing()
    if why:
        print('1..0 # SKIP ' + why)
        return 77
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-join-serve-')
    db = os.path.join(tmp, 'homeward.db')
    serve = None
    browser = None
    try:
        out = subprocess.run([HOMEWARD, 'demo', '--database', db], capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            print('Bail out! homeward demo: ' + out.stdout + out.stderr)
            return 1
        meeting = sql(db, 'SELECT max(id) FROM meetings')[0][0]
        # an item withheld from support copies (what a phone shows), in a
        # step the test visits
        sql(db, "INSERT INTO meeting_items (meeting_id, phase, text, position, withheld_from)"
                " VALUES (?, 'strengths', ?, 99, 'support')", meeting, WITHHELD_ITEM)
        expected = sql(db, "SELECT count(*) FROM meeting_attendees a JOIN people p ON p.id = a.person_id"
                           " WHERE a.meeting_id = ? AND a.attendance IN ('present', 'remote')"
                           " AND p.confidential = 0 AND ',' || p.withheld_from || ',' NOT LIKE '%,support,%'",
                       meeting)[0][0]
        steps = [r[0] for r in sql(db, 'SELECT DISTINCT phase FROM meeting_items WHERE meeting_id = ?', meeting)]
        sql(db, "UPDATE meetings SET current_phase = 'strengths' WHERE id = ?", meeting)

        serve = Serve(db, meeting, expected, tmp)
        check(len(serve.links) == expected, '%d links, one per person taking part' % expected)
        check(not any(w in name for name in serve.links for w in WITHHELD), 'no link for the confidential advocate')
        browser = cdp.Browser(width=360, height=740, scale=1)

        # -- add a strength --------------------------------------------------
        name = 'Rosa Morales' if 'Rosa Morales' in serve.links else sorted(serve.links)[0]
        person = sql(db, 'SELECT id FROM people WHERE name = ?', name)[0][0]
        url = serve.links[name]
        browser.navigate(url)
        check(name in page_text(browser), name + '’s own page opens')
        language = sql(db, 'SELECT language FROM people WHERE id = ?', person)[0][0]
        check(browser.evaluate('document.documentElement.lang') == language,
              'in %s’s own language (%s)' % (name, language))
        check(browser.evaluate("document.querySelectorAll('form[action$=\"/add\"] textarea').length") == 1,
              'the page has the form to add words')
        browser.tap("document.querySelector('input[name=contribution][value=strength]')")
        check(browser.evaluate("document.querySelector('input[name=contribution][value=strength]').checked"),
              'a tap chooses “strength”')
        browser.tap("document.getElementById('text')")
        browser.type_text(STRENGTH)
        browser.submit("document.querySelector('form[action$=\"/add\"]')")
        rows = sql(db, 'SELECT phase, hidden FROM meeting_items WHERE meeting_id = ? AND author_person_id = ?'
                       ' AND text = ?', meeting, person, STRENGTH)
        check(rows == [('strengths', 1)], 'the strength is in the database, by %s, waiting to be let through: %r'
              % (name, rows))
        text = page_text(browser)
        check(STRENGTH in text, 'the page, back after Send, lists the strength as sent')

        # -- a score -----------------------------------------------------------
        set_step(browser, db, meeting, 'scaling')
        browser.navigate(url)
        selects = browser.evaluate("Array.prototype.map.call(document.querySelectorAll('select[name=score]'),"
                                   " function (s) { return s.id; })")
        check(len(selects) > 0, 'the scaling step has a score to give (%d statements)' % len(selects))
        item = int(selects[0].split('-')[1])
        # on a 360 px phone: nothing wider than the screen, every target
        # (a choice with its label, a list, a text box, a button) at least
        # 44 px high for a finger
        check(browser.evaluate('document.documentElement.scrollWidth') <= 360,
              'nothing is wider than a 360 px phone')
        small = browser.evaluate(
            "Array.prototype.filter.call(document.querySelectorAll('label.choice, select, textarea, button'),"
            " function (e) { return e.getBoundingClientRect().height < 44; })"
            ".map(function (e) { return e.outerHTML.slice(0, 60); })")
        check(small == [], 'every target is at least 44 px high: %r' % small)
        before = sql(db, 'SELECT score FROM meeting_scores WHERE item_id = ? AND person_id = ?', item, person)
        score = 3 if before != [(3,)] else 4
        # choose with the keyboard, as on a phone's picker
        browser.evaluate("document.getElementById('%s').focus()" % selects[0])
        browser.evaluate("(function () { var s = document.getElementById('%s'); s.value = '%d';"
                         " s.dispatchEvent(new Event('change', {bubbles: true})); })()" % (selects[0], score))
        browser.submit("document.getElementById('%s').form" % selects[0])
        check(sql(db, 'SELECT score FROM meeting_scores WHERE item_id = ? AND person_id = ?', item, person)
              == [(score,)], 'the score %d is in the database for %s' % (score, name))
        check(browser.evaluate("document.getElementById('%s').value" % selects[0]) == str(score),
              'the page, back after Save, shows the score chosen')

        # -- no withheld item on any page, at any step ----------------------------
        seen = []
        for step in sorted(set(steps) | {'strengths', 'scaling', 'welcome'}):
            set_step(browser, db, meeting, step)
            for who, link in sorted(serve.links.items()):
                browser.navigate(link)
                html = browser.html()
                found = [w for w in WITHHELD if w in html]
                if found:
                    seen.append('%s at %s: %s' % (who, step, found))
        check(not seen, 'no withheld item in any person’s page, at %d steps: %r' % (len(steps), seen))

        # -- the family's plan in private family time ------------------------------
        set_step(browser, db, meeting, 'family-time')
        roles = dict((who, sql(db, 'SELECT role FROM people WHERE name = ?', who)[0][0]) for who in serve.links)
        professionals = sorted(who for who, role in roles.items() if role not in FAMILY_ROLES)
        check(name in roles and roles[name] in FAMILY_ROLES and professionals,
              '%s is of the family; %d professionals have links' % (name, len(professionals)))
        browser.navigate(url)
        check(browser.evaluate("document.querySelectorAll('form[action$=\"/plan\"] textarea#plan').length") == 1
              and browser.evaluate("document.querySelector('label[for=plan]') !== null")
              and browser.evaluate("document.querySelectorAll('form[action$=\"/share\"] button').length") == 1,
              'a family member’s page has the plan’s form, labelled, and Share with the team')
        small = browser.evaluate(
            "Array.prototype.filter.call(document.querySelectorAll('label.choice, select, textarea, button'),"
            " function (e) { return e.getBoundingClientRect().height < 44; })"
            ".map(function (e) { return e.outerHTML.slice(0, 60); })")
        check(small == [] and browser.evaluate('document.documentElement.scrollWidth') <= 360,
              'the plan’s form fits a 360 px phone, every target 44 px high: %r' % small)
        browser.tap("document.getElementById('plan')")
        browser.type_text(FAMILY_PLAN)
        browser.submit("document.querySelector('form[action$=\"/plan\"]')")
        rows = sql(db, 'SELECT text, updated_by_person_id, shared_at FROM family_plans WHERE meeting_id = ?', meeting)
        check(rows == [(FAMILY_PLAN, person, '')], 'the plan is in the database, by %s, not shared: %r' % (name, rows))
        check(browser.evaluate("document.getElementById('plan').value") == FAMILY_PLAN,
              'the page, back after Save, shows the plan saved')
        leaks = []
        for who in professionals:
            browser.navigate(serve.links[who])
            html = browser.html()
            if 'school nights' in html or 'Carmen drives' in html or 'name="plan"' in html:
                leaks.append(who)
        check(not leaks, 'no professional’s page has the plan or its form before it is shared: %r' % leaks)
        browser.navigate(url)
        browser.submit("document.querySelector('form[action$=\"/share\"]')")
        check(sql(db, "SELECT count(*) FROM family_plans WHERE meeting_id = ? AND shared_at <> ''", meeting)
              == [(1,)], 'a tap on Share with the team shares it')
        missing = []
        for who in professionals:
            browser.navigate(serve.links[who])
            if FAMILY_PLAN not in page_text(browser):
                missing.append(who)
        check(not missing, 'once shared, every professional’s page shows it: %r' % missing)
        set_step(browser, db, meeting, 'strengths')

        # -- links that do not work ------------------------------------------------
        base = url[:url.index('/j/')]
        browser.navigate(base + '/j/' + 'A' * 43)
        check('This link does not work' in page_text(browser),
              'a made-up link gives the “This link does not work” page')
        serve.stop()
        serve = Serve(db, meeting, expected, tmp)
        new_base = serve.links[name][:serve.links[name].index('/j/')]
        browser.navigate(new_base + url[url.index('/j/'):])
        check('This link does not work' in page_text(browser),
              'a link withdrawn (its server stopped) gives the same page')
        browser.navigate(serve.links[name])
        check(name in page_text(browser), 'the new link works')
    finally:
        if browser is not None:
            browser.close()
        if serve is not None:
            serve.stop()
            if failures:
                with open(os.path.join(tmp, 'serve.err'), errors='replace') as f:
                    sys.stdout.write('# homeward serve:\n' + ''.join('# ' + line for line in f))
        shutil.rmtree(tmp, ignore_errors=True)

    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
