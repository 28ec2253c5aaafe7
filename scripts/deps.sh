#!/usr/bin/env bash
# Installs the Debian packages the tests (or the demo) need, when they are missing.
# Usage: scripts/deps.sh test|run
# As root it installs with apt-get; otherwise it prints the exact command to run.
set -euo pipefail

want=(dotnet)
case "${1:-test}" in
  test) pkgs=(mosquitto mosquitto-clients socat python3-pymodbus chromium postgresql) ;;
  run)  pkgs=() ;;
  *) echo "usage: scripts/deps.sh test|run" >&2; exit 2 ;;
esac

if ! command -v dotnet >/dev/null 2>&1; then
  echo "deps: the .NET 10 SDK is required (dotnet on PATH); install it, then run this again." >&2
  exit 1
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "deps: missing Debian packages: ${missing[*]}" >&2
  echo "deps: install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "deps: installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's mosquitto package may start a system broker on 1883; tests start their own on free ports
# and the demo's embedded broker wants 1883, so stop the packaged one if it runs.
if command -v service >/dev/null 2>&1; then service mosquitto stop >/dev/null 2>&1 || true; fi
pkill -x mosquitto >/dev/null 2>&1 || true
# Tests start private PostgreSQL clusters on free ports; the packaged cluster is not used.
if command -v service >/dev/null 2>&1; then service postgresql stop >/dev/null 2>&1 || true; fi
echo "deps: ok"
