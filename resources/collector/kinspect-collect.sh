#!/bin/sh
# kinspect-collect.sh - prints a node snapshot in the format of docs/snapshot-format.md
# ("kinspect-snapshot 1") on stdout. Kinspect runs it as `sh -s -- ARGS` with this script on stdin,
# possibly under sudo.
#
# POSIX sh (dash, busybox sh); tools: stat sha256sum grep awk find ls od (fallbacks: uname date tr wc)
# (timeout when present). It runs on every node of every scan, so it is written for little CPU:
# few processes (every exec costs about a millisecond), no `read` builtin on files or pipes (it
# reads one byte per syscall), lists split with IFS instead. One awk pass reads /proc, one parses
# the configs, manifests and units, and a last one (the "sink" at the end of the pipe) formats the
# stat, content and fact records and counts them.
#
# Secrets are redacted HERE, before anything leaves the node (see "Redaction" in the doc).
#
# Options (for tests): --root DIR     read every node path below DIR, report node paths
#                      --proc DIR     read processes from DIR instead of /proc
#                      --fixed-time T report T as collectedAt (reproducible fixtures)
#          (re-scans)  --known-version COMPONENT=PROCESS=VERSION  the version the previous scan
#                      got from that component's binary; PROCESS is the VERSION record's process
#                      (PID:STARTTIME:BOOTID). While the same process runs, its binary is not
#                      started again (a Go binary's --version costs more CPU than the rest).
#                      Kinspect itself puts these in KC_PRESET_KNOWN (words of the same shape) on
#                      a line before this script: in argv, the component names would make the
#                      collector's own processes look like candidates.

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
KC_KNOWN=
# COMPONENT=PID:STARTTIME:BOOTID=VERSION, taken only in this exact shape (else the binary is asked)
kc_known() {
    case $1 in
    *[!A-Za-z0-9.:=+_-]*) ;;
    [a-z]*=[0-9]*:[0-9]*:[0-9a-f]*=v[0-9]*) KC_KNOWN="$KC_KNOWN
$1" ;;
    esac
}
set -f
for w in ${KC_PRESET_KNOWN-}; do kc_known "$w"; done
set +f
KC_MAX=1048576     # no content for files over 1 MiB
KC_BUDGET=16777216 # nor beyond 16 MiB of content in total (the runner caps stdout at 64 MiB)
while [ $# -gt 0 ]; do
    case $1 in
    --root) KC_ROOT=$2; shift 2 || exit 64 ;;
    --root=*) KC_ROOT=${1#--root=}; shift ;;
    --proc) KC_PROC=$2; shift 2 || exit 64 ;;
    --proc=*) KC_PROC=${1#--proc=}; shift ;;
    --fixed-time) KC_TIME=$2; shift 2 || exit 64 ;;
    --known-version) kc_known "$2"; shift 2 || exit 64 ;;
    --) shift ;;
    *) echo "kinspect-collect: unknown option: $1" >&2; exit 64 ;;
    esac
done
case $KC_ROOT in /*|'') ;; *) KC_ROOT=$PWD/$KC_ROOT ;; esac
case $KC_PROC in /*) ;; *) KC_PROC=$PWD/$KC_PROC ;; esac
while :; do case $KC_ROOT in */) KC_ROOT=${KC_ROOT%/} ;; *) break ;; esac; done
export KC_ROOT KC_PROC KC_MAX

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
    for (i = 1; i < 256; i++) KC_ORD[sprintf("%c", i)] = i
    KC_B = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    for (i = 0; i < 64; i++) KC_B6[i] = substr(KC_B, i + 1, 1)
    # one character where awk keeps NUL bytes in strings (mawk, gawk), empty in busybox awk
    KC_NUL = sprintf("%c", 0)
    KC_INIT = 1
}
# base64 of string s
function b64(s,   n, m, i, v, out, piece) {
    if (!KC_INIT) kc_init()
    n = length(s); m = n - n % 3; out = ""; piece = ""
    for (i = 1; i <= m; i += 3) {
        v = KC_ORD[substr(s, i, 1)] * 65536 + KC_ORD[substr(s, i + 1, 1)] * 256 + KC_ORD[substr(s, i + 2, 1)]
        piece = piece KC_B6[int(v / 262144)] KC_B6[int(v / 4096) % 64] KC_B6[int(v / 64) % 64] KC_B6[v % 64]
        if (length(piece) >= 256) { out = out piece; piece = "" }
    }
    if (n - m == 1) { v = KC_ORD[substr(s, m + 1, 1)]; piece = piece KC_B6[int(v / 4)] KC_B6[v % 4 * 16] "==" }
    else if (n - m == 2) { v = KC_ORD[substr(s, m + 1, 1)] * 256 + KC_ORD[substr(s, m + 2, 1)]; piece = piece KC_B6[int(v / 1024)] KC_B6[int(v / 16) % 64] KC_B6[v % 16 * 4] "=" }
    return out piece
}
# base64 of bytes A[1..n] (argv where awk cannot hold NUL in a string)
function kc_b64arr(A, n,   i, v, out, piece) {
    out = ""; piece = ""
    for (i = 1; i <= n; i += 3) {
        v = A[i] * 65536 + (i + 1 <= n ? A[i + 1] * 256 : 0) + (i + 2 <= n ? A[i + 2] : 0)
        piece = piece KC_B6[int(v / 262144)] KC_B6[int(v / 4096) % 64] \
            (i + 1 <= n ? KC_B6[int(v / 64) % 64] : "=") (i + 2 <= n ? KC_B6[v % 64] : "=")
        if (length(piece) >= 256) { out = out piece; piece = "" }
    }
    return out piece
}
# base64 of the first n bytes of string s, printed (a table of 4096 two-character groups, and
# the groups of three bytes seen so far: this is the hot loop of the collector for file contents)
function kc_b64init(   a, b, c) {
    for (a = 0; a < 64; a++) { c = KC_B6[a]; for (b = 0; b < 64; b++) KC_B2[a * 64 + b] = c KC_B6[b] }
}
function kc_b64str3(s, n,   i, m, v, piece, g, e) {
    piece = ""; m = n - n % 3
    for (i = 1; i <= m; i += 3) {
        if ((e = KC_B3[g = substr(s, i, 3)]) == "") {
            v = KC_ORD[substr(g, 1, 1)] * 65536 + KC_ORD[substr(g, 2, 1)] * 256 + KC_ORD[substr(g, 3, 1)]
            e = KC_B3[g] = KC_B2[int(v / 4096)] KC_B2[v % 4096]
        }
        piece = piece e
        if (length(piece) >= 256) { printf "%s", piece; piece = "" }
    }
    if (n - m == 1) { v = KC_ORD[substr(s, m + 1, 1)] * 16; piece = piece substr(KC_B2[v], 1, 2) "==" }
    else if (n - m == 2) { v = KC_ORD[substr(s, m + 1, 1)] * 1024 + KC_ORD[substr(s, m + 2, 1)] * 4; piece = piece KC_B2[int(v / 64)] KC_B6[v % 64] "=" }
    printf "%s", piece
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

# ---------------------------------------------------------------------------------------------
# 1. Processes. ARGV holds the /proc/PID directories (the shell's glob). One awk reads every
# cmdline with getline (a few syscalls per file; the shell's `read` took one per byte), keeps the
# candidates (a component name anywhere in the cmdline) and splits them at their NULs. Their
# executables are read later by the shell's one stat call (no process here): the PROC records go
# to the sink as "@PR" lines, which prints them once it has the executables; a candidate whose
# argv[0] names no component gets "?PID" as its component, the shell looks at its executable.
# Where awk cannot split at NUL (busybox), an od hex dump gives the bytes of each candidate and
# one `ls -ln` their executables, and the PROC records are printed here. A process that vanishes
# on the way reads as empty and is skipped.
KC_PROC_AWK='
BEGIN {
    kc_init(); KC_NULRS = kc_nulrs(); nc = 0
    # tell the shell whether awk keeps NUL bytes in strings (the sink looks for them then)
    if (length(KC_NUL) == 1) print "@N" > "/dev/stderr"
    # user and group names: where NSS asks /etc/passwd and /etc/group first, the sink reads them
    # itself (stat looked both up for every path, reading the files each time). KC_NSS: the shell
    # saw the three files regular (mawk dies reading a directory)
    while (ENVIRON["KC_NSS"] != "" && (getline l < "/etc/nsswitch.conf") > 0) {
        $0 = l
        if ($1 == "passwd:") { kc_np++; kc_pw = ($2 == "files") }
        if ($1 == "group:") { kc_ng++; kc_gr = ($2 == "files") }
    }
    close("/etc/nsswitch.conf")
    if (kc_np == 1 && kc_ng == 1 && kc_pw && kc_gr) print "@U" > "/dev/stderr"
    # this awk is in the glob of the real /proc, and its program names the components: skip it
    self = ""
    if (ENVIRON["KC_PROC"] == "/proc") { getline self < "/proc/self/stat"; close("/proc/self/stat"); sub(/ .*/, "", self) }
    for (ai = 1; ai < ARGC; ai++) {
        if (ARGV[ai] == "/proc/" self) continue
        f = ARGV[ai] "/cmdline"; ni = 0; s = ""
        if (KC_NULRS) RS = "\0"
        while ((getline a < f) > 0) { T[++ni] = a; s = s a }
        close(f); RS = "\n"
        if (s !~ /kube-apiserver|kube-controller-manager|kube-scheduler|etcd|kubelet|kube-proxy|k3s|rke2|hyperkube/) continue
        CD[++nc] = ARGV[ai]; CN[nc] = ni
        if (KC_NULRS) for (k = 1; k <= ni; k++) CI[nc, k] = T[k]
    }
    if (nc == 0) exit
    if (KC_NULRS) {
        print "@X" > "/dev/stderr"
        for (k = 1; k <= nc; k++) {
            pid = kc_base(CD[k]); exe = ""
            for (i = 1; i <= CN[k]; i++) IT[i] = CI[k, i]
            if (CN[k] > 0) finish(CN[k], 1)
        }
        exit
    }
    # (busybox awk) one sh runs ls for the exe links and od for each candidate
    cmd = ""
    for (k = 1; k <= nc; k++) cmd = cmd " " kc_q(CD[k] "/exe")
    cmd = "QUOTING_STYLE=literal ls -ln --" cmd " 2>/dev/null"
    for (k = 1; k <= nc; k++) cmd = cmd "; echo @; od -An -v -tx1 2>/dev/null <" kc_q(CD[k] "/cmdline")
    for (i = 0; i < 256; i++) { KC_HEX[sprintf("%02x", i)] = i; KC_CHR[i] = sprintf("%c", i) }
    # "ls -ln" lines: "... /proc/PID/exe -> TARGET"; then "@" and the bytes of each candidate
    sec = 0
    while ((cmd | getline line) > 0) {
        if (line == "@") { if (sec) kc_odargv(sec); sec++; nb = 0; continue }
        if (sec) { n = split(line, W, " "); for (i = 1; i <= n; i++) BYTES[++nb] = KC_HEX[W[i]]; continue }
        if (match(line, /\/[0-9]+\/exe -> /)) {
            t = substr(line, RSTART + 1, RLENGTH - 1); sub(/\/.*/, "", t)
            EXE[t] = substr(line, RSTART + RLENGTH)
        }
    }
    close(cmd)
    if (sec) kc_odargv(sec)
    for (k = 1; k <= nc; k++) {
        if (!(k in DONE)) continue
        pid = kc_base(CD[k]); exe = (pid in EXE) ? EXE[pid] : ""
        for (i = 1; i <= CN[k]; i++) IT[i] = CI[k, i]
        if (CN[k] > 0) finish(CN[k], 0)
    }
    exit
}
# Can this awk split a file at NUL bytes (mawk, gawk; not busybox)?
function kc_nulrs(   ors, a, n) {
    ors = RS; RS = "\0"; n = 0
    while ((getline a < "/proc/self/cmdline") > 0) n++
    close("/proc/self/cmdline"); RS = ors
    return n >= 2
}
function kc_q(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
# argv items of candidate k from BYTES[1..nb]
function kc_odargv(k,   i, cur, ni) {
    DONE[k] = 1; ni = 0; cur = ""
    for (i = 1; i <= nb; i++) {
        if (BYTES[i] == 0) { CI[k, ++ni] = cur; cur = "" } else cur = cur KC_CHR[BYTES[i]]
    }
    if (nb > 0 && BYTES[nb] != 0) CI[k, ++ni] = cur
    CN[k] = ni
}
# the argv redaction rules applied to the space-separated words of one item
function kc_redact_words(s, comp,   W, n, j, w, eq, out) {
    n = split(s, W, / /)
    for (j = 1; j <= n; j++) {
        w = W[j]
        if (w ~ /^--?[A-Za-z0-9_.-]+=/) {
            eq = index(w, "=")
            if (kc_secret_name(tolower(substr(w, 1, eq - 1))) && substr(w, eq + 1) != "") W[j] = substr(w, 1, eq) "REDACTED"
        } else if ((w ~ /^--[A-Za-z0-9_.-]+$/ && kc_secret_name(tolower(w))) || (w == "-t" && (comp == "k3s" || comp == "rke2"))) {
            if (j < n && W[j + 1] != "" && W[j + 1] !~ /^-/) { W[j + 1] = "REDACTED"; j++ }
        }
    }
    out = W[1]
    for (j = 2; j <= n; j++) out = out " " W[j]
    return out
}
function finish(ni, later,   i, j, it, a0, base, w2, exebase, comp, red, nm, v, eq, out, n, A, k, pre, t) {
    a0 = IT[1]; base = kc_base(a0); w2 = (ni >= 2 ? IT[2] : "")
    # a rewritten process title ("/usr/local/bin/k3s server --token ...") has its words in one
    # item: the first names the program (its later words may hold slashes), the second the
    # sub-command
    if (index(a0, " ") > 0) {
        t = a0; sub(/ .*/, "", t); t = kc_base(t)
        if (index(base, " ") > 0 || t ~ /^(kube-apiserver|kube-controller-manager|kube-scheduler|etcd|kubelet|kube-proxy|hyperkube|k3s|k3s-server|k3s-agent|rke2)$/) {
            w2 = a0; sub(/^[^ ]* +/, "", w2); sub(/ .*/, "", w2); base = t
        }
    }
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
        # argv[0] says nothing: fall back to the executable (single-purpose binaries only; the
        # shell decides when it is read later)
        if (later) comp = "?" pid
        else if (exebase ~ /^(kube-apiserver|kube-controller-manager|kube-scheduler|etcd|kubelet|kube-proxy)$/) comp = exebase
    }
    if (comp == "") return

    # redact secret values (--token=V, --token V, k3s -t V, URL passwords)
    red = 0
    for (i = 1; i <= ni; i++) {
        it = IT[i]
        # a process that rewrote its title holds several words in one item ("k3s agent --token
        # V ..."): the same rules apply to its words
        if (index(it, " ") > 0) { it = kc_redact_words(it, comp); if (it != IT[i]) { IT[i] = it; red = 1 } }
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
    if (length(KC_NUL) == 1) {
        v = IT[1]
        for (i = 2; i <= ni; i++) v = v KC_NUL IT[i]
        v = b64(v)
    } else {
        n = 0
        for (i = 1; i <= ni; i++) {
            if (i > 1) A[++n] = 0
            k = length(IT[i])
            for (j = 1; j <= k; j++) A[++n] = KC_ORD[substr(IT[i], j, 1)]
        }
        v = kc_b64arr(A, n)
    }
    if (later) printf "@PR\t%s\t%s\t%s\t%s\n", pid, comp, v, (red ? "redacted" : "ok")
    else printf "PROC\t%s\t%s\t%s\t%s\t%s\n", pid, comp, b64(exe), v, (red ? "redacted" : "ok")
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
# 2. One awk for the kubelet and kube-proxy configs (path-like values), the static-pod manifests
# (image tags, etcd --data-dir) and the systemd units (EnvironmentFile=). ARGV: ncfg configs, nman
# manifests, then the units. Prints tagged lines for the shell, which uses them in the order the
# records need. KC_PROXYCFG names the kube-proxy config.
KC_PARSE_AWK='
BEGIN {
    for (ai = 1; ai < ARGC; ai++) {
        f = ARGV[ai]; kind = (ai <= ncfg) ? 1 : (ai <= ncfg + nman) ? 2 : 3
        proxy = (f == ENVIRON["KC_PROXYCFG"])
        while ((getline line < f) > 0) {
            if (kind == 1) cfgline(line)
            else if (kind == 2) manline(line, f)
            else if (line ~ /^[ \t]*EnvironmentFile[ \t]*=/) unitline(line)
        }
        close(f)
    }
    exit
}
# key/value scan of YAML or JSON
function cfgline(line,   kv, k, v) {
    while (match(line, /"?[A-Za-z]+"?[ \t]*:[ \t]*"?\/[^"\047,}\r \t]*/)) {
        kv = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH)
        k = kv; sub(/[ \t]*:.*/, "", k); gsub(/"/, "", k)
        v = kv; sub(/^[^:]*:[ \t]*"?/, "", v)
        if (!proxy && k ~ /(File|Path|Dir|Conf)$/) print "@K\t" k "\t" v
        if (proxy && k == "kubeconfig") print "@P\t" k "\t" v
    }
}
function manline(line, f,   img, name, tag, d) {
    if (line ~ /^[ \t-]*image:[ \t]*/) {
        img = line; sub(/^[ \t-]*image:[ \t]*/, "", img); gsub(/["\047\r]/, "", img); sub(/[ \t].*/, "", img)
        sub(/@sha256:.*/, "", img)
        name = img; sub(/:[^:\/]*$/, "", name); name = kc_base(name)
        tag = ""; if (match(img, /:[^:\/]+$/)) tag = substr(img, RSTART + 1)
        if (name ~ /^(kube-apiserver|kube-controller-manager|kube-scheduler|etcd)$/ && tag != "" && !(name in seen)) {
            seen[name] = 1; printf "@M\tVERSION\t%s\t%s\timage\n", name, b64(tag)
        }
    }
    if (line ~ /--data-dir[= ]/ && f ~ /etcd[^\/]*$/) {
        d = line; sub(/.*--data-dir[= ]["\047]?/, "", d); sub(/[]"\047\r ,].*/, "", d)
        if (d ~ /^\//) print "@D\t" d
    }
}
function unitline(s,   n, w, i, p) {
    sub(/^[^=]*=[ \t]*/, "", s); sub(/\r$/, "", s)
    n = split(s, w, /[ \t]+/)
    for (i = 1; i <= n; i++) { p = w[i]; gsub(/"/, "", p); sub(/^-/, "", p); if (p ~ /^\//) print "@E\t" p }
}
'

# ---------------------------------------------------------------------------------------------
# 3. The sink: everything the collector prints goes through it. Records pass through; lines
# starting with "@" are instructions from the shell, "@@X" ... "@@/" sections carry raw tool
# output. It formats the STAT records from `stat` lines, plans and sends the contents (reads,
# redacts and base64-encodes them itself), prints the facts and, when the shell got to its end
# (@DONE), the END record with the count: a collector that dies half-way produces a stream the
# parser rejects.
KC_SINK_AWK='
BEGIN {
    kc_init(); nrec = 0
    SKIP["N"] = "not-regular"; SKIP["T"] = "too-large"; SKIP["U"] = "unreadable"; SKIP["K"] = "private-key"; SKIP["B"] = "over-budget"
}
NR == 1 { print; next }
sec != "" {
    if ($0 == "@@/") sec = ""
    else if (sec == "Q") { if (!($0 in want)) { want[$0] = 1; order[++nq] = $0 } }
    else if (sec == "S") statline($0)
    else if (sec == "H") {
        if ($0 ~ /^\\?[0-9a-f]+  /) { h = $0; sub(/^\\/, "", h); t = index(h, "  "); sha[substr(h, t + 2)] = substr(h, 1, t - 1) }
    }
    else if (sec == "B") bin[$0] = 1
    else if (sec == "O") FO[++nfo] = $0
    else if (sec == "W") { if ($0 != "") W[++nw] = $0 }
    next
}
/^@@[A-Z]$/ { sec = substr($0, 3); next }
$0 == "@U" { names = 1; next }
/^@/ {
    n = split($0, F, "\t"); t = F[1]
    # "@L<TAB>path<TAB>target": the target of a symlink (may hold tabs)
    if (t == "@L") { link[F[2]] = substr($0, length(F[2]) + 5); next }
    # "@PR<TAB>pid<TAB>component<TAB>b64(argv)<TAB>state": a PROC record without its executable;
    # "@PC": the component of a "?PID" one, "@PE": the executable; "@PROCS": print them
    if (t == "@PR") { PP[++npp] = F[2]; PCOMP[F[2]] = F[3]; PARGV[F[2]] = F[4]; PST[F[2]] = F[5]; next }
    if (t == "@PC") { PCOMP[F[2]] = F[3]; next }
    if (t == "@PE") { PEXE[F[2]] = substr($0, length(F[2]) + 6); next }
    if (t == "@PROCS") {
        for (i = 1; i <= npp; i++) {
            p = PP[i]
            if (substr(PCOMP[p], 1, 1) != "?") rec(sprintf("PROC\t%s\t%s\t%s\t%s\t%s", p, PCOMP[p], b64(PEXE[p]), PARGV[p], PST[p]))
        }
        next
    }
    if (t == "@SEND") { for (i = 1; i <= nq; i++) if (!(order[i] in done)) rec(sprintf("STAT\t%s\tmissing", b64(order[i]))); next }
    # "@C<TAB>K|N|T|U|B|R<TAB>size<TAB>path": how a file is sent (R: read), in any order
    if (t == "@C") { p = substr($0, length(F[2] F[3]) + 6); q = kc_node(p); CT[q] = F[2]; CS[q] = F[3]; CF[q] = p; next }
    # the skipped ones in FILES order (the @@O section), then the files to read in that order
    if (t == "@ORDER") {
        for (i = 1; i <= nfo; i++) {
            q = FO[i]
            if (!(q in CT)) continue
            if (CT[q] == "R") { RSZ[++nr] = CS[q]; RP[nr] = CF[q] }
            else rec(sprintf("FILE\t%s\t-\t%s\tskipped\t%s", b64(q), CS[q], SKIP[CT[q]]))
            delete CT[q]
        }
        next
    }
    if (t == "@CONTENT") { content(); next }
    if (t == "@T") { when = F[2]; next }
    if (t == "@O") { osr = substr($0, 4); next }
    if (t == "@D") { dist = F[2]; next }
    if (t == "@P") { PN[++np] = F[2]; PV[np] = substr($0, length(F[2]) + 5); next }
    if (t == "@V") { VN[++nv] = F[2]; VV[nv] = F[3]; VP[nv] = F[4]; next }
    if (t == "@DONE") { facts(); done_ = 1; next }
}
{ rec($0) }
END { if (done_) printf "END\t%d\n", nrec }
function rec(s) { print s; nrec++ }
# "S<TAB>rawmodehex<TAB>uid<TAB>gid<TAB>user<TAB>group<TAB>size<TAB>path<TAB>%N" -> STAT
function statline(s,   F, f, t, p, m, h, i, ft, type) {
    if (substr(s, 1, 2) != "S\t") return
    s = substr(s, 3)
    for (f = 1; f <= 6; f++) { t = index(s, "\t"); F[f] = substr(s, 1, t - 1); s = substr(s, t + 1) }
    t = index(s, "\t"); if (t) s = substr(s, 1, t - 1)
    p = kc_node(s)
    if (!(p in want) || (p in done)) return
    done[p] = 1
    if ((h = F[1]) in KC_MODE) m = KC_MODE[h]
    else {
        m = 0; h = tolower(h)
        for (i = 1; i <= length(h); i++) m = m * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
        KC_MODE[F[1]] = m
    }
    ft = int(m / 4096)
    type = (ft == 8) ? "regular" : (ft == 4) ? "directory" : (ft == 10) ? "symlink" : "other"
    if (names) { F[4] = kc_name("u", F[2], s); F[5] = kc_name("g", F[3], s) }
    if (!(F[4] in KC_N64)) KC_N64[F[4]] = b64(F[4])
    if (!(F[5] in KC_N64)) KC_N64[F[5]] = b64(F[5])
    rec(sprintf("STAT\t%s\t%s\t%o\t%s\t%s\t%s\t%s\t%s\t%s", b64(p), type, m % 4096, F[2], F[3], KC_N64[F[4]], KC_N64[F[5]], F[6], (type == "symlink" ? b64(link[p]) : "")))
}
# The name of user (k "u") or group ("g") id: the first entry of /etc/passwd or /etc/group, as
# NSS "files" gives it; an id not there is asked of stat with path f (what NSS says after files)
function kc_name(k, id, f,   l, F, c) {
    if ((k id) in NAME) return NAME[k id]
    if (!NAMES_READ) {
        NAMES_READ = 1
        while ((getline l < "/etc/passwd") > 0) kc_nameline("u", l)
        close("/etc/passwd")
        while ((getline l < "/etc/group") > 0) kc_nameline("g", l)
        close("/etc/group")
        if ((k id) in NAME) return NAME[k id]
    }
    gsub(/\047/, "\047\\\047\047", f)
    c = "stat -c %" (k == "u" ? "U" : "G") " \047" f "\047 2>/dev/null"
    NAME[k id] = ""; c | getline NAME[k id]; close(c)
    return NAME[k id]
}
function kc_nameline(k, l,   F) {
    sub(/^[ \t]+/, "", l)
    if (l ~ /^#/ || split(l, F, ":") < 3 || F[1] == "" || F[3] !~ /^[0-9]+$/) return
    if (!((k (F[3] + 0)) in NAME)) NAME[k (F[3] + 0)] = F[1]
}
# Files not read by checksum (unreadable) or holding NUL (binary) first, then the files sent as
# they are, then the ones that may hold a secret (the lines grep -i used to flag), redacted. One
# read finds a NUL (files up to 32 KiB, where awk keeps NUL bytes in strings; larger ones came
# from grep) and the secret words, and keeps the lines of a file sent as it is: what is sent is
# what was checked.
function content(   i, j, k, n, p, nc, nx, C, X, nul, f, r, line, c, RED, NUL, FL, FN, FB, FR, FC) {
    nul = (length(KC_NUL) == 1)
    for (i = 1; i <= nr; i++) {
        f = RP[i]
        if (!(f in sha) || (f in bin)) continue
        if (nul) {
            # all of a file without NUL is one record: kept as it is (no per-line work); the
            # secret words of any one line ([^...] runs stop at a newline)
            RS = "\0"; n = 0; c = ""
            while ((r = (getline line < f)) > 0) c = (n++ ? c KC_NUL : "") line
            close(f); RS = "\n"
            # (one record short of the size: a NUL at the very end, or the file changed)
            if (n == 0 || n == 1 && length(c) == RSZ[i]) {
                FR[i] = r
                if (tolower(c) ~ /private key|token|passw|secret|credential|api_?key|key-data|keydata|access-?key|private-?key|:\/\/[^\/@ \n]*:[^\/@ \n]*@/) RED[i] = 1
                else FC[i] = c
                continue
            }
            if (n > 1 && RSZ[i] <= 32768) { NUL[i] = 1; continue }
            # else by lines, as below (a NUL late in a larger file grep -I called text)
        }
        k = nul && RSZ[i] <= 32768; n = 0; FB[i] = 0
        while ((r = (getline line < f)) > 0) {
            if (k && index(line, KC_NUL)) { NUL[i] = 1; break }
            if (!RED[i] && tolower(line) ~ /private key|token|passw|secret|credential|api_?key|key-data|keydata|access-?key|private-?key|:\/\/[^\/@ ]*:[^\/@ ]*@/) {
                RED[i] = 1
                if (!k) break
            }
            if (!RED[i]) { FL[i, ++n] = line; FB[i] += length(line) + 1 }
        }
        close(f)
        FN[i] = n; FR[i] = r
    }
    nc = 0
    for (i = 1; i <= nr; i++) {
        p = RP[i]
        if (!(p in sha)) rec(sprintf("FILE\t%s\t-\t%s\tskipped\tunreadable", b64(kc_node(p)), RSZ[i]))
        else if (((p in bin) || (i in NUL)) && RSZ[i] > 0) rec(sprintf("FILE\t%s\t%s\t%s\tskipped\tbinary", b64(kc_node(p)), sha[p], RSZ[i]))
        else C[++nc] = i
    }
    if (nc) kc_b64init()
    nx = 0
    for (k = 1; k <= nc; k++) {
        i = C[k]
        if (RED[i]) { X[++nx] = i; continue }
        if (i in FC) {
            if (FR[i] < 0) { rec(sprintf("FILE\t%s\t-\t%s\tskipped\tunreadable", b64(kc_node(RP[i])), RSZ[i])); continue }
            printf "FILE\t%s\t%s\t%s\tok\t", b64(kc_node(RP[i])), sha[RP[i]], RSZ[i]
            kc_b64str3(FC[i], length(FC[i])); delete FC[i]
            printf "\n"; nrec++
            continue
        }
        nl = FN[i]; orig = FB[i]; changed = 0
        for (j = 1; j <= nl; j++) { L[j] = FL[i, j]; delete FL[i, j] }
        flush(FR[i] < 0, sha[RP[i]], RSZ[i], b64(kc_node(RP[i])))
    }
    for (k = 1; k <= nx; k++) {
        i = X[k]; f = RP[i]; nl = 0; orig = 0; changed = 0; inpem = 0; pend = 0
        while ((r = (getline line < f)) > 0) { orig += length(line) + 1; addline(line) }
        close(f)
        flush(r < 0, sha[f], RSZ[i], b64(kc_node(f)))
    }
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
function flush(failed, h, size, bp,   i, t, k) {
    if (failed) { rec(sprintf("FILE\t%s\t-\t%s\tskipped\tunreadable", bp, size)); return }
    printf "FILE\t%s\t%s\t%s\t%s\t", bp, h, size, (changed ? "redacted" : "ok")
    # (encoded in pieces of some KiB: a whole number of three-byte groups each)
    t = ""
    for (i = 1; i <= nl; i++) {
        t = t L[i] ((i < nl || orig != size + 1) ? "\n" : "")
        delete L[i]
        if (length(t) >= 3072) { k = length(t) - length(t) % 3; kc_b64str3(t, k); t = substr(t, k + 1) }
    }
    kc_b64str3(t, length(t))
    printf "\n"; nrec++
}
# HOST, PROFILE, VERSION (binary) and WARN records. The node facts are read here: hostname and
# kernel from KC_PROC, PRETTY_NAME of os-release, the effective uid from our own status (the
# same as the shell).
function facts(   host, kern, pretty, uid, f, l, r, c, i, U) {
    host = kc_line1(ENVIRON["KC_PROC"] "/sys/kernel/hostname")
    if (host == "") { c = "uname -n"; c | getline host; close(c) }
    kern = kc_line1(ENVIRON["KC_PROC"] "/sys/kernel/osrelease")
    if (kern == "") { c = "uname -r"; c | getline kern; close(c) }
    pretty = ""
    # (the shell chose the file: readable, and regular, as awk cannot read a directory)
    r = (osr != "") ? (getline l < osr) : 0
    while (r > 0) {
        if (l ~ /^PRETTY_NAME=/) { pretty = substr(l, 13); sub(/^["\047]/, "", pretty); sub(/["\047]$/, "", pretty) }
        r = (getline l < osr)
    }
    if (osr != "") close(osr)
    uid = ""
    while ((getline l < "/proc/self/status") > 0) { split(l, U); if (U[1] == "Uid:") { uid = U[3]; break } }
    close("/proc/self/status")
    if (uid == "") { c = "id -u 2>/dev/null"; c | getline uid; close(c) }
    if (uid != "0") W[++nw] = "the collector ran as uid " uid ", not root: files it could not read are reported missing or unreadable"
    rec("HOST\thostname\t" b64(host))
    rec("HOST\tcollectedAt\t" b64(when != "" ? when : kc_now()))
    rec("HOST\tkernel\t" b64(kern))
    rec("HOST\tosRelease\t" b64(pretty))
    rec("HOST\tdistribution\t" b64(dist))
    rec("HOST\tuid\t" b64(uid))
    for (i = 1; i <= np; i++) rec("PROFILE\t" PN[i] "\t" b64(PV[i]))
    for (i = 1; i <= nv; i++) rec("VERSION\t" VN[i] "\t" b64(VV[i]) "\tbinary" (VP[i] != "" ? "\t" VP[i] : ""))
    for (i = 1; i <= nw; i++) rec("WARN\t" b64(W[i]))
}
# first line of a file without leading and trailing blanks (what `read -r` gave)
function kc_line1(f,   l) {
    l = ""; getline l < f; close(f)
    sub(/^[ \t]+/, "", l); sub(/[ \t]+$/, "", l)
    return l
}
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

# Warnings are gathered and printed at the end.
WARNS=
warn() { WARNS="$WARNS$1$nl"; }

# LROOTS, LPKI: the roots of the directory listings (depth 1, pki depth 4) for the profile as it
# is now; LONE: one find can list them all: no root inside another (entries then belong to one
# root each) and none with a glob character, a doubled or trailing slash or a "/./"
kc_roots() {
    LROOTS=
    for v in "$P_manifests" "$P_cniDir" "$P_etcdDataDir" /var/lib/kubelet/pki; do
        [ -n "$v" ] && [ -d "$R$v" ] && LROOTS="$LROOTS$R$v$nl"
    done
    LPKI=
    [ -n "$P_pki" ] && [ -d "$R$P_pki" ] && LPKI=$R$P_pki
    LONE=
    [ -n "$LROOTS" ] && [ -n "$LPKI" ] || return 0
    LONE=1
    set -f
    oldifs=$IFS IFS=$nl
    for r in $LROOTS$LPKI; do
        case $r in *[][*?\\]* | */ | *//* | */./*) LONE= ;; esac
        case "$nl$LROOTS$LPKI$nl" in *"$nl$r/"* | *"$nl$r$nl"*"$nl$r$nl"*) LONE= ;; esac
    done
    IFS=$oldifs
    set +f
}
# BIG: the files of the newline-separated list $1 over KC_MAX bytes. One find call checks every
# file a parse pass will read: no awk may read what the content pass refuses (50 MB where a
# manifest should be); the big ones stay in FILES and are reported as skipped too-large. When
# one find can list the directories (LONE, no root a symlink: -H follows the arguments), it lists
# them too (LGUESS, for the roots in LGROOTS): the files go in as R/./PATH, which no entry of a
# listing looks like.
kc_big() {
    BIG= LGUESS= LGROOTS=
    [ -n "$1" ] || return 0
    set -f
    oldifs=$IFS IFS=$nl
    kc_m=$LONE
    case $R in *[][*?\\]*) kc_m= ;; esac
    for r in $LROOTS$LPKI; do [ -L "$r" ] && kc_m=; done
    if [ -z "$kc_m" ]; then
        # shellcheck disable=SC2086
        BIG=$(find -L $1 -prune -type f -size +"$KC_MAX"c 2>/dev/null)
        IFS=$oldifs
        set +f
        return 0
    fi
    kc_l=$1
    set --
    for f in $kc_l; do set -- "$@" "$R/.${f#"$R"}"; done
    # shellcheck disable=SC2086
    set -- "$@" $LROOTS "$LPKI" -maxdepth 4 \( -path "$R/./*" \( -type f -size +"$KC_MAX"c -print -prune -o -prune \) \) -o \(
    kc_o=
    for r in $LROOTS; do
        set -- "$@" $kc_o -path "$r/*/*"
        kc_o=-o
    done
    set -- "$@" \) -prune -o -print
    # (split at newlines only, no globbing: set -f and IFS above)
    # shellcheck disable=SC2044
    for l in $(find -H "$@" 2>/dev/null); do
        case $l in
        "$R/./"*) BIG="$BIG$R${l#"$R/."}$nl" ;;
        *) LGUESS="$LGUESS$l$nl" ;;
        esac
    done
    LGROOTS="$LROOTS$nl$LPKI"
    IFS=$oldifs
    set +f
}
# KC_LIST: the files of list $1 that are not in BIG, with a warning for each one that is ($2 = q:
# no warnings, the list is only a guess yet)
kc_small() {
    KC_LIST=$1
    [ -n "$BIG" ] && [ -n "$1" ] || return 0
    set -f
    oldifs=$IFS IFS=$nl
    KC_LIST=
    for f in $1; do
        case "$nl$BIG$nl" in
        *"$nl$f$nl"*) [ "$2" = q ] || warn "${f#"$R"} is larger than $KC_MAX bytes and was not parsed" ;;
        *) KC_LIST="$KC_LIST$f$nl" ;;
        esac
    done
    IFS=$oldifs
    set +f
}
# The parse pass over configs ($1), manifests ($2) and units ($3), all lists of files within the
# cap: PINFO gets its tagged lines.
kc_parse() {
    PINFO=
    [ -n "$1$2$3" ] || return 0
    set -f
    oldifs=$IFS IFS=$nl
    kc_c=$1 kc_m=$2 kc_u=$3
    # shellcheck disable=SC2086
    set -- $kc_c
    ncfg=$#
    # shellcheck disable=SC2086
    set -- $kc_m
    nman=$#
    # shellcheck disable=SC2086
    set -- $kc_c $kc_m $kc_u
    IFS=$oldifs
    set +f
    PINFO=$(awk -v ncfg=$ncfg -v nman=$nman "$KC_AWKLIB$KC_PARSE_AWK" "$@" 2>/dev/null)
}

# Lists of node paths (newline separated, deduplicated by the shell: no fork). A path is looked
# up among those of its length only (KC_S<length>, KC_F<length>), not in the whole list (a scan
# per path grows with the square of the number of paths).
STATS=
FILES=
ODDFILES=
# shellcheck disable=SC2154 # kc_b is set by eval
add_stat() {
    case $1 in /*) ;; *) return ;; esac
    case $1 in
    *"$nl"* | *"$tab"*)
        warn "a path with a tab or newline in its name was not examined"
        return
        ;;
    esac
    eval "kc_b=\$KC_S${#1}"
    case "$nl$kc_b" in *"$nl$1$nl"*) return ;; esac
    eval "KC_S${#1}=\"\$kc_b\$1\$nl\""
    STATS="$STATS$1$nl"
}
add_file() {
    case $1 in /*) ;; *) return ;; esac
    case $1 in *"$nl"* | *"$tab"*) ODDFILES=1 ;; esac
    add_stat "$1"
    eval "kc_b=\$KC_F${#1}"
    case "$nl$kc_b" in *"$nl$1$nl"*) return ;; esac
    eval "KC_F${#1}=\"\$kc_b\$1\$nl\""
    FILES="$FILES$1$nl"
}
# add_file only when the file exists (optional locations)
add_file_if() { if [ -e "$R$1" ] || [ -L "$R$1" ]; then add_file "$1"; fi; }

# KC_F, KC_T: path and symlink target in a line of the stat call ("S<TAB>mode<TAB>uid<TAB>gid
# <TAB>user<TAB>group<TAB>size<TAB>PATH<TAB>%N"). %N is "PATH -> TARGET" (GNU, literal quoting)
# or "'PATH' -> 'TARGET'" (busybox); without the arrow (or empty) the link could not be read.
kc_target() {
    kc_l=${1#*"$tab"*"$tab"*"$tab"*"$tab"*"$tab"*"$tab"*"$tab"}
    KC_F=${kc_l%%"$tab"*} kc_l=${kc_l#*"$tab"}
    case $kc_l in
    "$KC_F -> "*) KC_T=${kc_l#"$KC_F -> "} ;;
    "'$KC_F' -> '"*"'") KC_T=${kc_l#"'$KC_F' -> '"} KC_T=${KC_T%"'"} ;;
    '' | "$KC_F" | "'$KC_F'") KC_T= ;;
    *) KC_T=$(readlink "$KC_F" 2>/dev/null) ;;
    esac
}

# The files of the manifests dir $1 (MANIFESTS, rooted), with their add_file and the warning
# past 100 ($2 = q: only list them)
kc_manifests() {
    MANIFESTS=
    nman=0
    for f in "$R$1"/*; do
        [ -f "$f" ] || continue
        nman=$((nman + 1))
        if [ $nman -gt 100 ]; then
            [ "$2" = q ] || warn "more than 100 files in $1; the rest were not read"
            break
        fi
        [ "$2" = q ] || add_file "${f#"$R"}"
        MANIFESTS="$MANIFESTS$f$nl"
    done
}
# The systemd units and drop-ins (UNITS, rooted), with their add_file/add_stat ($1 = q: only list)
kc_units() {
    UNITS=
    for d in /etc/systemd/system /run/systemd/system /usr/lib/systemd/system /lib/systemd/system; do
        for u in kubelet k3s k3s-agent rke2-server rke2-agent; do
            f=$R$d/$u.service
            if [ -f "$f" ]; then
                [ "$1" = q ] || add_file "$d/$u.service"
                UNITS="$UNITS$f$nl"
            fi
            [ -d "$f.d" ] && [ "$1" != q ] && add_stat "$d/$u.service.d"
            for f in "$f.d"/*.conf; do
                [ -f "$f" ] || continue
                [ "$1" = q ] || add_file "${f#"$R"}"
                UNITS="$UNITS$f$nl"
            done
        done
    done
}

collect() {
    exec 3>&1
    printf 'kinspect-snapshot\t1\t%s\n' "$KC_VERSION"

    # -- processes: PROC records (or "@PR" lines) go to the output, the rest comes back on stderr
    KC_NSS=
    [ -f /etc/nsswitch.conf ] && [ -f /etc/passwd ] && [ -f /etc/group ] && KC_NSS=1
    procinfo=$(KC_NSS=$KC_NSS awk "$KC_AWKLIB$KC_PROC_AWK" "$KC_PROC"/[0-9]* 2>&1 >&3)
    COMPS=
    KUBELET_CONFIG= KUBELET_CONFIG_DIR= KUBELET_KUBECONFIG= MANIFEST_FLAG=
    PROXY_CONFIG= PROXY_KUBECONFIG= PROXY_PID= ETCD_DATA= KC_NUL=
    # VB: "component<TAB>pid" whose --version is asked; EXES: "pid<TAB>exe"; EXEREQ: exe links
    # the stat call reads; PINS: what the sink needs to print the "@PR" lines
    VB= EXES= EXEREQ= PINS= later= names=
    set -f
    oldifs=$IFS IFS=$nl
    # candidates awk could not place by argv[0]: one ls for their executables
    fbexe=
    case "$nl$procinfo" in
    *"$nl@C$tab?"*)
        set --
        for l in $procinfo; do
            case $l in "@C$tab?"*) l=${l#"@C$tab?"} && set -- "$@" "$KC_PROC/${l%%"$tab"*}/exe" ;; esac
        done
        fbexe=$nl$(QUOTING_STYLE=literal ls -ln -- "$@" 2>/dev/null)
        ;;
    esac
    fq= fc=
    for l in $procinfo; do
        IFS=$tab
        # shellcheck disable=SC2086
        set -- $l
        IFS=$nl
        kind=$1 c=$2 n=$3
        case $l in
        @C"$tab"*"$tab"*"$tab"*)
            v=${l#*"$tab"*"$tab"*"$tab"}
            case $c in
            \?*)
                # a component when its executable is one of the single-purpose binaries
                fq=$c v= fc=
                case $fbexe in *"/$n/exe -> "*) v=${fbexe#*"/$n/exe -> "} v=${v%%"$nl"*} ;; esac
                e=$v
                while :; do case $e in */) e=${e%/} ;; *) break ;; esac; done
                e=${e##*/}
                case ${e% (deleted)} in
                kube-apiserver | kube-controller-manager | kube-scheduler | etcd | kubelet | kube-proxy) fc=${e% (deleted)} ;;
                esac
                [ -n "$fc" ] || continue
                c=$fc
                PINS="$PINS@PC$tab$n$tab$c$nl@PE$tab$n$tab$v$nl" EXES="$EXES$n$tab$v$nl"
                ;;
            *)
                if [ -n "$later" ]; then
                    EXEREQ="$EXEREQ$KC_PROC/$n/exe$nl"
                else
                    EXES="$EXES$n$tab$v$nl"
                fi
                ;;
            esac
            COMPS="$COMPS $c"
            [ "$c" = kube-proxy ] && PROXY_PID=$n
            case $c in kubelet | k3s | rke2) VB="$VB$c$tab$n$nl" ;; esac
            ;;
        @N) KC_NUL=1 ;;
        @X) later=1 ;;
        @U) names=- ;;
        @A"$tab"*"$tab"*"$tab"*)
            v=${l#*"$tab"*"$tab"*"$tab"}
            case $c in
            \?*)
                [ "$c" = "$fq" ] && [ -n "$fc" ] || continue
                c=$fc
                ;;
            esac
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
        *)
            [ $# -gt 3 ] && shift 3 || shift $#
            IFS=$tab
            v="$*"
            IFS=$nl
            warn "process scan: $kind $c $n $v"
            ;;
        esac
    done
    IFS=$oldifs
    set +f
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

    # The manifests dir as known now (a staticPodPath may still change it) and the units are listed
    # ahead, so that one find checks the sizes and one awk parses configs, manifests and units.
    # Their records are made below, in the order they always had; a wrong guess is parsed again.
    kc_manifests "$P_manifests" q
    mguess=$MANIFESTS
    kc_units q
    uguess=$UNITS
    kc_roots
    kc_big "$cfgs$mguess$uguess"
    bigguess=$BIG
    kc_small "$cfgs"
    cfgs=$KC_LIST
    kc_small "$mguess" q
    mparse=$KC_LIST
    kc_small "$uguess" q
    kc_parse "$cfgs" "$mparse" "$KC_LIST"
    pinfo=$PINFO
    set -f
    oldifs=$IFS IFS=$nl
    for l in $pinfo; do
        case $l in
        @K"$tab"*"$tab"*)
            k=${l#@K"$tab"} v=${l#*"$tab"*"$tab"}
            k=${k%%"$tab"*}
            add_stat "$v"
            [ "$k" = staticPodPath ] && [ -z "$MANIFEST_FLAG" ] && P_manifests=$v
            ;;
        @P"$tab"*"$tab"*) [ -z "$PROXY_KUBECONFIG" ] && P_proxyKubeconfig=${l#*"$tab"*"$tab"} ;;
        esac
    done
    IFS=$oldifs
    set +f

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
    kc_manifests "$P_manifests"
    manifests=$MANIFESTS
    for d in k3s rke2; do
        add_file_if "/etc/rancher/$d/config.yaml"
        for f in "$R/etc/rancher/$d/config.yaml.d"/*.yaml; do
            [ -f "$f" ] && add_file "${f#"$R"}"
        done
    done
    BIG=$bigguess
    minfo=$pinfo
    [ "$manifests" = "$mguess" ] || kc_big "$manifests"
    kc_small "$manifests"
    if [ "$manifests" != "$mguess" ]; then
        kc_parse "" "$KC_LIST" ""
        minfo=$PINFO
    fi
    BIG=$bigguess
    # image tags of the static pods (VERSION records) and etcd's --data-dir
    mver=
    set -f
    oldifs=$IFS IFS=$nl
    for l in $minfo; do
        case $l in
        @M"$tab"*) mver="$mver${l#@M"$tab"}$nl" ;;
        @D"$tab"*) [ -z "$ETCD_DATA" ] && P_etcdDataDir=${l#@D"$tab"} && add_stat "$P_etcdDataDir" ;;
        esac
    done
    IFS=$oldifs
    set +f

    # -- systemd units, drop-ins and their EnvironmentFiles
    kc_units
    units=$UNITS
    [ "$units" = "$uguess" ] || kc_big "$units"
    kc_small "$units"
    uinfo=$pinfo
    if [ "$units" != "$uguess" ]; then
        kc_parse "" "" "$KC_LIST"
        uinfo=$PINFO
    fi
    set -f
    oldifs=$IFS IFS=$nl
    for l in $uinfo; do
        case $l in @E"$tab"*) add_file_if "${l#@E"$tab"}" ;; esac
    done
    IFS=$oldifs
    set +f

    # -- directory listings (find never follows symlinks: no loops): done with the size check
    # when the roots are still the same, else one find (LONE) or two
    kc_roots
    dirs1=$LROOTS pkid=$LPKI
    listing=
    set -f
    oldifs=$IFS IFS=$nl
    if [ -n "$LGROOTS" ] && [ "$LGROOTS" = "$LROOTS$nl$LPKI" ]; then
        listing=$LGUESS
    elif [ -n "$LONE" ]; then
        set --
        for r in $dirs1; do set -- "$@" -o -path "$r/*/*"; done
        shift
        # shellcheck disable=SC2086
        listing=$(find $dirs1 "$pkid" -maxdepth 4 \( "$@" \) -prune -o -print 2>/dev/null)
    else
        # shellcheck disable=SC2086
        [ -n "$dirs1" ] && listing=$(find $dirs1 -maxdepth 1 2>/dev/null)
        [ -n "$pkid" ] && listing="$listing$nl$(find "$pkid" -maxdepth 4 2>/dev/null)"
    fi
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

    # -- one lstat call for everything; its %N gives the symlink targets (no readlink per link)
    # (the components' executables first: the sink prints the PROC records with them)
    set -f
    oldifs=$IFS IFS=$nl
    if [ -z "$R" ]; then
        # shellcheck disable=SC2086
        set -- $EXEREQ $STATS
    else
        # shellcheck disable=SC2086
        set -- $EXEREQ
        for p in $STATS; do set -- "$@" "$R$p"; done
    fi
    sout=
    # (user and group "-": the sink finds the names, see @U)
    fmt="S$tab%f$tab%u$tab%g$tab%U$tab%G$tab%s$tab%n$tab"
    [ -n "$names" ] && fmt="S$tab%f$tab%u$tab%g$tab-$tab-$tab%s$tab%n$tab"
    [ $# -gt 0 ] && sout=$(QUOTING_STYLE=literal stat -c "$fmt%N" "$@" 2>/dev/null)
    if [ -n "$EXEREQ" ]; then
        for l in $sout; do
            kc_target "$l"
            case "$nl$EXEREQ" in *"$nl$KC_F$nl"*) ;; *) break ;; esac
            n=${KC_F#"$KC_PROC/"} n=${n%/exe}
            EXES="$EXES$n$tab$KC_T$nl" PINS="$PINS@PE$tab$n$tab$KC_T$nl"
        done
    fi
    printf '%s@PROCS\n%s' "$PINS" "$mver"
    # symlinks (raw mode a1ff): record the target, stat the target too (one level only)
    links=
    extra=
    case $nl$sout in
    *"${nl}S$tab"[aA]*)
        for l in $sout; do
            case $l in "S$tab"[aA]*) ;; *) continue ;; esac
            kc_target "$l"
            case "$nl$EXEREQ" in *"$nl$KC_F$nl"*) continue ;; esac
            f=$KC_F t=$KC_T p=${KC_F#"$R"}
            links="$links@L$tab$p$tab$t$nl"
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
        done
        ;;
    esac
    # (the listing went into STATS without add_stat: the targets are looked up in all of it)
    before=$STATS
    for p in $extra; do
        case "$nl$STATS" in *"$nl$p$nl"*) ;; *) add_stat "$p" ;; esac
    done
    sout2=
    if [ "$STATS" != "$before" ]; then
        set --
        for p in ${STATS#"$before"}; do set -- "$@" "$R$p"; done
        sout2=$(stat -c "$fmt" "$@" 2>/dev/null)
    fi
    [ -n "$names" ] && echo '@U'
    printf '@@Q\n%s@@/\n%s@@S\n%s\n%s\n@@/\n@SEND\n' "$STATS" "$links" "$sout" "$sout2"

    # -- contents: readable regular files within the cap (R) are read, the others are reported
    # skipped (K .key, N not regular, T too large, B over the budget, U unreadable). Mode and size
    # come from the lstat above when no file is a symlink and all fit the budget (the usual case:
    # then the order does not matter; a file lstat did not list is not there); else from
    # stat -L, in FILES order.
    cls=
    rfiles=
    rbig=
    all=0
    seen=
    slow=$ODDFILES
    [ -z "$slow" ] && for l in $sout; do
        case $l in "S$tab"*) ;; *) continue ;; esac
        IFS=$tab
        # shellcheck disable=SC2086
        set -- $l
        IFS=$nl
        f=$8 p=${8#"$R"} s=$7
        eval "kc_b=\$KC_F${#p}"
        case "$nl$kc_b" in *"$nl$p$nl"*) ;; *) continue ;; esac
        case "$nl$seen" in *"$nl$p$nl"*) continue ;; esac
        seen="$seen$p$nl"
        case $2 in
        [aA]*)
            slow=1
            break
            ;;
        esac
        case $f in
        *.key) cls="$cls@C${tab}K$tab$s$tab$f$nl" ;;
        *)
            case $2 in
            8???)
                if [ "$s" -gt "$KC_MAX" ]; then
                    cls="$cls@C${tab}T$tab$s$tab$f$nl"
                else
                    all=$((all + s))
                    if [ -r "$f" ]; then
                        cls="$cls@C${tab}R$tab$s$tab$f$nl" rfiles="$rfiles$f$nl"
                        [ "$s" -gt 32768 ] && rbig="$rbig$f$nl"
                    else
                        cls="$cls@C${tab}U$tab$s$tab$f$nl"
                    fi
                fi
                ;;
            *) cls="$cls@C${tab}N$tab$s$tab$f$nl" ;;
            esac
            ;;
        esac
    done
    if [ -n "$slow" ] || [ $all -gt "$KC_BUDGET" ]; then
        cls= rfiles= rbig=
        if [ -z "$R" ]; then
            # shellcheck disable=SC2086
            set -- $FILES
        else
            set --
            for p in $FILES; do set -- "$@" "$R$p"; done
        fi
        lout=
        [ $# -gt 0 ] && lout=$(stat -L -c "%f$tab%s$tab%n" "$@" 2>/dev/null)
        total=0
        for l in $lout; do
            m=${l%%"$tab"*} l=${l#*"$tab"}
            s=${l%%"$tab"*} f=${l#*"$tab"}
            case $f in
            *.key)
                cls="$cls@C${tab}K$tab$s$tab$f$nl"
                continue
                ;;
            esac
            case $m in
            8???) ;;
            *)
                cls="$cls@C${tab}N$tab$s$tab$f$nl"
                continue
                ;;
            esac
            if [ "$s" -gt "$KC_MAX" ]; then
                cls="$cls@C${tab}T$tab$s$tab$f$nl"
            elif [ $((total + s)) -gt "$KC_BUDGET" ]; then
                cls="$cls@C${tab}B$tab$s$tab$f$nl"
            elif [ ! -r "$f" ]; then
                cls="$cls@C${tab}U$tab$s$tab$f$nl"
            else
                total=$((total + s))
                cls="$cls@C${tab}R$tab$s$tab$f$nl" rfiles="$rfiles$f$nl"
                [ "$s" -gt 32768 ] && rbig="$rbig$f$nl"
            fi
        done
    fi
    # the sink prints the skipped ones in FILES order, then reads the others: checksums in one
    # call; files holding NUL are skipped as binary: up to 32 KiB (all of it in GNU grep's first
    # buffer) awk finds the NUL itself where it can hold one in a string, larger ones come from
    # one grep -I (GNU: a NUL in its first buffer; /proc/self/cmdline, which always holds NULs,
    # tells whether this grep knows -I at all), else from tr | wc per file
    printf '@@O\n%s@@/\n%s@ORDER\n' "$FILES" "$cls"
    [ -n "$KC_NUL" ] || rbig=$rfiles
    # shellcheck disable=SC2086
    set -- $rfiles
    IFS=$oldifs
    set +f
    if [ $# -gt 0 ]; then
        echo '@@H'
        sha256sum "$@" 2>/dev/null
        echo '@@/'
    fi
    if [ -n "$rbig" ]; then
        set -f
        IFS=$nl
        # shellcheck disable=SC2086
        set -- $rbig
        IFS=$oldifs
        set +f
        bin=$(grep -L -I -e '' /proc/self/cmdline "$@" 2>/dev/null)
        case $bin in
        /proc/self/cmdline | /proc/self/cmdline"$nl"*) bin=${bin#/proc/self/cmdline} ;;
        *)
            bin=
            for f; do
                n=$(tr -d '\000' <"$f" | wc -c)
                s=$(wc -c <"$f")
                [ "$n" -ne "$s" ] && bin="$bin$nl$f"
            done
            ;;
        esac
        printf '@@B%s\n@@/\n' "$bin"
    fi
    echo '@CONTENT'

    # -- binary versions, profile, facts (the sink reads hostname, kernel, os-release, uid)

    versions=
    to=
    command -v timeout >/dev/null 2>&1 && to="timeout 10"
    oldifs=$IFS
    IFS=$nl
    VERBINS=
    for l in $VB; do
        n=${l#*"$tab"} e= x=$nl$EXES
        case $x in *"$nl$n$tab"*) e=${x#*"$nl$n$tab"} e=${e%%"$nl"*} ;; esac
        VERBINS="$VERBINS${l%%"$tab"*}$tab$n$tab$e$nl"
    done
    # The process a version belongs to: PID:STARTTIME:BOOTID (start time in clock ticks since
    # boot, from /proc/PID/stat after the parenthesised name), unique for as long as it runs.
    bootid=
    [ -n "$VERBINS" ] && { read -r bootid <"$KC_PROC/sys/kernel/random/boot_id"; } 2>/dev/null
    case $bootid in *[!0-9a-f-]* | '') bootid= ;; esac
    for l in $VERBINS; do
        c=${l%%"$tab"*} e=${l#*"$tab"} p=${e%%"$tab"*} e=${e#*"$tab"}
        e=${e% (deleted)}
        case $versions in *"$tab$c$tab"*) continue ;; esac
        [ -n "$e" ] && [ -x "$R$e" ] && [ ! -d "$R$e" ] || continue
        procid=
        if [ -n "$bootid" ]; then
            st=
            { read -r st <"$KC_PROC/$p/stat"; } 2>/dev/null
            st=${st##*) }
            IFS=" "
            set -f
            # shellcheck disable=SC2086
            set -- $st
            set +f
            IFS=$nl
            [ $# -ge 20 ] && shift 19 && case $1 in *[!0-9]* | '') ;; *) procid=$p:$1:$bootid ;; esac
        fi
        ver=
        # the same process as at the last scan: its version is known
        case $procid in ?*) case "$KC_KNOWN$nl" in *"$nl$c=$procid=v"*)
            ver=${KC_KNOWN#*"$nl$c=$procid="} ver=${ver%%"$nl"*} ;;
        esac ;; esac
        if [ -z "$ver" ]; then
            IFS=$oldifs
            # shellcheck disable=SC2086
            out=$($to "$R$e" --version 2>/dev/null </dev/null)
            IFS=" $tab$nl"
            set -f
            for w in $out; do
                case $w in v[0-9]*) ver=$w; break ;; esac
            done
            set +f
            IFS=$nl
        fi
        [ -n "$ver" ] && versions="$versions@V$tab$c$tab$ver$tab$procid$nl"
    done
    IFS=$oldifs
    printf '@T\t%s\n@D\t%s\n' "$KC_TIME" "$DIST"
    osr=$R/etc/os-release
    [ -r "$osr" ] || osr=$R/usr/lib/os-release
    [ -r "$osr" ] && [ -f "$osr" ] && printf '@O\t%s\n' "$osr"
    for n in kubernetesDir manifests pki adminConf superAdminConf schedulerConf \
        controllerManagerConf kubeletKubeconfig kubeletConfig etcdDataDir cniDir \
        proxyKubeconfig proxyConfig; do
        eval "v=\$P_$n"
        [ -n "$v" ] && printf '@P\t%s\t%s\n' "$n" "$v"
    done
    printf '%s@@W\n%s@@/\n@DONE\n' "$versions" "$WARNS"
}

collect | awk "$KC_AWKLIB$KC_SINK_AWK"
