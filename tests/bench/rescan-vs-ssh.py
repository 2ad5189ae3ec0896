#!/usr/bin/env python3
"""Re-scan over kept SSH sessions against the OpenSSH floor, on the lab (needs root).

The lab: the 7 default nodes in /tmp/kinspect-bench-rescan (ports from 31001). The re-scan:
kinspect-rescan-bench (tests/bench/scan) scans all 7 once with one ScanEngine, then calls
start() again for each run; the engine keeps every node's SSH session, so a re-scan costs a new
channel, sudo, the collector run, parsing and evaluation, but no TCP connect, key exchange or
authentication (what the GUI's "Scan again" does). The floor: `ssh host true` on the same 7
nodes at once (each a full OpenSSH connection). Floor runs and re-scans alternate, so that load
changes hit both alike. For comparison it also times the collector alone, run in every node at
once through `lab.sh exec` (nsenter, no SSH), each run timing itself inside its node.

Usage: flock /tmp/kinspect-labtests.lock tests/bench/rescan-vs-ssh.py [--runs 15] [--build DIR]
"""
import argparse, os, statistics, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labbench  # noqa: E402

LAB = "/tmp/kinspect-bench-rescan"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--build", default=os.path.join(labbench.ROOT, "build"))
    ap.add_argument("--keep", action="store_true", help="leave the lab running")
    a = ap.parse_args()
    a.build = os.path.abspath(a.build)
    labbench.need_root("rescan-vs-ssh")
    bench = os.path.join(a.build, "tests", "bench", "scan", "kinspect-rescan-bench")
    if not os.access(bench, os.X_OK):
        sys.exit("build kinspect-rescan-bench first (cmake --build %s --target "
                 "kinspect-rescan-bench)" % a.build)
    lab = labbench.Lab(LAB, 31001)
    try:
        lab.floor()  # warm up
        print("before:", labbench.uptime())
        p = subprocess.Popen([bench, "--lab", LAB, "--runs", str(a.runs), "--step"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)

        def result_line():
            line = p.stdout.readline()
            parts = line.split()
            if len(parts) != 4:
                p.kill()
                sys.exit("kinspect-rescan-bench failed: %r %s" % (line, p.stderr.read()[-2000:]))
            if int(parts[2]) != len(lab.nodes):
                sys.exit("a scan did not audit every node: " + line)
            return parts

        cold = int(result_line()[1]) / 1000
        f, rescans, slowest = [], [], []
        for _ in range(a.runs):
            f += labbench.timed(lab.floor, 1)
            p.stdin.write("go\n")
            p.stdin.flush()
            parts = result_line()
            rescans.append(int(parts[1]) / 1000)
            slowest.append(int(parts[3]) / 1000)
        p.stdin.close()
        if p.wait() != 0:
            sys.exit("kinspect-rescan-bench exited with %d" % p.returncode)
        # Where a re-scan's time goes: the collector alone, started in every node at once
        # (`lab.sh exec`, no SSH), each timing itself inside the node; the slowest node counts.
        collector = os.path.join(labbench.ROOT, "resources/collector/kinspect-collect.sh")
        inner = ("s=$(date +%s%N); sh -s >/dev/null 2>&1; e=$(date +%s%N); "
                 "echo $(( (e - s) / 1000000 ))")

        def collect_only():
            procs = [subprocess.Popen([labbench.LAB_SH, "exec", "--dir", LAB, n, "--", "sh", "-c",
                                       inner], stdin=open(collector, "rb"),
                                      stdout=subprocess.PIPE, text=True) for n in lab.nodes]
            return max(int(p.communicate()[0].strip().split()[-1]) for p in procs) / 1000
        c = [collect_only() for _ in range(a.runs)]
        print("after: ", labbench.uptime())
        print(f"nodes: {len(lab.nodes)}   runs: {a.runs}   cores: {os.cpu_count()}")
        print(labbench.describe("ssh floor (ssh true, all at once)", f))
        print(f"{'first scan (new sessions)':<34} {cold*1000:8.1f} ms")
        print(labbench.describe("re-scan over kept sessions", rescans))
        print(labbench.describe("  slowest node within a re-scan", slowest))
        print(labbench.describe("collector alone (slowest node)", c))
        print(f"ratio re-scan / floor: {statistics.median(rescans)/statistics.median(f):.2f}x"
              "   (target <= 0.2x)")
    finally:
        if not a.keep:
            lab.down()


main()
