#!/usr/bin/env python3
"""Scan wall time against the OpenSSH floor, on the lab (needs root).

The floor: the same nodes, `ssh host true` for all of them in parallel (OpenSSH's client, the
same keys, users and known_hosts): the least any SSH-based audit of these nodes can cost.
The scan: `kinspect-cli scan` of the same inventory (connect, verify, authenticate, sudo, run the
collector, parse, evaluate every control, write the JSON report).

Usage: sudo tests/bench/scan-vs-ssh.py [--runs 15] [--build build]
Prints the median and quartiles of each and the ratio; BENCHMARKS.md records the figures.
"""
import argparse, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB = "/tmp/kinspect-bench-lab"

def sh(*args, **kw):
    return subprocess.run(args, check=True, **kw)

def timed(fn, runs):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--keep", action="store_true", help="leave the lab running")
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("scan-vs-ssh: needs root (the lab runs sshd in namespaces)")
    cli = os.path.join(a.build, "app", "kinspect-cli")
    sh(os.path.join(ROOT, "tests/lab/lab.sh"), "up", "--dir", LAB, "--base-port", "25001",
       stdout=subprocess.DEVNULL)
    try:
        env = {}
        for line in open(os.path.join(LAB, "env")):
            if "=" in line:
                k, v = line.strip().split("=", 1)
                env[k] = v.strip('"')
        nodes = env["LAB_NODES"].split()
        secrets = os.path.join(LAB, "kinspect-secrets")
        with open(os.path.join(LAB, "secrets")) as f, open(secrets, "w") as o:
            for line in f:
                if line.startswith("KADMIN_SUDO_PASSWORD="):
                    o.write("sudo-password@cp-sudo=" + line.split("=", 1)[1])
        os.chmod(secrets, 0o600)

        def floor():
            procs = []
            for n in nodes:
                key = n.upper().replace("-", "_")
                procs.append(subprocess.Popen(
                    ["ssh", "-i", os.path.join(LAB, "id_ed25519"), "-F", "none",
                     "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + os.path.join(LAB, "known_hosts"),
                     "-o", "StrictHostKeyChecking=yes", "-p", env["LAB_PORT_" + key],
                     env["LAB_USER_" + key] + "@127.0.0.1", "true"]))
            for p in procs:
                if p.wait() != 0:
                    sys.exit("ssh floor run failed")

        def scan():
            r = subprocess.run([cli, "scan", "--inventory", os.path.join(LAB, "inventory.yaml"),
                                "--known-hosts", os.path.join(LAB, "known_hosts"), "--ssh-config", "none",
                                "--secrets-file", secrets, "--format", "json", "--output", "/dev/null"])
            if r.returncode not in (0, 1):
                sys.exit("scan failed with exit code %d" % r.returncode)

        floor(); scan()  # warm up caches on both sides
        f = timed(floor, a.runs)
        s = timed(scan, a.runs)
        q = lambda xs: statistics.quantiles(xs, n=4)
        print(f"nodes: {len(nodes)}   runs: {a.runs}   cores: {os.cpu_count()}")
        print(f"ssh floor  median {statistics.median(f)*1000:7.1f} ms   quartiles {q(f)[0]*1000:.1f}-{q(f)[2]*1000:.1f} ms")
        print(f"kinspect   median {statistics.median(s)*1000:7.1f} ms   quartiles {q(s)[0]*1000:.1f}-{q(s)[2]*1000:.1f} ms")
        print(f"ratio (median scan / median floor): {statistics.median(s)/statistics.median(f):.2f}x")
    finally:
        if not a.keep:
            sh(os.path.join(ROOT, "tests/lab/lab.sh"), "down", "--dir", LAB, stdout=subprocess.DEVNULL)

main()
