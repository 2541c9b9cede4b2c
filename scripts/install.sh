#!/usr/bin/env bash
# Installs the npm dependencies from the lockfile when they are missing or
# older than the lockfile, so `npm start` and `npm test` work on a fresh clone.
set -euo pipefail
# Run on a supported Node.js (scripts/with-node.sh installs one into the cache when the machine's is
# older); NODE_MAJOR picks a major.
if [ -z "${COMPUTE_GALLERY_NODE_READY:-}" ]; then
  export COMPUTE_GALLERY_NODE_READY=1
  exec bash "$(dirname "$0")/with-node.sh" bash "$0" "$@"
fi
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
# better-sqlite3 ships its native addon prebuilt for common platforms; elsewhere it builds it.
node -e "require('better-sqlite3')" 2>/dev/null || npm rebuild better-sqlite3
