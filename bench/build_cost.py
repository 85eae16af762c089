"""Attributes a `cargo build --timings` to the report's own crates (see build-cost.sh)."""

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile


def units(timings_html):
    text = open(timings_html, encoding="utf-8").read()
    data = re.search(r"const UNIT_DATA = (\[.*?\]);\n", text, re.S)
    if not data:
        raise SystemExit(f"no UNIT_DATA in {timings_html}: has cargo's timings format changed?")
    return json.loads(data.group(1))


def stripped_size(binary):
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "carryover")
        shutil.copy(binary, copy)
        subprocess.run(["strip", copy], check=True)
        return os.path.getsize(copy)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timings", required=True)
    parser.add_argument("--report-only", required=True, help="'name vX.Y.Z' lines")
    parser.add_argument("--wall", type=int, required=True, help="seconds the build took")
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()

    only = {line.strip() for line in open(args.report_only) if line.strip()}
    total = report = 0.0
    slowest = []
    for unit in units(args.timings):
        key = f"{unit['name']} v{unit['version']}"
        total += unit["duration"]
        if key in only:
            report += unit["duration"]
            slowest.append((unit["duration"], key, unit.get("target", "")))
    slowest.sort(reverse=True)

    print(f"clean release build of carryover: {args.wall // 60} min {args.wall % 60} s wall")
    print(f"compile time summed over units: {total / 60:.1f} min")
    print(f"of it in the {len(only)} packages only carryover-report needs: "
          f"{report / 60:.1f} min ({100 * report / total:.0f} %)")
    print("slowest of those:")
    for seconds, key, target in slowest[:8]:
        print(f"  {seconds:7.1f} s  {key}{target}")
    size = stripped_size(args.binary)
    print(f"release binary: {os.path.getsize(args.binary) / 1e6:.1f} MB, stripped {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
