#!/usr/bin/python3
# e2e-print-for.py: every Print of the window asks "for whom" and in which
# language, through the real app and its accessibility tree. For each
# area (plans, family time, ecomap, meeting, service plan) the print
# dialog opens with the family's copy in the family's language (Spanish
# for the sample family); the family's copy, saved as PDF in the Documents
# folder, holds nothing withheld from the family and is in Spanish; the
# agency's copy, chosen in the same dialog, does hold it. Family time's
# calendar (.ics) goes through the same dialog and is checked the same way.
#
# What the sample withholds from the family: Alicia Brooks (the
# domestic-violence advocate, confidential to all but the agency), the
# foster parents' address (9 Juniper Lane, Oakdale; the test puts it as
# the place of a visit) and the visit plans' notes (agency only).
#
# Runs under tests/run-with-display.sh with Debian's /usr/bin/python3.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_common import (HOMEWARD, add_sample, app_env, check, click, failures, find, find_window,
                        open_area, passed, press_keys, screenshot, start_app, wait_for, walk)

# English words the renderer or the builders write: none may be left in a
# Spanish copy
ENGLISH = ['Copy for the', 'Printed on', 'Page 1 of', 'Sample — not a real family']


def button(root, label):
    """A push button labelled @label (GTK 4.8 names a button with a
    mnemonic label "_Label Label")."""
    for node in walk(root):
        try:
            if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and \
                    node.name in (label, '_%s %s' % (label, label)):
                return node
        except Exception:
            continue
    return None


def combo_value(dialog, title):
    """The text an AdwComboRow titled @title shows."""
    combo = find(dialog, pyatspi.ROLE_COMBO_BOX, title)
    if combo is None:
        return None
    names = [n.name for n in walk(combo) if n.getRole() == pyatspi.ROLE_LABEL and n.name != title]
    return names[0] if names else None


def by_button(label):
    def opener(frame):
        click(wait_for(lambda: button(frame, label), 'the %s button' % label))
    return opener


def by_menu(menu_name, downs=0):
    """The item @downs below the first of the menu button @menu_name (GTK
    4.8 puts no popover menu item in the tree: from the keyboard)."""
    def opener(frame):
        click(wait_for(lambda: find(frame, None, menu_name), 'the %s menu' % menu_name), fallback='mouse')
        time.sleep(1.0)
        for _ in range(downs):
            press_keys('Down')
            time.sleep(0.2)
        press_keys('Return')
    return opener


# tab, how its Print is reached, the dialog's and the chooser's titles,
# what the family's copy must not hold (and the agency's must), Spanish
# words the copy must hold; optionally (a file that is not a PDF) its
# extension and the dialog's save button
AREAS = [
    ('Plans', by_button('Print Draft…'), 'Print the Plan', 'Save the Plan as PDF',
     ['Alicia Brooks'], ['Plan de seguridad', 'Copia para la familia']),
    ('Family time', by_menu('More actions'), 'Print the Family Time Plan',
     'Save the Family Time Plan as PDF',
     ['Juniper', 'Bring homework folders'], ['Tiempo en familia', 'Copia para la familia']),
    ('Ecomap', by_button('Print the ecomap…'), 'Print the Ecomap', 'Save the Ecomap as PDF',
     ['Alicia Brooks'], ['Ecomapa de la familia Morales', 'Copia para la familia']),
    ('Meeting', by_button('Print'), 'Print the Meeting Summary', 'Save the Meeting Summary as PDF',
     ['Alicia'], ['Copia para la familia']),
    ('Service plan', by_button('Print the service plan…'), 'Print the Service Plan',
     'Save the Service Plan as PDF',
     ['Alicia Brooks'], ['Plan de servicios', 'Copia para la familia']),
    # the calendar is made for someone too: the family's has no notes of
    # the agency's and no protected address, and is in Spanish
    ('Family time', by_menu('More actions', downs=1), 'Export Visits as a Calendar',
     'Save the Visits as a Calendar',
     ['Juniper', 'Bring homework folders'], ['BEGIN:VCALENDAR', 'Supervisión', 'Conduce'],
     '.ics', 'Save Calendar…'),
]


def pdf_text(path):
    if not path.endswith('.pdf'):
        # a calendar: its lines unfolded (RFC 5545 folds them at 75 octets)
        with open(path, encoding='utf-8') as f:
            return f.read().replace('\r\n ', '').replace('\n ', '')
    return subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True,
                          text=True).stdout


def save_copy(app, frame, area, documents, keep, agency):
    """Opens the print dialog of @area, checks its first choices, picks
    the agency's copy if @agency, saves as PDF; the PDF is moved to @keep
    and its path returned."""
    tab, opener, title, chooser_title = area[:4]
    ext, save_label = area[6:8] if len(area) > 6 else ('.pdf', 'Save as PDF…')
    open_area(frame, tab)
    time.sleep(0.5)
    opener(frame)
    dialog = wait_for(lambda: find_window(app, title), 'the print dialog “%s”' % title)
    wait_for(lambda: combo_value(dialog, 'For'), 'the For row')
    if not agency:
        check(combo_value(dialog, 'For') == 'The family',
              '%s: the family’s copy is chosen first (%r)' % (tab, combo_value(dialog, 'For')))
        check(combo_value(dialog, 'Language') == 'Spanish',
              '%s: in the family’s language (%r)' % (tab, combo_value(dialog, 'Language')))
        screenshot('print-for-%s.png' % title.lower().replace(' ', '-'))
    else:
        # the row opens its list; the agency's copy is the second
        click(find(dialog, pyatspi.ROLE_COMBO_BOX, 'For'), fallback='mouse')
        time.sleep(1.0)
        press_keys('Down')
        time.sleep(0.3)
        press_keys('Return')
        wait_for(lambda: combo_value(dialog, 'For') == 'The agency and the court',
                 'the agency’s copy to be chosen')
    before = set(os.listdir(documents))
    click(wait_for(lambda: button(dialog, save_label), 'the %s button' % save_label))
    chooser = wait_for(lambda: find_window(app, chooser_title), 'the file chooser “%s”' % chooser_title)
    wait_for(lambda: find(chooser, pyatspi.ROLE_TEXT, 'Name:'), 'the file name field')
    time.sleep(0.5)
    click(wait_for(lambda: button(chooser, 'Save'), 'the Save button'))

    def saved():
        new = [n for n in set(os.listdir(documents)) - before if n.endswith(ext)]
        return new and os.path.getsize(os.path.join(documents, new[0])) > 0 and new[0]
    name = wait_for(saved, 'the saved PDF', timeout=30)
    wait_for(lambda: find_window(app, title) is None, 'the print dialog to close')
    time.sleep(0.5)
    path = os.path.join(keep, '%s-%s%s' % (tab, 'agency' if agency else 'family', ext))
    shutil.move(os.path.join(documents, name), path)
    return path


def main():
    if not os.path.exists(HOMEWARD):
        print('Bail out! no ' + HOMEWARD)
        return 1

    tmp = tempfile.mkdtemp(prefix='homeward-e2e-print-for-')
    env = app_env(tmp)
    env['HOME'] = os.path.join(tmp, 'home')
    documents = os.path.join(env['HOME'], 'Documents')
    keep = os.path.join(tmp, 'copies')
    os.makedirs(documents)
    os.makedirs(keep)
    os.makedirs(env['XDG_CONFIG_HOME'], exist_ok=True)
    with open(os.path.join(env['XDG_CONFIG_HOME'], 'user-dirs.dirs'), 'w') as f:
        f.write('XDG_DOCUMENTS_DIR="$HOME/Documents"\n')
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   env=env, check=False)

    db = os.path.join(tmp, 'homeward.db')
    add_sample(db, env)
    # a visit at the foster parents' home, whose address is withheld from
    # the family (as a caseworker could type it)
    with sqlite3.connect(db) as con:
        address = con.execute("SELECT address FROM people WHERE name = 'Karen Whitfield'").fetchone()[0]
        con.execute('UPDATE visit_series SET place = ? WHERE id = (SELECT min(id) FROM visit_series)',
                    (address,))
    log = open(os.path.join(tmp, 'app.log'), 'w')
    proc, app, frame = start_app(db, env, log, cwd=tmp)
    ok = False
    try:
        only = os.environ.get('HW_PRINT_FOR_AREAS')
        for area in AREAS:
            tab, withheld, spanish = area[0], area[4], area[5]
            if only and tab not in only.split(','):
                continue
            family = pdf_text(save_copy(app, frame, area, documents, keep, agency=False))
            for word in withheld:
                check(word not in family, '%s: the family’s copy leaves out “%s”' % (tab, word))
            for word in spanish:
                check(word in family, '%s: the family’s copy says “%s”' % (tab, word))
            for word in ENGLISH:
                check(word not in family, '%s: no English “%s” in the Spanish copy' % (tab, word))
            agency = pdf_text(save_copy(app, frame, area, documents, keep, agency=True))
            for word in withheld:
                check(word in agency, '%s: the agency’s copy holds “%s”' % (tab, word))
            if len(area) <= 6:
                check('Copia para la agencia y la corte' in agency,
                      '%s: the agency’s copy says whose it is' % tab)
        ok = True
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if not ok or failures:
            with open(os.path.join(tmp, 'app.log'), errors='replace') as f:
                sys.stdout.write('# app log:\n' + ''.join('# ' + line for line in f))
        if os.environ.get('HW_KEEP_COPIES'):
            shutil.copytree(keep, os.environ['HW_KEEP_COPIES'], dirs_exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d passed, %d failed' % (len(passed), len(failures)))
    return 1 if failures or not ok else 0


if __name__ == '__main__':
    sys.exit(main())
