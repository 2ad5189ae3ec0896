#!/usr/bin/env python3
"""A 50-node lab scan on this machine against the OpenSSH floor (needs root).

Lab: 50 nodes in /tmp/kinspect-bench-50 (ports from 30001): 3 control planes (hardened, with
findings, and one reached as kadmin with password sudo) and 47 workers cycling the worker profiles
(compliant, findings, drop-in flag), every fifth as kops with NOPASSWD sudo.
Floor: `ssh host true` on all 50 at once. Scan: `kinspect-cli scan` of all 50 with its default
--jobs (16 nodes at once), and with --jobs 50 for comparison.

Usage: flock /tmp/kinspect-labtests.lock tests/bench/scan-50.py [--runs 7] [--build DIR] [--keep]
"""
import argparse, os, statistics, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labbench  # noqa: E402

LAB = "/tmp/kinspect-bench-50"


def spec():
    items = ["cp-1=cp-good", "cp-2=cp-bad", "cp-3=cp-good/kadmin"]
    profiles = ["worker-good", "worker-bad", "worker-dropin-bad"]
    for i in range(47):
        item = "w-%02d=%s" % (i + 1, profiles[i % 3])
        if i % 5 == 4:
            item += "/kops"
        items.append(item)
    return ",".join(items)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--build", default=os.path.join(labbench.ROOT, "build"))
    ap.add_argument("--keep", action="store_true", help="leave the lab running")
    a = ap.parse_args()
    a.build = os.path.abspath(a.build)
    labbench.need_root("scan-50")
    cli = os.path.join(a.build, "app", "kinspect-cli")
    lab = labbench.Lab(LAB, 30001, spec())
    try:
        if len(lab.nodes) != 50:
            sys.exit("expected 50 nodes, the lab has %d" % len(lab.nodes))
        lab.floor(); lab.scan(cli)  # warm caches on both sides
        f, s, s50 = labbench.interleaved(lab, a.runs, [
            ("ssh floor (50 x ssh true at once)", lab.floor),
            ("kinspect-cli scan (default jobs)", lambda: lab.scan(cli)),
            ("kinspect-cli scan --jobs 50", lambda: lab.scan(cli, ["--jobs", "50"]))])
        m = statistics.median(f)
        print(f"ratio scan / floor: {statistics.median(s)/m:.2f}x (default jobs), "
              f"{statistics.median(s50)/m:.2f}x (--jobs 50)")
    finally:
        if not a.keep:
            lab.down()


main()
