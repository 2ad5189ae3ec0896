#!/usr/bin/env python3
"""Scan wall time against the OpenSSH floor, on the lab (needs root).

The floor: the same nodes, `ssh host true` for all of them in parallel (OpenSSH's client, the
same keys, users and known_hosts): the least any SSH-based audit of these nodes can cost.
The scan: `kinspect-cli scan` of the same inventory (connect, verify, authenticate, sudo, run the
collector, parse, evaluate every control, write the JSON report, store the scan in the history).
The reference: kinspect-bare-libssh-bench (tests/bench/scan), one thread per node that connects,
authenticates and runs the collector with libssh and nothing else: what the transport alone costs.
Runs are interleaved (floor, scan, bare) so that load changes hit all three alike.

Nodes: the default 7-node lab (--nodes 7), or N nodes: the default 7 and more workers cycling
the compliant, findings and drop-in profiles, logged in as root.

Usage: flock /tmp/kinspect-labtests.lock tests/bench/scan-vs-ssh.py [--runs 15] [--nodes 7]
                                                                    [--build DIR] [--keep]
Prints the median and quartiles of each and the ratios; BENCHMARKS.md records the figures.
"""
import argparse, os, statistics, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labbench  # noqa: E402

LAB = "/tmp/kinspect-bench-lab"
DEFAULT = ["cp-1=cp-good", "cp-2=cp-bad", "w-good=worker-good", "w-bad=worker-bad",
           "w-dropin=worker-dropin-bad", "cp-sudo=cp-good/kadmin", "w-kops=worker-good/kops"]


def spec(n):
    items = DEFAULT[:n]
    profiles = ["worker-good", "worker-bad", "worker-dropin-bad"]
    for i in range(max(0, n - len(DEFAULT))):
        items.append("w-%02d=%s" % (i + 1, profiles[i % 3]))
    return ",".join(items)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--nodes", type=int, default=7)
    ap.add_argument("--build", default=os.path.join(labbench.ROOT, "build"))
    ap.add_argument("--keep", action="store_true", help="leave the lab running")
    a = ap.parse_args()
    a.build = os.path.abspath(a.build)
    labbench.need_root("scan-vs-ssh")
    cli = os.path.join(a.build, "app", "kinspect-cli")
    bare = os.path.join(a.build, "tests", "bench", "scan", "kinspect-bare-libssh-bench")
    for b in (cli, bare):
        if not os.access(b, os.X_OK):
            sys.exit("build %s first (cmake --build %s --target kinspect-cli "
                     "kinspect-bare-libssh-bench)" % (b, a.build))
    lab = labbench.Lab(LAB, 25001, spec(a.nodes))
    try:
        if len(lab.nodes) != a.nodes:
            sys.exit("expected %d nodes, the lab has %d" % (a.nodes, len(lab.nodes)))

        def bare_run():
            r = subprocess.run([bare, "--lab", LAB, "--runs", "1"], capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit("kinspect-bare-libssh-bench failed: " + r.stderr[-2000:])

        lab.floor(); lab.scan(cli); bare_run()  # warm caches on every side
        f, s, b = labbench.interleaved(lab, a.runs, [
            ("ssh floor (ssh true, all at once)", lab.floor),
            ("kinspect-cli scan", lambda: lab.scan(cli)),
            ("bare libssh (connect+auth+collect)", bare_run)])
        m = statistics.median(f)
        print(f"ratio scan / floor: {statistics.median(s)/m:.2f}x (target <= 0.8x)   "
              f"bare libssh / floor: {statistics.median(b)/m:.2f}x")
    finally:
        if not a.keep:
            lab.down()


main()
