#!/usr/bin/env bash
# Runs a command with a supported Node.js first on PATH (ensure-node.sh: the machine's when it is
# supported, else one installed into the cache). NODE_MAJOR=22 or 24 asks for that major. npm and
# node-gyp then run on it, and native addons build against its own headers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=$("$here/ensure-node.sh" ${NODE_MAJOR:-} | tail -n 1)
export PATH="$bin_dir:$PATH"
prefix=$(dirname "$bin_dir")
if [ -f "$prefix/include/node/node.h" ]; then export npm_config_nodedir="$prefix"; fi
exec "$@"
