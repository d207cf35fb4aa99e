"""Compares the cells of each workbook in a folder with LibreOffice's CSV of each of its sheets
(see xlsx-cells.sh). Reads the .xlsx XML itself, so that it does not trust the writer."""

import csv
import datetime
import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - 64
    return n - 1


def date_styles(z):
    styles = ET.fromstring(z.read("xl/styles.xml"))
    formats = {int(f.get("numFmtId")): f.get("formatCode")
               for f in styles.iterfind("m:numFmts/m:numFmt", NS)}
    out = {}
    for i, xf in enumerate(styles.iterfind("m:cellXfs/m:xf", NS)):
        code = formats.get(int(xf.get("numFmtId", "0")), "")
        if "yy" in code:
            out[i] = code
    return out


def show_date(serial, code):
    day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(serial)))
    return day.strftime("%d.%m.%Y") if code.startswith("dd") else day.isoformat()


def sheets(path):
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iterfind("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    dates = date_styles(z)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    for s in book.iterfind("m:sheets/m:sheet", NS):
        rid = s.get("{%s}id" % NS["r"])
        xml = ET.fromstring(z.read("xl/" + target[rid].lstrip("/").removeprefix("xl/")))
        rows = []
        for row in xml.iterfind("m:sheetData/m:row", NS):
            r = int(row.get("r")) - 1
            while len(rows) <= r:
                rows.append([])
            for c in row.iterfind("m:c", NS):
                i = col_index(c.get("r"))
                v = c.find("m:v", NS)
                text = "" if v is None else v.text
                if c.get("t") == "s":
                    text = strings[int(text)]
                elif c.get("t") == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                elif int(c.get("s", "0")) in dates and text:
                    text = show_date(text, dates[int(c.get("s"))])
                elif text and re.fullmatch(r"-?\d+\.0", text):
                    text = text[:-2]
                while len(rows[r]) <= i:
                    rows[r].append("")
                rows[r][i] = text
        yield s.get("name"), rows


def trimmed(rows):
    rows = [list(r) for r in rows]
    for r in rows:
        while r and r[-1] == "":
            r.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def main(folder):
    passed = failed = 0
    for book in sorted(Path(folder).glob("*.xlsx")):
        for name, rows in sheets(book):
            lo = Path(folder) / book.stem / f"{book.stem}-{name}.csv"
            if not lo.exists():
                print(f"FAIL {book.name} [{name}]: LibreOffice wrote no {lo.name}")
                failed += 1
                continue
            with open(lo, newline="", encoding="utf-8") as f:
                theirs = trimmed(csv.reader(f))
            ours = trimmed(rows)
            if ours == theirs:
                print(f"ok   {book.name} [{name}]: {len(ours)} rows")
                passed += 1
            else:
                failed += 1
                print(f"FAIL {book.name} [{name}]")
                for i, (a, b) in enumerate(zip(ours, theirs)):
                    if a != b:
                        print(f"  row {i + 1}: ours {a}\n  row {i + 1}: LibreOffice {b}")
                        break
                else:
                    print(f"  {len(ours)} rows written, LibreOffice read {len(theirs)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
