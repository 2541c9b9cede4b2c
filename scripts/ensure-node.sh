#!/usr/bin/env bash
# Makes a supported Node.js available and prints the directory to put first on PATH (last line of
# stdout). With no argument: the `node` on PATH when it is a supported major (package.json
# "engines"), else the newest major package.json "toolchain" pins. With a major (22, 24): that
# major, from PATH when it matches, else the version "toolchain" pins for it.
#
# Why from the npm registry: these machines reach it but not Node's download site, and it publishes
# each Node.js release as node-<platform>-<arch>, the official binaries and headers inside. The
# headers let native addons (better-sqlite3) build for that Node.js without a download.
# Idempotent: a warm cache costs a version check.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
cache_root=${PULUMI_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/azure-compute-gallery-pulumi}
wanted_major=${1:-}

log() { printf '[ensure-node] %s\n' "$*" >&2; }

# Any node reads package.json; the machine's may be older than the ones supported.
read_toolchain() {
  node -e '
    const p = require(process.argv[1]);
    const major = process.argv[2];
    const min = Number(/(\d+)/.exec(p.engines.node)[1]);
    const pinned = p.toolchain.node;
    const majorOf = (v) => Number(v.split(".")[0]);
    const newest = [...pinned].sort((a, b) => majorOf(b) - majorOf(a))[0];
    const pick = major ? pinned.find((v) => majorOf(v) === Number(major)) : newest;
    if (!pick) { console.error(`no Node.js ${major || "default"} in package.json toolchain.node`); process.exit(1); }
    console.log(min, pick);
  ' "$repo_root/package.json" "$wanted_major"
}

read -r min_major pinned_version < <(read_toolchain)

on_path_major() {
  command -v node >/dev/null 2>&1 || return 1
  node -p 'process.versions.node.split(".")[0]'
}

current=$(on_path_major || echo 0)
if [ -n "$wanted_major" ] && [ "$current" = "$wanted_major" ]; then
  dirname "$(command -v node)"
  exit 0
fi
if [ -z "$wanted_major" ] && [ "$current" -ge "$min_major" ]; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -s)" in
  Linux) platform=linux ;;
  Darwin) platform=darwin ;;
  *) log "no Node.js package for $(uname -s)"; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) log "no Node.js package for $(uname -m)"; exit 1 ;;
esac

node_dir="$cache_root/node/v$pinned_version"
if [ ! -x "$node_dir/bin/node" ] || [ "$("$node_dir/bin/node" --version 2>/dev/null)" != "v$pinned_version" ]; then
  command -v npm >/dev/null 2>&1 || { log "npm is needed to fetch Node.js $pinned_version"; exit 1; }
  log "installing Node.js $pinned_version (node-$platform-$arch from the npm registry) into $node_dir"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-$platform-$arch@$pinned_version" >/dev/null)
  rm -rf "$node_dir"
  mkdir -p "$node_dir"
  tar -xzf "$work"/node-*.tgz -C "$node_dir" --strip-components=1
fi
echo "$node_dir/bin"
