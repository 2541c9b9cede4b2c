#!/usr/bin/env bash
# The e2e suite both ways, at the same time: on the default (tuned) path, and with
# COMPUTE_GALLERY_PLAIN_PATH=1 (provider/tuning.ts). Each pass runs its files one at a time, as the
# suite is written to run. Most files keep everything in temporary folders, so the two passes run side
# by side; the files in SHARED write into the repository (the benchmark installs copies of the
# package into node_modules/), so the passes take turns at them under a lock: the default pass runs them first, the plain pass last, and neither
# usually waits. Lines are prefixed with the pass; the script fails if either pass fails.
# Run it as scripts/test.sh does: after `npm run build`, through scripts/with-pulumi.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=(test/e2e/benchSmoke.test.ts)
mapfile -t ALL < <(ls test/e2e/*.test.ts)
OWN=()
for file in "${ALL[@]}"; do
  [[ " ${SHARED[*]} " == *" $file "* ]] || OWN+=("$file")
done

lock=$(mktemp)
trap 'rm -f "$lock"' EXIT

jest_e2e() { npx jest --selectProjects e2e --runInBand --runTestsByPath "$@"; }
shared() { flock "$lock" npx jest --selectProjects e2e --runInBand --runTestsByPath "${SHARED[@]}"; }

# A pass: its name, the switch's value ("" for the default path), whether the shared files come first.
pass() {
  local name=$1 plain=$2 shared_first=$3 start status=0
  start=$(date +%s)
  (
    if [ -n "$plain" ]; then export COMPUTE_GALLERY_PLAIN_PATH=$plain; else unset COMPUTE_GALLERY_PLAIN_PATH; fi
    failed=0
    if [ "$shared_first" = yes ]; then
      shared || failed=1
      jest_e2e "${OWN[@]}" || failed=1
    else
      jest_e2e "${OWN[@]}" || failed=1
      shared || failed=1
    fi
    exit "$failed"
  ) 2>&1 | sed -u "s/^/[$name] /" || status=$?
  echo "[$name] == e2e pass in $(($(date +%s) - start))s (exit $status)"
  return "$status"
}

pass default "" yes &
default_pass=$!
pass plain 1 no &
plain_pass=$!
failed=0
wait "$default_pass" || failed=1
wait "$plain_pass" || failed=1
exit "$failed"
