#!/usr/bin/env bash
# `npm start`: install, build, then `pulumi up --yes` of the root program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
npm run --silent build
exec bash scripts/with-pulumi.sh npx ts-node scripts/up.ts
