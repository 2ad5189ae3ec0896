#!/bin/sh
# kinspect-collect.sh - prints a node snapshot in the format of docs/snapshot-format.md
# ("kinspect-snapshot 1") on stdout. Kinspect runs it as `sh -s -- ARGS` with this script on stdin,
# possibly under sudo.
#
# POSIX sh (dash, busybox sh); tools: stat sha256sum grep awk find ls od readlink date id
# (timeout when present). Written to fork little: /proc is scanned with the `read` builtin, paths
# are stat'ed in one `stat` call, checksummed in one `sha256sum` call, and the small decoding and
# encoding jobs are done by a few awk passes instead of per-line loops.
#
# Secrets are redacted HERE, before anything leaves the node (see "Redaction" in the doc).
#
# Options (for tests): --root DIR     read every node path below DIR, report node paths
#                      --proc DIR     read processes from DIR instead of /proc
#                      --fixed-time T report T as collectedAt (reproducible fixtures)

KC_VERSION=1.0.0
LC_ALL=C
export LC_ALL
# keep the caller's PATH first (tests put busybox applets there); make sure the sbin dirs exist
PATH=${PATH:-/usr/bin:/bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
umask 077

KC_ROOT=
KC_PROC=/proc
KC_TIME=
KC_MAX=1048576     # no content for files over 1 MiB
KC_BUDGET=16777216 # nor beyond 16 MiB of content in total (the runner caps stdout at 64 MiB)
while [ $# -gt 0 ]; do
    case $1 in
    --root) KC_ROOT=$2; shift 2 || exit 64 ;;
    --root=*) KC_ROOT=${1#--root=}; shift ;;
    --proc) KC_PROC=$2; shift 2 || exit 64 ;;
    --proc=*) KC_PROC=${1#--proc=}; shift ;;
    --fixed-time) KC_TIME=$2; shift 2 || exit 64 ;;
    --) shift ;;
    *) echo "kinspect-collect: unknown option: $1" >&2; exit 64 ;;
    esac
done
case $KC_ROOT in /*|'') ;; *) KC_ROOT=$PWD/$KC_ROOT ;; esac
case $KC_PROC in /*) ;; *) KC_PROC=$PWD/$KC_PROC ;; esac
while :; do case $KC_ROOT in */) KC_ROOT=${KC_ROOT%/} ;; *) break ;; esac; done
export KC_ROOT KC_MAX

R=$KC_ROOT
nl='
'
tab='	'

# ---------------------------------------------------------------------------------------------
# Portability: regexes must work in mawk, gawk and busybox awk; inside [...] a "]" goes first
# (a backslash there is literal in POSIX EREs).
# awk helpers shared by every awk pass: base64 of a string or of a byte array, basename.
KC_AWKLIB='
function kc_init(   i) {
    for (i = 1; i < 256; i++) { KC_ORD[sprintf("%c", i)] = i; KC_CHR[i] = sprintf("%c", i) }
    for (i = 0; i < 256; i++) KC_HEX[sprintf("%02x", i)] = i
    KC_B = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    KC_INIT = 1
}
# base64 of bytes A[1..n]; returned as a string (use kc_b64arr_print for large data)
function kc_b64arr(A, n,   i, v, out, piece) {
    out = ""; piece = ""
    for (i = 1; i <= n; i += 3) {
        v = A[i] * 65536 + (i + 1 <= n ? A[i + 1] * 256 : 0) + (i + 2 <= n ? A[i + 2] : 0)
        piece = piece substr(KC_B, int(v / 262144) % 64 + 1, 1) substr(KC_B, int(v / 4096) % 64 + 1, 1) \
            (i + 1 <= n ? substr(KC_B, int(v / 64) % 64 + 1, 1) : "=") (i + 2 <= n ? substr(KC_B, v % 64 + 1, 1) : "=")
        if (length(piece) >= 4096) { out = out piece; piece = "" }
    }
    return out piece
}
# base64 of the first n bytes of string s, printed (a table of 4096 two-character groups: this
# is the hot loop of the collector for file contents)
function kc_b64init(   i) {
    for (i = 0; i < 4096; i++) KC_B2[i] = substr(KC_B, int(i / 64) + 1, 1) substr(KC_B, i % 64 + 1, 1)
}
function kc_b64str3(s, n,   i, m, v, piece) {
    piece = ""; m = n - n % 3
    for (i = 1; i <= m; i += 3) {
        v = KC_ORD[substr(s, i, 1)] * 65536 + KC_ORD[substr(s, i + 1, 1)] * 256 + KC_ORD[substr(s, i + 2, 1)]
        piece = piece KC_B2[int(v / 4096)] KC_B2[v % 4096]
        if (length(piece) >= 4096) { printf "%s", piece; piece = "" }
    }
    if (n - m == 1) { v = KC_ORD[substr(s, m + 1, 1)] * 16; piece = piece substr(KC_B2[v], 1, 2) "==" }
    else if (n - m == 2) { v = KC_ORD[substr(s, m + 1, 1)] * 1024 + KC_ORD[substr(s, m + 2, 1)] * 4; piece = piece KC_B2[int(v / 64)] substr(KC_B, v % 64 + 1, 1) "=" }
    printf "%s", piece
}
function kc_b64arr_print(A, n,   i, v, piece) {
    piece = ""
    for (i = 1; i <= n; i += 3) {
        v = A[i] * 65536 + (i + 1 <= n ? A[i + 1] * 256 : 0) + (i + 2 <= n ? A[i + 2] : 0)
        piece = piece substr(KC_B, int(v / 262144) % 64 + 1, 1) substr(KC_B, int(v / 4096) % 64 + 1, 1) \
            (i + 1 <= n ? substr(KC_B, int(v / 64) % 64 + 1, 1) : "=") (i + 2 <= n ? substr(KC_B, v % 64 + 1, 1) : "=")
        if (length(piece) >= 4096) { printf "%s", piece; piece = "" }
    }
    printf "%s", piece
}
function b64(s,   n, i, T) {
    if (!KC_INIT) kc_init()
    n = length(s)
    for (i = 1; i <= n; i++) T[i] = KC_ORD[substr(s, i, 1)]
    return kc_b64arr(T, n)
}
function kc_base(p) { sub(/\/+$/, "", p); sub(/.*\//, "", p); return p }
# does a flag or key name (lower case) name a secret?
function kc_secret_name(k) {
    sub(/^-+/, "", k)
    return k ~ /(token|password|passwd|secret|key-data|keydata|secret-key|secretkey|access-key|accesskey|private-key|privatekey)$/
}
# node path from a path below --root
function kc_node(p,   r) {
    r = ENVIRON["KC_ROOT"]
    if (r != "" && substr(p, 1, length(r)) == r) p = substr(p, length(r) + 1)
    return p
}
'

# Warnings are gathered and printed at the end.
WARNS=
warn() { WARNS="$WARNS$1$nl"; }

# Keeps in KC_LIST the files of the newline-separated list $1 that are at most KC_MAX bytes (one
# find call): no awk pass may read what the content pass refuses (50 MB where a manifest should
# be); the big ones stay in FILES and are reported as skipped too-large.
kc_small() {
    KC_LIST=$1
    [ -n "$1" ] || return 0
    set -f
    oldifs=$IFS IFS=$nl
    # shellcheck disable=SC2086
    big=$(find -L $1 -prune -type f -size +"$KC_MAX"c 2>/dev/null)
    if [ -n "$big" ]; then
        KC_LIST=
        for f in $1; do
            case "$nl$big$nl" in
            *"$nl$f$nl"*) warn "${f#"$R"} is larger than $KC_MAX bytes and was not parsed" ;;
            *) KC_LIST="$KC_LIST$f$nl" ;;
            esac
        done
    fi
    IFS=$oldifs
    set +f
}

# Lists of node paths (newline separated, deduplicated by the shell: no fork).
STATS=
FILES=
add_stat() {
    case $1 in /*) ;; *) return ;; esac
    case $1 in
    *"$nl"* | *"$tab"*)
        warn "a path with a tab or newline in its name was not examined"
        return
        ;;
    esac
    case "$nl$STATS" in *"$nl$1$nl"*) return ;; esac
    STATS="$STATS$1$nl"
}
add_file() {
    case $1 in /*) ;; *) return ;; esac
    add_stat "$1"
    case "$nl$FILES" in *"$nl$1$nl"*) return ;; esac
    FILES="$FILES$1$nl"
}
# add_file only when the file exists (optional locations)
add_file_if() { if [ -e "$R$1" ] || [ -L "$R$1" ]; then add_file "$1"; fi; }

# ---------------------------------------------------------------------------------------------
# 1. Processes. Each /proc/<pid>/cmdline is read with the `read` builtin (the shell drops or stops
# at the NULs; either way argv[0] is at the start), which is only a cheap pre-filter. Candidates
# are then decoded exactly by one awk pass that splits each cmdline at its NULs (or, where awk
# cannot, from an od hex dump); one `ls -ln` gives all their executables.
KC_PROC_AWK='
BEGIN { kc_init(); KC_NULRS = kc_nulrs() }
# Can this awk split a file at NUL bytes (mawk, gawk; not busybox)? Then it reads every argv
# itself; otherwise od turns each one into hex first (two processes per candidate).
function kc_nulrs(   ors, a, n) {
    ors = RS; RS = "\0"; n = 0
    while ((getline a < "/proc/self/cmdline") > 0) n++
    close("/proc/self/cmdline"); RS = ors
    return n >= 2
}
# "ls -ln" of the exe links of all candidates: "... /proc/PID/exe -> TARGET"
$1 == "X" {
    if (match($0, /\/[0-9]+\/exe -> /)) {
        t = substr($0, RSTART + 1, RLENGTH - 1); sub(/\/.*/, "", t)
        EXE[t] = substr($0, RSTART + RLENGTH)
    }
    next
}
$1 == "P" { pid = $2; exe = (pid in EXE) ? EXE[pid] : ""; readargv(substr($0, 3 + length(pid) + 1)); next }
function readargv(f,   ors, a, cmd, line, i, n, W, cur, ni) {
    ni = 0
    if (KC_NULRS) {
        ors = RS; RS = "\0"
        while ((getline a < f) > 0) IT[++ni] = a
        close(f); RS = ors
    } else {
        gsub(/\047/, "\047\\\047\047", f)
        cmd = "od -An -v -tx1 <\047" f "\047 2>/dev/null"; nb = 0
        while ((cmd | getline line) > 0) { n = split(line, W, " "); for (i = 1; i <= n; i++) BYTES[++nb] = KC_HEX[W[i]] }
        close(cmd)
        cur = ""
        for (i = 1; i <= nb; i++) {
            if (BYTES[i] == 0) { IT[++ni] = cur; cur = "" } else cur = cur KC_CHR[BYTES[i]]
        }
        if (nb > 0 && BYTES[nb] != 0) IT[++ni] = cur
    }
    if (ni > 0) finish(ni)
}
function finish(ni,   i, j, it, a0, base, w2, exebase, comp, red, nm, v, eq, out, n, A, k, pre) {
    a0 = IT[1]; base = kc_base(a0); w2 = (ni >= 2 ? IT[2] : "")
    # a rewritten process title ("/usr/local/bin/k3s server") has the sub-command after a space
    if (index(base, " ") > 0) { w2 = base; sub(/^[^ ]* +/, "", w2); sub(/ .*/, "", w2); sub(/ .*/, "", base) }
    exebase = kc_base(exe); sub(/ \(deleted\)$/, "", exebase)
    comp = ""
    if (base ~ /^(kube-apiserver|kube-controller-manager|kube-scheduler|etcd|kubelet|kube-proxy)$/) comp = base
    else if (base == "hyperkube") {
        comp = w2; sub(/^kube-/, "", comp)
        if (comp ~ /^(apiserver|controller-manager|scheduler|proxy)$/) comp = "kube-" comp
        else if (comp != "kubelet") comp = ""
    }
    else if (base == "k3s" && (w2 == "server" || w2 == "agent")) comp = "k3s"
    else if (base == "k3s-server" || base == "k3s-agent") comp = "k3s"
    else if (base == "rke2" && (w2 == "server" || w2 == "agent")) comp = "rke2"
    else {
        # argv[0] says nothing: fall back to the executable (single-purpose binaries only)
        if (exebase ~ /^(kube-apiserver|kube-controller-manager|kube-scheduler|etcd|kubelet|kube-proxy)$/) comp = exebase
    }
    if (comp == "") return

    # redact secret values (--token=V, --token V, k3s -t V, URL passwords)
    red = 0
    for (i = 1; i <= ni; i++) {
        it = IT[i]
        if (it ~ /^--?[A-Za-z0-9_.-]+=/) {
            eq = index(it, "="); nm = tolower(substr(it, 1, eq - 1))
            if (kc_secret_name(nm) && substr(it, eq + 1) != "") { IT[i] = substr(it, 1, eq) "REDACTED"; red = 1; continue }
        } else if ((it ~ /^--[A-Za-z0-9_.-]+$/ && kc_secret_name(tolower(it))) || (it == "-t" && (comp == "k3s" || comp == "rke2"))) {
            if (i < ni && IT[i + 1] !~ /^-/) { IT[i + 1] = "REDACTED"; red = 1; i++; continue }
        }
        if (match(it, /:\/\/[^\/@: ]*:[^\/@ ]*@/)) {
            pre = substr(it, RSTART, RLENGTH); sub(/:[^:]*@$/, ":REDACTED@", pre)
            IT[i] = substr(it, 1, RSTART - 1) pre substr(it, RSTART + RLENGTH); red = 1
        }
    }
    n = 0
    for (i = 1; i <= ni; i++) {
        if (i > 1) A[++n] = 0
        k = length(IT[i])
        for (j = 1; j <= k; j++) A[++n] = KC_ORD[substr(IT[i], j, 1)]
    }
    printf "PROC\t%s\t%s\t%s\t%s\t%s\n", pid, comp, b64(exe), kc_b64arr(A, n), (red ? "redacted" : "ok")
    # tell the shell about the component and every absolute path given as a flag value
    print "@C\t" comp "\t" pid "\t" exe > "/dev/stderr"
    for (i = 1; i <= ni; i++) {
        it = IT[i]; v = ""
        if (it ~ /^--?[A-Za-z0-9_.-]+=\//) { eq = index(it, "="); nm = substr(it, 1, eq - 1); v = substr(it, eq + 1) }
        else if (it ~ /^--?[A-Za-z0-9_.-]+$/ && i < ni && IT[i + 1] ~ /^\//) { nm = it; v = IT[i + 1] }
        if (v == "" || v ~ /[\001-\037\177]/) continue
        sub(/^-+/, "", nm)
        print "@A\t" comp "\t" nm "\t" v > "/dev/stderr"
    }
    for (i in IT) delete IT[i]
}
'

# ---------------------------------------------------------------------------------------------
# Key/value scan of the kubelet and kube-proxy configs (YAML or JSON): path-like values.
KC_CFG_AWK='
FNR == 1 { which = (FILENAME == ENVIRON["KC_PROXYCFG"]) ? "proxy" : "kubelet" }
{
    line = $0
    while (match(line, /"?[A-Za-z]+"?[ \t]*:[ \t]*"?\/[^"\047,}\r \t]*/)) {
        kv = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH)
        k = kv; sub(/[ \t]*:.*/, "", k); gsub(/"/, "", k)
        v = kv; sub(/^[^:]*:[ \t]*"?/, "", v)
        if (which == "kubelet" && k ~ /(File|Path|Dir|Conf)$/) print "@K\t" k "\t" v
        if (which == "proxy" && k == "kubeconfig") print "@P\t" k "\t" v
    }
}
'

# Static-pod manifests: image tags (versions) and etcd --data-dir.
KC_MANIFEST_AWK='
BEGIN { kc_init() }
/^[ \t-]*image:[ \t]*/ {
    img = $0; sub(/^[ \t-]*image:[ \t]*/, "", img); gsub(/["\047\r]/, "", img); sub(/[ \t].*/, "", img)
    sub(/@sha256:.*/, "", img)
    name = img; sub(/:[^:\/]*$/, "", name); name = kc_base(name)
    tag = ""; if (match(img, /:[^:\/]+$/)) tag = substr(img, RSTART + 1)
    if (name ~ /^(kube-apiserver|kube-controller-manager|kube-scheduler|etcd)$/ && tag != "" && !(name in seen)) {
        seen[name] = 1; printf "VERSION\t%s\t%s\timage\n", name, b64(tag)
    }
}
/--data-dir[= ]/ && FILENAME ~ /etcd[^\/]*$/ {
    d = $0; sub(/.*--data-dir[= ]["\047]?/, "", d); sub(/[]"\047\r ,].*/, "", d)
    if (d ~ /^\//) print "@D\t" d > "/dev/stderr"
}
'

# systemd units: EnvironmentFile= paths.
KC_UNIT_AWK='
/^[ \t]*EnvironmentFile[ \t]*=/ {
    s = $0; sub(/^[^=]*=[ \t]*/, "", s); sub(/\r$/, "", s)
    n = split(s, w, /[ \t]+/)
    for (i = 1; i <= n; i++) { p = w[i]; gsub(/"/, "", p); sub(/^-/, "", p); if (p ~ /^\//) print "@E\t" p }
}
'

# lstat results -> STAT records. Input: "Q<TAB>path" (wanted, in order), "L<TAB>path<TAB>target",
# then `stat` lines "S|rawmodehex|uid|gid|user|group|size|rootedpath".
KC_STAT_AWK='
BEGIN { kc_init() }
/^Q\t/ { q = substr($0, 3); if (!(q in want)) { want[q] = 1; order[++nq] = q }; next }
/^L\t/ { s = substr($0, 3); t = index(s, "\t"); link[substr(s, 1, t - 1)] = substr(s, t + 1); next }
/^S\|/ {
    s = substr($0, 3)
    for (f = 1; f <= 6; f++) { t = index(s, "|"); F[f] = substr(s, 1, t - 1); s = substr(s, t + 1) }
    p = kc_node(s)
    if (!(p in want) || (p in done)) next
    done[p] = 1
    m = 0; h = tolower(F[1])
    for (i = 1; i <= length(h); i++) m = m * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
    ft = int(m / 4096)
    type = (ft == 8) ? "regular" : (ft == 4) ? "directory" : (ft == 10) ? "symlink" : "other"
    printf "STAT\t%s\t%s\t%o\t%s\t%s\t%s\t%s\t%s\t%s\n", b64(p), type, m % 4096, F[2], F[3], b64(F[4]), b64(F[5]), F[6], (type == "symlink" ? b64(link[p]) : "")
    next
}
END { for (i = 1; i <= nq; i++) if (!(order[i] in done)) printf "STAT\t%s\tmissing\n", b64(order[i]) }
'

# Content planning. Input sections: "R<TAB>size<TAB>path" readable regular files within the cap,
# "#SHA" + sha256sum lines, "#BIN" + files holding NUL, "#RED" + files that may hold secrets.
# Prints FILE records for files it skips; tells the shell how to send the others.
KC_PLAN_AWK='
BEGIN { kc_init() }
/^#SHA$/ { sec = "sha"; next }
/^#BIN$/ { sec = "bin"; next }
/^#RED$/ { sec = "red"; next }
/^R\t/ { s = substr($0, 3); t = index(s, "\t"); p = substr(s, t + 1); size[p] = substr(s, 1, t - 1); order[++n] = p; next }
sec == "sha" && /^\\?[0-9a-f]+  / { h = $0; sub(/^\\/, "", h); p = substr(h, index(h, "  ") + 2); sha[p] = substr(h, 1, index(h, "  ") - 1); next }
sec == "bin" { bin[$0] = 1; next }
sec == "red" { red[$0] = 1; next }
END {
    for (i = 1; i <= n; i++) {
        p = order[i]; np = kc_node(p); h = (p in sha) ? sha[p] : "-"
        if (h == "-") printf "FILE\t%s\t-\t%s\tskipped\tunreadable\n", b64(np), size[p]
        else if ((p in bin) && size[p] > 0) printf "FILE\t%s\t%s\t%s\tskipped\tbinary\n", b64(np), h, size[p]
        else if (p in red) print "@X\t" h "\t" size[p] "\t" b64(np) "\t" p > "/dev/stderr"
        else print "@O\t" h "\t" size[p] "\t" b64(np) "\t" p > "/dev/stderr"
    }
}
'

# Contents of every file that is sent: one awk pass reads them all (they are NUL-free text: files
# holding NUL are skipped as binary), redacts the ones that may hold secrets and prints their FILE
# records with the content base64-encoded here. One process for all files instead of a base64
# process per file: on a control-plane node process creation was most of the collector's cost.
# KC_META: "sha<TAB>size<TAB>b64path<TAB>O|X" per file argument (X: redact).
KC_REDACT_AWK='
BEGIN {
    kc_init(); kc_b64init()
    split(ENVIRON["KC_META"], META, "\n")
    # getline per file rather than the main loop: an empty file has no record but needs its FILE
    for (fi = 1; fi < ARGC; fi++) {
        split(META[fi], M, "\t"); f = ARGV[fi]
        nl = 0; orig = 0; changed = 0; inpem = 0; pend = 0
        while ((r = (getline line < f)) > 0) {
            orig += length(line) + 1
            if (M[4] == "X") addline(line)
            else L[++nl] = line
        }
        close(f)
        flush(r < 0)
    }
    exit
}
function addline(line,   cr) {
    cr = ""; if (line ~ /\r$/) { cr = "\r"; line = substr(line, 1, length(line) - 1) }
    if (inpem) {
        if (line ~ /-----END [A-Z0-9 ]*PRIVATE KEY-----/) inpem = 0
        changed++; return
    }
    if (match(line, /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/)) {
        pre = substr(line, 1, RSTART - 1); rest = substr(line, RSTART)
        if (match(rest, /-----END [A-Z0-9 ]*PRIVATE KEY-----/)) line = pre "-----REDACTED PRIVATE KEY-----" substr(rest, RSTART + RLENGTH)
        else { line = pre "-----REDACTED PRIVATE KEY-----"; inpem = 1 }
        changed++
    }
    # The redaction regexes start with a [...]* run, which mawk matches in quadratic time on the
    # long base64 lines of kubeconfigs: only lines that can hold a secret go through them.
    if (pend || tolower(line) ~ /token|passw|secret|credential|api_?key|key-?data|keydata|access-?key|accesskey|private|:\/\/[^\/@ \t]*:[^\/@ \t]*@/) {
        line = envpair(line)
        line = redact(line)
    }
    L[++nl] = line cr
}
# env-style pairs whose NAME says secret: "- name: X_TOKEN" + "value: V" on the next line, or
# {name: X_TOKEN, value: V} / {"name": "X_TOKEN", "value": "V"} on one line
function envpair(line,   low, was) {
    low = tolower(line); was = pend; pend = 0
    if (match(low, /"?name"?[ \t]*:[ \t]*["\047]?[a-z0-9_.-]*(token|passw|secret|credential|api_?key|private)[a-z0-9_.-]*["\047]?[ \t]*,[ \t]*"?value"?[ \t]*:[ \t]*/))
        return valueat(line, RSTART + RLENGTH)
    if (was && match(low, /^[ \t]*"?value"?[ \t]*:[ \t]*/))
        return valueat(line, RSTART + RLENGTH)
    if (low ~ /^[ \t]*(- +)?"?name"?[ \t]*:[ \t]*["\047]?[a-z0-9_.-]*(token|passw|secret|credential|api_?key|private)[a-z0-9_.-]*["\047]?[ \t]*,?[ \t]*$/)
        pend = 1
    return line
}
# replaces the scalar value starting at position st (quoted or plain) with REDACTED
function valueat(line, st,   head, rest, c, e, v) {
    head = substr(line, 1, st - 1); rest = substr(line, st); c = substr(rest, 1, 1)
    if (c == "\"" || c == "\047") {
        e = index(substr(rest, 2), c); if (e == 0) e = length(rest)
        v = substr(rest, 2, e - 1)
        if (keep(v)) return line
        changed++; return head c "REDACTED" c substr(rest, e + 2)
    }
    if (c == "" || c == "|" || c == ">" || c == "{" || c == "[" || c == "&" || c == "*") return line
    if (head ~ /^[ \t]*(- +)?"?[A-Za-z0-9_.-]+"?[ \t]*:[ \t]*$/) {
        # block-style YAML: the value runs to the end of the line (or a comment)
        v = rest; e = ""
        if (match(v, / +#/)) { e = substr(v, RSTART); v = substr(v, 1, RSTART - 1) }
        if (keep(v)) return line
        changed++; return head "REDACTED" e
    }
    match(rest, /^[^] \t,}"\047;]*/); v = substr(rest, 1, RLENGTH)
    if (keep(v) || v == "") return line
    changed++; return head "REDACTED" substr(rest, RLENGTH + 1)
}
function redact(line,   out, low, st, v, q, e, c, done, tail) {
    out = ""
    # key: value / key=value / "key": "value" / --flag=value / --flag value
    while (1) {
        low = tolower(line)
        if (!match(low, /[a-z0-9_.-]*(token|password|passwd|secret|key-data|keydata|secret-key|secretkey|access-key|accesskey|private-key|privatekey)["\047]?([ \t]*[:=][ \t]*| +)/)) break
        st = RSTART + RLENGTH; key = substr(low, RSTART, RLENGTH)
        # "--token value" needs a flag; a bare word followed by a space is prose, not a setting
        if (key !~ /[:=][ \t]*$/ && key !~ /^--/) { out = out substr(line, 1, st - 1); line = substr(line, st); continue }
        out = out substr(line, 1, st - 1); line = substr(line, st)
        c = substr(line, 1, 1)
        if (c == "\"" || c == "\047") {
            e = index(substr(line, 2), c)
            if (e == 0) e = length(line)
            v = substr(line, 2, e - 1); tail = substr(line, e + 2)
            if (keep(v)) { out = out c v c; line = tail; continue }
            out = out c "REDACTED" c; line = tail; changed++; continue
        }
        if (c == "" || c == "|" || c == ">" || c == "{" || c == "[" || c == "&" || c == "*") continue
        # plain value: to the end of a block-style YAML line, else to a separator
        if (out ~ /^[ \t]*(- +)?[A-Za-z0-9_.-]+[ \t]*:[ \t]*$/ && index(out, "{") == 0) {
            v = line; tail = ""
            if (match(v, / +#/)) { tail = substr(v, RSTART); v = substr(v, 1, RSTART - 1) }
        } else {
            match(line, /^[^] \t,}"\047;]*/); v = substr(line, 1, RLENGTH); tail = substr(line, RLENGTH + 1)
        }
        if (keep(v)) { out = out v; line = tail; continue }
        out = out "REDACTED"; line = tail; changed++
    }
    line = out line
    # passwords inside URLs
    if (match(line, /:\/\/[^\/@: \t"\047]*:[^\/@ \t"\047]*@/)) {
        v = substr(line, RSTART, RLENGTH)
        if (v !~ /:REDACTED@$/) { sub(/:[^:]*@$/, ":REDACTED@", v); line = substr(line, 1, RSTART - 1) v substr(line, RSTART + RLENGTH); changed++ }
    }
    return line
}
function keep(v,   l) { l = tolower(v); return v == "" || l == "true" || l == "false" || l == "null" || l == "~" || v == "REDACTED" }
# FILE record: content (lines joined; the last newline only where the file has one) in base64
function flush(failed,   i, t, k, carry) {
    if (failed) { printf "FILE\t%s\t-\t%s\tskipped\tunreadable\n", M[3], M[2]; return }
    printf "FILE\t%s\t%s\t%s\t%s\t", M[3], M[1], M[2], (changed ? "redacted" : "ok")
    carry = ""
    for (i = 1; i <= nl; i++) {
        t = carry L[i] ((i < nl || orig != M[2] + 1) ? "\n" : "")
        k = length(t) - length(t) % 3
        kc_b64str3(t, k)
        carry = substr(t, k + 1)
        delete L[i]
    }
    kc_b64str3(carry, length(carry))
    printf "\n"
}
'

# Facts, profile, warnings and binary versions: "TAG<TAB>key<TAB>raw value" -> record.
KC_FACTS_AWK='
BEGIN { kc_init() }
{ t = index($0, "\t"); tag = substr($0, 1, t - 1); s = substr($0, t + 1); t = index(s, "\t"); k = substr(s, 1, t - 1); v = substr(s, t + 1) }
tag == "HOST" && k == "collectedAt" && v == "" { v = kc_now() }
tag == "WARN" { if (v != "") printf "WARN\t%s\n", b64(v); next }
tag == "VERSION" { printf "VERSION\t%s\t%s\tbinary\n", k, b64(v); next }
{ printf "%s\t%s\t%s\n", tag, k, b64(v) }
# the time now in UTC, ISO 8601, without a date process: srand() returns the previous seed, which
# srand() without an argument set to the time of day in seconds (POSIX)
function kc_now(   t, c) {
    srand(); t = srand()
    if (t > 946684800) return kc_utc(t)
    c = "date -u +%Y-%m-%dT%H:%M:%SZ"; c | getline t; close(c)
    return t
}
# seconds since 1970 -> YYYY-MM-DDTHH:MM:SSZ (days to civil date, proleptic Gregorian)
function kc_utc(t,   d, s, z, era, doe, yoe, y, doy, mp, dd, m) {
    d = int(t / 86400); s = t - d * 86400
    z = d + 719468; era = int(z / 146097); doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153); dd = doy - int((153 * mp + 2) / 5) + 1
    m = mp < 10 ? mp + 3 : mp - 9
    if (m <= 2) y++
    return sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, dd, int(s / 3600), int((s % 3600) / 60), s % 60)
}
'

collect() {
    exec 3>&1
    printf 'kinspect-snapshot\t1\t%s\n' "$KC_VERSION"

    # -- processes
    cands=
    for d in "$KC_PROC"/[0-9]*; do
        l=
        { read -r l <"$d/cmdline"; } 2>/dev/null
        case $l in
        *kube-apiserver* | *kube-controller-manager* | *kube-scheduler* | *etcd* | *kubelet* | \
            *kube-proxy* | *k3s* | *rke2* | *hyperkube*) cands="$cands ${d##*/}" ;;
        esac
    done
    procinfo=$(
        {
            if [ -n "$cands" ]; then
                set --
                for p in $cands; do set -- "$@" "$KC_PROC/$p/exe"; done
                QUOTING_STYLE=literal ls -ln -- "$@" 2>/dev/null | while IFS= read -r l; do
                    printf 'X %s\n' "$l"
                done
                for p in $cands; do printf 'P %s %s\n' "$p" "$KC_PROC/$p/cmdline"; done
            fi
        } | awk "$KC_AWKLIB$KC_PROC_AWK" 2>&1 >&3
    )
    COMPS=
    KUBELET_CONFIG= KUBELET_CONFIG_DIR= KUBELET_KUBECONFIG= MANIFEST_FLAG=
    PROXY_CONFIG= PROXY_KUBECONFIG= PROXY_PID= ETCD_DATA= VERBINS=
    while IFS=$tab read -r kind c n v; do
        case $kind in
        @C)
            COMPS="$COMPS $c"
            [ "$c" = kube-proxy ] && PROXY_PID=$n
            case $c in kubelet | k3s | rke2) VERBINS="$VERBINS$c$tab$v$nl" ;; esac
            ;;
        @A)
            add_stat "$v"
            case $c:$n in
            kubelet:config) KUBELET_CONFIG=$v ;;
            kubelet:config-dir) KUBELET_CONFIG_DIR=$v ;;
            kubelet:kubeconfig) KUBELET_KUBECONFIG=$v ;;
            kubelet:pod-manifest-path) MANIFEST_FLAG=$v ;;
            kube-proxy:config) PROXY_CONFIG=$v ;;
            kube-proxy:kubeconfig) PROXY_KUBECONFIG=$v ;;
            etcd:data-dir) ETCD_DATA=$v ;;
            esac
            case $n in
            *-key-file | *-keyfile | *-key | *.key) ;;
            *kubeconfig | *config | *-config-file | *-policy-file) add_file "$v" ;;
            esac
            ;;
        '') ;;
        *) warn "process scan: $kind $c $n $v" ;;
        esac
    done <<EOF
$procinfo
EOF

    # -- distribution and its path profile
    DIST=unknown
    case " $COMPS " in
    *" k3s "*) DIST=k3s ;;
    *" rke2 "*) DIST=rke2 ;;
    *)
        if [ -e "$R/etc/rancher/k3s" ] || [ -e "$R/var/lib/rancher/k3s" ]; then
            DIST=k3s
        elif [ -e "$R/etc/rancher/rke2" ] || [ -e "$R/var/lib/rancher/rke2" ]; then
            DIST=rke2
        elif [ -e "$R/etc/kubernetes" ] || [ -n "$COMPS" ]; then
            DIST=kubeadm
        fi
        ;;
    esac
    case $DIST in
    k3s | rke2)
        rd=/var/lib/rancher/$DIST
        P_kubernetesDir=$rd/server P_manifests=$rd/agent/pod-manifests P_pki=$rd/server/tls
        P_adminConf=$rd/server/cred/admin.kubeconfig P_superAdminConf=
        P_schedulerConf=$rd/server/cred/scheduler.kubeconfig
        P_controllerManagerConf=$rd/server/cred/controller.kubeconfig
        P_kubeletKubeconfig=$rd/agent/kubelet.kubeconfig P_kubeletConfig=
        P_etcdDataDir=$rd/server/db/etcd P_cniDir=$rd/agent/etc/cni/net.d
        P_proxyKubeconfig=$rd/agent/kubeproxy.kubeconfig P_proxyConfig=
        [ "$DIST" = rke2 ] && P_cniDir=/etc/cni/net.d
        ;;
    *)
        P_kubernetesDir=/etc/kubernetes P_manifests=/etc/kubernetes/manifests
        P_pki=/etc/kubernetes/pki P_adminConf=/etc/kubernetes/admin.conf
        P_superAdminConf=/etc/kubernetes/super-admin.conf
        P_schedulerConf=/etc/kubernetes/scheduler.conf
        P_controllerManagerConf=/etc/kubernetes/controller-manager.conf
        P_kubeletKubeconfig=/etc/kubernetes/kubelet.conf
        P_kubeletConfig=/var/lib/kubelet/config.yaml P_etcdDataDir=/var/lib/etcd
        P_cniDir=/etc/cni/net.d P_proxyKubeconfig=/var/lib/kube-proxy/kubeconfig.conf
        P_proxyConfig=/var/lib/kube-proxy/config.conf
        ;;
    esac
    # what the node really uses beats the distribution's default
    [ -n "$KUBELET_CONFIG" ] && P_kubeletConfig=$KUBELET_CONFIG
    [ -n "$KUBELET_KUBECONFIG" ] && P_kubeletKubeconfig=$KUBELET_KUBECONFIG
    [ -n "$MANIFEST_FLAG" ] && P_manifests=$MANIFEST_FLAG
    [ -n "$ETCD_DATA" ] && P_etcdDataDir=$ETCD_DATA
    [ -n "$PROXY_CONFIG" ] && P_proxyConfig=$PROXY_CONFIG
    [ -n "$PROXY_KUBECONFIG" ] && P_proxyKubeconfig=$PROXY_KUBECONFIG

    # -- kubelet config (+ --config-dir drop-ins) and kube-proxy config
    cfgs=
    [ -n "$P_kubeletConfig" ] && add_file_if "$P_kubeletConfig" && [ -f "$R$P_kubeletConfig" ] && cfgs="$cfgs$R$P_kubeletConfig$nl"
    if [ -n "$KUBELET_CONFIG_DIR" ]; then
        add_stat "$KUBELET_CONFIG_DIR"
        for f in "$R$KUBELET_CONFIG_DIR"/*.conf; do
            [ -f "$f" ] || continue
            add_file "${f#"$R"}"
            cfgs="$cfgs$f$nl"
        done
    fi
    KC_PROXYCFG=
    # kubeadm runs kube-proxy as a pod: its --config comes from a ConfigMap mounted inside the
    # container, not from the host. Read it through the process's root (/proc/PID/root/...).
    if [ -n "$P_proxyConfig" ] && [ ! -e "$R$P_proxyConfig" ] && [ -n "$PROXY_PID" ] &&
        [ -f "$R/proc/$PROXY_PID/root$P_proxyConfig" ]; then
        P_proxyConfig=/proc/$PROXY_PID/root$P_proxyConfig
    fi
    if [ -n "$P_proxyConfig" ] && [ -f "$R$P_proxyConfig" ]; then
        add_file "$P_proxyConfig"
        KC_PROXYCFG=$R$P_proxyConfig
        cfgs="$cfgs$KC_PROXYCFG$nl"
    fi
    export KC_PROXYCFG
    kc_small "$cfgs"
    cfgs=$KC_LIST
    if [ -n "$cfgs" ]; then
        set -f
        oldifs=$IFS IFS=$nl
        set -- $cfgs
        IFS=$oldifs
        set +f
        cfginfo=$(awk "$KC_CFG_AWK" "$@" 2>/dev/null)
        while IFS=$tab read -r kind k v; do
            case $kind in
            @K)
                add_stat "$v"
                [ "$k" = staticPodPath ] && [ -z "$MANIFEST_FLAG" ] && P_manifests=$v
                ;;
            @P) [ -z "$PROXY_KUBECONFIG" ] && P_proxyKubeconfig=$v ;;
            esac
        done <<EOF
$cfginfo
EOF
    fi

    # -- profile paths, kubeconfigs, manifests
    for n in kubernetesDir manifests pki adminConf superAdminConf schedulerConf \
        controllerManagerConf kubeletKubeconfig kubeletConfig etcdDataDir cniDir \
        proxyKubeconfig proxyConfig; do
        eval "v=\$P_$n"
        [ -n "$v" ] && add_stat "$v"
    done
    for v in "$P_adminConf" "$P_superAdminConf" "$P_schedulerConf" "$P_controllerManagerConf" \
        "$P_kubeletKubeconfig" "$P_proxyKubeconfig"; do
        [ -n "$v" ] && add_file_if "$v"
    done
    manifests=
    nman=0
    for f in "$R$P_manifests"/*; do
        [ -f "$f" ] || continue
        nman=$((nman + 1))
        if [ $nman -gt 100 ]; then
            warn "more than 100 files in $P_manifests; the rest were not read"
            break
        fi
        add_file "${f#"$R"}"
        manifests="$manifests$f$nl"
    done
    for d in k3s rke2; do
        add_file_if "/etc/rancher/$d/config.yaml"
        for f in "$R/etc/rancher/$d/config.yaml.d"/*.yaml; do
            [ -f "$f" ] && add_file "${f#"$R"}"
        done
    done
    kc_small "$manifests"
    manifests=$KC_LIST
    if [ -n "$manifests" ]; then
        set -f
        oldifs=$IFS IFS=$nl
        set -- $manifests
        IFS=$oldifs
        set +f
        minfo=$(awk "$KC_AWKLIB$KC_MANIFEST_AWK" "$@" 2>&1 >&3)
        if [ -z "$ETCD_DATA" ]; then
            while IFS=$tab read -r kind v; do
                [ "$kind" = @D ] && P_etcdDataDir=$v && add_stat "$v"
            done <<EOF
$minfo
EOF
        fi
    fi

    # -- systemd units, drop-ins and their EnvironmentFiles
    units=
    for d in /etc/systemd/system /run/systemd/system /usr/lib/systemd/system /lib/systemd/system; do
        for u in kubelet k3s k3s-agent rke2-server rke2-agent; do
            f=$R$d/$u.service
            if [ -f "$f" ]; then
                add_file "$d/$u.service"
                units="$units$f$nl"
            fi
            [ -d "$f.d" ] && add_stat "$d/$u.service.d"
            for f in "$f.d"/*.conf; do
                [ -f "$f" ] || continue
                add_file "${f#"$R"}"
                units="$units$f$nl"
            done
        done
    done
    kc_small "$units"
    units=$KC_LIST
    if [ -n "$units" ]; then
        set -f
        oldifs=$IFS IFS=$nl
        set -- $units
        IFS=$oldifs
        set +f
        uinfo=$(awk "$KC_UNIT_AWK" "$@" 2>/dev/null)
        while IFS=$tab read -r kind v; do
            [ "$kind" = @E ] && add_file_if "$v"
        done <<EOF
$uinfo
EOF
    fi

    # -- directory listings (find never follows symlinks: no loops)
    dirs1=
    for v in "$P_manifests" "$P_cniDir" "$P_etcdDataDir" /var/lib/kubelet/pki; do
        [ -n "$v" ] && [ -d "$R$v" ] && dirs1="$dirs1$R$v$nl"
    done
    listing=
    set -f
    oldifs=$IFS IFS=$nl
    # shellcheck disable=SC2086
    [ -n "$dirs1" ] && listing=$(find $dirs1 -maxdepth 1 2>/dev/null)
    [ -n "$P_pki" ] && [ -d "$R$P_pki" ] && listing="$listing$nl$(find "$R$P_pki" -maxdepth 4 2>/dev/null)"
    nlist=0
    for f in $listing; do
        nlist=$((nlist + 1))
        if [ $nlist -gt 4000 ]; then
            warn "more than 4000 entries below the Kubernetes directories; the rest were not examined"
            break
        fi
        # find lists each entry once; duplicates of earlier paths are dropped by the stat pass
        case $f in *"$tab"*) continue ;; esac
        STATS="$STATS${f#"$R"}$nl"
    done
    IFS=$oldifs
    set +f

    # -- symlinks: record the target, stat the target too (one level only)
    links=
    extra=
    set -f
    oldifs=$IFS IFS=$nl
    for p in $STATS; do
        if [ -L "$R$p" ]; then
            t=$(readlink "$R$p" 2>/dev/null)
            links="${links}L$tab$p$tab$t$nl"
            case $t in
            /*) extra="$extra$t$nl" ;;
            ?*)
                # resolve against the link's directory, folding leading ./ and ../
                dir=${p%/*}
                while :; do
                    case $t in
                    ./*) t=${t#./} ;;
                    ../*) t=${t#../} dir=${dir%/*} ;;
                    *) break ;;
                    esac
                done
                extra="$extra$dir/$t$nl"
                ;;
            esac
        fi
    done
    for p in $extra; do add_stat "$p"; done

    # -- one stat call for everything
    set --
    qlines=
    for p in $STATS; do
        set -- "$@" "$R$p"
        qlines="${qlines}Q$tab$p$nl"
    done
    IFS=$oldifs
    set +f
    {
        printf '%s' "$qlines"
        printf '%s' "$links"
        [ $# -gt 0 ] && stat -c 'S|%f|%u|%g|%U|%G|%s|%n' "$@" 2>/dev/null
    } | awk "$KC_AWKLIB$KC_STAT_AWK"

    # -- contents: decide what to read, checksum in one call, redact in one awk pass
    set -f
    oldifs=$IFS IFS=$nl
    set --
    for p in $FILES; do
        [ -e "$R$p" ] && set -- "$@" "$R$p"
    done
    IFS=$oldifs
    set +f
    # files that are readable regular files within the size cap -> R lines; others -> FILE skipped
    rlines=$(
        total=0
        [ $# -gt 0 ] && stat -L -c '%f|%s|%n' "$@" 2>/dev/null | while IFS='|' read -r m s f; do
            case $f in
            *.key)
                printf 'K\t%s\t%s\n' "$s" "$f"
                continue
                ;;
            esac
            case $m in
            8???) ;;
            *)
                printf 'N\t%s\t%s\n' "$s" "$f"
                continue
                ;;
            esac
            if [ "$s" -gt "$KC_MAX" ]; then
                printf 'T\t%s\t%s\n' "$s" "$f"
            elif [ $((total + s)) -gt "$KC_BUDGET" ]; then
                printf 'B\t%s\t%s\n' "$s" "$f"
            elif [ ! -r "$f" ]; then
                printf 'U\t%s\t%s\n' "$s" "$f"
            else
                total=$((total + s))
                printf 'R\t%s\t%s\n' "$s" "$f"
            fi
        done
    )
    set -f
    oldifs=$IFS IFS=$nl
    set --
    skipped=
    rr=
    for l in $rlines; do
        case $l in
        R"$tab"*)
            rr="$rr$l$nl"
            f=${l#R"$tab"}
            set -- "$@" "${f#*"$tab"}"
            ;;
        *) skipped="$skipped$l$nl" ;;
        esac
    done
    IFS=$oldifs
    set +f
    if [ -n "$skipped" ]; then
        printf '%s' "$skipped" | awk "$KC_AWKLIB"'
            BEGIN { kc_init(); r["N"] = "not-regular"; r["T"] = "too-large"; r["U"] = "unreadable"; r["K"] = "private-key"; r["B"] = "over-budget" }
            { split($0, F, "\t"); p = substr($0, length(F[1]) + length(F[2]) + 3)
              printf "FILE\t%s\t-\t%s\tskipped\t%s\n", b64(kc_node(p)), F[2], r[F[1]] }'
    fi
    if [ $# -gt 0 ]; then
        bintest=0
        printf 'a\000b\n' | grep -I -q a 2>/dev/null || bintest=1
        plan=$(
            {
                printf '%s' "$rr"
                echo '#SHA'
                sha256sum "$@" 2>/dev/null
                echo '#BIN'
                if [ $bintest = 1 ]; then
                    grep -L -I -e '' "$@" 2>/dev/null
                else
                    for f; do
                        n=$(tr -d '\000' <"$f" | wc -c)
                        s=$(wc -c <"$f")
                        [ "$n" -ne "$s" ] && printf '%s\n' "$f"
                    done
                fi
                echo '#RED'
                grep -l -i -E 'PRIVATE KEY|token|passw|secret|credential|api_?key|key-data|keydata|access-?key|private-?key|://[^/@ ]*:[^/@ ]*@' "$@" 2>/dev/null
            } | awk "$KC_AWKLIB$KC_PLAN_AWK" 2>&1 >&3
        )
        # files to send as they are first, then the ones to redact (the order of the records)
        KC_META= XMETA=
        okf= redact=
        set -f
        oldifs=$IFS IFS=$nl
        for l in $plan; do
            IFS=$tab
            # shellcheck disable=SC2086
            set -- $l
            IFS=$nl
            case $1 in
            @O) okf="$okf$5$nl" KC_META="$KC_META$2$tab$3$tab$4${tab}O$nl" ;;
            @X) redact="$redact$5$nl" XMETA="$XMETA$2$tab$3$tab$4${tab}X$nl" ;;
            *) warn "content plan: $l" ;;
            esac
        done
        KC_META=$KC_META$XMETA
        # shellcheck disable=SC2086
        set -- $okf$redact
        IFS=$oldifs
        set +f
        if [ $# -gt 0 ]; then
            export KC_META
            awk "$KC_AWKLIB$KC_REDACT_AWK" "$@"
        fi
    fi

    # -- facts, profile, binary versions, warnings
    host=
    { read -r host <"$KC_PROC/sys/kernel/hostname"; } 2>/dev/null
    [ -n "$host" ] || host=$(uname -n)
    kern=
    { read -r kern <"$KC_PROC/sys/kernel/osrelease"; } 2>/dev/null
    [ -n "$kern" ] || kern=$(uname -r)
    pretty=
    osr=$R/etc/os-release
    [ -r "$osr" ] || osr=$R/usr/lib/os-release
    if [ -r "$osr" ]; then
        while IFS= read -r l || [ -n "$l" ]; do
            case $l in
            PRETTY_NAME=*)
                pretty=${l#PRETTY_NAME=}
                pretty=${pretty#[\"\']}
                pretty=${pretty%[\"\']}
                ;;
            esac
        done <"$osr"
    fi
    when=$KC_TIME # empty: the facts pass writes the time now
    # effective uid from our own status (no id process)
    uid=
    if [ -r /proc/self/status ]; then
        while read -r k _ e _; do
            case $k in Uid:) uid=$e && break ;; esac
        done </proc/self/status
    fi
    [ -n "$uid" ] || uid=$(id -u 2>/dev/null)
    [ "$uid" = 0 ] || warn "the collector ran as uid $uid, not root: files it could not read are reported missing or unreadable"
    versions=
    to=
    command -v timeout >/dev/null 2>&1 && to="timeout 10"
    oldifs=$IFS
    IFS=$nl
    for l in $VERBINS; do
        c=${l%%"$tab"*} e=${l#*"$tab"}
        e=${e% (deleted)}
        case $versions in *"$tab$c$tab"*) continue ;; esac
        [ -n "$e" ] && [ -x "$R$e" ] && [ ! -d "$R$e" ] || continue
        IFS=$oldifs
        # shellcheck disable=SC2086
        out=$($to "$R$e" --version 2>/dev/null </dev/null)
        IFS=$nl
        ver=
        IFS=" $tab$nl"
        set -f
        for w in $out; do
            case $w in v[0-9]*) ver=$w; break ;; esac
        done
        set +f
        IFS=$nl
        [ -n "$ver" ] && versions="${versions}VERSION$tab$c$tab$ver$nl"
    done
    IFS=$oldifs
    {
        printf 'HOST\thostname\t%s\n' "$host"
        printf 'HOST\tcollectedAt\t%s\n' "$when"
        printf 'HOST\tkernel\t%s\n' "$kern"
        printf 'HOST\tosRelease\t%s\n' "$pretty"
        printf 'HOST\tdistribution\t%s\n' "$DIST"
        printf 'HOST\tuid\t%s\n' "$uid"
        for n in kubernetesDir manifests pki adminConf superAdminConf schedulerConf \
            controllerManagerConf kubeletKubeconfig kubeletConfig etcdDataDir cniDir \
            proxyKubeconfig proxyConfig; do
            eval "v=\$P_$n"
            [ -n "$v" ] && printf 'PROFILE\t%s\t%s\n' "$n" "$v"
        done
        printf '%s' "$versions"
        oldifs=$IFS
        IFS=$nl
        for w in $WARNS; do printf 'WARN\t\t%s\n' "$w"; done
        IFS=$oldifs
    } | awk "$KC_AWKLIB$KC_FACTS_AWK"
    echo '@@DONE'
}

# The END record is written only when collect() got to its end: a collector that dies half-way
# produces a stream the parser rejects.
collect | awk '
    NR == 1 { print; next }
    $0 == "@@DONE" { done = 1; next }
    { print; n++ }
    END { if (done) printf "END\t%d\n", n }'
