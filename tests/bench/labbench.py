"""Shared parts of the lab benchmarks (scan-50.py, rescan-vs-ssh.py): bring a lab up, the
OpenSSH floor (`ssh host true` on every node at once), kinspect-cli scans, and statistics.
Every caller must run under `flock /tmp/kinspect-labtests.lock` (labs share the machine)."""
import os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB_SH = os.path.join(ROOT, "tests/lab/lab.sh")


def need_root(name):
    if os.geteuid() != 0:
        sys.exit(name + ": needs root (the lab runs sshd in namespaces)")


class Lab:
    def __init__(self, lab_dir, base_port, nodes_spec=None):
        self.dir = lab_dir
        args = [LAB_SH, "up", "--dir", lab_dir, "--base-port", str(base_port)]
        if nodes_spec:
            args += ["--nodes", nodes_spec]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        self.env = {}
        for line in open(os.path.join(lab_dir, "env")):
            if "=" in line:
                k, v = line.strip().split("=", 1)
                self.env[k] = v.strip('"')
        self.nodes = self.env["LAB_NODES"].split()
        # The CLI's secrets file: the kadmin user's sudo password for every node that asks.
        self.cli_secrets = os.path.join(lab_dir, "bench-cli-secrets")
        with open(os.path.join(lab_dir, "secrets")) as f, open(self.cli_secrets, "w") as o:
            for line in f:
                if line.startswith("KADMIN_SUDO_PASSWORD="):
                    o.write("sudo-password=" + line.split("=", 1)[1])
        os.chmod(self.cli_secrets, 0o600)

    def down(self):
        subprocess.run([LAB_SH, "down", "--dir", self.dir], stdout=subprocess.DEVNULL)

    def ssh_args(self, node):
        key = node.upper().replace("-", "_")
        return ["ssh", "-i", os.path.join(self.dir, "id_ed25519"), "-F", "none",
                "-o", "BatchMode=yes",
                "-o", "UserKnownHostsFile=" + os.path.join(self.dir, "known_hosts"),
                "-o", "StrictHostKeyChecking=yes", "-p", self.env["LAB_PORT_" + key],
                self.env["LAB_USER_" + key] + "@127.0.0.1", "true"]

    def floor(self):
        """`ssh host true` on every node at once; the least any SSH audit of them costs."""
        procs = [subprocess.Popen(self.ssh_args(n)) for n in self.nodes]
        for p in procs:
            if p.wait() != 0:
                sys.exit("ssh floor run failed")

    def scan(self, cli, extra=()):
        r = subprocess.run([cli, "scan", "--inventory", os.path.join(self.dir, "inventory.yaml"),
                            "--known-hosts", os.path.join(self.dir, "known_hosts"),
                            "--ssh-config", "none", "--secrets-file", self.cli_secrets,
                            "--format", "json", "--output", "/dev/null", *extra],
                           stderr=subprocess.PIPE, text=True,
                           # scans are stored as usual, but in the lab's own history file
                           env=dict(os.environ,
                                    KINSPECT_HISTORY_DB=os.path.join(self.dir, "history.sqlite")))
        if r.returncode not in (0, 1):
            sys.exit("scan failed with exit code %d: %s" % (r.returncode, r.stderr[-2000:]))


def timed(fn, runs):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def interleaved(lab, runs, measures):
    """Times each (label, fn) of `measures` once per run, in turn, so that load changes hit all
    alike; prints the load before and after and one line per measure; returns the lists of
    seconds, in the order given."""
    print("before:", uptime())
    times = [[] for _ in measures]
    for _ in range(runs):
        for i, (_, fn) in enumerate(measures):
            times[i] += timed(fn, 1)
    print("after: ", uptime())
    print(f"nodes: {len(lab.nodes)}   runs: {runs}   cores: {os.cpu_count()}")
    for (label, _), xs in zip(measures, times):
        print(describe(label, xs))
    return times


def describe(label, xs):
    """median and quartiles of seconds, in ms."""
    q = statistics.quantiles(xs, n=4) if len(xs) > 1 else [xs[0]] * 3
    return (f"{label:<34} median {statistics.median(xs)*1000:8.1f} ms   "
            f"quartiles {q[0]*1000:.1f}-{q[2]*1000:.1f} ms   (n={len(xs)})")


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
