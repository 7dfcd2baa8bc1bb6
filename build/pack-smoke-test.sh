#!/usr/bin/env bash
# Packs EFCore.DigitalOcean and EFCore.DigitalOcean.Testing into a folder feed, checks what the packages carry, then does
# what a new user does: a new console project installs both from that feed (dependencies from nuget.org), builds, and
# runs the Testing package README's example against the fake. Exits non-zero on the first failed check; .ci/run counts
# the whole script as one check.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
# A version of its own per run, so that restore never takes an older build of the same version from the package cache.
version="0.1.0-smoke.$(date +%Y%m%d%H%M%S).$$"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
cleanup() {
  rm -rf "$work" "$packages/efcore.digitalocean/$version" "$packages/efcore.digitalocean.testing/$version"
}
trap cleanup EXIT

fail() { echo "pack smoke test FAILED: $*" >&2; exit 1; }

feed="$work/feed"
for project in EFCore.DigitalOcean EFCore.DigitalOcean.Testing; do
  dotnet pack "src/$project" -c Release -o "$feed" -p:Version="$version" -p:ContinuousIntegrationBuild=true -v quiet -nologo
done

commit="$(git rev-parse HEAD 2>/dev/null || true)"
origin="$(git remote get-url origin 2>/dev/null || true)"
for id in EFCore.DigitalOcean EFCore.DigitalOcean.Testing; do
  nupkg="$feed/$id.$version.nupkg"
  snupkg="$feed/$id.$version.snupkg"
  [ -f "$nupkg" ] || fail "$id: no .nupkg"
  [ -f "$snupkg" ] || fail "$id: no .snupkg"
  # Listings are read whole before grep looks at them: with pipefail, grep -q leaving early would fail unzip (SIGPIPE).
  grep -q "lib/net10.0/$id.pdb" <<<"$(unzip -l "$snupkg")" || fail "$id: the .snupkg has no PDB"
  grep -q "lib/net10.0/$id.xml" <<<"$(unzip -l "$nupkg")" || fail "$id: no XML documentation"
  readme="$(unzip -p "$nupkg" README.md)" || fail "$id: no README.md"
  grep -q "dotnet add package $id\$" <<<"$readme" || fail "$id: its README does not say how to install it"
  grep -q "^## Layout" <<<"$readme" && fail "$id: carries the repository README instead of its own"
  nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id: no license expression"
  grep -q '<projectUrl>https://' <<<"$nuspec" || fail "$id: no project URL"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id: README not declared"
  if [ -n "$commit" ]; then
    grep -q "<repository type=\"git\".* commit=\"$commit\"" <<<"$nuspec" || fail "$id: the repository commit is not $commit"
  fi
  dll="$(mktemp -p "$work")"
  unzip -p "$nupkg" "lib/net10.0/$id.dll" >"$dll"
  # A deterministic CI build maps source paths to /_/: the machine's own paths are not in the assembly.
  grep -aq "/_/src/$id/" "$dll" || fail "$id: paths are not mapped (not a deterministic CI build)"
  grep -aq "$PWD" "$dll" && fail "$id: the build machine's path is in the assembly"
  # SourceLink needs a hosted remote; a clone of a local folder (as CI runs) has none, and then only the commit is recorded.
  if [[ "$origin" == https://github.com/* ]]; then
    pdb="$(mktemp -p "$work")"
    unzip -p "$snupkg" "lib/net10.0/$id.pdb" >"$pdb"
    grep -aq "raw.githubusercontent.com" "$pdb" || fail "$id: no SourceLink in the PDB"
  fi
done
echo "packages: $(cd "$feed" && ls | tr "\n" " ")"

consumer="$work/consumer"
cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
dotnet new console -o "$consumer" -n Consumer --framework net10.0 >/dev/null
dotnet add "$consumer" package EFCore.DigitalOcean --version "$version" >/dev/null
dotnet add "$consumer" package EFCore.DigitalOcean.Testing --version "$version" >/dev/null
# The program is the Testing package README's example, as a user would paste it.
sed -n '/^```csharp$/,/^```$/p' src/EFCore.DigitalOcean.Testing/README.md | sed '1d;$d' >"$consumer/Program.cs"
dotnet build "$consumer" -c Release -o "$consumer/out" -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the consumer does not build"; }
output="$(dotnet "$consumer/out/Consumer.dll")" || fail "the consumer failed: $output"
echo "consumer printed: $output"
[[ "$output" =~ ^[1-9][0-9]*\ images,\ 1\ request:\ GET\ /v2/images\?private=true\&per_page=1\&page=1$ ]] \
  || fail "expected '<n> images, 1 request: GET /v2/images?private=true&per_page=1&page=1'"

# What the two packages bring into the consumer's output (its own files aside).
closure=("$consumer"/out/*.dll)
count=$((${#closure[@]} - 1))
bytes="$(find "$consumer/out" -name '*.dll' ! -name Consumer.dll -printf '%s\n' | awk '{s += $1} END {print s}')"
ls "$consumer"/out/Microsoft.CodeAnalysis*.dll >/dev/null 2>&1 && fail "Roslyn is in the consumer's closure"
echo "consumer closure: $count assemblies, $(awk "BEGIN {printf \"%.1f\", $bytes / 1048576}") MB"
echo "pack smoke test passed"
