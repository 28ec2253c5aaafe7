#!/usr/bin/env bash
# Proves the linux-arm64 gateway build works: publishes it (scripts/publish-arm64.sh, the same
# command the image uses), then runs `thgw selftest` under qemu-user against a sysroot made of
# Debian arm64 packages, and checks that the self-test printed the version and every check ok.
#
# Needs: qemu-user (qemu-aarch64) and Debian's arm64 libc/libstdc++/ICU/OpenSSL/zlib packages.
# As root it installs qemu-user when missing and downloads the arm64 packages with a private apt
# configuration under artifacts/ (no foreign architecture is added to the system's dpkg); otherwise
# it says what is missing and exits 3.
# Caches: artifacts/arm64-sysroot (packages unpacked), artifacts/thgw-linux-arm64 (publish, rebuilt
# when a source file is newer). Set THGW_ARM64_FORCE_PUBLISH=1 to always republish.
# Usage: scripts/arm64-selftest.sh [extra selftest args, e.g. --lang vi]
# Exit: 0 self-test passed under qemu; 1 it failed; 3 a prerequisite is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/artifacts/thgw-linux-arm64"
sysroot="$root/artifacts/arm64-sysroot"
apt_private="$root/artifacts/arm64-apt"
debs=(libc6 libstdc++6 libgcc-s1 libicu72 libssl3 zlib1g tzdata)

say() { echo "arm64-selftest: $*" >&2; }
need_root() { say "$1"; say "run this script as root (CI does), or: $2"; exit 3; }

# 1. qemu-user
if ! command -v qemu-aarch64 >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || need_root "qemu-aarch64 is missing" "sudo apt-get install -y qemu-user"
  say "installing qemu-user ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends qemu-user >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends qemu-user >/dev/null; }
fi

# 2. sysroot from Debian arm64 packages, through a private apt state (lists, cache, empty dpkg status)
#    that only knows arm64: the host's dpkg architectures stay as they are.
if [ ! -f "$sysroot/.complete" ]; then
  command -v apt-get >/dev/null 2>&1 || { say "apt-get is needed to fetch the arm64 packages"; exit 3; }
  mkdir -p "$apt_private"/{lists/partial,archives/partial,etc} "$sysroot"
  : > "$apt_private/status"
  opts=(-o Dir::State="$apt_private" -o Dir::State::Lists="$apt_private/lists" -o Dir::State::status="$apt_private/status"
        -o Dir::Cache="$apt_private" -o Dir::Cache::archives="$apt_private/archives"
        -o APT::Architecture=arm64 -o APT::Architectures::=arm64 -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  say "fetching the arm64 package lists (private apt state in $apt_private) ..."
  apt-get "${opts[@]}" update -qq
  ( cd "$apt_private/archives" && apt-get "${opts[@]}" download "${debs[@]/%/:arm64}" )
  for deb in "$apt_private"/archives/*_arm64.deb "$apt_private"/archives/*_all.deb; do
    [ -f "$deb" ] && dpkg-deb -x "$deb" "$sysroot"
  done
  touch "$sysroot/.complete"
  say "sysroot ready: $sysroot ($(du -sh "$sysroot" | cut -f1))"
fi

# 3. publish (cached: only when missing or older than a source or build file)
if [ "${THGW_ARM64_FORCE_PUBLISH:-0}" = 1 ] || [ ! -x "$out/thgw" ] \
   || [ -n "$(find firmware-contracts edge Directory.Build.props Directory.Packages.props scripts/publish-arm64.sh \
              \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f -newer "$out/thgw" -print -quit)" ]; then
  bash scripts/publish-arm64.sh "$out"
fi

# 4. run the self-test under qemu; the sysroot supplies the arm64 loader, libc, ICU and OpenSSL
log="$root/artifacts/arm64-selftest.log"
start=$(date +%s%N)
set +e
qemu-aarch64 -L "$sysroot" "$out/thgw" selftest "$@" >"$log" 2>&1
rc=$?
set -e
ms=$(( ($(date +%s%N) - start) / 1000000 ))
cat "$log"
echo "arm64-selftest: exit $rc after ${ms} ms under qemu-aarch64"
if [ "$rc" -ne 0 ]; then exit 1; fi
grep -q "^thgw [0-9]" "$log" || { say "the self-test did not print its version"; exit 1; }
if grep -q "^FAIL " "$log"; then say "a check failed"; exit 1; fi
echo "arm64-selftest: ok"
