#!/usr/bin/env python3
"""Sign-in timing: does a wrong password for a real account take as long as an
unknown email? Both must cost one Argon2id verification, so that timing does
not reveal who has an account.

Starts its own `serve --demo` (fresh data dir, free port), interleaves the two
kinds of failed sign-in, and prints the median of each and their ratio, in one
run on one machine: a ratio, not a wall-clock target.

Usage: bench/signin_timing.py [ROUNDS]   (default 3; each round is a fresh server)
Binary: CARRYOVER_BIN, else $CARGO_TARGET_DIR/release/carryover, else .../debug/carryover.
"""
import http.client, os, statistics, subprocess, sys, tempfile, time, urllib.parse

PASSWORD = "correct-horse-battery-staple-42"


def binary():
    if os.environ.get("CARRYOVER_BIN"):
        return os.environ["CARRYOVER_BIN"]
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(os.path.dirname(__file__), "..", "target"))
    for profile in ("release", "debug"):
        path = os.path.join(target, profile, "carryover")
        if os.path.exists(path):
            return path
    sys.exit("no carryover binary: cargo build --release -p carryover")


def start(bin_path):
    data = tempfile.mkdtemp()
    env = dict(os.environ, CARRYOVER_DEMO_PASSWORD=PASSWORD, RUST_LOG="warn")
    proc = subprocess.Popen([bin_path, "serve", "--demo", "--listen", "127.0.0.1:0", "--data-dir", data],
                            stdout=subprocess.PIPE, text=True, env=env)
    host, accounts = None, []
    for line in proc.stdout:
        if line.startswith("Carryover is ready at http://"):
            host = line.split("http://")[1].strip()
        elif line.startswith("demo "):
            accounts.append(line.split()[2])
            if len(accounts) == 9:
                break
    return proc, host, accounts


def sign_in(host, email):
    body = urllib.parse.urlencode({"email": email, "password": "not-the-password-at-all"})
    conn = http.client.HTTPConnection(host)
    started = time.perf_counter()
    conn.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded",
                                          "Sec-Fetch-Site": "same-origin"})
    response = conn.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    conn.close()
    assert response.status == 401, response.status
    return elapsed


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    bin_path = binary()
    known, unknown = [], []
    for r in range(rounds):
        proc, host, accounts = start(bin_path)
        try:
            # One failure per account and per unknown address: far from both throttles.
            for i, email in enumerate(accounts):
                known.append(sign_in(host, email))
                unknown.append(sign_in(host, f"nobody{r}-{i}@example.org"))
        finally:
            proc.terminate()
            proc.wait()
    k, u = statistics.median(known), statistics.median(unknown)
    print(f"binary: {bin_path}")
    print(f"samples: {len(known)} wrong-password, {len(unknown)} unknown-email")
    print(f"median wrong password: {k * 1000:.1f} ms; median unknown email: {u * 1000:.1f} ms; ratio {u / k:.2f}")


if __name__ == "__main__":
    main()
