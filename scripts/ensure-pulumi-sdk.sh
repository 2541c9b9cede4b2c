#!/usr/bin/env bash
# Installs @pulumi/pulumi of another version than the project's (default: the lowest the peer range
# of package.json allows) into the cache outside the repository, with the dependencies npm resolves
# for it, as a user's project would get them. Prints its package folder (last line of stdout), which
# COMPUTE_GALLERY_PULUMI_SDK_DIR takes to run the unit suite on that copy (jest.config.js). A warm
# cache costs one file read. Fails, never skips, when the registry cannot be reached.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
cache_root=${PULUMI_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/azure-compute-gallery-pulumi}
version=${1:-$(node -p "/>=\s*([0-9][^\s]*)/.exec(require('$repo_root/package.json').peerDependencies['@pulumi/pulumi'])[1]")}
project="$cache_root/sdk-v$version"
package="$project/node_modules/@pulumi/pulumi"

log() { printf '[ensure-pulumi-sdk] %s\n' "$*" >&2; }

installed() {
  [ -f "$package/package.json" ] && [ "$(node -p "require('$package/package.json').version")" = "$version" ]
}

if ! installed; then
  start=$(date +%s)
  log "installing @pulumi/pulumi@$version into $project"
  rm -rf "$project"
  mkdir -p "$project"
  printf '{ "name": "pulumi-sdk-v%s", "private": true }\n' "$version" >"$project/package.json"
  (cd "$project" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "@pulumi/pulumi@$version" >&2)
  installed || { log "@pulumi/pulumi@$version did not install"; exit 1; }
  log "installed in $(( $(date +%s) - start ))s"
fi
echo "$package"
