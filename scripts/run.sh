#!/usr/bin/env bash
# README command 1: runs the whole system locally — the cloud (embedded MQTT broker + LiteDB) and a
# fleet of simulated gateways running the real edge code (each with its own outbox file) — and
# prints the URL to open. Ctrl+C stops everything cleanly.
# Usage: scripts/run.sh [--fleet N]     (THIOT_HTTP_PORT, THIOT_MQTT_PORT, THIOT_DATA move things)
set -euo pipefail
cd "$(dirname "$0")/.."

fleet=50
while [ $# -gt 0 ]; do
  case "$1" in
    --fleet) fleet="${2:?--fleet needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
http_port="${THIOT_HTTP_PORT:-8080}"
mqtt_port="${THIOT_MQTT_PORT:-1883}"
data="${THIOT_DATA:-$(pwd)/.data}"

bash scripts/deps.sh run
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for port in "$http_port" "$mqtt_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "run.sh: port $port on 127.0.0.1 is already in use; stop what uses it or set THIOT_HTTP_PORT / THIOT_MQTT_PORT." >&2
    exit 1
  fi
done

echo "== building (Release)"
dotnet build Thanhhoa.Iot.sln -c Release -nologo -clp:ErrorsOnly -v:q
mkdir -p "$data"

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "== stopping (gateways say goodbye first, then the cloud)"
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
  echo "== stopped; data kept in $data"
}
trap stop INT TERM EXIT

echo "== starting the cloud"
dotnet exec cloud/Thanhhoa.Iot.Cloud/bin/Release/net10.0/Thanhhoa.Iot.Cloud.dll \
  --Urls="http://127.0.0.1:$http_port" --Broker:Port="$mqtt_port" --Storage:DataDirectory="$data/cloud" \
  --Demo:SeedSites="$fleet" --Security:Mode=Development > "$data/cloud.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "run.sh: the cloud did not start; see $data/cloud.log:" >&2; tail -20 "$data/cloud.log" >&2; exit 1; }
  sleep 0.5
done

echo "== starting $fleet simulated gateways"
dotnet exec edge/Thanhhoa.Iot.Gateway/bin/Release/net10.0/thgw.dll simulate --fleet "$fleet" \
  --broker "127.0.0.1:$mqtt_port" --data "$data/fleet" --prefix sim- --site-prefix th- &
pids+=($!)

cat <<MSG

  Thanhhoa.Iot is running.
    Dashboard and API:  http://127.0.0.1:$http_port/
    Devices (REST):     http://127.0.0.1:$http_port/api/devices
    OpenAPI:            http://127.0.0.1:$http_port/openapi/v1.json
    Metrics:            http://127.0.0.1:$http_port/metrics
    MQTT broker:        127.0.0.1:$mqtt_port
    Cloud log:          $data/cloud.log
    Security:           DEVELOPMENT mode (anonymous read, unprovisioned demo gateways);
                        admin API key in $data/cloud/security/bootstrap-admin.key
  Ctrl+C stops everything.

MSG
wait "${pids[@]}"
