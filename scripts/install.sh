#!/usr/bin/env bash
# Installs the npm dependencies from the lockfile when they are missing or
# older than the lockfile, so `npm start` and `npm test` work on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
# npm may hold back install scripts; better-sqlite3 needs its native build.
node -e "require('better-sqlite3')" 2>/dev/null || npm rebuild better-sqlite3
