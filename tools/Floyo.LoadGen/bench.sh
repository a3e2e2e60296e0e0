#!/usr/bin/env bash
# The runs behind docs/BENCHMARKS.md. Usage: tools/Floyo.LoadGen/bench.sh [output-dir]
# Builds Release, then runs each scenario after waiting (up to 5 min) for the shared machine to calm down
# (1-minute load average < 1.5); each report prints the machine's CPU use and load average during the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-artifacts/bench/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
dotnet build -c Release tools/Floyo.LoadGen >"$out/build.log"
loadgen=(dotnet tools/Floyo.LoadGen/bin/Release/net10.0/Floyo.LoadGen.dll)

quiet() {
  for _ in $(seq 60); do
    awk '{ exit !($1 < 1.5) }' /proc/loadavg && return 0
    sleep 5
  done
  echo "machine still busy: $(cat /proc/loadavg)" >&2
}

run() {
  local name="$1"; shift
  quiet
  echo "== $name: ${loadgen[*]} $*" | tee "$out/$name.txt"
  "${loadgen[@]}" "$@" 2>&1 | tee -a "$out/$name.txt"
}

# 60 s measured after 20 s of warm-up: short runs (e.g. capped at 200k events, ~8 s here) mostly measure JIT warm-up.
common=(--batch 100 --duration 60 --warmup 20 --listeners 10)
run pg-1user "${common[@]}" --users 1
run pg-10users "${common[@]}" --users 10
run mem-1user "${common[@]}" --users 1 --storage memory
run mem-10users "${common[@]}" --users 10 --storage memory
run pg-target-5k-1000dash --batch 100 --duration 60 --warmup 20 --users 10 --listeners 1000 --rate 5000
grep -h '^Markdown:' "$out"/*.txt
