#!/usr/bin/env python3
"""Throughput and latency under a realistic mix, with wrk (issue 15).

The server runs pinned to core 0 (taskset) and wrk to core 1. Each run
measures /healthz, then the mix, three times interleaved, on one server; the
figures are the median and range of the three, the p50/p99 latency of the
median run, the errors of all runs (must be 0) and the server's peak memory.

The mix: 70 % caregiver home and logging a practice, 20 % therapist pages,
10 % other writes (a routine's usual time, a reflection, a message), each
request signed in as one of many caregivers and therapists.

    load.py --bin BIN --accounts FILE --password PW --data-dir DIR
            [--database-url URL] [--processes 2] [--seconds 20] [--label NAME]

Run through bench/load.sh, which builds, installs wrk and makes the data.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse


def start(bin_path, env, port):
    process = subprocess.Popen(
        ["taskset", "-c", "0", bin_path, "serve", "--listen", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    for line in process.stdout:
        if "ready at" in line:
            return process
    sys.exit("the server stopped before it was ready")


def send(port, method, path, cookie=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {}
    if cookie:
        headers["Cookie"] = cookie
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    set_cookie = [v for k, v in response.getheaders() if k.lower() == "set-cookie"]
    conn.close()
    return response.status, payload, set_cookie


def sign_in(port, email, password):
    status, payload, cookies = send(port, "POST", "/api/v1/session",
                                    body={"email": email, "password": password})
    if status != 200:
        sys.exit(f"signing in as {email}: {status} {payload[:200]!r}")
    return next(c.split(";", 1)[0] for c in cookies if c.startswith("__Host-carryover="))


def ids(value, key):
    found = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key and isinstance(v, str):
                found.append(v)
            found.extend(ids(v, key))
    elif isinstance(value, list):
        for v in value:
            found.extend(ids(v, key))
    return found


def plan_lines(port, accounts, password):
    """The request plan wrk picks from: (weight, method, path, cookie, type, body)."""
    caregivers = [e for kind, e in accounts if kind == "caregiver"]
    therapists = [e for kind, e in accounts if kind == "therapist"]
    lines = []
    for email in caregivers:
        cookie = sign_in(port, email, password)
        _, payload, _ = send(port, "GET", "/api/v1/children", cookie)
        child = ids(json.loads(payload), "child_id")[0]
        _, payload, _ = send(port, "GET", f"/api/v1/children/{child}/plan", cookie)
        agreed = json.loads(payload).get("current") or {}
        assignments = ids(agreed, "assignment_id")
        # 70 %: the home page and logging a practice, half and half.
        lines.append((35, "GET", "/home", cookie, "", ""))
        if assignments:
            log = {"assignment_id": assignments[0], "response": "went_well", "when": "now"}
            lines.append((35, "PUT", f"/api/v1/children/{child}/logs/{{uuid}}", cookie,
                          "application/json", json.dumps(log)))
        else:
            lines[-1] = (70, "GET", "/home", cookie, "", "")
        # 10 %: other writes — a routine's usual time.
        minute = random.randrange(0, 60)
        lines.append((10, "POST", f"/children/{child}/routines/bath", cookie,
                      "application/x-www-form-urlencoded", f"usual_time=19%3A{minute:02d}"))
    for email in therapists:
        cookie = sign_in(port, email, password)
        _, payload, _ = send(port, "GET", "/api/v1/children", cookie)
        children = ids(json.loads(payload), "child_id")[:5]
        # 20 %: the caseload, a child's page, a plan.
        share = 20 * len(caregivers) // max(1, len(therapists))
        lines.append((share // 2, "GET", "/home", cookie, "", ""))
        for child in children:
            lines.append((max(1, share // 4 // len(children)), "GET", f"/children/{child}", cookie, "", ""))
            lines.append((max(1, share // 4 // len(children)), "GET", f"/children/{child}/plan", cookie, "", ""))
    return lines


def wrk(port, seconds, script=None, path="/healthz", env=None):
    command = ["taskset", "-c", "1", "wrk", "-t2", "-c32", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", script]
    command.append(f"http://127.0.0.1:{port}{path}")
    out = subprocess.run(command, capture_output=True, text=True, env=env).stdout
    if script:
        line = [l for l in out.splitlines() if l.startswith("{")][-1]
        result = json.loads(line)
        rps = result["requests"] / result["seconds"]
        return {"rps": rps, "p50": result["p50_ms"], "p99": result["p99_ms"],
                "errors": result["http_errors"] + result["socket_errors"]}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
    def pct(name):
        m = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    return {"rps": rps, "p50": pct("50"), "p99": pct("99"), "errors": errors}


def peak_memory_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def summary(runs):
    rates = sorted(r["rps"] for r in runs)
    median = statistics.median(rates)
    middle = min(runs, key=lambda r: abs(r["rps"] - median))
    return {"median": median, "low": rates[0], "high": rates[-1], "p50": middle["p50"],
            "p99": middle["p99"], "errors": sum(r["errors"] for r in runs)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--accounts", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--data-dir", required=True, help="made by generate; copied per run on SQLite")
    parser.add_argument("--database-url")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    random.seed(15)
    accounts = [tuple(l.split()) for l in open(args.accounts) if l.strip()]

    work = tempfile.mkdtemp(prefix="load-")
    env = dict(os.environ, RUST_LOG=os.environ.get("RUST_LOG", "info"))
    if args.database_url:
        env["CARRYOVER_DATABASE_URL"] = args.database_url
        env["CARRYOVER_DATA_DIR"] = work
    else:
        for name in os.listdir(args.data_dir):
            if name.startswith("carryover"):
                shutil.copy(os.path.join(args.data_dir, name), work)
        env["CARRYOVER_DATA_DIR"] = work
    ports = [18400 + n for n in range(args.processes)]
    servers = [start(args.bin, env, port) for port in ports]
    try:
        lines = plan_lines(ports[0], accounts, args.password)
        plan = os.path.join(work, "plan.tsv")
        with open(plan, "w") as f:
            for line in lines:
                f.write("\t".join(str(x) for x in line) + "\n")
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "load.lua")
        health, mix = [], []
        for _ in range(args.runs):
            health.append(wrk(ports[0], args.seconds))
            if len(ports) == 1:
                mix.append(wrk(ports[0], args.seconds, script, "/", dict(env, LOAD_PLAN=plan)))
            else:
                # Two processes on one database: half the connections each, at once.
                procs = [subprocess.Popen(
                    ["taskset", "-c", "1", "wrk", "-t1", "-c16", f"-d{args.seconds}s", "--latency",
                     "-s", script, f"http://127.0.0.1:{p}/"],
                    stdout=subprocess.PIPE, text=True, env=dict(env, LOAD_PLAN=plan)) for p in ports]
                results = [json.loads([l for l in p.communicate()[0].splitlines() if l.startswith("{")][-1])
                           for p in procs]
                mix.append({"rps": sum(r["requests"] / r["seconds"] for r in results),
                            "p50": max(r["p50_ms"] for r in results), "p99": max(r["p99_ms"] for r in results),
                            "errors": sum(r["http_errors"] + r["socket_errors"] for r in results)})
        memory = max(peak_memory_mb(s.pid) for s in servers)
    finally:
        for s in servers:
            s.terminate()
            s.wait(timeout=60)
    h, m = summary(health), summary(mix)
    print(f"\n{args.label}: {args.runs} interleaved runs of {args.seconds} s, 32 connections, "
          f"server on core 0, wrk on core 1")
    print("| load | requests/s median (range) | p50 ms | p99 ms | errors | peak memory |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| /healthz | {h['median']:,.0f} ({h['low']:,.0f}–{h['high']:,.0f}) | {h['p50']:.2f} | "
          f"{h['p99']:.2f} | {h['errors']} | |")
    print(f"| mix | {m['median']:,.0f} ({m['low']:,.0f}–{m['high']:,.0f}) | {m['p50']:.2f} | "
          f"{m['p99']:.2f} | {m['errors']} | {memory:.1f} MB |")
    print(f"mix ÷ /healthz: {m['median'] / h['median']:.0%}")


if __name__ == "__main__":
    main()
