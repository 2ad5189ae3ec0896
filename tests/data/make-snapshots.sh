#!/bin/sh
# Regenerates tests/data/snapshots/<name>.snap from the fixture node trees in tests/data/trees/.
#
# Each tree is tests/data/trees/<name>/ with
#   root/      the node's files (node path /etc/x is root/etc/x)
#   tree.txt   what git cannot keep, in readable lines:
#                hostname NAME            kernel RELEASE
#                mode OCTAL NODEPATH      chmod in the working copy (git keeps only the x bit)
#                bigfile NODEPATH BYTES   generate a text file of that size (over the 1 MiB cap)
#                binfile NODEPATH         generate a small file holding NUL bytes
#                proc PID EXE|-           a process of the fake /proc (EXE: target of exe link)
#                arg ITEM                 one argv item of the last proc, verbatim (spaces kept)
#
# The tree is copied to a temporary directory, modes applied, a fake /proc built (NUL separated
# cmdline files), then the collector runs with --root/--proc. Owners are whoever runs this
# script (root in CI): fixtures do not chown. Directory sizes depend on the file system.
#
# usage: make-snapshots.sh [--out DIR] [--shell "SHELL"] [--work DIR] [NAME...]
#   --out DIR    where to write NAME.snap (default: tests/data/snapshots)
#   --shell SH   the shell that runs the collector (default: sh, i.e. dash on Debian)
#   --work DIR   keep the prepared trees in DIR (default: a temporary directory, removed)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
collector=$here/../../resources/collector/kinspect-collect.sh
out=$here/snapshots
shell=sh
work=
while [ $# -gt 0 ]; do
    case $1 in
    --out) out=$2; shift 2 ;;
    --shell) shell=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -*) echo "make-snapshots: unknown option $1" >&2; exit 64 ;;
    *) break ;;
    esac
done
if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$out" "$work"
[ $# -gt 0 ] || set -- $(cd "$here/trees" && ls)

for name; do
    tree=$here/trees/$name
    [ -d "$tree" ] || { echo "make-snapshots: no tree $name" >&2; exit 1; }
    w=$work/$name
    rm -rf "$w"
    mkdir -p "$w/proc/sys/kernel"
    cp -a "$tree/root" "$w/root"
    pdir=
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
        '#'* | '') ;;
        'hostname '*) printf '%s\n' "${line#hostname }" >"$w/proc/sys/kernel/hostname" ;;
        'kernel '*) printf '%s\n' "${line#kernel }" >"$w/proc/sys/kernel/osrelease" ;;
        'mode '*)
            set -- ${line#mode }
            chmod "$1" "$w/root$2"
            ;;
        'bigfile '*)
            set -- ${line#bigfile }
            mkdir -p "$(dirname "$w/root$1")"
            awk -v n="$2" 'BEGIN { l = "# filler line to make this file larger than the cap ......"; while (n > 0) { s = substr(l, 1, (n > 60 ? 59 : n - 1)); print s; n -= length(s) + 1 } }' >"$w/root$1"
            ;;
        'binfile '*)
            p=${line#binfile }
            mkdir -p "$(dirname "$w/root$p")"
            printf 'apiVersion: v1\000\001\002binary\000tail\n' >"$w/root$p"
            ;;
        'proc '*)
            set -- ${line#proc }
            pdir=$w/proc/$1
            mkdir -p "$pdir"
            : >"$pdir/cmdline"
            [ "$2" = - ] || ln -s "$2" "$pdir/exe"
            ;;
        'arg '*) printf '%s\000' "${line#arg }" >>"$pdir/cmdline" ;;
        *) echo "make-snapshots: $name/tree.txt: cannot read: $line" >&2; exit 1 ;;
        esac
    done <"$tree/tree.txt"
    $shell "$collector" --root "$w/root" --proc "$w/proc" --fixed-time 2026-01-01T00:00:00Z >"$out/$name.snap"
    echo "wrote $out/$name.snap" >&2
done
