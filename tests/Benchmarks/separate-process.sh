# Sourced by cold-start.sh and peers/run.sh: publishing the .NET clients, one tests/FakeServer in its own process, and
# hyperfine in both orders. Run from the repository root.

# Publishes the sample (ReadyToRun: its csproj asks for it), the sample without its compiled model, the hand-written
# baseline (ColdStartBaseline, ReadyToRun too), the same with EF Core's in-memory provider in front (ColdStartEfFloor) and
# builds the fake; sets CLIENTS to the folder that holds the four. With
# PUBLISHED=folder they are published there and kept, and a later run with the same folder reuses them (ReadyToRun
# publishing takes minutes on a busy 2-core machine); otherwise they go to $1.
publish_dotnet_clients() {
  CLIENTS="${PUBLISHED:-$1}"
  dotnet build tests/FakeServer -c Release -v quiet -nologo
  if [[ -x "$CLIENTS/sample/ImagesConsole" && -x "$CLIENTS/sample-no-model/ImagesConsole" && -x "$CLIENTS/baseline/ColdStartBaseline" \
    && -x "$CLIENTS/ef-floor/ColdStartEfFloor" ]]; then
    echo "Reusing the clients published in $CLIENTS."
    return
  fi

  dotnet publish samples/ImagesConsole -o "$CLIENTS/sample" -v quiet -nologo
  dotnet publish samples/ImagesConsole -o "$CLIENTS/sample-no-model" -p:CompiledModel=false -v quiet -nologo
  dotnet publish tests/Benchmarks/ColdStartBaseline -o "$CLIENTS/baseline" -v quiet -nologo
  dotnet publish tests/Benchmarks/ColdStartEfFloor -o "$CLIENTS/ef-floor" -v quiet -nologo
}

# Starts the fake with the given arguments (--images N, --report-requests) and sets FAKE_URL and DIGITALOCEAN_TOKEN. Its
# stderr goes to $FAKE_LOG. stop_fake closes its stdin, which stops it. Its hourly budget is large enough for every run
# (do-wrapper alone sends 80 requests a listing), so that no client is timed while it paces itself at the budget's end.
start_fake() {
  coproc FAKE { exec dotnet tests/FakeServer/bin/Release/net10.0/FakeServer.dll --rate-limit 1000000 "$@" 2>"$FAKE_LOG"; }
  FAKE_STDIN="${FAKE[1]}"
  read -r FAKE_URL DIGITALOCEAN_TOKEN <&"${FAKE[0]}"
  export DIGITALOCEAN_TOKEN
}

stop_fake() {
  local pid="$FAKE_PID"
  eval "exec $FAKE_STDIN>&-"
  wait "$pid" || true
}

# hyperfine over NAME CMD pairs, once in the given order and once reversed, with $RUNS timed runs and 3 warm-ups of each;
# writes $1/forward.json and $1/reverse.json. Output is discarded by hyperfine (as a pipe to /dev/null would be).
hyperfine_both_orders() {
  local dir="$1"
  shift
  local forward=() reverse=()
  while (($# > 0)); do
    forward+=(-n "$1" "$2")
    reverse=(-n "$1" "$2" "${reverse[@]}")
    shift 2
  done

  uptime | tee "$dir/load-before.txt"
  hyperfine --warmup 3 --runs "$RUNS" --style basic --export-json "$dir/forward.json" "${forward[@]}"
  hyperfine --warmup 3 --runs "$RUNS" --style basic --export-json "$dir/reverse.json" "${reverse[@]}"
  uptime | tee "$dir/load-after.txt"
}

# Medians (with the two passes' values), CPU time and ratios to the case named $2, from hyperfine_both_orders' files in $1.
print_ratios() {
  python3 - "$1" "$2" <<'SUMMARY'
import json, statistics, sys
folder, baseline = sys.argv[1], sys.argv[2]
passes = [json.load(open(f"{folder}/{name}.json"))["results"] for name in ("forward", "reverse")]
names = [r["command"] for r in passes[0]]
def median(name, key="times"):
    return statistics.median(t for p in passes for r in p if r["command"] == name for t in r[key])
def pass_medians(name):
    return ", ".join(f"{r['median'] * 1000:.0f}" for p in passes for r in p if r["command"] == name)
base = median(baseline)
print(f"{'case':<28} {'median ms':>9} {'passes':>12} {'user+sys ms':>11} {'ratio':>6}")
for name in names:
    cpu = statistics.mean(r["user"] + r["system"] for p in passes for r in p if r["command"] == name)
    runs = sum(len(r["times"]) for p in passes for r in p if r["command"] == name)
    print(f"{name:<28} {median(name) * 1000:9.0f} {pass_medians(name):>12} {cpu * 1000:11.0f} {median(name) / base:6.2f}   ({runs} runs)")
SUMMARY
}
