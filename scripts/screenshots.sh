#!/bin/sh
# Screenshots of the desktop app after a lab scan, light and dark (docs/screenshots/*.png).
# Brings up a private lab, runs `kinspect` under Xvfb on the lab inventory with --scan, and lets
# the app grab its own window (--screenshot) once the scan finished. Needs root (the lab).
#
# Usage: sudo scripts/screenshots.sh [--build DIR]     (default DIR: build)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$ROOT/build"
if [ "${1:-}" = "--build" ]; then BUILD=$(cd "$2" && pwd); fi
APP="$BUILD/app/kinspect"
LAB=/tmp/kinspect-shots-lab
OUT="$ROOT/docs/screenshots"
[ -x "$APP" ] || { echo "screenshots.sh: $APP not built (cmake --build $BUILD --target kinspect)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run missing (apt-get install xvfb)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "screenshots.sh: the lab needs root" >&2; exit 1; }

CONFIG=$(mktemp -d)   # fresh QSettings: default geometry, no recent files
cleanup() { "$ROOT/tests/lab/lab.sh" down --dir "$LAB" >/dev/null 2>&1 || true; rm -rf "$CONFIG"; }
trap cleanup EXIT INT TERM
"$ROOT/tests/lab/lab.sh" up --dir "$LAB" --base-port 26101 >/dev/null
mkdir -p "$OUT"

for palette in light dark; do
  XDG_CONFIG_HOME="$CONFIG" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
  xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
    "$APP" -geometry 1440x900+0+0 --palette "$palette" --language en \
      --inventory "$LAB/inventory.yaml" --known-hosts "$LAB/known_hosts" --ssh-config none \
      --secrets-file "$LAB/cli-secrets" --scan --select 1.2.15@cp-2 \
      --screenshot "$OUT/main-$palette.png"
done
echo "screenshots.sh: wrote $OUT/main-light.png and $OUT/main-dark.png"
