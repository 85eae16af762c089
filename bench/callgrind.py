#!/usr/bin/env python3
"""Instructions per request, under callgrind: stable on a noisy machine.

Starts a server under `valgrind --tool=callgrind`, sends warm-up requests,
dumps the counters, sends N requests over one keep-alive connection, dumps
again: the second dump holds exactly those N requests. The client is this
script, outside valgrind, so only the server's work is counted.

    callgrind.py --floor BIN --bin BIN --data-dir DIR [--database-url URL]
                 --caregiver EMAIL --therapist EMAIL --password PW
                 [--requests N] [--label NAME] [--json OUT]

Run through bench/callgrind.sh, which builds both binaries and the data.
"""

import argparse
import glob
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid


class Client:
    """One keep-alive HTTP/1.1 connection with a cookie jar of one cookie."""

    def __init__(self, address):
        url = urllib.parse.urlparse(address)
        self.host, self.port = url.hostname, url.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
        self.cookie = None
        self.bearer = None

    def send(self, method, path, body=None, form=None):
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.bearer:
            headers["Authorization"] = f"Bearer {self.bearer}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        payload = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("__Host-carryover="):
                self.cookie = value.split(";", 1)[0]
        return response.status, payload

    def sign_in(self, email, password):
        status, payload = self.send("POST", "/api/v1/session", body={"email": email, "password": password})
        if status != 200:
            sys.exit(f"signing in as {email}: {status} {payload[:200]!r}")
        return json.loads(payload)


def start(command, ready_prefix, outfile, env):
    """Starts `command` under callgrind; returns (process, address)."""
    valgrind = [
        "valgrind", "--tool=callgrind", f"--callgrind-out-file={outfile}",
        "--dump-instr=no", "--compress-strings=no",
    ]
    process = subprocess.Popen(
        valgrind + command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    for line in process.stdout:
        if line.startswith(ready_prefix):
            return process, line[len(ready_prefix):].strip()
    sys.exit(f"{command[0]} stopped before it was ready")


def dump(process, outfile):
    """Dumps and zeroes the counters; returns the instructions since the last dump."""
    before = set(glob.glob(outfile + ".*"))
    subprocess.run(["callgrind_control", "--dump", str(process.pid)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        new = sorted(set(glob.glob(outfile + ".*")) - before)
        if new:
            time.sleep(0.2)  # let valgrind finish writing it
            return instructions(new[-1])
        time.sleep(0.1)
    sys.exit("callgrind wrote no dump")


def instructions(path):
    with open(path) as f:
        for line in f:
            match = re.match(r"(?:summary|totals):\s+(\d+)", line)
            if match:
                return int(match.group(1))
    sys.exit(f"no totals in {path}")


def measure(process, outfile, request, n):
    """Instructions per request for `request` (a function sending one)."""
    for _ in range(10):
        request()
    dump(process, outfile)
    for _ in range(n):
        request()
    return dump(process, outfile) / n


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()


def expect(client, method, path, statuses, **kwargs):
    def request():
        status, payload = client.send(method, path, **kwargs)
        if status not in statuses:
            sys.exit(f"{method} {path}: {status} {payload[:300]!r}")
    return request


def ids_in(value, key):
    """Every value of `key` anywhere in a JSON document, in order."""
    found = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key and isinstance(v, str):
                found.append(v)
            found.extend(ids_in(v, key))
    elif isinstance(value, list):
        for v in value:
            found.extend(ids_in(v, key))
    return found


def endpoints(address, args, logged):
    """(name, request function) for every endpoint this build serves;
    `logged` collects the practice logs it makes."""
    caregiver, therapist, api = Client(address), Client(address), Client(address)
    caregiver.sign_in(args.caregiver, args.password)
    therapist.sign_in(args.therapist, args.password)
    api.sign_in(args.therapist, args.password)
    status, payload = api.send("POST", "/api/v1/me/tokens", body={"name": "callgrind"})
    if status != 201:
        sys.exit(f"making a token: {status} {payload[:200]!r}")
    api.bearer, api.cookie = json.loads(payload)["token"], None

    status, payload = caregiver.send("GET", "/api/v1/children")
    child = ids_in(json.loads(payload), "child_id")[0]
    status, payload = therapist.send("GET", "/api/v1/children")
    staff_children = ids_in(json.loads(payload), "child_id")
    editor = None
    for candidate in staff_children:
        status, payload = therapist.send("GET", f"/api/v1/children/{candidate}/plan")
        if status != 200:
            continue
        for version in ids_in(json.loads(payload).get("open") or {}, "version_id"):
            editor = f"/children/{candidate}/plan/{version}/edit"
            break
        if editor:
            break
    if editor is None and staff_children:
        # Generated children have agreed plans only: open a version of the
        # first one's, as a therapist does before a visit (it stays open, so
        # the next run finds it).
        status, payload = therapist.send("POST", f"/api/v1/children/{staff_children[0]}/plan/drafts")
        if status in (200, 201):
            editor = f"/children/{staff_children[0]}/plan/{json.loads(payload)['id']}/edit"

    # A probe sends no cookie; neither does this.
    found = [
        ("trivial (/healthz)", expect(Client(address), "GET", "/healthz", {200})),
        ("caregiver home", expect(caregiver, "GET", "/home", {200})),
    ]
    if editor:
        found.append(("plan editor", expect(therapist, "GET", editor, {200})))
    found.append(("API list (/api/v1/children)", expect(api, "GET", "/api/v1/children", {200})))
    # The therapist's home is the caseload triage (issue 14).
    found.append(("therapist home (triage)", expect(therapist, "GET", "/home", {200})))
    status, payload = caregiver.send("GET", f"/api/v1/children/{child}/plan")
    assignments = ids_in(json.loads(payload).get("current") or {}, "assignment_id") if status == 200 else []
    body = {"assignment_id": assignments[0] if assignments else "", "response": "went_well", "when": "now"}
    probe = f"/api/v1/children/{child}/logs/{uuid.uuid4()}"
    if assignments and caregiver.send("PUT", probe, body=body)[0] == 201:
        logged.append(probe)

        def log_practice():
            path = f"/api/v1/children/{child}/logs/{uuid.uuid4()}"
            status, payload = caregiver.send("PUT", path, body=body)
            if status != 201:
                sys.exit(f"PUT {path}: {status} {payload[:300]!r}")
            logged.append(path)
        found.append(("log a practice", log_practice))
    else:
        print("  (log a practice: no agreed assignment or no logs API; not measured)", file=sys.stderr)
    optional = [
        ("progress page", f"/children/{staff_children[0]}/progress", therapist),
        ("PDF report", f"/children/{staff_children[0]}/report.pdf", therapist),
    ]
    for name, path, client in optional:
        status, _ = client.send("GET", path)
        if status == 200:
            found.append((name, expect(client, "GET", path, {200})))
        else:
            print(f"  ({name}: {path} answered {status}; not measured)", file=sys.stderr)
    return found, caregiver, child


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--floor", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--database-url")
    parser.add_argument("--caregiver", required=True)
    parser.add_argument("--therapist", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--label", default="")
    parser.add_argument("--log", default="info", help="RUST_LOG for the server (off, info)")
    parser.add_argument("--json")
    parser.add_argument("--only", help="measure only endpoints whose name contains this")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="callgrind-")
    env = dict(os.environ)

    floor_out = os.path.join(work, "floor.out")
    floor, address = start([args.floor], "floor is ready at ", floor_out, env)
    bare = Client(address)
    floor_cost = measure(floor, floor_out, expect(bare, "GET", "/", {200}), args.requests)
    stop(floor)

    # Valgrind is slow: keep idle connections open while the others are measured.
    env = dict(env, RUST_LOG=args.log, CARRYOVER_DATA_DIR=args.data_dir,
               CARRYOVER_KEEP_ALIVE_TIMEOUT_SECS="3600", CARRYOVER_HEADER_READ_TIMEOUT_SECS="3600")
    if args.database_url:
        env["CARRYOVER_DATABASE_URL"] = args.database_url
    app_out = os.path.join(work, "app.out")
    app, address = start([args.bin, "serve", "--listen", "127.0.0.1:0"], "Carryover is ready at ", app_out, env)
    try:
        # The logs made are deleted at the end (a caregiver may, within a
        # day): left behind, they would swell the next run's caregiver home.
        logged = []
        found, caregiver, child = endpoints(address, args, logged)
        results = []
        trivial = None
        for name, request in found:
            if args.only and args.only not in name:
                continue
            cost = measure(app, app_out, request, args.requests)
            trivial = trivial or cost
            results.append({"endpoint": name, "instructions": round(cost),
                            "x_floor": round(cost / floor_cost, 2), "x_trivial": round(cost / trivial, 2)})
        for path in logged:
            caregiver.send("DELETE", path)
    finally:
        stop(app)

    print(f"callgrind dumps in {work} (callgrind_annotate --inclusive=yes FILE)", file=sys.stderr)
    print(f"\n{args.label} — {args.requests} requests each, RUST_LOG={args.log}; "
          f"bare axum handler: {floor_cost:,.0f} instructions/request")
    print(f"| endpoint | instructions/request | × bare axum | × trivial |")
    print(f"|---|---:|---:|---:|")
    for r in results:
        print(f"| {r['endpoint']} | {r['instructions']:,} | {r['x_floor']} | {r['x_trivial']} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"label": args.label, "floor": round(floor_cost), "log": args.log, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
