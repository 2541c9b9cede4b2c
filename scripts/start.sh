#!/usr/bin/env bash
# `npm start`: install, build, then `pulumi up --yes` of the root program.
set -euo pipefail
# Run on a supported Node.js (scripts/with-node.sh installs one into the cache when the machine's is
# older); NODE_MAJOR picks a major.
if [ -z "${COMPUTE_GALLERY_NODE_READY:-}" ]; then
  export COMPUTE_GALLERY_NODE_READY=1
  exec bash "$(dirname "$0")/with-node.sh" bash "$0" "$@"
fi
cd "$(dirname "$0")/.."
bash scripts/install.sh
npm run --silent build
exec bash scripts/with-pulumi.sh npx ts-node scripts/up.ts
