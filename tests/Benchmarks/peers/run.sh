#!/usr/bin/env bash
# Side by side with independent DigitalOcean clients: the same listing of 2,000 images from one tests/FakeServer through the
# provider (the published sample's `list`), the hand-written .NET client and the npm packages dots-wrapper and do-wrapper
# (installed into node_modules/ here, which git ignores). Each is a new process, timed from start to exit with hyperfine in
# both orders; then each runs once against a fresh fake that reports the requests it received. Not run by CI.
#   RUNS=30 [PUBLISHED=folder] tests/Benchmarks/peers/run.sh   (PUBLISHED: see separate-process.sh)
set -euo pipefail
cd "$(dirname "$0")/../../.."
source tests/Benchmarks/separate-process.sh
RUNS="${RUNS:-30}"
IMAGES=2000
peers=tests/Benchmarks/peers
out="$(mktemp -d)"
FAKE_LOG="$out/fake.log"
trap 'rm -rf "$out"' EXIT

npm install --prefix "$peers" --no-package-lock --no-audit --no-fund --loglevel error
publish_dotnet_clients "$out"
echo "node $(node --version); $(cd "$peers" && npm ls --depth 0 --parseable --long | grep -o '[a-z-]*wrapper@[0-9.]*' | tr '\n' ' ')"

declare -A clients=(
  ["provider (sample list)"]="$CLIENTS/sample/ImagesConsole list --base-url URL"
  ["hand-written .NET"]="$CLIENTS/baseline/ColdStartBaseline --base-url URL"
  ["dots-wrapper"]="node $peers/dots-wrapper.js URL"
  ["do-wrapper"]="node $peers/do-wrapper.js URL $IMAGES"
)
order=("provider (sample list)" "hand-written .NET" "dots-wrapper" "do-wrapper")

start_fake --images "$IMAGES"
cases=()
for name in "${order[@]}"; do
  cases+=("$name" "${clients[$name]//URL/$FAKE_URL}")
done
hyperfine_both_orders "$out" "${cases[@]}"
stop_fake
print_ratios "$out" "hand-written .NET"

echo "Requests sent for one listing:"
for name in "${order[@]}"; do
  start_fake --images "$IMAGES" --report-requests
  ${clients[$name]//URL/$FAKE_URL} >/dev/null
  stop_fake
  echo "  $name: $(cat "$FAKE_LOG")"
done
