#!/usr/bin/env bash
# The one publish command for the gateway image: Dockerfile.arm64 runs exactly this script, and CI
# runs it too (scripts/arm64-selftest.sh), so the Dockerfile cannot drift from what is tested.
# Self-contained linux-arm64 (no .NET on the board), not single-file, NOT trimmed:
#   a trimmed build (PublishTrimmed=true) is 30 MB instead of 94 MB and passes the self-test's
#   library checks, but reflection-based configuration binding and DI activation lose members:
#   `thgw doctor` trimmed ignored every setting and could not construct the options validators
#   (measured 2026-11, see docs/benchmarks.md "Gateway image"); the self-test's composition check
#   now catches that. Trimming needs source-generated binding and trim-safe LiteDB first.
# The systemd unit (packaging/thgw.service) is published beside the binary.
# Usage: scripts/publish-arm64.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/thgw-linux-arm64}"
dotnet publish edge/Thanhhoa.Iot.Gateway/Thanhhoa.Iot.Gateway.csproj -c Release -r linux-arm64 \
  --self-contained true -p:PublishSingleFile=false -p:PublishTrimmed=false -p:InvariantGlobalization=false \
  -nologo -clp:ErrorsOnly -o "$out"
echo "published to $out ($(du -sh "$out" | cut -f1))"
