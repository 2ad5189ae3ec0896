#!/usr/bin/python3
"""`systemctl` and `journalctl` of a Kinspect lab node (installed as /usr/bin/systemctl and
/usr/bin/journalctl inside the node). Only kubelet.service is managed (containerd is reported
active); every request goes to the node supervisor over its Unix socket."""
import json
import os
import socket
import sys

SOCK = "/run/kinspect-lab/ctl/supervisor.sock"


def ask(req):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(30)
    try:
        s.connect(SOCK)
    except OSError as e:
        sys.stderr.write("System has not been booted with systemd as init system (PID 1). "
                         "Can't operate. (%s)\n" % e)
        sys.exit(1)
    s.sendall((json.dumps(req) + "\n").encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    return json.loads(data.decode() or "{}")


def finish(resp, quiet=False):
    if resp.get("warning"):
        sys.stderr.write(resp["warning"] + "\n")
    if resp.get("text") and not quiet:
        print(resp["text"])
    if resp.get("error") and not quiet:
        sys.stderr.write(resp["error"] + "\n")
    code = resp.get("code")
    if code is None:
        code = 0 if resp.get("ok") else 1
    return code


def journalctl(args):
    unit, lines = "kubelet", 0
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-u", "--unit") and i + 1 < len(args):
            unit = args[i + 1]
            i += 1
        elif a.startswith("--unit="):
            unit = a.split("=", 1)[1]
        elif a in ("-n", "--lines") and i + 1 < len(args):
            lines = int(args[i + 1])
            i += 1
        elif a.startswith("--lines="):
            lines = int(a.split("=", 1)[1])
        i += 1
    return finish(ask({"cmd": "journal", "unit": unit.replace(".service", ""), "lines": lines}))


def systemctl(args):
    props, value, quiet, words = [], False, False, []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-p", "--property") and i + 1 < len(args):
            props.extend(args[i + 1].split(","))
            i += 1
        elif a.startswith("--property="):
            props.extend(a.split("=", 1)[1].split(","))
        elif a.startswith("-p") and len(a) > 2:
            props.extend(a[2:].split(","))
        elif a == "--value":
            value = True
        elif a in ("-q", "--quiet"):
            quiet = True
        elif a.startswith("-"):
            pass  # --no-pager, --full, -l, --system, --no-legend ...
        else:
            words.append(a)
        i += 1
    if not words:
        sys.stderr.write("systemctl (kinspect lab): a command is required\n")
        return 1
    cmd, units = words[0], words[1:]
    if cmd == "daemon-reload":
        return finish(ask({"cmd": "daemon-reload"}))
    if not units:
        sys.stderr.write("Too few arguments.\n")
        return 1
    code = 0
    for unit in units:
        req = {"cmd": cmd, "unit": unit, "properties": props or None, "value": value}
        c = finish(ask(req), quiet=quiet)
        code = code or c
    return code


if __name__ == "__main__":
    name = os.path.basename(sys.argv[0])
    sys.exit(journalctl(sys.argv[1:]) if name.startswith("journalctl") else systemctl(sys.argv[1:]))
