#!/usr/bin/env python3
"""Crash drill (issue 16): nothing acknowledged is ever lost.

Starts the real binary (`serve --demo`, a fresh data dir or a fresh
PostgreSQL database), runs concurrent writers over the JSON API (a guardian
adds household routines, a therapist adds goals: each write carries a unique
name, so "present exactly once" can be counted), records every write the
server acknowledged (2xx), kills the server with SIGKILL at a random moment,
restarts it on the same data and checks:

- every acknowledged write is present exactly once; a write that failed with
  a 5xx or a broken connection is "unknown": present at most once;
- SQLite: `PRAGMA integrity_check` = ok and `PRAGMA foreign_key_check` empty
  (python's sqlite3 on the file, after the server stopped);
- `carryover audit verify` passes.

On PostgreSQL, `--pg-stops N` adds cycles where PostgreSQL itself is stopped
in immediate mode while Carryover keeps running: every answer while it is
gone must be a 503 (readyz and writes), Carryover must recover on its own,
and nothing acknowledged may be lost. Those cycles stop the machine's shared
PostgreSQL: keep N small.

`--backup` then proves a backup by restoring it: `carryover backup` (or
`pg_dump`) while the writers run, a restore into a fresh data dir (or
database), every write acknowledged before the backup began present there
exactly once, and the tables the writers never touch identical.

Standard library only. Prints one line per cycle and a JSON summary.
"""
import argparse
import hashlib
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

PASSWORD = "crash-drill-pass-phrase-42"
AUDIT_KEY = "d7111d7111d7111d7111d7111d7111d7111d7111d7111d7111d7111d7111d711"
GUARDIAN = "ana.rivera@example.org"
THERAPIST = "therapist@example.org"
# Tables no writer touches: their checksums must match after a restore.
STILL_TABLES = ["clinic", "household", "child", "household_member", "care_team_member"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, args, data_dir, database_url):
        self.args, self.data_dir, self.database_url = args, data_dir, database_url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def env(self):
        env = dict(os.environ)
        env["CARRYOVER_DEMO_PASSWORD"] = PASSWORD
        env["CARRYOVER_AUDIT_KEY"] = AUDIT_KEY
        env.setdefault("RUST_LOG", "warn")
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def cli(self, *words, data_dir=None, check=True):
        cmd = [self.args.bin, "--data-dir", data_dir or self.data_dir, *words]
        return subprocess.run(cmd, env=self.env(), capture_output=True, text=True, check=check)

    def start(self):
        log = open(os.path.join(self.data_dir, "server.log"), "a")
        self.proc = subprocess.Popen(
            [self.args.bin, "--data-dir", self.data_dir, "serve", "--demo",
             "--listen", f"127.0.0.1:{self.port}"],
            env=self.env(), stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if status(self.base + "/readyz") == 200:
                return
            if self.proc.poll() is not None:
                raise SystemExit(f"the server exited with {self.proc.returncode}; see server.log")
            time.sleep(0.1)
        raise SystemExit("the server did not become ready")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def request(method, url, body=None, cookie=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if cookie:
        req.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def status(url):
    try:
        return request("GET", url, timeout=5)[0]
    except Exception:  # noqa: BLE001 - any failure to connect
        return None


def sign_in(base, email):
    code, body, headers = request("POST", base + "/api/v1/session",
                                  {"email": email, "password": PASSWORD})
    assert code == 200, f"sign in {email}: {code} {body!r}"
    for header in headers.get_all("Set-Cookie"):
        if header.startswith("__Host-carryover="):
            return header.split(";", 1)[0]
    raise SystemExit("no session cookie")


class Ledger:
    """What the server said about every write, by its unique name."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked = {}      # name -> kind
        self.unknown = {}    # name -> kind
        self.refused = {}    # name -> status (4xx)
        self.during_outage = []  # statuses answered while PostgreSQL was down
        self.retry = {}      # name -> (path, body) of practice logs, resent with the same id
        self.resent = 0      # unknown logs acknowledged when sent again
        self.counter = 0

    def next_name(self, kind):
        with self.lock:
            self.counter += 1
            return f"drill {kind} {self.counter}"


class Writers:
    def __init__(self, server, ledger, targets, count, outage):
        self.server, self.ledger, self.targets = server, ledger, targets
        self.count, self.outage = count, outage
        self.stop = threading.Event()
        self.threads = []

    def one(self, rng):
        kind = rng.choice(["routine", "goal", "log", "message"])
        name = self.ledger.next_name(kind)
        child = self.targets["child"]
        method = "POST"
        if kind == "routine":
            url = f"{self.server.base}/api/v1/children/{child}/routines"
            body, cookie = {"name": name, "usual_time": "17:30"}, self.targets["guardian"]
        elif kind == "goal":
            url = f"{self.server.base}/api/v1/children/{child}/goals"
            body, cookie = {"words": name, "area": "play"}, self.targets["therapist"]
        elif kind == "log":
            # The id is the client's: a retry after a crash stores it once.
            method = "PUT"
            path = f"/api/v1/children/{child}/logs/{uuid.UUID(int=rng.getrandbits(128), version=4)}"
            body = {"assignment_id": self.targets["assignment"], "response": "went_well",
                    "when": "now", "note": name}
            cookie = self.targets["guardian"]
            with self.ledger.lock:
                self.ledger.retry[name] = (path, body)
            url = self.server.base + path
        else:
            url = f"{self.server.base}/api/v1/children/{child}/messages"
            body, cookie = {"body": name}, self.targets["guardian"]
        try:
            code = request(method, url, body, cookie, timeout=30)[0]
        except Exception:  # noqa: BLE001 - connection refused or reset: unknown
            code = None
        with self.ledger.lock:
            if self.outage.is_set():
                self.ledger.during_outage.append(code)
            if code is not None and 200 <= code < 300:
                self.ledger.acked[name] = kind
            elif code is None or code >= 500:
                self.ledger.unknown[name] = kind
            else:
                self.ledger.refused[name] = code
        return code

    def run(self, seed):
        rng = random.Random(seed)
        while not self.stop.is_set():
            if self.one(rng) is None:
                time.sleep(0.05)

    def start(self, seed):
        self.stop.clear()
        # Daemons: a drill that fails half-way must still exit.
        self.threads = [threading.Thread(target=self.run, args=(seed * 100 + i,), daemon=True)
                        for i in range(self.count)]
        for t in self.threads:
            t.start()

    def join(self):
        self.stop.set()
        for t in self.threads:
            t.join()


def resend_unknown_logs(server, ledger, cookie):
    """A client that never heard back sends its practice logs again with the
    same ids: each must then be stored exactly once, whether or not the first
    send reached the database (the next check counts them as acknowledged)."""
    with ledger.lock:
        pending = [(name, ledger.retry[name]) for name in ledger.unknown if name in ledger.retry]
    for name, (path, body) in pending:
        code = request("PUT", server.base + path, body, cookie, timeout=30)[0]
        if 200 <= code < 300:
            with ledger.lock:
                del ledger.unknown[name]
                ledger.acked[name] = "log"
                ledger.resent += 1


class Store:
    """Reads the database after the server stopped: SQLite through sqlite3,
    PostgreSQL through psql."""

    def __init__(self, data_dir, database_url):
        self.data_dir, self.database_url = data_dir, database_url

    def rows(self, sql):
        if self.database_url:
            out = subprocess.run(["psql", "-X", "-At", "-F", "\t", self.database_url, "-c", sql],
                                 capture_output=True, text=True, check=True).stdout
            return [tuple(line.split("\t")) for line in out.splitlines() if line]
        con = sqlite3.connect(os.path.join(self.data_dir, "carryover.db"))
        try:
            return [tuple(str(v) for v in row) for row in con.execute(sql)]
        finally:
            con.close()

    def counts(self):
        found = {}
        for (name, n) in self.rows("SELECT name, COUNT(*) FROM household_routine "
                                   "WHERE name LIKE 'drill %' GROUP BY name"):
            found[name] = int(n)
        for (name, n) in self.rows("SELECT words, COUNT(*) FROM goal "
                                   "WHERE words LIKE 'drill %' GROUP BY words"):
            found[name] = int(n)
        for (name, n) in self.rows("SELECT note, COUNT(*) FROM practice_log "
                                   "WHERE note LIKE 'drill %' AND deleted_at IS NULL GROUP BY note"):
            found[name] = int(n)
        for (name, n) in self.rows("SELECT body, COUNT(*) FROM feedback_message "
                                   "WHERE body LIKE 'drill %' GROUP BY body"):
            found[name] = int(n)
        return found

    def integrity(self):
        if self.database_url:
            return []  # PostgreSQL enforces its foreign keys; nothing to scan
        problems = []
        ok = self.rows("PRAGMA integrity_check")
        if ok != [("ok",)]:
            problems.append(f"integrity_check: {ok}")
        fk = self.rows("PRAGMA foreign_key_check")
        if fk:
            problems.append(f"foreign_key_check: {fk[:5]}")
        return problems

    def checksum(self, table):
        rows = sorted(self.rows(f"SELECT * FROM {table}"))
        return hashlib.sha256(repr(rows).encode()).hexdigest()


def check(ledger, store, acked=None):
    """Every acknowledged write exactly once, every unknown one at most once."""
    acked = ledger.acked if acked is None else acked
    found = store.counts()
    lost = [n for n in acked if found.get(n, 0) == 0]
    doubled = [n for n, c in found.items() if c > 1]
    phantom = [n for n in found if n not in acked and n not in ledger.unknown]
    problems = store.integrity()
    if lost:
        problems.append(f"{len(lost)} acknowledged writes lost: {lost[:5]}")
    if doubled:
        problems.append(f"{len(doubled)} writes present twice: {doubled[:5]}")
    if phantom:
        problems.append(f"{len(phantom)} writes present that were never sent: {phantom[:5]}")
    unknown_present = sum(1 for n in ledger.unknown if found.get(n, 0) == 1)
    return problems, unknown_present


def audit_verify(server, data_dir=None, database_url=None):
    saved = server.database_url
    if database_url is not None:
        server.database_url = database_url
    try:
        done = server.cli("audit", "verify", data_dir=data_dir, check=False)
    finally:
        server.database_url = saved
    return [] if done.returncode == 0 else [f"audit verify: {done.stdout}{done.stderr}".strip()]


def pg_ctl(action):
    cmd = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", action]
    if action == "stop":
        cmd += ["-m", "immediate"]
    subprocess.run(cmd, check=True, capture_output=True)


def pg_outage(server, ledger, outage, seconds):
    """Stops PostgreSQL in immediate mode while writers run; every answer
    while it is gone must be a 503. Returns problems and the recovery time."""
    problems = []
    outage.set()
    pg_ctl("stop")
    ready = []
    t_end = time.time() + seconds
    while time.time() < t_end:
        ready.append(status(server.base + "/readyz"))
        time.sleep(0.2)
    pg_ctl("start")
    outage.clear()
    started = time.time()
    while status(server.base + "/readyz") != 200:
        if time.time() - started > 60:
            problems.append("did not recover within 60 s of PostgreSQL's return")
            break
        time.sleep(0.1)
    recovered = time.time() - started
    bad_ready = [s for s in ready if s != 503]
    if bad_ready:
        problems.append(f"/readyz answered {sorted(set(map(str, bad_ready)))} while PostgreSQL was down")
    with ledger.lock:
        answered_503 = sum(1 for s in ledger.during_outage if s == 503)
        # 503 is the answer; a 2xx is a write that waited for PostgreSQL's
        # return and then committed. Anything else (a 500, a hang) is a fault.
        bad = [s for s in ledger.during_outage if s != 503 and not (s and 200 <= s < 300)]
        ledger.during_outage.clear()
    print(f"  PostgreSQL down {seconds:.1f} s: /readyz 503 x{sum(1 for s in ready if s == 503)}, "
          f"writes 503 x{answered_503}", flush=True)
    if bad:
        problems.append(f"writes answered {sorted(set(map(str, bad)))} (not 503) while PostgreSQL was down")
    return problems, recovered


def backup_and_restore(args, server, ledger, writers, store, database_url, rng):
    """Backup under load, restore into a fresh place, compare."""
    problems = []
    writers.start(rng.randrange(1 << 30))
    time.sleep(1.0)
    with ledger.lock:
        before = dict(ledger.acked)
    target = tempfile.mkdtemp(prefix="carryover-restore-")
    if database_url:
        dump = os.path.join(target, "carryover.dump")
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", database_url], check=True)
    else:
        dump = os.path.join(target, "backup.db")
        server.cli("backup", dump)
    time.sleep(0.5)
    writers.join()
    server.stop()
    restored_url = None
    if database_url:
        restored_db = f"{args.pg_db}_restored"
        admin = args.pg_url
        subprocess.run(["psql", "-X", "-q", admin, "-c", f"DROP DATABASE IF EXISTS {restored_db}"], check=True, capture_output=True)
        subprocess.run(["psql", "-X", "-q", admin, "-c", f"CREATE DATABASE {restored_db}"], check=True)
        restored_url = admin.rsplit("/", 1)[0] + "/" + restored_db
        subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname", restored_url, dump],
                       check=True, capture_output=True)
        fresh = Store(None, restored_url)
    else:
        fresh_dir = os.path.join(target, "data")
        os.makedirs(fresh_dir)
        server.cli("restore", dump, data_dir=fresh_dir)
        fresh = Store(fresh_dir, None)
    found = fresh.counts()
    missing = [n for n in before if found.get(n, 0) != 1]
    if missing:
        problems.append(f"{len(missing)} writes acknowledged before the backup missing: {missing[:5]}")
    problems += fresh.integrity()
    for table in STILL_TABLES:
        if fresh.checksum(table) != store.checksum(table):
            problems.append(f"table {table} differs after the restore")
    problems += audit_verify(server, data_dir=(None if database_url else fresh_dir),
                             database_url=restored_url)
    if database_url:
        subprocess.run(["psql", "-X", "-q", args.pg_url, "-c", f"DROP DATABASE IF EXISTS {args.pg_db}_restored"],
                       check=False)
    return problems, len(before)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin", required=True)
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--cycles", type=int, default=3)
    p.add_argument("--pg-stops", type=int, default=0, help="cycles that stop PostgreSQL itself")
    p.add_argument("--writers", type=int, default=4)
    p.add_argument("--seed", type=int, default=int(time.time()))
    p.add_argument("--backup", action="store_true", help="prove a backup by restoring it")
    p.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/postgres",
                   help="an admin connection: the drill makes its own database")
    args = p.parse_args()
    rng = random.Random(args.seed)
    data_dir = tempfile.mkdtemp(prefix="carryover-drill-")
    database_url = None
    if args.db == "postgres":
        args.pg_db = f"carryover_drill_{os.getpid()}"
        subprocess.run(["psql", "-X", "-q", args.pg_url, "-c", f"CREATE DATABASE {args.pg_db}"], check=True)
        database_url = args.pg_url.rsplit("/", 1)[0] + "/" + args.pg_db
    server = Server(args, data_dir, database_url)
    store = Store(data_dir, database_url)
    ledger = Ledger()
    outage = threading.Event()
    started = time.time()
    failures = []
    recoveries = []
    try:
        server.start()
        targets = {"guardian": sign_in(server.base, GUARDIAN), "therapist": sign_in(server.base, THERAPIST)}
        code, body, _ = request("GET", server.base + "/api/v1/children", cookie=targets["guardian"])
        targets["child"] = json.loads(body)["items"][0]["child_id"]
        code, body, _ = request("GET", f"{server.base}/api/v1/children/{targets['child']}/plan",
                                cookie=targets["guardian"])
        targets["assignment"] = json.loads(body)["current"]["assignments"][0]["assignment_id"]
        writers = Writers(server, ledger, targets, args.writers, outage)
        plan = ["kill"] * args.cycles + ["pg-stop"] * (args.pg_stops if database_url else 0)
        for n, kind in enumerate(plan, 1):
            writers.start(rng.randrange(1 << 30))
            time.sleep(rng.uniform(0.5, 2.5))
            recovered = None
            problems = []
            if kind == "kill":
                server.kill()
                writers.join()
            else:
                problems, recovered = pg_outage(server, ledger, outage, rng.uniform(2.0, 4.0))
                recoveries.append(recovered)
                time.sleep(0.5)
                writers.join()
                server.stop()
            more, unknown_present = check(ledger, store)
            problems += more + audit_verify(server)
            line = (f"cycle {n}/{len(plan)} ({kind}): acknowledged {len(ledger.acked)}, "
                    f"unknown {len(ledger.unknown)} ({unknown_present} present), "
                    f"refused {len(ledger.refused)}")
            if recovered is not None:
                line += f", recovered {recovered:.1f} s after PostgreSQL returned"
            print(line + (": " + "; ".join(problems) if problems else ": ok"), flush=True)
            failures += [f"cycle {n}: {x}" for x in problems]
            server.start()
            resend_unknown_logs(server, ledger, targets["guardian"])
        backup = None
        if args.backup:
            problems, compared = backup_and_restore(args, server, ledger, writers, store, database_url, rng)
            print(f"backup under load, restored: {compared} writes acknowledged before it compared"
                  + (": " + "; ".join(problems) if problems else ": ok"), flush=True)
            failures += [f"backup: {x}" for x in problems]
            backup = {"compared": compared, "ok": not problems}
        summary = {
            "db": args.db, "cycles": args.cycles, "pg_stops": args.pg_stops if database_url else 0,
            "writers": args.writers, "seed": args.seed,
            "acknowledged": len(ledger.acked), "unknown": len(ledger.unknown),
            "refused": len(ledger.refused), "logs_resent": ledger.resent, "lost": sum("lost" in f for f in failures),
            "pg_recovery_seconds_max": round(max(recoveries), 1) if recoveries else None,
            "backup": backup, "seconds": round(time.time() - started, 1), "failures": failures,
        }
        print(json.dumps(summary))
    finally:
        server.stop()
        if database_url:
            subprocess.run(["psql", "-X", "-q", args.pg_url, "-c", f"DROP DATABASE IF EXISTS {args.pg_db}"],
                           check=False, capture_output=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
