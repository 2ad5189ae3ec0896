#!/bin/sh
# Kinspect lab: a simulated kubeadm cluster with real OpenSSH servers on this machine.
#   lab.sh up [--dir DIR] [--nodes SPEC] [--base-port N] [--with-netns]
#   lab.sh down|status|verify [--dir DIR]
#   lab.sh fault [--dir DIR] NODE ACTION [COMPONENT]
#   lab.sh exec [--dir DIR] NODE [--] CMD...   (run CMD inside the node)
#   lab.sh ssh [--dir DIR] [--user U] NODE [--] [CMD...]
# Default DIR: $KINSPECT_LAB_DIR or /tmp/kinspect-lab. See docs/lab.md.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" != 0 ]; then
    echo "lab.sh: must run as root (it mounts, creates namespaces and starts sshd)" >&2
    exit 1
fi
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)
exec "$py" "$here/lab.py" "$@"
