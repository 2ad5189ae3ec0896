#!/usr/bin/env python3
"""Builds the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/) from the test
fixtures in tests/data and tests/unit, plus hand-made edge cases. Run from anywhere; it rewrites
the corpus folders. The corpus is checked in, so CI never needs to run this."""
import base64
import hashlib
import os
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus"
MAX_SEED = 24 * 1024  # keep seeds small: libFuzzer's default -max_len follows the largest


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_SEED:
        return
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def reset(target):
    shutil.rmtree(OUT / target, ignore_errors=True)
    (OUT / target).mkdir(parents=True)


# --- fuzz_snapshot: real snapshots and broken variants of one
reset("snapshot")
snaps = sorted((ROOT / "tests/data/snapshots").glob("*.snap"))
for s in snaps:
    write("snapshot", s.stem, s.read_bytes())
small = min(snaps, key=lambda p: p.stat().st_size).read_bytes()
write("snapshot", "edge-empty", b"")
write("snapshot", "edge-header-only", b"kinspect-snapshot\t1\t1.0.0\n")
write("snapshot", "edge-truncated", small[: len(small) // 2])
write("snapshot", "edge-no-final-newline", small.rstrip(b"\n"))
write("snapshot", "edge-crlf", small.replace(b"\n", b"\r\n"))
write("snapshot", "edge-noise-before-header", b"Last login: today\n\x1b[31mmotd\x1b[0m\n" + small)
write("snapshot", "edge-after-end", small + b"PROC\t1\n")

# --- fuzz_argv: argv of the real processes (NUL separated), then \x01 and operator cases
reset("argv")
n = 0
for s in snaps:
    for line in s.read_bytes().split(b"\n"):
        f = line.split(b"\t")
        if f[0] == b"PROC" and len(f) > 4:
            try:
                argv = base64.b64decode(f[4])
            except Exception:
                continue
            n += 1
            write("argv", f"proc-{n}", argv[:4096])
ops = [
    (2, b"false", [b"false"]),                       # eq
    (3, b"true", [b"false"]),                        # noteq
    (4, b"5m0s", [b"300"]),                          # gt (duration vs number)
    (6, b"-1.5h", [b"1h30m"]),                       # lt
    (8 | 0x40, b"NodeRestriction,AlwaysPullImages", [b"NodeRestriction"]),  # has (list)
    (9, b"RotateKubeletServerCertificate=true", [b"RotateKubeletServerCertificate=false"]),
    (10, b"127.0.0.1:2379", []),                     # regex (catalog pattern)
    (11, b"TLS_AES_128_GCM_SHA256,TLS_X", [b"TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384"]),
    (0x80 | 2, b"", [b"x"]),                         # not set
]
for i, (sel, actual, expected) in enumerate(ops):
    argv = b"\0".join([b"/usr/bin/kubelet", b"--profiling", b"--v", b"2", b"--feature-gates=A=true,B=false",
                       b"--feature-gates", b"C=true", b"-x", b"--", b"--not-a-flag"])
    write("argv", f"op-{i}", argv + b"\x01" + bytes([sel]) + actual + b"\x01" + b"\0".join(expected))

# --- fuzz_yamledit: <sel><flag|keypath>\x01<value>\x01<item|key>\x01<document>
reset("yamledit")
rem = ROOT / "tests/unit/remediate/data"
trees = ROOT / "tests/data/trees"
manifests = sorted(rem.glob("*.yaml"))
manifests = [m for m in manifests if "kubelet-config" not in m.name]
manifests += sorted(trees.glob("kubeadm-cp-failing/root/etc/kubernetes/manifests/*.yaml"))
configs = [rem / "kubelet-config.yaml", rem / "kubelet-config.json", rem / "k3s-style-kubelet-config.yaml"]
configs += sorted(trees.glob("*/root/var/lib/kubelet/config.yaml"))[:2]
envs = [rem / "kubeadm-flags.env", rem / "default-kubelet", rem / "default-kubelet-empty",
        rem / "sysconfig-kubelet-crlf"]
units = [rem / "20-dropin.conf"] + sorted(trees.glob("*/root/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"))[:1]


def sel_flag(kind, op, extra=False):  # bit0 = 0: FlagEditor; bits1-2 kind; bits3-5 op; 0x40 var
    return bytes([(kind << 1) | (op << 3) | (0x40 if extra else 0)])


flag_cases = [
    (0, b"--profiling", b"false", b""),
    (1, b"--insecure-port", b"", b""),
    (2, b"--enable-admission-plugins", b"", b"NodeRestriction"),
    (3, b"--enable-admission-plugins", b"", b"AlwaysAdmit"),
    (4, b"--feature-gates", b"true", b"RotateKubeletServerCertificate"),
]
i = 0
for m in manifests:
    doc = m.read_bytes()
    for op, flag, value, item in flag_cases[: 5 if i < 3 else 2]:
        i += 1
        write("yamledit", f"manifest-{i}", sel_flag(0, op) + flag + b"\x01" + value + b"\x01" + item + b"\x01" + doc)
for kind, files in ((2, envs), (1, units)):
    for f in files:
        doc = f.read_bytes()
        for op, flag, value, item in flag_cases:
            i += 1
            write("yamledit", f"flags-{i}", sel_flag(kind, op, True) + flag + b"\x01" + value + b"\x01" + item + b"\x01" + doc)
for f in configs:
    doc = f.read_bytes()
    for sel, key, value in ((1, b"authentication.anonymous.enabled", b"false"),
                            (1, b"readOnlyPort", b"0"),
                            (1, b"tlsCipherSuites", b"x"),
                            (1, b"protectKernelDefaults", b"true"),
                            (3, b"authorization.mode", b""),
                            (3, b"streamingConnectionIdleTimeout", b"")):
        i += 1
        write("yamledit", f"config-{i}", bytes([sel]) + key + b"\x01" + value + b"\x01\x01" + doc)
edge_docs = [
    b"", b"{}", b"[]", b"a: b\r\nc: d\r\n", b"a:\n  b: 1\n  # comment\n  c: 2\n",
    b"spec:\n  containers:\n  - command: [kube-apiserver, --a=1, \"--b\", '--c=x']\n",
    b"spec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --profiling   # c\n    - \"--x=\\ty\"\n    args: []\n",
    b"a: &x {b: 1}\nc: *x\n", b"'unterminated\n", b"key: |\n  block\n  text\nnext: 1\n",
    b"Environment=\"KUBELET_EXTRA_ARGS=--a=1 --b\" 'X=y z'\nExecStart=\nExecStart=-/usr/bin/kubelet $KUBELET_EXTRA_ARGS\n",
    b"export KUBELET_EXTRA_ARGS='--a=1'\n# KUBELET_EXTRA_ARGS=--commented\n",
]
for j, doc in enumerate(edge_docs):
    for sel in (0, 1, 2 | 0x40, 4 | 0x40 | 0x10, 3):
        write("yamledit", f"edge-{j}-{sel}", bytes([sel]) + b"--a\x01v\x01k\x01" + doc)

# --- fuzz_inventory: the inventory fixtures (valid and invalid) and a few more
reset("inventory")
for f in sorted((ROOT / "tests/unit/inventory/data").glob("*.yaml")):
    if f.stat().st_size <= 8192:
        write("inventory", f.stem, f.read_bytes())
write("inventory", "edge-design", (
    "cluster: lab\nbenchmark: cis-1.12\n"
    "defaults: {user: root, port: 22, identityFile: ~/.ssh/id_ed25519, sudo: none}\n"
    "jumpHosts:\n  - {name: bastion, host: 10.0.0.1}\n"
    "nodes:\n  - {name: cp-1, host: 127.0.0.1, port: 22001, roles: [control-plane, etcd]}\n"
    "  - {name: worker-1, host: 10.0.0.21, roles: [worker], jump: bastion}\n"))
write("inventory", "edge-unicode", "cluster: \"cl\\u00e9 $(x)\"\nnodes:\n  - name: \"n;rm -rf /\"\n    host: \"h`x`\"\n    user: \"u'\\\"\"\n")
write("inventory", "edge-crlf", b"cluster: c\r\nnodes:\r\n  - name: a\r\n    host: b\r\n")

total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
for t in sorted(os.listdir(OUT)):
    files = list((OUT / t).iterdir())
    print(f"{t}: {len(files)} files, {sum(f.stat().st_size for f in files)} bytes")
print(f"total {total} bytes")
