#!/usr/bin/env bash
# Measures the simdjson route against festival's decoder on FILE (issue 12):
#   bash bench/simdjson-route/run.sh FILE.json [RUNS]
# Needs libsimdjson-dev (Debian 3.0.1): apt-get install libsimdjson-dev.
set -euo pipefail
cd "$(dirname "$0")"
[ -f /usr/include/simdjson.h ] || { echo "needs libsimdjson-dev"; exit 2; }
swift build -c release --product simdjson-route >&2
file=$(realpath "$1"); shift
.build/release/simdjson-route "$file" "$@"
echo "same file, both cores pinned to one (taskset -c 0):"
taskset -c 0 .build/release/simdjson-route "$file" "$@"
