#!/usr/bin/env bash
# `npm test`: everything CI runs, in order of cost. The e2e suite needs the
# Pulumi CLI; with-pulumi.sh builds or reuses it and fails if it cannot.
set -euo pipefail
# Run on a supported Node.js (scripts/with-node.sh installs one into the cache when the machine's is
# older); NODE_MAJOR picks a major.
if [ -z "${COMPUTE_GALLERY_NODE_READY:-}" ]; then
  export COMPUTE_GALLERY_NODE_READY=1
  exec bash "$(dirname "$0")/with-node.sh" bash "$0" "$@"
fi
cd "$(dirname "$0")/.."
# The Azure CLI and Python SDK for the clients suite take minutes on a cold cache: install them in the
# background while the earlier suites run, and fail (not skip) the run if that install fails.
python_clients_log=$(mktemp)
bash scripts/ensure-python-clients.sh >"$python_clients_log" 2>&1 &
python_clients=$!
bash scripts/install.sh
# The review page test opens the HTML report in headless Chromium (Debian's package).
bash scripts/install-chromium.sh
npm run --silent build
npm run --silent lint
npx jest --selectProjects unit
# The unit suite again on the lowest @pulumi/pulumi the peer range allows (the project's is the
# highest tested): the tuned paths' assumptions about the SDK hold at both ends (provider/tuning.ts).
lowest_sdk=$(bash scripts/ensure-pulumi-sdk.sh | tail -n 1)
COMPUTE_GALLERY_PULUMI_SDK_DIR=$lowest_sdk npx jest --selectProjects unit
bash scripts/typecheck-on-sdk.sh "$lowest_sdk"
npx jest --selectProjects emulator
npx jest --selectProjects contract
if ! wait "$python_clients"; then
  cat "$python_clients_log" >&2
  echo "could not install the Azure CLI / Python SDK for the clients suite (see above)" >&2
  exit 1
fi
clients_start=$(date +%s)
npx jest --selectProjects clients
echo "== clients suite in $(( $(date +%s) - clients_start ))s"
# The e2e suite on the default (tuned) path and on the plain one (COMPUTE_GALLERY_PLAIN_PATH=1), side by side.
bash scripts/with-pulumi.sh bash scripts/e2e-both-ways.sh
# The packed package npm-installed into projects outside the repository, as users install it
# (test/consumer). The projects run in child processes, two at a time (CONSUMER_CONCURRENCY), so jest
# itself runs in band.
consumer_start=$(date +%s)
bash scripts/with-pulumi.sh npx jest --selectProjects consumer --runInBand
echo "== consumer suite in $(( $(date +%s) - consumer_start ))s"
