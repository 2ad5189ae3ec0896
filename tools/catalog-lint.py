#!/usr/bin/env python3
"""Quick structural lint of a benchmark catalog directory against the reference index.

Usage: tools/catalog-lint.py resources/benchmarks/cis-1.5.1 ../shared/reference/cis-1.5.1-controls.tsv

A developer's aid while writing catalog text; the product's own loader (core/catalog) is the
authority and the C++ tests check the same facts.
"""
import glob, os, re, sys
import yaml

OPS = {"present", "absent", "eq", "noteq", "gt", "gte", "lt", "lte", "has", "nothave", "regex",
       "valid_elements", "bitmask", "owner"}
TEXT = ["description", "rationale", "audit", "remediation", "impact", "defaultValue"]
COMPONENTS = {"kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubelet", "kube-proxy"}
ACTIONS = {"set", "remove", "addItem", "removeItem", "setKey", "chmod", "chown"}

def fail(msgs, m):
    msgs.append(m)

def check_test(t, cid, msgs):
    if not isinstance(t, dict):
        return fail(msgs, f"{cid}: test is not a map")
    if "any" in t or "all" in t:
        for sub in t.get("any", []) + t.get("all", []):
            check_test(sub, cid, msgs)
        return
    if "setting" not in t and "file" not in t:
        fail(msgs, f"{cid}: test has neither setting nor file")
    if t.get("op") not in OPS:
        fail(msgs, f"{cid}: unknown op {t.get('op')!r}")
    if t.get("op") not in ("present", "absent") and "value" not in t:
        fail(msgs, f"{cid}: op {t.get('op')} needs a value")
    if "file" in t:
        f = t["file"]
        if not any(k in f for k in ("path", "pathFrom", "unit")):
            fail(msgs, f"{cid}: file test needs path, pathFrom or unit")
        if t.get("property") not in ("mode", "owner", "exists"):
            fail(msgs, f"{cid}: file test property must be mode|owner|exists")
        if t.get("ifMissing", "error") not in ("pass", "fail", "notApplicable", "error"):
            fail(msgs, f"{cid}: bad ifMissing")
    if "setting" in t:
        s = t["setting"]
        if "flag" not in s and "config" not in s:
            fail(msgs, f"{cid}: setting needs flag or config")
        if "component" in s and s["component"] not in COMPONENTS:
            fail(msgs, f"{cid}: unknown component {s['component']}")

def main():
    d, ref = sys.argv[1], sys.argv[2]
    want = {}
    for line in open(ref):
        if line.startswith("#") or not line.strip():
            continue
        cid, kind, title = line.rstrip("\n").split("\t")
        want[cid] = (kind == "automated", title)
    msgs = []
    bench = yaml.safe_load(open(os.path.join(d, "benchmark.yaml")))
    sections = {s["id"] for s in bench["sections"]}
    seen = {}
    for f in sorted(glob.glob(os.path.join(d, "controls-*.yaml"))):
        doc = yaml.safe_load(open(f)) or {}
        for c in doc.get("controls", []):
            cid = str(c.get("id"))
            if cid in seen:
                fail(msgs, f"{cid}: duplicate (in {seen[cid]} and {f})")
            seen[cid] = f
            if cid not in want:
                fail(msgs, f"{cid}: not in the reference")
                continue
            auto, title = want[cid]
            if c.get("title") != title:
                fail(msgs, f"{cid}: title differs from the reference")
            if c.get("automated") is not auto:
                fail(msgs, f"{cid}: automated should be {auto}")
            for k in TEXT:
                if not str(c.get(k, "")).strip():
                    fail(msgs, f"{cid}: missing {k}")
            if not c.get("references"):
                fail(msgs, f"{cid}: no references")
            if not c.get("cisControls"):
                fail(msgs, f"{cid}: no cisControls")
            sec = max((s for s in sections if cid == s or cid.startswith(s + ".")), key=len, default=None)
            if sec is None:
                fail(msgs, f"{cid}: no section declared for it")
            chk = c.get("check")
            if auto and not chk:
                fail(msgs, f"{cid}: automated control without check")
            if chk:
                if "component" in chk and chk["component"] not in COMPONENTS:
                    fail(msgs, f"{cid}: unknown component {chk['component']}")
                if not chk.get("tests"):
                    fail(msgs, f"{cid}: check without tests")
                for t in chk.get("tests", []):
                    check_test(t, cid, msgs)
            fx = c.get("fix")
            if fx:
                for a in fx.get("actions", []):
                    if a.get("action") not in ACTIONS:
                        fail(msgs, f"{cid}: unknown fix action {a.get('action')}")
    for cid in want:
        if cid not in seen:
            fail(msgs, f"{cid}: missing from the catalog")
    for m in msgs:
        print(m)
    print(f"{len(seen)} controls, {len(msgs)} problems")
    sys.exit(1 if msgs else 0)

main()
