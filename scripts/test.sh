#!/usr/bin/env bash
# README command 2: restores, builds and runs every test project, then prints one line
# "N passed, N failed, N skipped" totalled over all test projects (CI reads that line).
# A failed test prints its message and the top of its stack, so a CI log alone explains it.
# Extra arguments go to `dotnet test` (e.g. --filter "Category=Unit").
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"

bash scripts/deps.sh test || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== restore and build"
dotnet build Thanhhoa.Iot.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

rm -rf "$results"; mkdir -p "$results"
echo "== test"
dotnet test Thanhhoa.Iot.sln -c Release --no-build -nologo \
  --results-directory "$results" --logger "trx" --logger "console;verbosity=normal" \
  -- NUnit.DefaultTimeout=600000 "$@" | tee "$results/console.log" \
  | awk '/^[[:space:]]*Failed /{n=30} n>0{print; n--; next} /^[[:space:]]*Skipped |Total tests|Test Run/{print}' || true
status=${PIPESTATUS[0]}

# Total the TRX counters of every test project (one .trx per project).
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files+1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed+p)); failed=$((failed+f+e+t+a)); skipped=$((skipped+total-executed))
done
if [ "$files" -eq 0 ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # dotnet test failed without a counted failure (crash, build break): never report green.
  failed=$((failed+1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
