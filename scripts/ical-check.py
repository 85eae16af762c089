#!/usr/bin/env python3
"""The calendar feed through a real parser (issue 12 part C).

Run by scripts/ical-check.sh against a fresh demo server: two demo
caregivers (one reading English, one Spanish) make a feed link through the
API; each feed must parse with `icalendar`, hold practice events with the
properties RFC 5545 asks for, name no child, and answer 404 once revoked.
The server's log must not hold the link's secret.
"""
import datetime
import json
import os
import sys
import urllib.error
import urllib.request

import icalendar

BASE = os.environ["CARRYOVER_URL"].rstrip("/")
PASSWORD = os.environ["CARRYOVER_DEMO_PASSWORD"]
LOG = os.environ.get("CARRYOVER_SERVER_LOG")
# Every child of the demo clinic: none may appear in any feed.
CHILDREN = ["Mia", "Leo", "Ava", "Sam", "Noah", "Sofía", "Omar"]


def request(method, path, cookie=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if cookie:
        req.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def sign_in(email):
    req = urllib.request.Request(
        BASE + "/api/v1/session", method="POST",
        data=json.dumps({"email": email, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        # The cookie is Secure: carried by hand over plain http to 127.0.0.1.
        for header in r.headers.get_all("Set-Cookie"):
            if header.startswith("__Host-carryover="):
                return header.split(";", 1)[0]
    raise SystemExit(f"no session cookie for {email}")


def check_feed(email, expect_word):
    cookie = sign_in(email)
    status, _, body = request("POST", "/api/v1/me/calendar", cookie, {})
    assert status == 201, f"{email}: make a link: {status} {body!r}"
    url = json.loads(body)["url"]
    path = url[url.index("/calendar/"):]
    status, headers, raw = request("GET", path)
    assert status == 200, f"{email}: feed {status}"
    assert headers.get("content-type", "").startswith("text/calendar"), headers
    assert "no-store" in headers.get("cache-control", ""), headers
    text = raw.decode("utf-8")
    # Octet-level rules the parser forgives: CRLF only, folded at 75 octets.
    assert "\r" not in text.replace("\r\n", ""), "a bare CR"
    assert "\n" not in text.replace("\r\n", ""), "a bare LF"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, f"a line of {len(line)} octets: {line!r}"
    for child in CHILDREN:
        assert child not in text, f"{email}: the feed names {child}"

    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    events = list(calendar.walk("VEVENT"))
    assert events, f"{email}: no events"
    uids = set()
    today = datetime.date.today()
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert prop in event, f"{email}: an event without {prop}"
        uids.add(str(event["UID"]))
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        if isinstance(start, datetime.datetime):
            assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0)
            assert end > start
        else:
            assert end == start + datetime.timedelta(days=1), "all-day ends the next day"
        day = start.date() if isinstance(start, datetime.datetime) else start
        assert today - datetime.timedelta(days=2) <= day <= today + datetime.timedelta(days=29)
    assert len(uids) == len(events), "UIDs are unique"
    summaries = " ".join(str(e["SUMMARY"]) for e in events)
    assert expect_word in summaries, f"{email}: {expect_word!r} not in {summaries[:300]}"

    status, _, _ = request("DELETE", "/api/v1/me/calendar", cookie)
    assert status == 204
    status, _, _ = request("GET", path)
    assert status == 404, f"{email}: a revoked link answers {status}"
    secret = path.rsplit(".", 2)[1]
    return len(events), secret


def main():
    results = []
    secrets = []
    for email, word in (("ana.rivera@example.org", "·"), ("lucia.garcia@example.org", "·")):
        count, secret = check_feed(email, word)
        results.append(f"{email}: {count} events")
        secrets.append(secret)
    if LOG:
        with open(LOG, encoding="utf-8", errors="replace") as f:
            log = f.read()
        for secret in secrets:
            assert secret not in log, "the server logged a feed link's secret"
        assert "/calendar/{feed}" in log or "calendar" in log, "the log names the route template"
    print("ical check: ok;", "; ".join(results))


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"ical check FAILED: {e}", file=sys.stderr)
        sys.exit(1)
