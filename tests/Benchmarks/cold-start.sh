#!/usr/bin/env bash
# Cold start: a new process lists 2,000 images from one tests/FakeServer (its own process, 127.0.0.1) and exits. Times the
# published sample (`list`, ReadyToRun, compiled model), the same without the compiled model, the hand-written client
# (ColdStartBaseline: HttpClient + source-generated System.Text.Json, the same requests) and EF Core's floor (ColdStartEfFloor:
# the hand-written client after one query through EF Core's in-memory provider with a compiled model), with hyperfine (Debian package
# `hyperfine`) in both orders, and prints medians and ratios to the hand-written client. Not run by CI.
#   RUNS=30 [PUBLISHED=folder] tests/Benchmarks/cold-start.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/Benchmarks/separate-process.sh
RUNS="${RUNS:-30}"
out="$(mktemp -d)"
FAKE_LOG="$out/fake.log"
trap 'rm -rf "$out"' EXIT

publish_dotnet_clients "$out"
start_fake --images 2000
hyperfine_both_orders "$out" \
  "hand-written .NET" "$CLIENTS/baseline/ColdStartBaseline --base-url $FAKE_URL" \
  "EF Core floor + hand-written" "$CLIENTS/ef-floor/ColdStartEfFloor --base-url $FAKE_URL" \
  "provider (sample list)" "$CLIENTS/sample/ImagesConsole list --base-url $FAKE_URL" \
  "provider, no compiled model" "$CLIENTS/sample-no-model/ImagesConsole list --base-url $FAKE_URL"
stop_fake
print_ratios "$out" "hand-written .NET"
