#!/usr/bin/python3
"""End-to-end test of the headless command line.

Runs build/src/homeward without a display (DISPLAY and WAYLAND_DISPLAY
removed), exports every document of the sample family and checks each file
with a real reader: qpdf --check, pdffonts, pdfinfo, pdftotext for PDFs,
the csv module, python3-icalendar, json, an XML parser for SVG, the PNG
header. Bad input must give a clear message, a non-zero exit and change
nothing.
"""
import csv
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import stat
import struct
import subprocess
import sys
import tempfile
import xml.dom.minidom

# only the path of the app: this test numbers its own checks
from e2e_common import HOMEWARD

failures = []
count = 0


def check(cond, what):
    global count
    count += 1
    if cond:
        print(f"ok {count} - {what}")
    else:
        print(f"not ok {count} - {what}")
        failures.append(what)


def env():
    e = dict(os.environ)
    e.pop("DISPLAY", None)
    e.pop("WAYLAND_DISPLAY", None)
    e["LC_ALL"] = "C.UTF-8"
    e["LANGUAGE"] = ""
    return e


def hw(*args):
    return subprocess.run([HOMEWARD, *args], capture_output=True, text=True, env=env(), timeout=120)


def tool(*args):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120)


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def pdf_checks(path, name):
    r = tool("qpdf", "--check", path)
    check(r.returncode == 0, f"{name}: qpdf --check")
    fonts = tool("pdffonts", path).stdout.splitlines()[2:]
    check(len(fonts) > 0 and all(" yes " in line for line in fonts), f"{name}: every font embedded")
    info = tool("pdfinfo", path).stdout
    if not name.startswith("ecomap"):  # the map alone is one drawing, not a tagged document
        check(re.search(r"^Tagged:\s+yes", info, re.M) is not None, f"{name}: tagged PDF")
    check(stat.S_IMODE(os.stat(path).st_mode) == 0o600, f"{name}: created 0600")
    # the homeward program's own deflateInit_ () took the place of zlib's:
    # every stream at level 1 (zlib header 78 01), not cairo's default 6
    with open(path, "rb") as f:
        data = f.read()
    headers = [m.group(1) for m in re.finditer(rb"/FlateDecode.*?stream\r?\n(..)", data, re.S)]
    check(len(headers) >= 2 and all(h == b"\x78\x01" for h in headers),
          f"{name}: streams compressed at zlib level 1 ({sorted(set(h.hex() for h in headers))})")
    return tool("pdftotext", "-layout", path, "-").stdout


def main():
    tmp = tempfile.mkdtemp(prefix="homeward-e2e-cli-")
    db = os.path.join(tmp, "d.db")
    try:
        r = hw("--help")
        check(r.returncode == 0, "--help exits 0 without a display")
        for what in ("case", "ecomap", "meeting", "service-plan", "visits", "safety-plan", "reunification-plan"):
            check(what in r.stdout, f"--help names --what {what}")

        r = hw("demo", "--database", db)
        check(r.returncode == 0 and "case 1" in r.stdout, "demo creates the sample family")
        check(stat.S_IMODE(os.stat(db).st_mode) == 0o600, "database created 0600")
        r = hw("list", "--database", db)
        check(r.returncode == 0 and "Morales" in r.stdout and "FC-2026-0142" in r.stdout, "list shows the family")

        con = sqlite3.connect(db)
        people = dict(con.execute("SELECT name, id FROM people"))
        meeting = con.execute("SELECT min(id) FROM meetings").fetchone()[0]
        con.close()
        advocate = "Alicia Brooks"              # confidential person
        foster_address = "9 Juniper Lane"       # withheld from the family

        def out(name):
            return os.path.join(tmp, name)

        # PDFs of every area, agency and family copies
        for what in ("ecomap", "service-plan", "safety-plan", "reunification-plan"):
            for who in ("agency", "family"):
                path = out(f"{what}-{who}.pdf")
                r = hw("export", "--database", db, "--case", "1", "--what", what, "--format", "pdf",
                       "--recipient", who, "--output", path)
                check(r.returncode == 0, f"export {what} pdf for {who}: {r.stderr.strip()}")
                if r.returncode != 0:
                    continue
                text = pdf_checks(path, f"{what} ({who})")
                check("Morales" in text, f"{what} ({who}) names the family")
                if who == "family":
                    check(advocate not in text, f"{what} family copy leaves out the confidential advocate")
                    check(foster_address not in text, f"{what} family copy leaves out the foster family's address")
                    meta = tool("pdfinfo", path).stdout
                    check(advocate not in meta, f"{what} family copy: nothing withheld in the metadata")

        ecomap_agency = tool("pdftotext", out("ecomap-agency.pdf"), "-").stdout
        check(advocate in ecomap_agency, "the agency's ecomap shows the confidential advocate")
        for name in ("Elena Morales", "Rosa Morales", "Carmen Ortiz", "Lincoln Elementary School"):
            check(name in ecomap_agency, f"ecomap PDF names {name}")

        r = hw("export", "--database", db, "--what", "meeting", "--meeting", str(meeting), "--format", "pdf",
               "--recipient", "family", "--output", out("meeting.pdf"))
        check(r.returncode == 0, f"export meeting summary: {r.stderr.strip()}")
        if r.returncode == 0:
            text = pdf_checks(out("meeting.pdf"), "meeting summary")
            check(advocate not in text, "meeting summary for the family leaves out the advocate")

        # Spanish copy
        r = hw("export", "--database", db, "--case", "1", "--what", "safety-plan", "--language", "es",
               "--recipient", "family", "--output", out("plan-es.pdf"))
        check(r.returncode == 0, "export the safety plan in Spanish")
        text = tool("pdftotext", out("plan-es.pdf"), "-").stdout
        check("Plan de seguridad" in text, "the Spanish copy has Spanish headings")

        # a support person's copy: their own part only
        carmen = people["Carmen Ortiz"]
        r = hw("export", "--database", db, "--case", "1", "--what", "safety-plan",
               "--recipient", f"person:{carmen}", "--output", out("plan-carmen.pdf"))
        check(r.returncode == 0, "export the safety plan for a support person")
        text = tool("pdftotext", out("plan-carmen.pdf"), "-").stdout
        check("Carmen Ortiz" in text and advocate not in text, "support person's copy: theirs, nothing confidential")
        check("48 Alder Court" not in text, "support person's copy leaves out the mother's protected address")

        # ecomap PNG and SVG
        r = hw("export", "--database", db, "--case", "1", "--what", "ecomap", "--format", "png", "--output", out("map.png"))
        check(r.returncode == 0, "export ecomap png")
        with open(out("map.png"), "rb") as f:
            head = f.read(24)
        check(head[:8] == b"\x89PNG\r\n\x1a\n", "ecomap png is a PNG")
        w, h = struct.unpack(">II", head[16:24])
        check(w >= 800 and h >= 600, f"ecomap png is large enough ({w}x{h})")
        r = hw("export", "--database", db, "--case", "1", "--what", "ecomap", "--format", "svg", "--output", out("map.svg"))
        check(r.returncode == 0, "export ecomap svg")
        doc = xml.dom.minidom.parse(out("map.svg"))
        check(doc.documentElement.tagName == "svg", "ecomap svg parses as SVG")

        # service plan CSV, read by a real CSV reader
        r = hw("export", "--database", db, "--case", "1", "--what", "service-plan", "--format", "csv", "--output", out("plan.csv"))
        check(r.returncode == 0, "export service plan csv")
        with open(out("plan.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        check(len(rows) > 3 and len({len(row) for row in rows}) == 1, "csv: a header and rows of equal width")

        # visits as iCalendar, read by python3-icalendar
        r = hw("export", "--database", db, "--case", "1", "--what", "visits", "--format", "ics", "--output", out("visits.ics"))
        check(r.returncode == 0, "export visits ics")
        try:
            import icalendar
            with open(out("visits.ics"), "rb") as f:
                cal = icalendar.Calendar.from_ical(f.read())
            events = [c for c in cal.walk("VEVENT")]
            check(len(events) > 0 and all(e.get("UID") and e.get("DTSTAMP") for e in events),
                  "ics: events with UID and DTSTAMP")
        except ImportError:
            check(False, "python3-icalendar is installed")

        r = hw("export", "--database", db, "--case", "1", "--what", "visits", "--format", "pdf", "--recipient", "family", "--output", out("visits.pdf"))
        check(r.returncode == 0, "export the visit plan and monthly report as pdf")
        if r.returncode == 0:
            text = pdf_checks(out("visits.pdf"), "visits")
            check(foster_address not in text, "visits family copy leaves out the foster family's address")

        # a calendar imported into a case creates its visits; a broken one writes nothing
        def n_series():
            return sqlite3.connect(db).execute("SELECT count(*) FROM visit_series").fetchone()[0]
        before_series = n_series()
        r = hw("import", "--database", db, "--case", "1", out("visits.ics"))
        check(r.returncode == 1 and "already" in r.stderr and n_series() == before_series,
              "importing the same calendar twice is refused")
        db3 = out("f.db")
        hw("demo", "--database", db3)
        series3 = sqlite3.connect(db3).execute("SELECT count(*) FROM visit_series").fetchone()[0]
        r = hw("import", "--database", db3, "--case", "1", out("visits.ics"))
        after3 = sqlite3.connect(db3).execute("SELECT count(*) FROM visit_series").fetchone()[0]
        check(r.returncode == 0 and after3 == 2 * series3, "importing a calendar into another case creates its visits")
        broken = out("broken.ics")
        with open(out("visits.ics"), encoding="utf-8") as f:
            cal_text = f.read()
        with open(broken, "w", encoding="utf-8") as f:
            f.write(cal_text.replace("DTSTART", "DTSTART;TZID=Nowhere/Atlantis", 1)[: len(cal_text) // 2])
        count_before = n_series()
        r = hw("import", "--database", db, "--case", "1", broken)
        check(r.returncode == 1 and r.stderr.strip() != "" and n_series() == count_before,
              "a broken calendar is refused with a message and writes nothing")
        r = hw("import", "--database", db, out("visits.ics"))
        check(r.returncode == 2 and "--case" in r.stderr, "a calendar import needs --case")

        # whole case JSON: round trip through a second database
        r = hw("export", "--database", db, "--case", "1", "--output", out("case.json"))
        check(r.returncode == 0, "export the whole case as json")
        db2 = out("e.db")
        r = hw("import", "--database", db2, out("case.json"))
        check(r.returncode == 0, f"import the case into another database: {r.stderr.strip()}")
        r = hw("export", "--database", db2, "--case", "1", "--output", out("case2.json"))
        check(sha(out("case.json")) == sha(out("case2.json")), "the case comes back byte for byte")
        r = hw("export", "--database", db, "--case", "1", "--recipient", "family", "--output", out("case-family.json"))
        check(r.returncode != 0 and not os.path.exists(out("case-family.json")), "a whole case file is not made for the family")

        # bad input: clear message, non-zero exit, nothing changed
        before = sha(db)
        r = hw("export", "--database", db, "--case", "1", "--what", "horoscope", "--output", out("x.pdf"))
        check(r.returncode == 2 and "horoscope" in r.stderr, "unknown --what is refused")
        r = hw("export", "--database", db, "--case", "99", "--what", "ecomap", "--output", out("x.pdf"))
        check(r.returncode == 2 and "case" in r.stderr, "unknown case is refused")
        r = hw("export", "--database", db, "--case", "1", "--what", "ecomap", "--format", "docx", "--output", out("x.docx"))
        check(r.returncode == 2 and "docx" in r.stderr, "unknown format is refused")
        r = hw("export", "--database", db, "--case", "1", "--what", "safety-plan", "--recipient", "neighbours", "--output", out("x.pdf"))
        check(r.returncode != 0 and "neighbours" in r.stderr, "unknown recipient is refused")
        r = hw("export", "--database", db, "--case", "1", "--what", "safety-plan", "--language", "tlh", "--output", out("x.pdf"))
        check(r.returncode != 0 and "tlh" in r.stderr, "unknown language is refused")
        check(not os.path.exists(out("x.pdf")), "no file written for refused exports")

        bad = out("bad.json")
        with open(bad, "w") as f:
            f.write('{"format": "homeward-case", "version": 1, "case": {"id": 1, "family_name": "X"},'
                    ' "tables": {"people": [{"id": 1, "case_id": 1, "name": "Y", "birth_date": "2025-02-30"}]}}')
        n_before = sqlite3.connect(db).execute("SELECT count(*) FROM cases").fetchone()[0]
        r = hw("import", "--database", db, bad)
        check(r.returncode == 1 and "birth_date" in r.stderr, "malformed import names the wrong field")
        n_after = sqlite3.connect(db).execute("SELECT count(*) FROM cases").fetchone()[0]
        check(n_before == n_after, "malformed import writes nothing")

        junk = out("junk.db")
        with open(junk, "wb") as f:
            f.write(b"SQLite format 3\x00" + os.urandom(8192))
        junk_sum = sha(junk)
        r = hw("list", "--database", junk)
        check(r.returncode == 1 and "junk.db" in r.stderr, "a damaged database is refused with its name")
        check(sha(junk) == junk_sum and not os.path.exists(junk + "-wal"), "the damaged database is left untouched")

        r = hw("audit", "--database", db, "--output", out("audit.csv"))
        check(r.returncode == 0, "audit trail exported")
        with open(out("audit.csv"), encoding="utf-8") as f:
            audit = f.read()
        check("Add sample family" in audit and "Elena" not in audit, "audit trail: actions, no names")
        check(sha(db) != "" and before != "", "database still readable")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"1..{count}")
    if failures:
        print(f"{len(failures)} failed: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
