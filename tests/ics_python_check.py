#!/usr/bin/env python3
"""Parses `mandat calendar` output with the Python `icalendar` package (a second, independent
reader). Not part of `cargo test`; run by hand or in CI where Python is available:

    pip install icalendar
    cargo run -q -- -r registry-example --at 2026-11-22 calendar > /tmp/example.ics
    python3 tests/ics_python_check.py /tmp/example.ics
"""

import datetime
import sys

import icalendar


def check(path):
    with open(path, "rb") as f:
        raw = f.read()
    assert b"\n" not in raw.replace(b"\r\n", b""), "every line ends with CRLF"
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0"
    zones = [c for c in cal.walk("VTIMEZONE")]
    assert [str(z["TZID"]) for z in zones] == ["Europe/Oslo"], zones
    uids = set()
    events = cal.walk("VEVENT")
    for e in events:
        uid = str(e["UID"])
        assert uid not in uids, f"duplicate UID {uid}"
        uids.add(uid)
        start = e.decoded("DTSTART")
        end = e.decoded("DTEND")
        assert type(start) is datetime.date, f"{uid}: all-day event"
        assert end == start + datetime.timedelta(days=1), uid
        assert isinstance(e.decoded("DTSTAMP"), datetime.datetime), uid
        assert str(e["SUMMARY"]).strip(), uid
    print(f"{path}: {len(events)} events, {len(uids)} unique UIDs, parsed by icalendar {icalendar.__version__}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for p in sys.argv[1:]:
        check(p)
