# kinspect-remediate: the node side of a remediation (docs/remediation.md).
# POSIX sh (dash, busybox sh). Travels on stdin (`sh -s -- MODE ARGS`), possibly under sudo; every
# argument is a value quoted by the caller, never code. New file contents arrive as base64 inside
# this script (function kr_data, which the caller puts in front of it), so no content is ever part
# of a command line.
#
# Modes (one line of output per item, TAB separated, paths base64-encoded):
#   read PATH...                      FILE b64path sha256 mode uid gid b64content | MISSING b64path
#   check KIND PATH...                OK b64path | BAD b64path reason   (KIND: fileExists|dirExists)
#   apply PATH OLDSHA NEWSHA BACKUP   APPLIED b64path  | exit 3 + CHANGED b64path sha
#   restore PATH BACKUP CURSHA        RESTORED b64path | exit 3 + CHANGED b64path sha
#   chmod PATH MODE BACKUP            CHMOD b64path oldmode
#   chown PATH OWNER BACKUP           CHOWN b64path olduid:oldgid
#   remeta PATH BACKUP                REMETA b64path   (mode and owner back from BACKUP.meta)
#   restart-kubelet                   RESTARTED | exit 5
#   kubelet-state                     STATE word
set -u
umask 077
PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
export LC_ALL=C

kr_b64() { printf '%s' "$1" | base64 | tr -d '\n'; }
kr_sha() { sha256sum < "$1" | cut -c1-64; }
# Files (and an emptied directory) a failed step must not leave behind: a backup that could not
# be completed is no backup, and a full disk must not keep half-written copies.
kr_undo=
kr_undodir=
kr_fail() {
    [ -n "$kr_undo" ] && rm -f "$backup" "$backup.meta" "$staged"
    [ -n "$kr_undodir" ] && rmdir "$kr_undodir" 2>/dev/null
    printf 'ERROR\t%s\n' "$(kr_b64 "$2")"
    exit "$1"
}
kr_meta() { stat -c '%a %u %g' "$1"; }

# Writes a new version of $1 through a hidden temporary file in the same directory (the kubelet
# ignores dot-files in the manifests directory), with the mode, owner and SELinux label of
# $2 (the reference file), then renames it over $1: readers see the old or the new file, never
# a half-written one.
kr_replace() {
    target=$1 ref=$2 src=$3
    dir=$(dirname "$target") base=$(basename "$target")
    tmp="$dir/.kinspect-$base.$$"
    trap 'rm -f "$tmp"' EXIT INT TERM
    rm -f "$tmp"
    cat "$src" > "$tmp" || kr_fail 6 "cannot write $tmp"
    set -- $(kr_meta "$ref")
    chown "$2:$3" "$tmp" || kr_fail 6 "cannot set the owner of $tmp"
    chmod "$1" "$tmp" || kr_fail 6 "cannot set the mode of $tmp"
    if command -v selinuxenabled >/dev/null 2>&1 && selinuxenabled; then
        chcon --reference="$ref" "$tmp" || kr_fail 6 "cannot copy the SELinux label to $tmp"
    fi
    mv -f "$tmp" "$target" || kr_fail 6 "cannot rename $tmp to $target"
    trap - EXIT INT TERM
}

mode=${1:-}
[ $# -gt 0 ] && shift
case "$mode" in
read)
    for p in "$@"; do
        if [ -f "$p" ] && [ ! -L "$p" ]; then
            set -- $(kr_meta "$p")
            printf 'FILE\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(kr_b64 "$p")" "$(kr_sha "$p")" "$1" "$2" "$3" \
                "$(base64 < "$p" | tr -d '\n')"
        else
            printf 'MISSING\t%s\n' "$(kr_b64 "$p")"
        fi
    done
    ;;
check)
    kind=$1
    shift
    for p in "$@"; do
        case "$kind" in
        fileExists) if [ -f "$p" ]; then r=; else r="no such file"; fi ;;
        dirExists) if [ -d "$p" ]; then r=; else r="no such directory"; fi ;;
        *) r="unknown check $kind" ;;
        esac
        if [ -z "$r" ]; then printf 'OK\t%s\n' "$(kr_b64 "$p")"
        else printf 'BAD\t%s\t%s\n' "$(kr_b64 "$p")" "$(kr_b64 "$r")"; fi
    done
    ;;
apply)
    p=$1 old=$2 new=$3 backup=$4
    [ -f "$p" ] || kr_fail 4 "$p does not exist"
    cur=$(kr_sha "$p")
    if [ "$cur" != "$old" ]; then
        printf 'CHANGED\t%s\t%s\n' "$(kr_b64 "$p")" "$cur"
        exit 3
    fi
    bdir=$(dirname "$backup")
    [ -d "$bdir" ] || kr_undodir=$bdir
    mkdir -p "$bdir" && chmod 700 "$bdir" ||
        kr_fail 6 "cannot create the backup directory $bdir"
    staged="$bdir/.new.$$"
    kr_undo=1
    err=$(cp -p "$p" "$backup" 2>&1) || kr_fail 6 "cannot back up $p to $backup: $err"
    err=$( (kr_meta "$p" > "$backup.meta") 2>&1) ||
        kr_fail 6 "cannot back up $p to $backup: $err"
    [ "$(kr_sha "$backup")" = "$old" ] || kr_fail 6 "the backup of $p does not match"
    err=$( (kr_data | base64 -d > "$staged") 2>&1) || {
        case $err in
        *"invalid input"*) kr_fail 6 "bad content" ;;
        *) kr_fail 6 "cannot stage the new content of $p in $bdir: $err" ;;
        esac
    }
    if [ "$(kr_sha "$staged")" != "$new" ]; then kr_fail 6 "content damaged in transfer"; fi
    kr_replace "$p" "$p" "$staged"
    rm -f "$staged"
    kr_undo=
    kr_undodir=
    printf 'APPLIED\t%s\n' "$(kr_b64 "$p")"
    ;;
restore)
    p=$1 backup=$2 expect=$3
    [ -f "$backup" ] || kr_fail 4 "the backup $backup does not exist"
    if [ -f "$p" ] && [ -n "$expect" ]; then
        cur=$(kr_sha "$p")
        if [ "$cur" != "$expect" ]; then
            printf 'CHANGED\t%s\t%s\n' "$(kr_b64 "$p")" "$cur"
            exit 3
        fi
    fi
    kr_replace "$p" "$backup" "$backup"
    printf 'RESTORED\t%s\n' "$(kr_b64 "$p")"
    ;;
chmod | chown)
    p=$1 value=$2 backup=$3
    [ -e "$p" ] || kr_fail 4 "$p does not exist"
    mkdir -p "$(dirname "$backup")" && chmod 700 "$(dirname "$backup")" ||
        kr_fail 6 "cannot create the backup directory"
    [ -f "$backup.meta" ] || kr_meta "$p" > "$backup.meta"
    set -- $(kr_meta "$p")
    if [ "$mode" = chmod ]; then
        chmod "$value" "$p" || kr_fail 6 "chmod failed"
        printf 'CHMOD\t%s\t%s\n' "$(kr_b64 "$p")" "$1"
    else
        chown "$value" "$p" || kr_fail 6 "chown failed"
        printf 'CHOWN\t%s\t%s:%s\n' "$(kr_b64 "$p")" "$2" "$3"
    fi
    ;;
remeta)
    p=$1 backup=$2
    [ -f "$backup.meta" ] || kr_fail 4 "no saved mode and owner for $p"
    set -- $(cat "$backup.meta")
    chown "$2:$3" "$p" && chmod "$1" "$p" || kr_fail 6 "cannot restore mode and owner of $p"
    printf 'REMETA\t%s\n' "$(kr_b64 "$p")"
    ;;
restart-kubelet)
    systemctl daemon-reload </dev/null || kr_fail 5 "systemctl daemon-reload failed"
    systemctl restart kubelet </dev/null || kr_fail 5 "systemctl restart kubelet failed"
    printf 'RESTARTED\n'
    ;;
kubelet-state)
    printf 'STATE\t%s\n' "$(systemctl is-active kubelet </dev/null 2>/dev/null)"
    ;;
*)
    kr_fail 64 "unknown mode '$mode'"
    ;;
esac
exit 0
