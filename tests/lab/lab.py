#!/usr/bin/python3
"""Kinspect lab: a simulated kubeadm cluster on one machine with real OpenSSH servers.

Use through lab.sh (which checks for root and picks /usr/bin/python3):
  lab.sh up [--dir DIR] [--nodes SPEC] [--base-port N] [--with-netns]
  lab.sh down [--dir DIR]
  lab.sh status [--dir DIR]
  lab.sh verify [--dir DIR]
  lab.sh fault [--dir DIR] NODE ACTION [ARG]
See docs/lab.md.
"""

import argparse
import ctypes
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # keep the source tree clean
SRC = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, SRC)

DEFAULT_DIR = os.environ.get("KINSPECT_LAB_DIR", "/tmp/kinspect-lab")
DEFAULT_NODES = ("cp-1=cp-good,cp-2=cp-bad,w-good=worker-good,w-bad=worker-bad,"
                 "w-dropin=worker-dropin-bad,cp-sudo=cp-good/kadmin,w-kops=worker-good/kops")
ACCESS = {"root": ("root", "none"), "kadmin": ("kadmin", "password"), "kops": ("kops", "nopasswd")}
OVERLAYS = ["/etc", "/usr", "/var"]  # the node's files on top of the host's
BINDS = ["/root", "/home"]  # private, empty-based: the host's dotfiles (pyenv, ...) stay out
MARKER = ".kinspect-lab"
NET_BASTION, NET_TARGET = "198.18.0.1", "198.18.0.2"
DEFAULT_VERSION = "v1.32.2"
COMPONENT_NAMES = ("kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubelet",
                   "kube-proxy")


def die(msg, code=1):
    sys.stderr.write("lab: %s\n" % msg)
    sys.exit(code)


def say(msg):
    sys.stdout.write(msg + "\n")
    sys.stdout.flush()


def lab_id(d):
    return hashlib.sha1(d.encode()).hexdigest()[:8]


def proc_start(pid):
    try:
        with open("/proc/%d/stat" % pid) as fh:
            return fh.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def alive(pid, start=None):
    st = proc_start(pid)
    if st is None:
        return False
    try:
        with open("/proc/%d/stat" % pid) as fh:
            if fh.read().rsplit(")", 1)[1].split()[0] == "Z":
                return False
    except OSError:
        return False
    return start is None or st == start


class Lab:
    def __init__(self, d):
        self.dir = os.path.realpath(d)
        self.id = lab_id(self.dir)
        self.state_path = os.path.join(self.dir, "state", "lab.json")

    def load(self):
        try:
            with open(self.state_path) as fh:
                return json.load(fh)
        except (OSError, ValueError):
            return None

    def save(self, st):
        tmp = self.state_path + ".tmp"
        with open(tmp, "w") as fh:
            json.dump(st, fh, indent=1)
        os.replace(tmp, self.state_path)

    def node_dir(self, name):
        return os.path.join(self.dir, "nodes", name)


# --------------------------------------------------------------------------------------------
# node specs
# --------------------------------------------------------------------------------------------

def parse_spec(spec):
    import profiles
    nodes = []
    for i, item in enumerate(x.strip() for x in spec.split(",") if x.strip()):
        name, _, rest = item.partition("=")
        if not rest:
            rest, name = name, None
        rest, _, version = rest.partition("@")
        profile, _, access = rest.partition("/")
        access = access or "root"
        version = version or DEFAULT_VERSION
        if not version.startswith("v"):
            version = "v" + version
        parts = version[1:].split(".")
        if len(parts) != 3 or not all(x.isdigit() for x in parts) or parts[0] != "1":
            die("bad version %r (expected like 1.18.20)" % version, 64)
        if profile not in profiles.PROFILES or profile == "bastion":
            die("unknown profile %r (known: %s)" % (profile, ", ".join(profiles.PROFILES[:-1])), 64)
        if access not in ACCESS:
            die("unknown access %r (root, kadmin, kops)" % access, 64)
        name = name or "%s-%d" % (profile, i + 1)
        if not name.replace("-", "").isalnum() or len(name) > 40:
            die("bad node name %r" % name, 64)
        nodes.append({"name": name, "profile": profile, "access": access, "version": version})
    if len({n["name"] for n in nodes}) != len(nodes):
        die("duplicate node names in --nodes", 64)
    return nodes


def port_free(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # SO_REUSEADDR like sshd and our listeners: TIME_WAIT leftovers of the previous lab are fine,
    # a listener is not
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", port))
        s.listen(1)
        return True
    except OSError:
        return False
    finally:
        s.close()


# --------------------------------------------------------------------------------------------
# up
# --------------------------------------------------------------------------------------------

def check_dir(lab):
    d = lab.dir
    for top in OVERLAYS + BINDS + ["/proc", "/sys", "/dev", "/run"]:
        if d == top or d.startswith(top + "/"):
            die("--dir must not be inside %s (the nodes overlay it)" % top, 64)
    if d in ("/", "/tmp", "/work"):
        die("refusing --dir %s" % d, 64)
    if os.path.isdir(d) and os.listdir(d) and not os.path.exists(os.path.join(d, MARKER)):
        die("%s exists, is not empty and is not a lab directory; refusing to touch it" % d, 64)


def etcd_version(kube_version):
    minor = int(kube_version.split(".")[1])
    return "3.4.13" if minor < 22 else ("3.5.6" if minor < 27 else "3.5.16")


def compile_bin(lab, versions):
    """Builds the stand-in components: DEFAULT_VERSION in bin/, every other version in
    bin/<version>/ (the supervisor of a node with that version runs those)."""
    bindir = os.path.join(lab.dir, "bin")
    os.makedirs(bindir, exist_ok=True)
    for v in sorted(set(versions) | {DEFAULT_VERSION}):
        d = bindir if v == DEFAULT_VERSION else os.path.join(bindir, v)
        os.makedirs(d, exist_ok=True)
        out = os.path.join(d, "labcomp")
        r = subprocess.run(["cc", "-O1", "-o", out, '-DLAB_KUBE_VERSION="%s"' % v,
                            '-DLAB_ETCD_VERSION="%s"' % etcd_version(v), os.path.join(SRC, "labcomp.c")],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            die("cannot compile labcomp.c:\n" + r.stdout)
        for name in COMPONENT_NAMES + ("kubeadm",):
            shutil.copy2(out, os.path.join(d, name))
    for f in ("supervisor.py", "systemctl-shim.py"):
        shutil.copy2(os.path.join(SRC, f), os.path.join(bindir, f))
    return bindir


def make_passphrase_key(lab, passphrase):
    path = os.path.join(lab.dir, "id_ed25519_passphrase")
    r = subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-a", "16", "-N", passphrase, "-C",
                        "kinspect-lab-passphrase", "-f", path], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        die("ssh-keygen failed: " + r.stdout)
    with open(path + ".pub") as fh:
        return fh.read().strip()


def hash_password(pw):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import crypt
        return crypt.crypt(pw, crypt.mksalt(crypt.METHOD_SHA512))


UP_STARTED = False  # set once `up` has started processes (cleanup on failure from then on)


def cmd_up(args):
    try:
        up(args)
    except (SystemExit, Exception) as e:
        if isinstance(e, SystemExit) and not e.code:
            raise
        lab = Lab(args.dir)
        if UP_STARTED and lab.load() is not None:
            sys.stderr.write("lab: up failed; tearing down what was started\n")
            try:
                do_down(lab, quiet=True)
            except SystemExit:
                pass
        raise


def up(args):
    t0 = time.time()
    lab = Lab(args.dir)
    check_dir(lab)
    try:
        import yaml  # noqa: F401
        import profiles
        import labpki
    except ImportError as e:
        die("missing Python module (%s): apt-get install -y python3-yaml python3-cryptography" % e)
    for tool in ("unshare", "nsenter", "mount", "cc", "ssh-keygen", "/usr/sbin/sshd"):
        if not shutil.which(tool):
            die("missing tool: " + tool)
    nodes = parse_spec(args.nodes)
    if lab.load() is not None:
        say("lab: tearing down the running lab in %s first" % lab.dir)
        do_down(lab, quiet=True)
    base = args.base_port
    for i, n in enumerate(nodes):
        n["port"] = base + i
    extra = {"unreachable": base + len(nodes), "blackhole": base + len(nodes) + 1,
             "bastion": base + len(nodes) + 2}
    ports = [n["port"] for n in nodes] + list(extra.values())
    busy = [p for p in ports if not port_free(p)]
    if busy:
        die("port(s) %s already in use on 127.0.0.1 (another lab? use --base-port)" %
            ", ".join(map(str, busy)))

    # fresh directory
    if os.path.isdir(lab.dir):
        shutil.rmtree(lab.dir)
    os.makedirs(lab.dir, 0o700)
    os.chmod(lab.dir, 0o700)
    with open(os.path.join(lab.dir, MARKER), "w") as fh:
        fh.write("kinspect lab %s\n" % lab.id)
    for sub in ("state", "nodes"):
        os.makedirs(os.path.join(lab.dir, sub))
    os.umask(0o022)

    bindir = compile_bin(lab, [n["version"] for n in nodes])
    secrets = {
        "KADMIN_SUDO_PASSWORD": "lab-" + os.urandom(9).hex(),
        "KEY_PASSPHRASE": "lab-" + os.urandom(9).hex(),
    }
    kops_pw = os.urandom(12).hex()  # nobody needs it: NOPASSWD sudo, key login
    passwords = {"kadmin": hash_password(secrets["KADMIN_SUDO_PASSWORD"]), "kops": hash_password(kops_pw)}
    cpriv, cpub = labpki.ssh_ed25519()
    keypath = os.path.join(lab.dir, "id_ed25519")
    with open(keypath, "w") as fh:
        fh.write(cpriv)
    os.chmod(keypath, 0o600)
    with open(keypath + ".pub", "w") as fh:
        fh.write(cpub + " kinspect-lab\n")
    ppub = make_passphrase_key(lab, secrets["KEY_PASSPHRASE"])

    with_netns = bool(args.with_netns)
    all_nodes = list(nodes)
    if with_netns:
        all_nodes.append({"name": "bastion", "profile": "bastion", "access": "root", "port": 22,
                          "netns": "bastion", "version": DEFAULT_VERSION})
        all_nodes.append({"name": "w-jump", "profile": "worker-good", "access": "root", "port": 22,
                          "netns": "target", "version": DEFAULT_VERSION})
    cps = [n for n in all_nodes if n["profile"].startswith("cp-")]
    for i, n in enumerate(all_nodes):
        n["ip"] = "198.18.1.%d" % (10 + i)
    api_ip = cps[0]["ip"] if cps else "198.18.1.10"
    pki = labpki.ClusterPki([n["name"] for n in cps], [n["ip"] for n in cps])
    labinfo = {"dir": lab.dir, "binDir": bindir, "srcDir": SRC, "clientPubs": [cpub, ppub],
               "defaultVersion": DEFAULT_VERSION,
               "passwords": passwords, "apiIp": api_ip}
    known = []
    for n in all_nodes:
        nd = lab.node_dir(n["name"])
        for sub in ["/ctl/logs"] + ["/work" + o for o in OVERLAYS]:  # overlay workdirs: work/etc, ...
            os.makedirs(nd + sub)
        n["root"] = nd + "/root"
        if n.get("netns") == "bastion":
            n["listen"], n["sshPort"], n["forwarding"] = NET_BASTION, 22, True
        elif n.get("netns") == "target":
            n["listen"], n["sshPort"], n["forwarding"] = NET_TARGET, 22, False
        else:
            n["listen"], n["sshPort"], n["forwarding"] = "127.0.0.1", n["port"], False
        n["hostKey"] = labpki.ssh_ed25519()
        meta = profiles.build_node(n, labinfo, pki)
        n["roles"] = meta["roles"]
        n["components"] = meta["components"]
        cfg = {"name": n["name"], "labDir": lab.dir, "nodeDir": nd, "overlays": OVERLAYS, "binds": BINDS,
               "daemons": meta["daemons"],
               "kubelet": n["profile"] != "bastion" and meta.get("kubelet", True),
               "waitNet": bool(n.get("netns")),
               "binSub": "" if n["version"] == DEFAULT_VERSION else n["version"]}
        with open(nd + "/node.json", "w") as fh:
            json.dump(cfg, fh, indent=1)
        if n.get("netns") == "bastion":
            host = "[127.0.0.1]:%d" % extra["bastion"]
        elif n.get("netns") == "target":
            host = NET_TARGET
        else:
            host = "[127.0.0.1]:%d" % n["port"]
        known.append("%s %s" % (host, n["hostKey"][1]))
        n.pop("hostKey")
    with open(os.path.join(lab.dir, "known_hosts"), "w") as fh:
        fh.write("\n".join(known) + "\n")
    with open(os.path.join(lab.dir, "secrets"), "w") as fh:
        fh.write("".join("%s=%s\n" % kv for kv in secrets.items()))
    os.chmod(os.path.join(lab.dir, "secrets"), 0o600)
    # the same secrets in the format of `kinspect-cli --secrets-file` (KIND[@NODE]=SECRET)
    with open(os.path.join(lab.dir, "cli-secrets"), "w") as fh:
        for n in nodes:
            if n["access"] == "kadmin":
                fh.write("sudo-password@%s=%s\n" % (n["name"], secrets["KADMIN_SUDO_PASSWORD"]))
        fh.write("passphrase=%s\n" % secrets["KEY_PASSPHRASE"])
    os.chmod(os.path.join(lab.dir, "cli-secrets"), 0o600)
    t_files = time.time() - t0

    global UP_STARTED
    UP_STARTED = True
    st = {"labId": lab.id, "dir": lab.dir, "basePort": base, "nodes": all_nodes, "extra": extra,
          "withNetns": with_netns, "procs": [], "netns": None, "startedAt": time.time()}
    lab.save(st)

    # the keeper owns every lab process (it reaps them; see docs/lab.md)
    logf = open(os.path.join(lab.dir, "state", "keeper.log"), "a")
    env = dict(os.environ, KINSPECT_LAB_ID=lab.id)
    kp = subprocess.Popen([sys.executable, os.path.abspath(__file__), "_keeper", lab.dir],
                          stdin=subprocess.DEVNULL, stdout=logf, stderr=logf, env=env,
                          start_new_session=True, close_fds=True)
    deadline = time.time() + 30
    ready = os.path.join(lab.dir, "state", "keeper.ready")
    while time.time() < deadline and not os.path.exists(ready):
        if kp.poll() is not None:
            die("lab keeper exited early; see %s/state/keeper.log" % lab.dir)
        time.sleep(0.05)
    st = lab.load()
    # wait for every sshd banner
    pending = {n["name"]: n for n in nodes}
    while pending and time.time() < deadline:
        for name in list(pending):
            if banner("127.0.0.1", pending[name]["port"], 0.5):
                del pending[name]
        if pending:
            time.sleep(0.05)
    # ... and for every supervisor's first start of its node's components (ctl/ready): sshd
    # answers before the static pods run, and a fast scan would find no API server
    unready = [n["name"] for n in nodes]
    while unready and time.time() < deadline:
        unready = [n for n in unready if not os.path.exists(lab.node_dir(n) + "/ctl/ready")]
        if unready:
            time.sleep(0.05)
    if unready and not pending:
        die("components did not start on: %s (logs: %s/nodes/<name>/ctl/logs)" % (
            ", ".join(sorted(unready)), lab.dir))
    netns_ok = st.get("netns") == "ok"
    if with_netns and netns_ok:
        while time.time() < deadline and not banner("127.0.0.1", extra["bastion"], 0.5):
            time.sleep(0.1)
    if pending:
        first = sorted(pending)[0]
        try:
            with open(lab.node_dir(first) + "/ctl/logs/supervisor.log") as fh:
                tail = "".join(fh.readlines()[-6:])
        except OSError:
            tail = ""
        die("sshd did not come up on: %s (logs: %s/nodes/<name>/ctl/logs)\n%s supervisor.log:\n%s" % (
            ", ".join(sorted(pending)), lab.dir, first, tail))
    write_outputs(lab, st, nodes, extra, netns_ok)
    elapsed = time.time() - t0
    st["upSeconds"] = round(elapsed, 2)
    lab.save(st)
    say("Kinspect lab up in %.1f s (files %.1f s) — %s" % (elapsed, t_files, lab.dir))
    for n in nodes:
        user, sudo = ACCESS[n["access"]]
        say("  %-10s 127.0.0.1:%-5d %-18s %-19s %-8s user=%s sudo=%s" % (
            n["name"], n["port"], n["profile"], ",".join(n["roles"]), n["version"], user, sudo))
    say("  %-10s 127.0.0.1:%-5d (nothing listens)" % ("unreachable", extra["unreachable"]))
    say("  %-10s 127.0.0.1:%-5d (accepts, never answers)" % ("blackhole", extra["blackhole"]))
    if with_netns:
        if netns_ok:
            say("  %-10s 127.0.0.1:%-5d jump host -> w-jump %s:22 (only via bastion)" % (
                "bastion", extra["bastion"], NET_TARGET))
        else:
            say("  network namespaces unavailable (%s): bastion/w-jump skipped" % st.get("netnsError"))
    say("inventory: %s/inventory.yaml  key: %s/id_ed25519  known_hosts: %s/known_hosts" % ((lab.dir,) * 3))


def banner(host, port, timeout):
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.settimeout(timeout)
            return s.recv(64).startswith(b"SSH-")
    except OSError:
        return False


def write_outputs(lab, st, nodes, extra, netns_ok):
    d = lab.dir
    key = os.path.join(d, "id_ed25519")

    def node_line(n, host, port, jump=None):
        user, sudo = ACCESS[n["access"]]
        roles = "[" + ", ".join(n["roles"]) + "]"
        s = "  - {name: %s, host: %s, port: %d, roles: %s, user: %s, sudo: %s" % (
            n["name"], host, port, roles, user, sudo)
        return s + (", jump: %s}" % jump if jump else "}")

    head = ["# Written by tests/lab/lab.sh up; rewritten on every run.",
            "cluster: lab",
            "defaults: {user: root, port: 22, identityFile: %s, sudo: none}" % key]
    jump_lines, node_lines = [], [node_line(n, "127.0.0.1", n["port"]) for n in nodes]
    if st["withNetns"] and netns_ok:
        jump_lines = ["jumpHosts:",
                      "  - {name: bastion, host: 127.0.0.1, port: %d, user: root}" % extra["bastion"]]
        tgt = [n for n in st["nodes"] if n.get("netns") == "target"][0]
        node_lines.append(node_line(tgt, NET_TARGET, 22, jump="bastion"))
    inv = head + jump_lines + ["nodes:"] + node_lines
    with open(os.path.join(d, "inventory.yaml"), "w") as fh:
        fh.write("\n".join(inv) + "\n")
    faults = node_lines + [
        "  - {name: unreachable, host: 127.0.0.1, port: %d, roles: [worker], user: root, sudo: none}" %
        extra["unreachable"],
        "  - {name: blackhole, host: 127.0.0.1, port: %d, roles: [worker], user: root, sudo: none}" %
        extra["blackhole"]]
    with open(os.path.join(d, "inventory-faults.yaml"), "w") as fh:
        fh.write("\n".join(head + jump_lines + ["nodes:"] + faults) + "\n")
    env = ["KINSPECT_LAB_DIR=%s" % d, "KINSPECT_LAB_ID=%s" % lab.id,
           "LAB_INVENTORY=%s/inventory.yaml" % d, "LAB_KEY=%s" % key,
           "LAB_KNOWN_HOSTS=%s/known_hosts" % d,
           "LAB_NODES=\"%s\"" % " ".join(n["name"] for n in nodes)]
    for n in nodes:
        env.append("LAB_PORT_%s=%d" % (n["name"].upper().replace("-", "_"), n["port"]))
        env.append("LAB_USER_%s=%s" % (n["name"].upper().replace("-", "_"), ACCESS[n["access"]][0]))
    env += ["LAB_PORT_UNREACHABLE=%d" % extra["unreachable"], "LAB_PORT_BLACKHOLE=%d" % extra["blackhole"]]
    if st["withNetns"] and netns_ok:
        env += ["LAB_PORT_BASTION=%d" % extra["bastion"], "LAB_JUMP_TARGET=%s" % NET_TARGET]
    with open(os.path.join(d, "env"), "w") as fh:
        fh.write("\n".join(env) + "\n")


# --------------------------------------------------------------------------------------------
# keeper: parent (and reaper) of all lab processes
# --------------------------------------------------------------------------------------------

CLONE_NEWNET = 0x40000000


def setns_net(pid):
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open("/proc/%d/ns/net" % pid, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns")
    finally:
        os.close(fd)


def pump(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    for s in (a, b):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def forwarder(lsock, ns_pid, host, port):
    """Runs in its own thread: enters the bastion's network namespace, then relays every
    connection accepted on the host's loopback to host:port there."""
    setns_net(ns_pid)

    def relay(c):
        try:
            u = socket.create_connection((host, port), timeout=5)
            u.settimeout(None)
        except OSError:
            c.close()
            return
        threading.Thread(target=pump, args=(c, u), daemon=True).start()
        pump(u, c)
        c.close()
        u.close()

    while True:
        c, _ = lsock.accept()
        threading.Thread(target=relay, args=(c,), daemon=True).start()


def blackhole(lsock):
    held = []
    while True:
        c, _ = lsock.accept()
        held.append((time.time(), c))
        now = time.time()
        while held and now - held[0][0] > 600:
            held.pop(0)[1].close()


def listener(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(128)
    return s


def cmd_keeper(args):
    lab = Lab(args.dir)
    st = lab.load()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: orphans of the lab come back to us
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    st["procs"].append({"role": "keeper", "name": "keeper", "pid": os.getpid(),
                        "start": proc_start(os.getpid())})
    lab.save(st)
    children = []
    for n in st["nodes"]:
        nd = lab.node_dir(n["name"])
        cmd = ["unshare", "--mount", "--pid", "--uts", "--fork", "--mount-proc", "--propagation", "private"]
        if n.get("netns"):
            cmd.append("--net")
        cmd += ["/usr/bin/python3", os.path.join(lab.dir, "bin", "supervisor.py"), nd + "/node.json"]
        logf = open(nd + "/ctl/logs/supervisor.log", "a")
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=logf, stderr=logf, close_fds=True)
        children.append(p)
        st["procs"].append({"role": "unshare", "name": n["name"], "pid": p.pid, "start": proc_start(p.pid)})
    lab.save(st)
    # find each node's PID 1 (the unshare child) and its namespaces
    for entry in [e for e in st["procs"] if e["role"] == "unshare"]:
        child = None
        for _ in range(200):
            try:
                with open("/proc/%d/task/%d/children" % (entry["pid"], entry["pid"])) as fh:
                    kids = fh.read().split()
                if kids:
                    child = int(kids[0])
                    break
            except OSError:
                pass
            time.sleep(0.01)
        if child:
            rec = {"role": "init", "name": entry["name"], "pid": child, "start": proc_start(child)}
            for ns in ("pid", "mnt", "net"):
                try:
                    rec[ns + "ns"] = os.readlink("/proc/%d/ns/%s" % (child, ns))
                except OSError:
                    pass
            st["procs"].append(rec)
    lab.save(st)
    inits = {e["name"]: e["pid"] for e in st["procs"] if e["role"] == "init"}
    # fault endpoints
    threading.Thread(target=blackhole, args=(listener(st["extra"]["blackhole"]),), daemon=True).start()
    if st["withNetns"]:
        try:
            b, tg = inits["bastion"], inits["w-jump"]
            va, vb = "kl%sa" % lab.id[:6], "kl%sb" % lab.id[:6]

            def nsx(pid, *cmd):
                r = subprocess.run(["nsenter", "-t", str(pid), "-n"] + list(cmd),
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                if r.returncode != 0:
                    raise RuntimeError("%s: %s" % (" ".join(cmd), r.stdout.strip()))

            nsx(b, "ip", "link", "add", va, "type", "veth", "peer", "name", vb, "netns", str(tg))
            nsx(b, "ip", "addr", "add", NET_BASTION + "/30", "dev", va)
            nsx(tg, "ip", "addr", "add", NET_TARGET + "/30", "dev", vb)
            for pid, dev in ((b, va), (tg, vb)):
                nsx(pid, "ip", "link", "set", "lo", "up")
                nsx(pid, "ip", "link", "set", dev, "up")
            for name in ("bastion", "w-jump"):
                with open(lab.node_dir(name) + "/ctl/net-ready", "w") as fh:
                    fh.write("ok\n")
            ls = listener(st["extra"]["bastion"])
            threading.Thread(target=forwarder, args=(ls, b, NET_BASTION, 22), daemon=True).start()
            st["netns"] = "ok"
        except Exception as e:  # noqa: BLE001 - the lab works without the jump host
            st["netns"] = "failed"
            st["netnsError"] = str(e)
            for name in ("bastion", "w-jump"):
                if name in inits:
                    try:
                        os.kill(inits[name], signal.SIGKILL)
                    except OSError:
                        pass
    lab.save(st)
    with open(os.path.join(lab.dir, "state", "keeper.ready"), "w") as fh:
        fh.write("%d\n" % os.getpid())
    while not stop.is_set():
        try:
            while True:
                pid, _ = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
        except ChildProcessError:
            pass
        stop.wait(0.5)
    for e in st["procs"]:
        if e["role"] == "init" and alive(e["pid"], e["start"]):
            os.kill(e["pid"], signal.SIGKILL)
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            pid, _ = os.waitpid(-1, 0)
        except ChildProcessError:
            break
    os._exit(0)


# --------------------------------------------------------------------------------------------
# down
# --------------------------------------------------------------------------------------------

def marker_pids(lab):
    """Processes started for this lab: they carry KINSPECT_LAB_ID, or live in a node's PID
    namespace recorded in the state file."""
    st = lab.load() or {}
    nss = {e.get("pidns") for e in st.get("procs", []) if e.get("pidns")}
    needle = ("KINSPECT_LAB_ID=%s" % lab.id).encode()
    supervisor = (os.path.join(lab.dir, "bin", "supervisor.py")).encode()
    found = []
    for ent in os.listdir("/proc"):
        if not ent.isdigit():
            continue
        pid = int(ent)
        if pid == os.getpid():
            continue
        try:
            if nss and os.readlink("/proc/%d/ns/pid" % pid) in nss:
                found.append(pid)
                continue
            with open("/proc/%d/environ" % pid, "rb") as fh:
                if needle in fh.read():
                    found.append(pid)
                    continue
            with open("/proc/%d/cmdline" % pid, "rb") as fh:
                if supervisor in fh.read():
                    found.append(pid)
        except OSError:
            continue
    return [p for p in found if alive(p)]


def do_down(lab, quiet=False):
    st = lab.load()
    if st:
        keepers = [e for e in st.get("procs", []) if e["role"] == "keeper"]
        for e in keepers:
            if alive(e["pid"], e["start"]):
                os.kill(e["pid"], signal.SIGTERM)
        deadline = time.time() + 3
        while time.time() < deadline and any(alive(e["pid"], e["start"]) for e in keepers):
            time.sleep(0.05)
        for role in ("init", "unshare", "keeper"):
            for e in st.get("procs", []):
                if e["role"] == role and alive(e["pid"], e["start"]):
                    try:
                        os.kill(e["pid"], signal.SIGKILL)
                    except OSError:
                        pass
    deadline = time.time() + 5
    left = marker_pids(lab)
    while left and time.time() < deadline:
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.1)
        left = marker_pids(lab)
    mounts = leaked_mounts(lab)
    if st:
        st["lastProcs"] = st.get("procs", [])
        st["procs"] = []
        st["stoppedAt"] = time.time()
        lab.save(st)
        os.makedirs(os.path.dirname(lab.state_path), exist_ok=True)
        os.replace(lab.state_path, lab.state_path.replace("lab.json", "lab.stopped.json")) \
            if os.path.exists(lab.state_path) else None
    for f in ("keeper.ready",):
        try:
            os.unlink(os.path.join(lab.dir, "state", f))
        except OSError:
            pass
    if left or mounts:
        die("down incomplete: processes %s, mounts %s" % (left, mounts))
    if not quiet:
        say("Kinspect lab in %s is down (nothing left running)." % lab.dir)


def leaked_mounts(lab):
    r = subprocess.run(["findmnt", "-rn", "-o", "TARGET,SOURCE"], stdout=subprocess.PIPE, text=True)
    return [ln for ln in r.stdout.splitlines() if lab.dir in ln]


def cmd_down(args):
    lab = Lab(args.dir)
    if not lab.load() and not marker_pids(lab):
        # nothing recorded and nothing carrying this lab's marker (even if DIR was deleted)
        say("no lab running in %s" % lab.dir)
        return
    do_down(lab)


# --------------------------------------------------------------------------------------------
# status, fault, verify
# --------------------------------------------------------------------------------------------

def ask(lab, node, req, timeout=30):
    # connect by a relative name: DIR may be longer than a Unix socket path allows
    cwd = os.getcwd()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        os.chdir(lab.node_dir(node) + "/ctl")
        s.connect("supervisor.sock")
    finally:
        os.chdir(cwd)
    s.sendall((json.dumps(req) + "\n").encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return json.loads(data.decode())


def require_running(lab):
    st = lab.load()
    if not st:
        die("no running lab in %s (run: lab.sh up)" % lab.dir)
    return st


def cmd_status(args):
    lab = Lab(args.dir)
    st = require_running(lab)
    inits = {e["name"]: e for e in st["procs"] if e["role"] == "init"}
    say("lab %s (%s), up %ds" % (lab.dir, lab.id, time.time() - st["startedAt"]))
    bad = 0
    for n in st["nodes"]:
        if n.get("netns") and st.get("netns") != "ok":
            continue
        e = inits.get(n["name"])
        up = bool(e and alive(e["pid"], e["start"]))
        detail = "down"
        if up:
            try:
                s = ask(lab, n["name"], {"cmd": "state"}, 5)["state"]
                procs = s["processes"]
                run = sorted(k for k, v in procs.items() if v["running"])
                loop = sorted(k for k, v in procs.items() if v["crashLooping"])
                detail = "kubelet=%s running=[%s]%s" % (s["kubelet"]["activeState"], ",".join(run),
                                                        (" CRASHLOOP=[%s]" % ",".join(loop)) if loop else "")
            except OSError as ex:
                detail = "supervisor unreachable (%s)" % ex
        else:
            bad += 1
        port = n["port"] if not n.get("netns") else (st["extra"]["bastion"] if n["netns"] == "bastion" else 22)
        say("  %-10s %-6s port %-5d %s" % (n["name"], "up" if up else "DOWN", port, detail))
    sys.exit(1 if bad else 0)


SSHD_ALL = {"stop-sshd-all": "stopall", "cont-sshd-all": "contall", "kill-sshd-all": "killall",
            "drop-connections": "drop"}


def cmd_fault(args):
    lab = Lab(args.dir)
    st = require_running(lab)
    names = [n["name"] for n in st["nodes"]]
    if args.node not in names:
        die("unknown node %r (%s)" % (args.node, ", ".join(names)), 64)
    a, arg = args.action, args.arg
    nd = lab.node_dir(args.node)
    if a in ("stop-sshd", "cont-sshd", "kill-sshd", "start-sshd", "restart-sshd"):
        r = ask(lab, args.node, {"cmd": "sshd", "action": a.split("-")[0]})
    elif a in SSHD_ALL:
        r = ask(lab, args.node, {"cmd": "sshd", "action": SSHD_ALL[a]})
    elif a in ("slow-collect", "fast-collect", "allow-password"):
        init = [e for e in st["procs"] if e["role"] == "init" and e["name"] == args.node]
        if a == "slow-collect":
            secs = arg or "3"
            if not secs.replace(".", "", 1).isdigit():
                die("slow-collect needs a number of seconds", 64)
            # sha256sum runs once per collection, after the processes were read: a collector
            # that stays on the node that long, for faults that must hit a running collection.
            script = ("printf '#!/bin/sh\\n# lab fault slow-collect\\nsleep %s\\n"
                      "exec /usr/bin/sha256sum \"$@\"\\n' > /usr/local/bin/sha256sum && "
                      "chmod 755 /usr/local/bin/sha256sum" % secs)
        elif a == "fast-collect":
            script = "rm -f /usr/local/bin/sha256sum"
        else:
            script = ("sed -i 's/^PasswordAuthentication no/PasswordAuthentication yes/' "
                      "/etc/ssh/sshd_config")
        rc = subprocess.call(["nsenter", "-t", str(init[0]["pid"]), "-m", "-p", "-u", "--",
                              "sh", "-c", script])
        if rc != 0:
            die("%s failed on %s" % (a, args.node))
        r = {"ok": True}
        if a == "allow-password":
            r = ask(lab, args.node, {"cmd": "sshd", "action": "restart"})
    elif a in ("kill", "hold", "release"):
        if not arg:
            die("fault %s needs a component name" % a, 64)
        r = ask(lab, args.node, {"cmd": "component", "action": a, "name": arg})
    elif a == "rotate-hostkey":
        import labpki
        key = nd + "/root/etc/ssh/ssh_host_ed25519_key"
        if not os.path.exists(key + ".lab-orig"):
            shutil.copy2(key, key + ".lab-orig")
            shutil.copy2(key + ".pub", key + ".pub.lab-orig")
        priv, pub = labpki.ssh_ed25519()
        with open(key, "w") as fh:
            fh.write(priv)
        os.chmod(key, 0o600)
        with open(key + ".pub", "w") as fh:
            fh.write(pub + "\n")
        r = ask(lab, args.node, {"cmd": "sshd", "action": "restart"})
    elif a == "restore-hostkey":
        key = nd + "/root/etc/ssh/ssh_host_ed25519_key"
        # Rewrite in place: replacing the file under a mounted overlay would leave the node
        # looking at the old inode.
        for f in (key, key + ".pub"):
            if os.path.exists(f + ".lab-orig"):
                with open(f + ".lab-orig", "rb") as src, open(f, "r+b") as dst:
                    data = src.read()
                    dst.seek(0)
                    dst.write(data)
                    dst.truncate()
                os.unlink(f + ".lab-orig")
        r = ask(lab, args.node, {"cmd": "sshd", "action": "restart"})
    else:
        die("unknown fault %r" % a, 64)
    if not r.get("ok"):
        die(r.get("error", "failed"))
    say("%s: %s%s done" % (args.node, a, (" " + arg) if arg else ""))


VERIFY_SCRIPT = r"""
echo "== hostname"; hostname
echo "== ps"; ps -eo pid,args
echo "== manifests"; ls -l /etc/kubernetes/manifests 2>&1
echo "== cmdline"
for d in /proc/[0-9]*; do
  c=$(tr '\0\n' '\001\003' < "$d/cmdline" 2>/dev/null) || continue
  [ -n "$c" ] && printf '%s %s\n' "${d#/proc/}" "$c"
done
echo "== labdir"; ls -d "$LABDIR/secrets" "$LABDIR/nodes" 2>/dev/null || echo hidden
echo "== end"
"""


def ssh_base(lab, port, user="root", proxy=None):
    cmd = ["ssh", "-F", "none", "-i", os.path.join(lab.dir, "id_ed25519"),
           "-o", "UserKnownHostsFile=" + os.path.join(lab.dir, "known_hosts"),
           "-o", "GlobalKnownHostsFile=none", "-o", "StrictHostKeyChecking=yes",
           "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=5", "-p", str(port)]
    if proxy:
        cmd += ["-o", "ProxyCommand=" + " ".join(ssh_base(lab, proxy) + ["-W", "%h:%p", "root@127.0.0.1"])]
    return cmd


def sections(text):
    out, cur = {}, None
    for line in text.splitlines():
        if line.startswith("== "):
            cur = line[3:].strip()
            out[cur] = []
        elif cur:
            out[cur].append(line)
    return out


def verify_node(lab, st, n):
    import supervisor as sup
    errs = []
    if n.get("netns") == "target":
        cmd = ssh_base(lab, 22, proxy=st["extra"]["bastion"]) + ["root@" + NET_TARGET, VERIFY_SCRIPT]
    elif n.get("netns") == "bastion":
        cmd = ssh_base(lab, st["extra"]["bastion"]) + ["root@127.0.0.1", VERIFY_SCRIPT]
    else:
        cmd = ssh_base(lab, n["port"]) + ["root@127.0.0.1", VERIFY_SCRIPT]
    cmd[-1] = "LABDIR='%s'\n%s" % (lab.dir, cmd[-1])
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=30)
    if r.returncode != 0:
        return ["ssh failed (%d): %s" % (r.returncode, r.stderr.strip())]
    sec = sections(r.stdout)
    if "end" not in sec:
        return ["incomplete output"]
    if sec.get("labdir") != ["hidden"]:
        errs.append("the node can see the lab directory %s" % lab.dir)
    if sec["hostname"] != [n["name"]]:
        errs.append("hostname is %s" % sec["hostname"])
    cmdlines = {}
    for line in sec["cmdline"]:
        pid, _, c = line.partition(" ")
        if not pid.isdigit():
            continue
        cmdlines[int(pid)] = [a.replace("\x03", "\n") for a in c.rstrip("\x01").split("\x01")]
    one = cmdlines.get(1, [])
    if not (len(one) >= 3 and one[1].endswith("supervisor.py") and one[2].endswith("/%s/node.json" % n["name"])):
        errs.append("PID 1 is not this node's supervisor: %s" % one)
    root = lab.node_dir(n["name"]) + "/root"
    # files: the node's manifests directory is its own
    mdir = root + "/etc/kubernetes/manifests"
    want_files = sorted(os.listdir(mdir)) if os.path.isdir(mdir) else []
    got_files = sorted(ln.split()[-1] for ln in sec["manifests"] if ln and not ln.startswith("total")
                       and "No such file" not in ln)
    if [f for f in want_files if not f.startswith(".")] != [f for f in got_files if not f.startswith(".")]:
        errs.append("manifests differ: node sees %s, lab wrote %s" % (got_files, want_files))
    # processes: exactly the expected components, with the expected argv
    comps = [(pid, argv) for pid, argv in cmdlines.items()
             if argv and os.path.basename(argv[0]) in COMPONENT_NAMES]
    expected = []
    if n["profile"] != "bastion":
        pods, problems = sup.read_static_pods("/etc/kubernetes/manifests", root)
        for name, info in pods.items():
            expected.append((name, info["argv"]))
        kargv, err = sup.kubelet_argv(root)
        if err:
            errs.append("kubelet unit: " + err)
        expected.append(("kubelet", kargv))
        expected.append(("kube-proxy", ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf",
                                        "--hostname-override=" + n["name"]]))
    remaining = list(comps)
    for name, argv in expected:
        match = [c for c in remaining if c[1] == argv]
        if not match:
            errs.append("%s not running with the expected argv %s" % (name, " ".join(argv)))
        else:
            remaining.remove(match[0])
    for pid, argv in remaining:
        errs.append("unexpected component process %d: %s" % (pid, " ".join(argv)))
    ps_pids = []
    for line in sec["ps"][1:]:
        parts = line.split(None, 1)
        if parts and parts[0].isdigit():
            ps_pids.append(int(parts[0]))
    if max(ps_pids or [0]) > 10000:
        errs.append("ps shows host-sized PIDs (no PID namespace?)")
    # access: the node's login user and sudo
    user, sudo = ACCESS[n["access"]]
    if user != "root" and not n.get("netns"):
        secrets = dict(ln.split("=", 1) for ln in open(os.path.join(lab.dir, "secrets")).read().split())
        base = ssh_base(lab, n["port"]) + ["%s@127.0.0.1" % user]
        if sudo == "nopasswd":
            r = subprocess.run(base + ["sudo -n cat /etc/kubernetes/kubelet.conf /var/lib/kubelet/config.yaml"
                                       " >/dev/null && id -un"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, timeout=30)
            if r.returncode != 0 or r.stdout.strip() != user:
                errs.append("%s: passwordless sudo failed: %s" % (user, r.stderr.strip()))
        else:
            r = subprocess.run(base + ["sudo -n true"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, timeout=30)
            if r.returncode == 0:
                errs.append("%s: sudo worked without a password" % user)
            r = subprocess.run(base + ["sudo -S -p '' sh -c 'cat /etc/kubernetes/kubelet.conf >/dev/null && id -u'"],
                               input=secrets["KADMIN_SUDO_PASSWORD"] + "\n", stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, timeout=30)
            if r.returncode != 0 or r.stdout.strip() != "0":
                errs.append("%s: password sudo failed: %s" % (user, r.stderr.strip()))
    return errs


def cmd_verify(args):
    lab = Lab(args.dir)
    st = require_running(lab)
    failed = 0
    for n in st["nodes"]:
        if n.get("netns") and st.get("netns") != "ok":
            continue
        errs = verify_node(lab, st, n)
        say("%-10s %s" % (n["name"], "OK" if not errs else "FAIL"))
        for e in errs:
            say("    - " + e)
        failed += bool(errs)
    ex = st["extra"]
    try:
        socket.create_connection(("127.0.0.1", ex["unreachable"]), timeout=1).close()
        say("unreachable FAIL: something listens on %d" % ex["unreachable"])
        failed += 1
    except OSError:
        say("unreachable OK (connection refused)")
    try:
        with socket.create_connection(("127.0.0.1", ex["blackhole"]), timeout=1) as s:
            s.settimeout(1.0)
            try:
                data = s.recv(16)
                say("blackhole   FAIL: it answered %r" % data)
                failed += 1
            except socket.timeout:
                say("blackhole   OK (accepts, silent)")
    except OSError as e:
        say("blackhole   FAIL: %s" % e)
        failed += 1
    if st.get("netns") == "ok":
        # Only an SSH banner counts: some hosts route 198.18/15 to an egress proxy that
        # accepts any TCP connection and then stays silent.
        if banner(NET_TARGET, 22, 1.0):
            say("jump        FAIL: %s answers without the bastion" % NET_TARGET)
            failed += 1
        else:
            say("jump        OK (%s answers only via the bastion)" % NET_TARGET)
    sys.exit(1 if failed else 0)


def cmd_exec(args):
    """Runs a command inside a node (its mount, PID, UTS and, for netns nodes, network
    namespaces): the way to change a node's files from the host while the lab runs."""
    lab = Lab(args.dir)
    st = require_running(lab)
    init = [e for e in st["procs"] if e["role"] == "init" and e["name"] == args.node]
    if not init or not alive(init[0]["pid"], init[0]["start"]):
        die("node %r is not running" % args.node, 64)
    cmd = list(args.command)
    if cmd and cmd[0] == "--":
        cmd = cmd[1:]
    if not cmd:
        cmd = ["/bin/sh"]
    ns = ["-m", "-p", "-u"] + (["-n"] if init[0].get("netns") else [])
    os.execvp("nsenter", ["nsenter", "-t", str(init[0]["pid"])] + ns + ["--"] + cmd)


def cmd_ssh(args):
    """ssh into a node with the lab's key and known_hosts (through the bastion for w-jump)."""
    lab = Lab(args.dir)
    st = require_running(lab)
    node = [n for n in st["nodes"] if n["name"] == args.node]
    if not node:
        die("unknown node %r" % args.node, 64)
    n = node[0]
    user = args.user or "root"
    cmd = list(args.command)
    if cmd and cmd[0] == "--":
        cmd = cmd[1:]
    if n.get("netns") == "target":
        base = ssh_base(lab, 22, proxy=st["extra"]["bastion"]) + ["%s@%s" % (user, NET_TARGET)]
    elif n.get("netns") == "bastion":
        base = ssh_base(lab, st["extra"]["bastion"]) + ["%s@127.0.0.1" % user]
    else:
        base = ssh_base(lab, n["port"]) + ["%s@127.0.0.1" % user]
    i = base.index("BatchMode=yes")
    del base[i - 1:i + 1]  # interactive use: allow prompts
    os.execvp("ssh", base + cmd)


def lock_dir(lab):
    """Serializes up/down on one lab directory (e.g. several test fixtures at once)."""
    import fcntl
    path = os.path.join(os.path.dirname(lab.dir), ".%s.lock" % os.path.basename(lab.dir))
    fh = open(path, "w")
    fcntl.flock(fh, fcntl.LOCK_EX)
    return fh


def main():
    ap = argparse.ArgumentParser(prog="lab.sh", description="Kinspect simulated kubeadm cluster")
    sub = ap.add_subparsers(dest="cmd", required=True, metavar="{up,down,status,verify,fault,ssh,exec}")

    def add(name):
        p = sub.add_parser(name)
        p.add_argument("--dir", default=DEFAULT_DIR)
        return p

    p = add("up")
    p.add_argument("--nodes", default=DEFAULT_NODES)
    p.add_argument("--base-port", type=int, default=22001)
    p.add_argument("--with-netns", action="store_true")
    add("down")
    add("status")
    add("verify")
    p = add("fault")
    p.add_argument("node")
    p.add_argument("action", help="stop-sshd|cont-sshd|kill-sshd|start-sshd|restart-sshd|"
                                  "stop-sshd-all|cont-sshd-all|kill-sshd-all|drop-connections|"
                                  "slow-collect [SECONDS]|fast-collect|allow-password|kill COMP|"
                                  "hold COMP|release COMP|rotate-hostkey|restore-hostkey")
    p.add_argument("arg", nargs="?")
    p = add("ssh")
    p.add_argument("--user", default=None)
    p.add_argument("node")
    p.add_argument("command", nargs=argparse.REMAINDER)
    p = add("exec")
    p.add_argument("node")
    p.add_argument("command", nargs=argparse.REMAINDER)
    p = sub.add_parser("_keeper")
    p.add_argument("dir")
    args = ap.parse_args()
    if args.cmd != "_keeper":
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `lab.sh verify | head` ends quietly
    if os.geteuid() != 0:
        die("must run as root (it mounts, creates namespaces and starts sshd)", 1)
    if args.cmd in ("up", "down"):
        args._lock = lock_dir(Lab(args.dir))
    {"up": cmd_up, "down": cmd_down, "ssh": cmd_ssh, "status": cmd_status, "verify": cmd_verify, "fault": cmd_fault,
     "exec": cmd_exec, "_keeper": cmd_keeper}[args.cmd](args)


if __name__ == "__main__":
    main()
