#!/usr/bin/env bash
# floyo-agent idle cost: CPU and memory of `floyo-agent watch` on a large tree while nothing changes.
#
#   tools/agent-idle-cost/run.sh [FILES=100000] [SECONDS=60] [FORMS="tool portable"]
#
# Forms: `tool` is the agent as the README installs it (dotnet pack, then dotnet tool install: on linux-x64 the
# self-contained, trimmed RID-specific package); `portable` is the framework-dependent build (the package for every
# other platform, and `dotnet run --project src/Floyo.Agent`), run with `dotnet floyo-agent.dll`.
# For each form it measures three runs: the agent watching an empty folder (the baseline), watching a throwaway tree
# of FILES files (100 per folder, three folder levels, a .git folder so it is one project; not logged in, so nothing
# is sent), and the same tree after activity (logged in to a stub ingest server on 127.0.0.1, one file edited and
# delivered before the window, so the HMAC, queue and HTTP code are loaded). Each run waits for the first scan, lets
# it settle 5 s, then samples /proc for SECONDS: CPU time used (utime+stime) and resident memory (VmRSS, VmHWM).
# Prints a Markdown table row per run.
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-100000}
seconds=${2:-60}
forms=${3:-tool portable}
work=$(mktemp -d /tmp/floyo-agent-idle-XXXXXX)
stub_pid=
trap '[ -n "$stub_pid" ] && kill "$stub_pid" 2>/dev/null; rm -rf "$work"' EXIT
clk=$(getconf CLK_TCK)

install_tool() { # packs the agent and installs it as the README says, from that folder only, with a fresh cache
    dotnet pack src/Floyo.Agent -o "$work/pack" >/dev/null
    printf '<configuration><packageSources><clear /><add key="agent" value="%s" /></packageSources></configuration>\n' \
        "$work/pack" >"$work/nuget.config"
    NUGET_PACKAGES="$work/nuget" dotnet tool install --tool-path "$work/tool" --configfile "$work/nuget.config" Floyo.Agent >/dev/null
}

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

wait_for() { # $1 description, $2 seconds, then a command that succeeds when done
    local what=$1 limit=$(( $2 * 10 )); shift 2
    until "$@"; do
        limit=$((limit - 1))
        [ "$limit" -gt 0 ] || { echo "timed out waiting for $what" >&2; exit 1; }
        sleep 0.1
    done
}

measure() { # $1 form, $2 label, $3 tree, $4 "active" to log in and deliver one edit first
    local dir="$work/$1-$2" agent
    local config="$dir/agent.json" log="$dir/agent.log"
    mkdir -p "$dir"
    : >"$log"
    if [ "$1" = tool ]; then agent=("$work/tool/floyo-agent"); else agent=(dotnet "$work/bin/floyo-agent.dll"); fi
    if [ "${4:-}" = active ]; then
        "${agent[@]}" login --config "$config" --server "http://127.0.0.1:$(cat "$work/stub.port")" --key waka_bench >/dev/null
    fi
    local start_ns; start_ns=$(date +%s%N)
    "${agent[@]}" watch --config "$config" "$3" 2>"$log" &
    local pid=$!
    wait_for "the first scan" 300 grep -q "Watching" "$log"
    local ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    if [ "${4:-}" = active ]; then
        echo "// edited" >>"$3/src/a0/b0/c0/file0.cs"
        wait_for "the edit to be delivered" 60 grep -q . "$work/stub.counts"
        : >"$work/stub.counts"
    fi
    sleep 5 # let the JIT and the first GC settle
    local t0; t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    sleep "$seconds"
    local t1; t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    local rss hwm
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
    kill -TERM "$pid"; wait "$pid" || true
    local cpu_ms=$(( (t1 - t0) * 1000 / clk ))
    printf '| %s: %s | %s | %d ms | %d ms CPU in %d s (%s%%) | %d MiB | %d MiB |\n' \
        "$1" "$2" "$(grep -o '([0-9]* files)' "$log" | head -1)" "$ready_ms" "$cpu_ms" "$seconds" \
        "$(awk -v c="$cpu_ms" -v s="$seconds" 'BEGIN { printf "%.2f", c / (s * 10) }')" $((rss / 1024)) $((hwm / 1024))
}

for form in $forms; do
    case $form in
        tool) install_tool ;;
        portable) dotnet build src/Floyo.Agent -c Release -o "$work/bin" >/dev/null ;;
        *) echo "unknown form: $form (tool, portable)" >&2; exit 2 ;;
    esac
done

mkdir -p "$work/empty" "$work/tree"
make_tree "$work/tree" "$files"
: >"$work/stub.counts"
python3 tools/agent-idle-cost/stub_server.py "$work/stub.port" "$work/stub.counts" &
stub_pid=$!
wait_for "the stub server" 30 test -s "$work/stub.port"
echo "| run | files watched | start-up (first scan done) | idle CPU | RSS | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- |"
for form in $forms; do
    measure "$form" baseline-empty "$work/empty"
    measure "$form" "tree-$files" "$work/tree"
    measure "$form" "tree-$files-active" "$work/tree" active
done
