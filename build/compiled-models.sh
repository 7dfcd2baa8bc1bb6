#!/usr/bin/env bash
# Regenerates the committed compiled models with dotnet-ef (the version pinned in .config/dotnet-tools.json). Run it after
# any change to the entity classes, the provider's conventions or type mappings, and commit what it writes:
#   tests/FunctionalTests.CompiledModel/CompiledModels
#   samples/ImagesConsole/CompiledModels
# Both are the plain form. --nativeaot also writes each type mapping and accessor out, but EF Core 10.0.15 writes its own
# internal Snapshot.Empty unqualified there, which the entity EFCore.DigitalOcean.Snapshot hides: that code does not compile.
# CompiledModelTests fails when the test model no longer matches the classes.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null

optimize() { # project, context, namespace
  local project="$1" context="$2" namespace="$3"
  rm -rf "$project/CompiledModels"
  dotnet build "$project" -p:CompiledModel=false
  dotnet ef dbcontext optimize --no-build --project "$project" --context "$context" \
    --output-dir CompiledModels --namespace "$namespace"
}

optimize tests/FunctionalTests.CompiledModel CloudContext EFCore.DigitalOcean.FunctionalTests.CompiledModels
optimize samples/ImagesConsole ImagesContext ImagesConsole.CompiledModels
