#!/usr/bin/env bash
# Cold start of the sample's `list` with and without its compiled model: process start to the table on stdout (the command
# prints its rows and exits), against the local simulation, so both include starting the fake. Builds the sample twice in
# Release (the second time with -p:CompiledModel=false) and times both with hyperfine (Debian package `hyperfine`), in
# both orders so that a change in the machine's load does not favour one. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-15}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

dotnet build samples/ImagesConsole -c Release -o "$out/with" -v quiet -nologo
dotnet build samples/ImagesConsole -c Release -o "$out/without" -p:CompiledModel=false -v quiet -nologo

with="dotnet $out/with/ImagesConsole.dll list --private --top 5"
without="dotnet $out/without/ImagesConsole.dll list --private --top 5"
unset DIGITALOCEAN_TOKEN DIGITALOCEAN_ACCESS_TOKEN
hyperfine --warmup 3 --runs "$runs" --style basic --export-json "$out/1.json" -n "compiled model" "$with" -n "model built at start" "$without"
hyperfine --warmup 3 --runs "$runs" --style basic --export-json "$out/2.json" -n "model built at start" "$without" -n "compiled model" "$with"
python3 - "$out/1.json" "$out/2.json" <<'MEDIANS'
import json, sys
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print(f"{r['command']}: median {r['median'] * 1000:.0f} ms over {len(r['times'])} runs")
MEDIANS
