#!/usr/bin/env bash
# Regenerates the committed compiled models with dotnet-ef (the version pinned in .config/dotnet-tools.json). Run it after
# any change to the entity classes, the provider's conventions or type mappings, and commit what it writes:
#   tests/FunctionalTests.CompiledModel/CompiledModels  (with --nativeaot: type mappings and accessors written out too)
#   samples/ImagesConsole/CompiledModels               (the plain compiled model an application would use)
# CompiledModelTests fails when the test model no longer matches the classes.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null

optimize() { # project, context, namespace, extra options...
  local project="$1" context="$2" namespace="$3"
  shift 3
  rm -rf "$project/CompiledModels"
  dotnet build "$project" -p:CompiledModel=false
  dotnet ef dbcontext optimize --no-build --project "$project" --context "$context" \
    --output-dir CompiledModels --namespace "$namespace" "$@"
}

optimize tests/FunctionalTests.CompiledModel CloudContext EFCore.DigitalOcean.FunctionalTests.CompiledModels --nativeaot
optimize samples/ImagesConsole ImagesContext ImagesConsole.CompiledModels
