#!/usr/bin/env bash
# Builds the benchmarks in Release and runs each suite in its own process (so each reports its own peak
# memory). Figures go to the console and to artifacts/bench/<UTC time>.txt; exit 1 when a target is missed.
# Usage: bench/run.sh [--rounds=N] [--dir=PATH] [--scale=F]    (see bench/README.md)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/bench/Omnichannel.Bench"
dll="$project/bin/Release/net10.0/Omnichannel.Bench.dll"
out_dir="$root/artifacts/bench"
mkdir -p "$out_dir"
out="$out_dir/$(date -u +%Y%m%dT%H%M%SZ).txt"

dotnet build "$project" -c Release --nologo -v quiet

status=0
for suite in outbox ingest; do
    if ! dotnet "$dll" "$suite" "$@" 2>&1 | tee -a "$out"; then
        status=1
    fi
done

printf '\n# all targets (%s)\n' "$out" | tee -a "$out"
grep -A 10 '^# summary' "$out" | grep '^\[' | tee -a "$out" || true
exit "$status"
