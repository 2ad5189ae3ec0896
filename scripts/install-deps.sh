#!/bin/sh
# Installs everything Kinspect needs to build, test and run its lab on Debian 12, from Debian's
# archive only. Idempotent: does nothing when every package is already installed. Needs root.
set -eu

PACKAGES="
  cmake ninja-build g++ pkg-config git clang-format clang libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6sql6-sqlite qt6-qpa-plugins qtkeychain-qt6-dev libgl-dev libxkbcommon-dev
  libssh-dev libyaml-cpp-dev libbenchmark-dev
  openssh-server openssh-client sudo python3 python3-yaml python3-cryptography
  iproute2 procps util-linux busybox dash
  xvfb xauth poppler-utils
  desktop-file-utils appstream ansible
"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "kinspect: these Debian packages are missing:$missing" >&2
    echo "kinspect: run this script as root (sudo $0) to install them." >&2
    exit 1
fi
echo "kinspect: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
