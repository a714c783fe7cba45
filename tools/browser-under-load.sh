#!/usr/bin/env bash
# Runs the browser tests N times in a row (default 10) with a CPU hog on every core beside them, as on a loaded
# CI machine, and says how many runs were green. Usage: tools/browser-under-load.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
hogs=()
for _ in $(seq "$(nproc)"); do
  ( while :; do :; done ) &
  hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT
mkdir -p target
passed=0
for i in $(seq "$runs"); do
  log="target/browser-under-load-$i.log"
  if mvn -B verify -Dexec.skip -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='*BrowserIT' >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i: green"
  else
    echo "run $i: RED, see $log and target/browser/"
  fi
done
echo "browser tests under load: $passed passed, $((runs - passed)) failed"
[ "$passed" -eq "$runs" ]
