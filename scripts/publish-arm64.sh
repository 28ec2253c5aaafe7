#!/usr/bin/env bash
# The one publish command for the gateway image: Dockerfile.arm64 runs exactly this script, and CI
# runs it too, so the Dockerfile cannot drift from what is tested.
# Usage: scripts/publish-arm64.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/thgw-linux-arm64}"
dotnet publish edge/Thanhhoa.Iot.Gateway/Thanhhoa.Iot.Gateway.csproj -c Release -r linux-arm64 \
  --self-contained true -p:PublishSingleFile=false -p:InvariantGlobalization=false -nologo -o "$out"
echo "published to $out ($(du -sh "$out" | cut -f1))"
