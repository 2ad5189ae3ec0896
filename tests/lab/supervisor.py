#!/usr/bin/python3
"""PID 1 of one Kinspect lab node.

Started by lab.py as `unshare --mount --pid --uts --fork --mount-proc ... supervisor.py NODE.json`.
It first builds the node's view of the file system (overlays whose upper layers live in
DIR/nodes/<name>/root, a private /run and /tmp, the lab directory hidden), then plays three
roles:
  * init: starts the node's sshd and reaps every orphan;
  * systemd (for kubelet.service only): reads the unit and its drop-ins like systemd does,
    expands Environment=/EnvironmentFile= variables into ExecStart, and answers the
    `systemctl` / `journalctl` shims through a Unix socket;
  * kubelet: runs every static pod found in staticPodPath as a process whose argv is the
    container's command + args, restarts it when the pod spec changes, and restarts any
    component that exits, with a short back-off, so a broken flag shows as a crash loop.
Only the Python standard library and PyYAML are used. The unit/env helpers take a `root`
prefix so lab.py can reuse them from the host to compute the expected kubelet argv.
"""

import hashlib
import json
import os
import re
import selectors
import signal
import socket
import sys
import time

try:
    import yaml
except ImportError:  # lab.py checks for PyYAML before starting nodes
    yaml = None

RUN = "/run/kinspect-lab"
BIN = RUN + "/bin"
CTL = RUN + "/ctl"
SOCK = CTL + "/supervisor.sock"
UNIT_DIRS = [
    "/etc/systemd/system",
    "/run/systemd/system",
    "/usr/local/lib/systemd/system",
    "/usr/lib/systemd/system",
    "/lib/systemd/system",
]
BASE_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/root",
    "LANG": "C.UTF-8",
}
POLL_MANIFESTS = 0.5
# what an unprivileged user may ask (systemctl lets anyone read the state of a unit)
READ_ONLY = ("is-active", "is-failed", "is-enabled", "status", "show", "cat", "journal", "ping")
MAX_BACKOFF = 5.0


# --------------------------------------------------------------------------------------------
# systemd unit handling (pure functions, usable from the host with a root prefix)
# --------------------------------------------------------------------------------------------

def _p(root, path):
    return root + path if root else path


def find_unit(name="kubelet.service", root=""):
    """Returns (fragment_path or None, [drop-in paths in the order systemd applies them])."""
    fragment = None
    seen_dirs = set()
    dropins = {}  # file name -> path (first, i.e. highest priority, wins)
    for d in UNIT_DIRS:
        real = os.path.realpath(_p(root, d))
        if real in seen_dirs:
            continue
        seen_dirs.add(real)
        if fragment is None and os.path.isfile(_p(root, d + "/" + name)):
            fragment = d + "/" + name
        ddir = _p(root, d + "/" + name + ".d")
        if os.path.isdir(ddir):
            for f in os.listdir(ddir):
                if f.endswith(".conf") and f not in dropins:
                    dropins[f] = d + "/" + name + ".d/" + f
    return fragment, [dropins[k] for k in sorted(dropins)]


def read_unit_lines(text):
    """Yields (section, key, value) from a unit file, honouring comments and continuations."""
    section = None
    pending = ""
    for raw in text.splitlines():
        line = raw.rstrip()
        if pending:
            line = pending + " " + line.lstrip()
            pending = ""
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if stripped.endswith("\\"):
            pending = stripped[:-1]
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
            continue
        if "=" in stripped:
            k, v = stripped.split("=", 1)
            yield section, k.strip(), v.strip()


def split_words(text):
    """systemd-style word splitting: returns [(word, raw, quoted)]."""
    words = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        start = i
        buf = []
        quoted = False
        while i < n and not text[i].isspace():
            c = text[i]
            if c in "\"'":
                quoted = True
                q = c
                i += 1
                while i < n and text[i] != q:
                    if text[i] == "\\" and q == '"' and i + 1 < n:
                        i += 1
                    buf.append(text[i])
                    i += 1
                i += 1
            elif c == "\\" and i + 1 < n:
                buf.append(text[i + 1])
                i += 2
            else:
                buf.append(c)
                i += 1
        words.append(("".join(buf), text[start:i], quoted))
    return words


def parse_env_assignments(value):
    out = []
    for word, _raw, _q in split_words(value):
        if "=" in word:
            k, v = word.split("=", 1)
            out.append((k, v))
    return out


def parse_env_file(text):
    env = {}
    pending = ""
    for raw in text.splitlines():
        line = pending + raw
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1]
            continue
        s = line.strip()
        if not s or s[0] in "#;":
            continue
        if s.startswith("export "):
            s = s[7:].lstrip()
        if "=" not in s:
            continue
        k, v = s.split("=", 1)
        k, v = k.strip(), v.strip()
        if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
            q = v[0]
            v = v[1:-1]
            if q == '"':
                v = re.sub(r"\\(.)", r"\1", v)
        env[k] = v
    return env


def load_unit(name="kubelet.service", root=""):
    """Parses the unit as systemd would at daemon-reload. Returns a dict."""
    fragment, dropins = find_unit(name, root)
    unit = {
        "name": name,
        "fragment": fragment,
        "dropins": dropins,
        "environment": [],
        "environmentFiles": [],
        "execStart": None,
        "description": "",
        "digest": unit_digest(name, root),
    }
    if fragment is None:
        return unit
    for path in [fragment] + dropins:
        try:
            with open(_p(root, path), encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except OSError:
            continue
        for section, key, value in read_unit_lines(text):
            if section == "Unit" and key == "Description":
                unit["description"] = value
            if section != "Service":
                continue
            if key == "Environment":
                if value == "":
                    unit["environment"] = []
                else:
                    unit["environment"].extend(parse_env_assignments(value))
            elif key == "EnvironmentFile":
                if value == "":
                    unit["environmentFiles"] = []
                else:
                    unit["environmentFiles"].extend(w for w, _r, _q in split_words(value))
            elif key == "ExecStart":
                unit["execStart"] = value if value else None
    return unit


def unit_digest(name="kubelet.service", root=""):
    fragment, dropins = find_unit(name, root)
    h = hashlib.sha256()
    for path in ([fragment] if fragment else []) + dropins:
        h.update(path.encode())
        try:
            with open(_p(root, path), "rb") as fh:
                h.update(fh.read())
        except OSError:
            pass
    return h.hexdigest()


_VAR_WORD = re.compile(r"^\$([A-Za-z_][A-Za-z0-9_]*)$")
_VAR_BRACED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def unit_environment(unit, root=""):
    """Environment= entries, then EnvironmentFile= files (which override). Returns (env, error)."""
    env = {}
    for k, v in unit["environment"]:
        env[k] = v
    for spec in unit["environmentFiles"]:
        optional = spec.startswith("-")
        path = spec[1:] if optional else spec
        try:
            with open(_p(root, path), encoding="utf-8", errors="replace") as fh:
                env.update(parse_env_file(fh.read()))
        except OSError as e:
            if not optional:
                return env, "Failed to load environment files: %s: %s" % (path, e.strerror)
    return env, None


def exec_argv(unit, env):
    """Expands ExecStart like systemd: `$VAR` as a word splits, `${VAR}` substitutes in place."""
    line = unit["execStart"] or ""
    while line[:1] in ("-", "@", ":", "+", "!"):
        line = line[1:]
    argv = []
    for word, raw, quoted in split_words(line):
        m = _VAR_WORD.match(raw)
        if m and not quoted:
            argv.extend(env.get(m.group(1), "").split())
            continue
        argv.append(_VAR_BRACED.sub(lambda mm: env.get(mm.group(1), ""), word))
    return argv


def kubelet_argv(root=""):
    unit = load_unit("kubelet.service", root)
    env, err = unit_environment(unit, root)
    return exec_argv(unit, env), err


def flag_value(argv, name):
    """Last value of --name in argv (both --name=v and --name v forms)."""
    val = None
    i = 1
    while i < len(argv):
        a = argv[i]
        if a == "--" + name and i + 1 < len(argv) and not argv[i + 1].startswith("-"):
            val = argv[i + 1]
            i += 2
            continue
        if a.startswith("--" + name + "="):
            val = a.split("=", 1)[1]
        i += 1
    return val


# --------------------------------------------------------------------------------------------
# static pods
# --------------------------------------------------------------------------------------------

class ParseError:
    def __init__(self, msg):
        self.msg = msg


_LOADER = getattr(yaml, "CSafeLoader", None) or getattr(yaml, "SafeLoader", None)


def read_static_pods(path, root="", cache=None):
    """Reads a static-pod directory the way the kubelet's file source does: every regular file
    whose name does not start with '.', sorted by name; a later file with the same pod name
    replaces an earlier one. Returns (pods{name: info}, problems[str]). `cache` (a dict kept by
    the caller) skips re-parsing files whose inode, size and mtime did not change."""
    pods, problems = {}, []
    d = _p(root, path)
    if not os.path.isdir(d):
        return pods, problems
    for fname in sorted(os.listdir(d)):
        if fname.startswith("."):
            continue
        full = os.path.join(d, fname)
        try:
            st = os.stat(full)
        except OSError:
            continue
        if not os.path.isfile(full):
            continue
        key = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        if cache is not None and full in cache and cache[full][0] == key:
            doc = cache[full][1]
        else:
            try:
                with open(full, "rb") as fh:
                    data = fh.read()
                doc = yaml.load(data, Loader=_LOADER)
            except Exception as e:  # noqa: BLE001 - any parse error skips the file, like the kubelet
                doc = ParseError(str(e).splitlines()[0] if str(e) else type(e).__name__)
            if cache is not None:
                cache[full] = (key, doc)
        if isinstance(doc, ParseError):
            problems.append("%s/%s: cannot parse: %s" % (path, fname, doc.msg))
            continue
        if not isinstance(doc, dict) or doc.get("kind") != "Pod":
            problems.append("%s/%s: not a Pod" % (path, fname))
            continue
        meta = doc.get("metadata") or {}
        spec = doc.get("spec") or {}
        containers = spec.get("containers") or []
        name = meta.get("name")
        if not name or not containers or not isinstance(containers, list):
            problems.append("%s/%s: pod without name or containers" % (path, fname))
            continue
        c = containers[0] or {}
        command = [str(x) for x in (c.get("command") or [])]
        args = [str(x) for x in (c.get("args") or [])]
        if not command:
            image = str(c.get("image") or name)
            command = [image.rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0]]
        env = {}
        for e in c.get("env") or []:
            if isinstance(e, dict) and "name" in e:
                env[str(e["name"])] = str(e.get("value", ""))
        specHash = hashlib.sha256(json.dumps([meta.get("name"), meta.get("namespace"), containers],
                                             sort_keys=True, default=str).encode()).hexdigest()
        if name in pods:
            problems.append("%s/%s: pod %s also defined in %s; this file wins" %
                            (path, fname, name, pods[name]["file"]))
        pods[name] = {"file": path + "/" + fname, "argv": command + args, "env": env, "hash": specHash}
    return pods, problems


# --------------------------------------------------------------------------------------------
# the node
# --------------------------------------------------------------------------------------------

def log(msg):
    sys.stderr.write("%s supervisor: %s\n" % (time.strftime("%H:%M:%S"), msg))
    sys.stderr.flush()


def run(cmd):
    import subprocess
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(cmd), r.stdout.strip()))


class Proc:
    def __init__(self, name, kind, argv, env=None, source=None, spec_hash=None, exe=None):
        self.name = name
        self.kind = kind
        self.argv = argv
        self.env = env or {}
        self.exe = exe
        self.source = source
        self.spec_hash = spec_hash
        self.pid = 0
        self.started = 0.0
        self.restarts = 0
        self.backoff = 0.0
        self.next_start = 0.0
        self.last_exit = None
        self.held = False
        self.fail_reason = None

    def as_dict(self):
        return {
            "name": self.name, "kind": self.kind, "argv": self.argv, "pid": self.pid,
            "running": self.pid > 0, "restarts": self.restarts, "lastExit": self.last_exit,
            "source": self.source, "held": self.held, "since": self.started,
            # exited with an error and either waits for its restart or was restarted recently
            "crashLooping": (not self.held and self.restarts > 0 and self.last_exit not in (0, None)
                             and (self.pid == 0 or time.time() - self.started < 10)),
            "failReason": self.fail_reason,
        }


class Node:
    def __init__(self, cfg):
        self.cfg = cfg
        self.name = cfg["name"]
        self.procs = {}  # name -> Proc (sshd, kubelet, pods, daemons)
        self.unit = None
        self.kubelet_active = False  # desired state of kubelet.service
        self.kubelet_failed = None
        self.pod_path = None
        self.pod_problems = []
        self.last_scan = 0.0
        self.manifest_cache = {}
        self.sel = selectors.DefaultSelector()
        self.stopping = False
        self.dirty = True

    # ---- boot -------------------------------------------------------------------------------
    def setup_mounts(self):
        c = self.cfg
        nd = c["nodeDir"]
        run(["mount", "-t", "tmpfs", "-o", "mode=755,size=64m", "tmpfs", "/run"])
        for d in ("/run/sshd", RUN, BIN, CTL, "/run/lock", "/run/systemd/system"):
            os.makedirs(d, exist_ok=True)
        os.chmod("/run/sshd", 0o755)
        run(["mount", "--bind", c["labDir"] + "/bin", BIN])
        run(["mount", "-o", "remount,bind,ro", BIN])
        run(["mount", "--bind", nd + "/ctl", CTL])
        for top in c["overlays"]:
            upper = "%s/root%s" % (nd, top)
            work = "%s/work%s" % (nd, top)
            run(["mount", "-t", "overlay", "overlay", "-o",
                 "lowerdir=%s,upperdir=%s,workdir=%s" % (top, upper, work), top])
        for top in c.get("binds", []):
            run(["mount", "--bind", "%s/root%s" % (nd, top), top])
        run(["mount", "-t", "tmpfs", "-o", "mode=1777,size=64m", "tmpfs", "/tmp"])
        lab = c["labDir"]
        if not (lab == "/tmp" or lab.startswith("/tmp/")):
            run(["mount", "-t", "tmpfs", "-o", "mode=755,size=1m", "tmpfs", lab])
        try:
            socket.sethostname(self.name)
        except OSError as e:
            log("sethostname: %s" % e)

    def wait_net(self):
        if not self.cfg.get("waitNet"):
            return
        deadline = time.time() + 30
        while time.time() < deadline and not os.path.exists(CTL + "/net-ready"):
            time.sleep(0.05)

    # ---- process control --------------------------------------------------------------------
    def spawn(self, p):
        logf = "%s/logs/%s.log" % (CTL, p.name)
        exe = p.exe or p.argv[0]
        env = dict(BASE_ENV)
        env.update(p.env)
        env["KINSPECT_LAB_NODE"] = self.name
        if p.fail_reason:
            env["LAB_FAIL_REASON"] = p.fail_reason
        try:
            with open(logf, "a") as fh:
                fh.write("%s starting: %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), " ".join(p.argv)))
            pid = os.posix_spawn(exe, p.argv, env, file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, logf, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o640),
                (os.POSIX_SPAWN_DUP2, 1, 2),
            ], setsid=True)
        except OSError as e:
            log("cannot start %s (%s): %s" % (p.name, exe, e))
            p.pid = 0
            p.last_exit = 127
            p.restarts += 1
            self.schedule_restart(p)
            return
        p.pid = pid
        p.started = time.time()
        self.dirty = True

    def schedule_restart(self, p):
        p.backoff = min(MAX_BACKOFF, p.backoff * 2 if p.backoff else 0.5)
        p.next_start = time.time() + p.backoff
        self.dirty = True

    def kill(self, p, wait=1.0):
        if p.pid <= 0:
            return
        pid = p.pid
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.time() + wait
        while time.time() < deadline:
            try:
                r, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                r = pid
            if r == pid:
                break
            time.sleep(0.01)
        else:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        p.pid = 0
        self.dirty = True

    def reap(self):
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            code = os.waitstatus_to_exitcode(status)
            for p in self.procs.values():
                if p.pid == pid:
                    p.pid = 0
                    p.last_exit = code
                    self.dirty = True
                    if p.held or self.stopping:
                        break
                    if time.time() - p.started > 10:
                        p.backoff = 0.0
                    p.restarts += 1
                    self.schedule_restart(p)
                    log("%s exited with %s; restart in %.1fs" % (p.name, code, p.backoff))
                    break

    # ---- sshd -------------------------------------------------------------------------------
    def start_sshd(self):
        p = self.procs.get("sshd")
        if p is None:
            p = Proc("sshd", "sshd", ["/usr/sbin/sshd", "-D", "-e", "-f", "/etc/ssh/sshd_config"])
            self.procs["sshd"] = p
        p.held = False
        if p.pid == 0:
            self.spawn(p)

    # ---- kubelet ----------------------------------------------------------------------------
    def daemon_reload(self):
        self.unit = load_unit("kubelet.service")
        self.dirty = True

    def kubelet_proc_for_start(self):
        u = self.unit
        if u is None or u["fragment"] is None:
            return None, "Unit kubelet.service not found."
        if not u["execStart"]:
            return None, "kubelet.service has no ExecStart= setting. Refusing."
        env, err = unit_environment(u)
        if err:
            return None, err
        argv = exec_argv(u, env)
        if not argv:
            return None, "kubelet.service: empty ExecStart"
        p = Proc("kubelet", "kubelet", argv, env=env, source=u["fragment"])
        p.fail_reason = self.check_kubelet_config(argv)
        return p, None

    def check_kubelet_config(self, argv):
        """Things the real kubelet refuses at start that a file check alone would miss."""
        cfg_path = flag_value(argv, "config")
        self.pod_path = flag_value(argv, "pod-manifest-path")
        if not cfg_path:
            return None
        if not os.path.exists(cfg_path):
            return None  # the component reports the missing file itself
        try:
            with open(cfg_path, "rb") as fh:
                doc = yaml.safe_load(fh.read())
        except Exception as e:  # noqa: BLE001
            return "failed to load kubelet config file %s: %s" % (cfg_path, str(e).splitlines()[0])
        if not isinstance(doc, dict) or doc.get("kind") != "KubeletConfiguration":
            return "failed to load kubelet config file %s: kind is not KubeletConfiguration" % cfg_path
        if self.pod_path is None:
            self.pod_path = doc.get("staticPodPath")
        auth = doc.get("authentication") or {}
        x509 = (auth.get("x509") or {}) if isinstance(auth, dict) else {}
        for key, val in (("tlsCertFile", doc.get("tlsCertFile")),
                         ("tlsPrivateKeyFile", doc.get("tlsPrivateKeyFile")),
                         ("authentication.x509.clientCAFile", x509.get("clientCAFile"))):
            if val and not os.path.exists(str(val)):
                return "%s: open %s: no such file or directory" % (key, val)
        for key in ("rotateCertificates", "protectKernelDefaults", "makeIPTablesUtilChains",
                    "serverTLSBootstrap"):
            if key in doc and not isinstance(doc[key], bool):
                return "failed to decode kubelet config: %s must be a boolean" % key
        if "readOnlyPort" in doc and not isinstance(doc["readOnlyPort"], int):
            return "failed to decode kubelet config: readOnlyPort must be an integer"
        return None

    def start_kubelet(self):
        old = self.procs.get("kubelet")
        if old is not None:
            old.held = True
            self.kill(old)
        p, err = self.kubelet_proc_for_start()
        self.kubelet_active = True
        if err:
            self.kubelet_failed = err
            self.procs.pop("kubelet", None)
            self.kubelet_active = False
            log(err)
            self.dirty = True
            return err
        self.kubelet_failed = None
        if old is not None:
            p.restarts = 0
        self.procs["kubelet"] = p
        self.spawn(p)
        return None

    def stop_kubelet(self):
        self.kubelet_active = False
        p = self.procs.get("kubelet")
        if p is not None:
            p.held = True
            self.kill(p)
            self.procs.pop("kubelet", None)
        self.dirty = True

    def kubelet_running(self):
        p = self.procs.get("kubelet")
        return p is not None and p.pid > 0 and self.kubelet_active

    def kubelet_state(self):
        if self.kubelet_active:
            p = self.procs.get("kubelet")
            if p is not None and p.pid > 0:
                return "active", "running"
            return "activating", "auto-restart"
        if self.kubelet_failed:
            return "failed", "failed"
        return "inactive", "dead"

    # ---- pods and daemons -------------------------------------------------------------------
    def resolve_exe(self, argv0):
        if argv0.startswith("/") and os.access(argv0, os.X_OK):
            return argv0
        bindir = BIN + ("/" + self.cfg["binSub"] if self.cfg.get("binSub") else "")
        cand = bindir + "/" + os.path.basename(argv0)
        if os.access(cand, os.X_OK):
            return cand
        return bindir + "/labcomp"

    def sync_pods(self):
        if not self.cfg.get("kubelet", True):
            self.start_daemons()  # k3s: the node's only component process is a daemon
            return
        if not self.kubelet_running():
            return
        pods, problems = ({}, []) if not self.pod_path else \
            read_static_pods(self.pod_path, cache=self.manifest_cache)
        if problems != self.pod_problems:
            for pr in problems:
                if pr not in self.pod_problems:
                    log(pr)
            self.pod_problems = problems
            self.dirty = True
        current = {n: p for n, p in self.procs.items() if p.kind == "pod"}
        for name, p in current.items():
            if name not in pods:
                log("static pod %s removed" % name)
                p.held = True
                self.kill(p)
                del self.procs[name]
        for name, info in pods.items():
            p = current.get(name)
            if p is not None and p.spec_hash == info["hash"]:
                continue
            if p is not None:
                log("static pod %s changed (%s); restarting" % (name, info["file"]))
                p.held = True
                self.kill(p)
            else:
                log("static pod %s added (%s)" % (name, info["file"]))
            np_ = Proc(name, "pod", info["argv"], env=info["env"], source=info["file"],
                       spec_hash=info["hash"], exe=self.resolve_exe(info["argv"][0]))
            self.procs[name] = np_
            self.spawn(np_)
        self.start_daemons()

    def start_daemons(self):
        for d in self.cfg.get("daemons", []):
            if d["name"] not in self.procs:
                p = Proc(d["name"], "daemon", d["argv"], exe=self.resolve_exe(d["argv"][0]))
                self.procs[d["name"]] = p
                self.spawn(p)

    def restarts_due(self):
        now = time.time()
        for p in list(self.procs.values()):
            if p.pid == 0 and not p.held and p.next_start and now >= p.next_start:
                if p.kind in ("pod", "daemon") and not self.kubelet_running() and \
                        self.cfg.get("kubelet", True):
                    continue
                if p.kind == "kubelet" and not self.kubelet_active:
                    continue
                p.next_start = 0.0
                if p.kind == "kubelet":
                    fresh, err = self.kubelet_proc_for_start()
                    if fresh is not None:
                        p.argv, p.env, p.fail_reason = fresh.argv, fresh.env, fresh.fail_reason
                self.spawn(p)

    # ---- state ------------------------------------------------------------------------------
    def write_state(self):
        if not self.dirty:
            return
        self.dirty = False
        active, sub = self.kubelet_state()
        st = {
            "name": self.name,
            "time": time.time(),
            "kubelet": {"activeState": active, "subState": sub, "failed": self.kubelet_failed,
                        "unitLoaded": self.unit, "needDaemonReload": self.need_reload(),
                        "staticPodPath": self.pod_path},
            "manifestProblems": self.pod_problems,
            "processes": {n: p.as_dict() for n, p in self.procs.items()},
        }
        tmp = CTL + "/.state.json.tmp"
        with open(tmp, "w") as fh:
            json.dump(st, fh, indent=1, default=str)
        os.replace(tmp, CTL + "/state.json")

    def need_reload(self):
        return self.unit is not None and self.unit["digest"] != unit_digest("kubelet.service")

    # ---- control socket ---------------------------------------------------------------------
    def handle(self, req):
        cmd = req.get("cmd", "")
        unit = (req.get("unit") or "kubelet").replace(".service", "")
        if cmd == "ping":
            return {"ok": True}
        if cmd == "state":
            self.dirty = True
            self.write_state()
            with open(CTL + "/state.json") as fh:
                return {"ok": True, "state": json.load(fh)}
        if cmd == "daemon-reload":
            self.daemon_reload()
            return {"ok": True}
        if unit == "containerd" and cmd in ("is-active", "status", "is-enabled", "restart", "start",
                                            "stop", "show", "cat"):
            return {"ok": True, "text": "active" if cmd == "is-active" else
                    ("enabled" if cmd == "is-enabled" else "")}
        if cmd in ("restart", "start", "stop", "is-active", "status", "is-enabled", "show", "cat",
                   "try-restart", "reload-or-restart", "is-failed"):
            if unit != "kubelet":
                return {"ok": False, "code": 4 if cmd in ("status", "show", "cat") else 3,
                        "text": "inactive" if cmd.startswith("is-") else "",
                        "error": "Unit %s.service could not be found." % unit}
            return self.handle_kubelet(cmd, req)
        if cmd == "sshd":
            return self.handle_sshd(req.get("action", ""))
        if cmd == "component":
            return self.handle_component(req.get("action", ""), req.get("name", ""))
        if cmd == "journal":
            p = "%s/logs/%s.log" % (CTL, unit)
            try:
                with open(p, encoding="utf-8", errors="replace") as fh:
                    lines = fh.read().splitlines()
            except OSError:
                lines = []
            n = int(req.get("lines") or 0)
            return {"ok": True, "text": "\n".join(lines[-n:] if n else lines)}
        return {"ok": False, "code": 1, "error": "unknown command %r" % cmd}

    def handle_kubelet(self, cmd, req):
        warn = ""
        if cmd in ("restart", "start", "try-restart", "reload-or-restart") and self.need_reload():
            warn = ("Warning: The unit file, source configuration file or drop-ins of kubelet.service "
                    "changed on disk. Run 'systemctl daemon-reload' to reload units.")
        if cmd in ("restart", "reload-or-restart") or (cmd == "try-restart" and self.kubelet_active):
            err = self.start_kubelet()
            if err:
                return {"ok": False, "code": 1, "error": "Job for kubelet.service failed. " + err,
                        "warning": warn}
            return {"ok": True, "warning": warn}
        if cmd == "try-restart":
            return {"ok": True}
        if cmd == "start":
            if self.kubelet_running():
                return {"ok": True}
            err = self.start_kubelet()
            return {"ok": err is None, "code": 1 if err else 0, "error": err or "", "warning": warn}
        if cmd == "stop":
            self.stop_kubelet()
            return {"ok": True}
        active, sub = self.kubelet_state()
        if cmd == "is-active":
            return {"ok": active == "active", "code": 0 if active == "active" else 3, "text": active}
        if cmd == "is-failed":
            return {"ok": active == "failed", "code": 0 if active == "failed" else 1, "text": active}
        if cmd == "is-enabled":
            return {"ok": True, "text": "enabled"}
        if cmd == "cat":
            frag, drops = find_unit("kubelet.service")
            parts = []
            for path in ([frag] if frag else []) + drops:
                try:
                    with open(path, encoding="utf-8", errors="replace") as fh:
                        parts.append("# %s\n%s" % (path, fh.read().rstrip("\n")))
                except OSError:
                    pass
            return {"ok": bool(parts), "code": 0 if parts else 1, "text": "\n\n".join(parts)}
        p = self.procs.get("kubelet")
        u = self.unit or {}
        if cmd == "show":
            props = {
                "Id": "kubelet.service",
                "Description": u.get("description", ""),
                "LoadState": "loaded" if u.get("fragment") else "not-found",
                "ActiveState": active,
                "SubState": sub,
                "UnitFileState": "enabled",
                "FragmentPath": u.get("fragment") or "",
                "DropInPaths": " ".join(u.get("dropins") or []),
                "NeedDaemonReload": "yes" if self.need_reload() else "no",
                "MainPID": str(p.pid if p and p.pid > 0 else 0),
                "Environment": " ".join("%s=%s" % kv for kv in u.get("environment") or []),
                "EnvironmentFiles": " ".join(
                    "%s (ignore_errors=%s)" % (f.lstrip("-"), "yes" if f.startswith("-") else "no")
                    for f in u.get("environmentFiles") or []),
                "ExecStart": "{ path=%s ; argv[]=%s ; }" % (
                    (u.get("execStart") or "").split(" ")[0], u.get("execStart") or ""),
                "NRestarts": str(p.restarts if p else 0),
            }
            want = req.get("properties") or list(props)
            lines = []
            for k in want:
                if k in props:
                    lines.append(props[k] if req.get("value") else "%s=%s" % (k, props[k]))
            return {"ok": True, "text": "\n".join(lines)}
        # status
        lines = ["%s kubelet.service - %s" % ("\u25cf" if active == "active" else "\u25cb",
                                              u.get("description") or "kubelet")]
        lines.append("     Loaded: loaded (%s; enabled; preset: enabled)" % (u.get("fragment") or "?"))
        dirs = {}
        for d in u.get("dropins") or []:
            dirs.setdefault(os.path.dirname(d), []).append(os.path.basename(d))
        first = True
        for d, files in dirs.items():
            lines.append("%s%s" % ("    Drop-In: " if first else "             ", d))
            first = False
            lines.append("             \u2514\u2500" + ", ".join(files))
        since = time.strftime("%a %Y-%m-%d %H:%M:%S UTC", time.gmtime(p.started)) if p else ""
        lines.append("     Active: %s (%s)%s" % (active, sub, (" since " + since) if p and p.pid else ""))
        if self.kubelet_failed:
            lines.append("      Error: " + self.kubelet_failed)
        if p and p.pid:
            lines.append("   Main PID: %d (kubelet)" % p.pid)
            lines.append("     CGroup: /system.slice/kubelet.service")
            lines.append("             \u2514\u2500%d %s" % (p.pid, " ".join(p.argv)))
        if self.need_reload():
            lines.append("Warning: The unit file, source configuration file or drop-ins of kubelet.service "
                         "changed on disk. Run 'systemctl daemon-reload' to reload units.")
        return {"ok": active == "active", "code": 0 if active == "active" else 3, "text": "\n".join(lines)}

    def handle_sshd(self, action):
        p = self.procs.get("sshd")
        if action == "start":
            self.start_sshd()
        elif p is None:
            return {"ok": False, "error": "sshd not known"}
        elif action in ("stop", "cont") and p.pid <= 0:
            return {"ok": False, "error": "sshd is not running"}
        elif action == "stop":  # freeze: connections queue and never get a banner
            os.kill(p.pid, signal.SIGSTOP)
        elif action == "cont":
            os.kill(p.pid, signal.SIGCONT)
        elif action == "kill":  # gone until `start`: connections are refused
            p.held = True
            if p.pid > 0:
                os.kill(p.pid, signal.SIGCONT)
            self.kill(p)
        elif action == "restart":
            p.held = True
            self.kill(p)
            self.start_sshd()
        elif action in ("stopall", "contall", "drop", "killall"):
            # Also the per-connection sshd processes (and what they run), not only the listener:
            # faults that hit a session that is already open.
            listener = p.pid
            sessions = [pid for pid in self.sshd_pids() if pid != listener]
            if action == "killall":
                p.held = True
                if p.pid > 0:
                    os.kill(p.pid, signal.SIGCONT)
                self.kill(p)
            for pid in sessions:
                try:
                    os.kill(pid, {"stopall": signal.SIGSTOP, "contall": signal.SIGCONT}.get(
                        action, signal.SIGKILL))
                except ProcessLookupError:
                    pass
            if action in ("stopall", "contall") and listener > 0:
                os.kill(listener, signal.SIGSTOP if action == "stopall" else signal.SIGCONT)
        else:
            return {"ok": False, "error": "unknown sshd action %r" % action}
        return {"ok": True}

    @staticmethod
    def sshd_pids():
        """Every sshd process of this node (its PID namespace: /proc is the node's own)."""
        out = []
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open("/proc/%s/comm" % d) as fh:
                    comm = fh.read().strip()
            except OSError:
                continue
            if comm in ("sshd", "sshd-session"):
                out.append(int(d))
        return out

    def handle_component(self, action, name):
        p = self.procs.get(name)
        if p is None:
            return {"ok": False, "error": "no component %r" % name}
        if action == "kill":  # crash it; the supervisor restarts it
            if p.pid > 0:
                os.kill(p.pid, signal.SIGKILL)
        elif action == "hold":
            p.held = True
            self.kill(p)
        elif action == "release":
            p.held = False
            p.backoff = 0.0
            if p.pid == 0:
                self.spawn(p)
        else:
            return {"ok": False, "error": "unknown component action %r" % action}
        return {"ok": True}

    def serve_one(self, lsock):
        try:
            conn, _ = lsock.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(2.0)
            data = b""
            try:
                while not data.endswith(b"\n"):
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                req = json.loads(data.decode() or "{}")
                cred = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
                uid = int.from_bytes(cred[4:8], sys.byteorder)
                if uid != 0 and req.get("cmd") not in READ_ONLY:
                    verb = req.get("cmd", "")
                    resp = {"ok": False, "code": 1 if verb != "daemon-reload" else 1,
                            "error": ("Failed to %s %s.service: Interactive authentication required." %
                                      (verb, (req.get("unit") or "kubelet").replace(".service", "")))
                            if verb != "daemon-reload" else
                            "Failed to reload daemon: Interactive authentication required."}
                else:
                    resp = self.handle(req)
            except Exception as e:  # noqa: BLE001 - report, keep serving
                resp = {"ok": False, "code": 1, "error": "supervisor error: %s" % e}
            self.write_state()
            try:
                conn.sendall((json.dumps(resp, default=str) + "\n").encode())
            except OSError:
                pass

    # ---- main -------------------------------------------------------------------------------
    def main(self):
        os.makedirs(CTL + "/logs", exist_ok=True)
        signal.signal(signal.SIGTERM, lambda *_: setattr(self, "stopping", True))
        signal.signal(signal.SIGINT, lambda *_: setattr(self, "stopping", True))
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        try:
            os.unlink(SOCK)
        except FileNotFoundError:
            pass
        lsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        lsock.bind(SOCK)
        os.chmod(SOCK, 0o666)  # like systemd: anyone may ask, only root may change (SO_PEERCRED)
        lsock.listen(16)
        self.sel.register(lsock, selectors.EVENT_READ)
        self.wait_net()
        self.start_sshd()
        self.daemon_reload()
        if self.cfg.get("kubelet", True):
            self.start_kubelet()
        # The node is ready once its static pods (or k3s daemon) run, as after a real boot: a scan
        # right after `lab up` must find them (`lab up` waits for this file on every node).
        self.last_scan = time.time()
        self.sync_pods()
        self.write_state()
        with open(CTL + "/ready", "w") as fh:
            fh.write("%d\n" % os.getpid())
        while not self.stopping:
            for _key, _ev in self.sel.select(timeout=0.2):
                self.serve_one(lsock)
            self.reap()
            now = time.time()
            if now - self.last_scan >= POLL_MANIFESTS:
                self.last_scan = now
                self.sync_pods()
            self.restarts_due()
            self.write_state()
        for p in self.procs.values():
            p.held = True
            self.kill(p, wait=0.5)
        self.dirty = True
        self.write_state()


def main():
    with open(sys.argv[1]) as fh:
        cfg = json.load(fh)
    node = Node(cfg)
    if os.getpid() != 1:
        log("warning: not PID 1 of a new PID namespace")
    os.umask(0o022)
    node.setup_mounts()
    node.main()


if __name__ == "__main__":
    main()
