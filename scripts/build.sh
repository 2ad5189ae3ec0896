#!/bin/sh
# Configures (once) and builds Kinspect in build/ with the "dev" preset.
set -eu
cd "$(dirname "$0")/.."
if [ ! -f build/CMakeCache.txt ]; then
    cmake --preset dev >/dev/null
fi
cmake --build build --parallel "${KINSPECT_JOBS:-$(nproc)}"
