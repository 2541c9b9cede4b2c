#!/usr/bin/env bash
# `npm test`: everything CI runs, in order of cost. The e2e suite needs the
# Pulumi CLI; with-pulumi.sh builds or reuses it and fails if it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
npm run --silent build
npm run --silent lint
npx jest --selectProjects unit
npx jest --selectProjects emulator
npx jest --selectProjects contract
bash scripts/with-pulumi.sh npx jest --selectProjects e2e --runInBand
