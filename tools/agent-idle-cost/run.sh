#!/usr/bin/env bash
# floyo-agent idle cost: CPU and memory of `floyo-agent watch` on a large tree while nothing changes.
#
#   tools/agent-idle-cost/run.sh [FILES=100000] [SECONDS=60]
#
# Builds the agent (Release), makes a throwaway tree of FILES files (100 per folder, three folder levels, with a .git
# folder so it is one project), starts `watch` on it (not logged in, so nothing is sent), waits for the first scan,
# then samples /proc for SECONDS: CPU time used (utime+stime) and resident memory (VmRSS, VmHWM). As a baseline in
# the same run it measures the same agent watching an empty folder. Prints a Markdown table row per run.
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-100000}
seconds=${2:-60}
work=$(mktemp -d /tmp/floyo-agent-idle-XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build src/Floyo.Agent -c Release -o "$work/bin" >/dev/null
clk=$(getconf CLK_TCK)

make_tree() { # $1 folder, $2 files
    python3 - "$1" "$2" <<'PY'
import os, sys
root, total = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(root, ".git"), exist_ok=True)
open(os.path.join(root, ".git", "HEAD"), "w").write("ref: refs/heads/main\n")
for n in range(total):
    folder = os.path.join(root, "src", f"a{n // 10000}", f"b{(n // 1000) % 10}", f"c{(n // 100) % 10}")
    if n % 100 == 0:
        os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"file{n}.cs"), "w") as f:
        f.write("// x\n")
PY
}

measure() { # $1 label, $2 tree
    local config="$work/$1/agent.json" log="$work/$1/agent.log"
    mkdir -p "$work/$1"
    local start_ns; start_ns=$(date +%s%N)
    dotnet "$work/bin/floyo-agent.dll" watch --config "$config" "$2" 2>"$log" &
    local pid=$!
    until grep -q "Watching" "$log" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.1
    done
    local ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    sleep 5 # let the JIT and the first GC settle
    local t0; t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    sleep "$seconds"
    local t1; t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    local rss hwm
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
    kill -TERM "$pid"; wait "$pid" || true
    local cpu_ms=$(( (t1 - t0) * 1000 / clk ))
    printf '| %s | %s | %d ms | %d ms CPU in %d s (%s%%) | %d MiB | %d MiB |\n' \
        "$1" "$(grep -o '([0-9]* files)' "$log" | head -1)" "$ready_ms" "$cpu_ms" "$seconds" \
        "$(awk -v c="$cpu_ms" -v s="$seconds" 'BEGIN { printf "%.2f", c / (s * 10) }')" $((rss / 1024)) $((hwm / 1024))
}

mkdir -p "$work/empty" "$work/tree"
make_tree "$work/tree" "$files"
echo "| run | files watched | start-up (first scan done) | idle CPU | RSS | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- |"
measure baseline-empty "$work/empty"
measure "tree-$files" "$work/tree"
