#!/bin/bash
# Self-test of the Kinspect lab: up (twice: idempotent), verify, static-pod reload on a
# manifest edit, crash loop on a broken flag, kubelet restart after a drop-in change (with and
# without daemon-reload), sshd faults, then down after a simulated crash of the keeper,
# checking that no process, mount or interface is left.
# Usage: sudo tests/lab/selftest.sh   (env: SELFTEST_DIR, SELFTEST_BASE_PORT)
set -u
here=$(cd "$(dirname "$0")" && pwd)
DIR=${SELFTEST_DIR:-/tmp/kinspect-lab-selftest}
BASE=${SELFTEST_BASE_PORT:-23101}
LAB="$here/lab.sh"
fails=0
ok() { printf 'ok   %s\n' "$*"; }
bad() { printf 'FAIL %s\n' "$*"; fails=$((fails + 1)); }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

if [ "$(id -u)" != 0 ]; then echo "selftest: run as root" >&2; exit 1; fi
snap_mounts() { findmnt -rn -o TARGET,FSTYPE,SOURCE | sort; }
mounts_before=$(snap_mounts)
links_before=$(ip -br link 2>/dev/null | awk '{print $1}' | sort)

# ---- up (twice) ------------------------------------------------------------------------------
t=$(now)
if "$LAB" up --dir "$DIR" --base-port "$BASE" --with-netns >/tmp/selftest-up.$$ 2>&1; then
    ok "up (first) in $(elapsed "$t") s"
else
    cat /tmp/selftest-up.$$; bad "up failed"; rm -f /tmp/selftest-up.$$; exit 1
fi
t=$(now)
if "$LAB" up --dir "$DIR" --base-port "$BASE" --with-netns >/tmp/selftest-up.$$ 2>&1; then
    ok "up (again, tears down the running lab first) in $(elapsed "$t") s"
else
    cat /tmp/selftest-up.$$; bad "second up failed"
fi
grep -q 'jump host' /tmp/selftest-up.$$ && netns=1 || netns=0
rm -f /tmp/selftest-up.$$
. "$DIR/env"

SSH=(ssh -F none -i "$DIR/id_ed25519" -o "UserKnownHostsFile=$DIR/known_hosts"
     -o GlobalKnownHostsFile=none -o StrictHostKeyChecking=yes -o BatchMode=yes
     -o IdentitiesOnly=yes -o ConnectTimeout=5)
on() { local port=$1; shift; "${SSH[@]}" -p "$port" root@127.0.0.1 "$@"; }

# ---- verify ----------------------------------------------------------------------------------
if out=$("$LAB" verify --dir "$DIR" 2>&1); then
    ok "verify: every node sees only its own processes and files; argv matches manifests/units"
else
    echo "$out"; bad "verify"
fi
[ "$netns" = 1 ] && ok "jump host set up (network namespaces available)" \
                  || echo "note: network namespaces unavailable here; jump host skipped"

# ---- independent spot checks of argv (verify shares the supervisor's parsing code) -------------
# (pgrep -f: names over 15 characters do not match -x)
argv_of() { on "$1" "tr '\\0' '\\n' < /proc/\$(pgrep -f '^([^ ]*/)?$2( |\$)' | head -1)/cmdline"; }
a=$(argv_of "$LAB_PORT_W_BAD" kubelet)
echo "$a" | grep -qx -- --read-only-port=10255 && echo "$a" | grep -qx -- --config=/var/lib/kubelet/config.yaml \
    && ok "w-bad kubelet argv: --read-only-port=10255 from /etc/default/kubelet" || bad "w-bad kubelet argv: $a"
a=$(argv_of "$LAB_PORT_W_DROPIN" kubelet)
echo "$a" | grep -qx -- --rotate-certificates=false && ok "w-dropin kubelet argv: --rotate-certificates=false from the drop-in" \
    || bad "w-dropin kubelet argv: $a"
a=$(argv_of "$LAB_PORT_CP_2" kube-apiserver)
if ! echo "$a" | grep -q -- --kubelet-client-certificate && [ "$(echo "$a" | grep -A1 -x -- --secure-port | tail -1)" = 6443 ] \
    && [ "$(echo "$a" | grep -- --authorization-mode= | tail -1)" = --authorization-mode=Node,RBAC ]; then
    ok "cp-2 apiserver argv: no kubelet client cert (commented out), '--secure-port 6443', repeated flag"
else
    bad "cp-2 apiserver argv: $a"
fi
a=$(argv_of "$LAB_PORT_CP_1" kube-controller-manager)
echo "$a" | grep -qx -- --profiling=false && ok "cp-1 controller-manager argv (manifest with comments)" || bad "cp-1 cm argv: $a"
[ "$("$LAB" exec --dir "$DIR" cp-2 -- hostname)" = cp-2 ] && ok "lab.sh exec runs inside the node" || bad "exec"
"$LAB" status --dir "$DIR" >/dev/null && ok "lab.sh status: every node up" || bad "status"
res=$("${SSH[@]}" -p "$LAB_PORT_W_KOPS" kops@127.0.0.1 'systemctl is-active kubelet; systemctl restart kubelet 2>&1; echo rc=$?')
[ "$res" = "active
Failed to restart kubelet.service: Interactive authentication required.
rc=1" ] && ok "systemctl as non-root: reads allowed, restart refused" || bad "non-root systemctl: $res"

# ---- the passphrase key works (through ssh-agent-less askpass) --------------------------------
. "$DIR/secrets"
askpass=$(mktemp); printf '#!/bin/sh\necho "%s"\n' "$KEY_PASSPHRASE" > "$askpass"; chmod 700 "$askpass"
res=$(SSH_ASKPASS="$askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none setsid -w ssh -F none \
      -i "$DIR/id_ed25519_passphrase" -o "UserKnownHostsFile=$DIR/known_hosts" -o IdentitiesOnly=yes \
      -o GlobalKnownHostsFile=none -p "$LAB_PORT_W_KOPS" kops@127.0.0.1 'sudo -n id -u' </dev/null 2>&1)
rm -f "$askpass"
[ "$res" = 0 ] && ok "passphrase key + NOPASSWD sudo (kops)" || bad "passphrase key login: $res"

# ---- static pod reload on a manifest change --------------------------------------------------
P1=$LAB_PORT_CP_1
res=$(on "$P1" '
m=/etc/kubernetes/manifests/kube-scheduler.yaml
sed -i "s/--profiling=false/--profiling=true/" $m
start=$(date +%s%N)
while :; do
  for p in $(pgrep -x kube-scheduler); do
    tr "\0" "\n" < /proc/$p/cmdline 2>/dev/null | grep -qx -- --profiling=true && { echo $(( ($(date +%s%N) - start) / 1000000 )); exit 0; }
  done
  [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 3000 ] && { echo timeout; exit 1; }
  sleep 0.05
done')
if [ $? = 0 ]; then ok "manifest edit -> new kube-scheduler argv in /proc after ${res} ms"; else bad "manifest edit not picked up within 3 s ($res)"; fi

# comments-only change must not restart the pod (the pod spec is unchanged)
res=$(on "$P1" '
p1=$(pgrep -x kube-scheduler); echo "# a comment" >> /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 1.5; p2=$(pgrep -x kube-scheduler); [ "$p1" = "$p2" ] && echo same || echo "restarted $p1 -> $p2"')
[ "$res" = same ] && ok "comment-only manifest edit leaves the pod alone" || bad "comment edit: $res"

# files the kubelet ignores (dot files) are ignored; a broken flag crash-loops; a fix recovers
res=$(on "$P1" '
sed "s/name: kube-scheduler$/name: dot-pod/" /etc/kubernetes/manifests/kube-scheduler.yaml > /etc/kubernetes/manifests/.dot-pod.yaml
sed -i "s/--profiling=true/--bogus-flag=1/" /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 2.5
python3 - <<EOF
import json
s = json.load(open("/run/kinspect-lab/ctl/state.json"))
p = s["processes"]
k = p["kube-scheduler"]
print("dot-pod" in p, k["crashLooping"] and k["lastExit"] == 1, k["restarts"] >= 1)
EOF
rm -f /etc/kubernetes/manifests/.dot-pod.yaml
sed -i "s/--bogus-flag=1/--profiling=false/" /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 1.5; pgrep -x kube-scheduler >/dev/null && echo recovered')
if [ "$res" = "False True True
recovered" ]; then ok "dot file ignored; unknown flag -> crash loop; fixed manifest -> running"; else bad "crash loop test: $res"; fi

# ---- kubelet restart after a drop-in change --------------------------------------------------
PD=$LAB_PORT_W_DROPIN
res=$(on "$PD" '
f=/etc/systemd/system/kubelet.service.d/20-rotation.conf
sed -i "s/--rotate-certificates=false/--rotate-certificates=true/" $f
systemctl restart kubelet 2>/tmp/warn
a=$(tr "\0" " " < /proc/$(pgrep -x kubelet)/cmdline | grep -o -- "--rotate-certificates=[a-z]*")
grep -q daemon-reload /tmp/warn && w=warned || w=silent
systemctl daemon-reload && systemctl restart kubelet
b=$(tr "\0" " " < /proc/$(pgrep -x kubelet)/cmdline | grep -o -- "--rotate-certificates=[a-z]*")
echo "$a $w $b $(systemctl is-active kubelet)"')
if [ "$res" = "--rotate-certificates=false warned --rotate-certificates=true active" ]; then
    ok "drop-in edit: restart without daemon-reload keeps the old argv (with warning); after reload the new one"
else
    bad "drop-in restart: $res"
fi
res=$(on "$LAB_PORT_W_BAD" '
sed -i "s/10255/not-a-port/" /etc/default/kubelet; systemctl restart kubelet; sleep 1.2
s1=$(systemctl is-active kubelet)
sed -i "s/not-a-port/0/" /etc/default/kubelet; systemctl restart kubelet; sleep 0.3
echo "$s1 $(systemctl is-active kubelet)"')
[ "$res" = "activating active" ] && ok "broken EnvironmentFile value -> kubelet crash loop; fixed -> active" \
                                || bad "kubelet env test: $res"

# ---- sshd faults -----------------------------------------------------------------------------
PG=$LAB_PORT_W_GOOD
"$LAB" fault --dir "$DIR" w-good kill-sshd >/dev/null
if on "$PG" true 2>/dev/null; then bad "kill-sshd: still reachable"; else ok "fault kill-sshd: connection refused"; fi
"$LAB" fault --dir "$DIR" w-good start-sshd >/dev/null; sleep 0.3
on "$PG" true && ok "fault start-sshd: reachable again" || bad "start-sshd"
"$LAB" fault --dir "$DIR" w-good stop-sshd >/dev/null
t=$(now); on "$PG" true 2>/dev/null && bad "stop-sshd: answered" \
                                                   || ok "fault stop-sshd: no banner (gave up after $(elapsed "$t") s)"
"$LAB" fault --dir "$DIR" w-good cont-sshd >/dev/null
"$LAB" fault --dir "$DIR" w-good rotate-hostkey >/dev/null; sleep 0.3
err=$(on "$PG" true 2>&1) && bad "rotate-hostkey: still trusted" || {
    echo "$err" | grep -qi 'host key' && ok "fault rotate-hostkey: client refuses the changed key" || bad "rotate-hostkey: $err"; }
"$LAB" fault --dir "$DIR" w-good restore-hostkey >/dev/null; sleep 0.3
on "$PG" true && ok "fault restore-hostkey: trusted again" || bad "restore-hostkey"

# ---- down after a crash of the keeper --------------------------------------------------------
keeper=$(python3 -c "import json; print([p['pid'] for p in json.load(open('$DIR/state/lab.json'))['procs'] if p['role']=='keeper'][0])")
pidns=$(python3 -c "import json; print(' '.join(p['pidns'] for p in json.load(open('$DIR/state/lab.json'))['procs'] if p.get('pidns')))")
kill -9 "$keeper"
t=$(now)
"$LAB" down --dir "$DIR" && ok "down (after SIGKILL of the keeper) in $(elapsed "$t") s" || bad "down"
left=$(ps -eo stat=,pid=,args= | awk '$1 !~ /^Z/' | grep -F "$DIR" | grep -v grep)
[ -z "$left" ] && ok "no process of the lab left" || bad "processes left: $left"
inns=""
zombies=0
for p in /proc/[0-9]*; do
    n=$(readlink "$p/ns/pid" 2>/dev/null) || continue
    # a zombie holds nothing; they stay only where PID 1 does not reap orphans (see docs/lab.md)
    if [ "$(awk '{print $3}' "$p/stat" 2>/dev/null)" = Z ]; then zombies=$((zombies + 1)); continue; fi
    for x in $pidns; do [ "$n" = "$x" ] && inns="$inns ${p#/proc/}"; done
done
[ -z "$inns" ] && ok "no live process in any node PID namespace" || bad "left in node namespaces:$inns"
listen=$(ss -ltnH 2>/dev/null | awk '{print $4}' | grep -E "127\.0\.0\.1:($BASE|$((BASE+1))|$((BASE+2))|$((BASE+3))|$((BASE+4))|$((BASE+5))|$((BASE+6))|$((BASE+7))|$((BASE+8))|$((BASE+9)))$")
[ -z "$listen" ] && ok "no lab port listening" || bad "still listening: $listen"
mounts_after=$(snap_mounts)
if [ "$mounts_before" = "$mounts_after" ]; then ok "findmnt: host mount table unchanged"; else
    bad "mount table changed:"; diff <(echo "$mounts_before") <(echo "$mounts_after"); fi
links_after=$(ip -br link 2>/dev/null | awk '{print $1}' | sort)
[ "$links_before" = "$links_after" ] && ok "no network interface left" || bad "interfaces changed"

echo
if [ "$fails" = 0 ]; then echo "selftest: all passed"; else echo "selftest: $fails failure(s)"; fi
exit $((fails > 0))
