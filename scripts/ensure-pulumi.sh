#!/usr/bin/env bash
# Makes the Pulumi CLI (and the YAML language host) of the same version as the
# @pulumi/pulumi npm package available, building them from the Go module proxy
# into a cache outside the repository when the ones on PATH do not match.
#
# Prints the directory to put first on PATH (last line of stdout). Idempotent:
# a warm cache costs a version check and nothing else.
#
# Why build: these machines reach the npm registry and the Go module proxy but
# not Pulumi's download site, and the CLI is published as Go modules.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
version=${PULUMI_VERSION:-$(node -p "require('$repo_root/package.json').devDependencies['@pulumi/pulumi'].replace(/^[^0-9]*/, '')")}
cache_root=${PULUMI_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/azure-compute-gallery-pulumi}
bin_dir="$cache_root/v$version/bin"
yaml_host_version=${PULUMI_YAML_VERSION:-$(node -p "require('$repo_root/package.json').toolchain.pulumiYaml")}

log() { printf '[ensure-pulumi] %s\n' "$*" >&2; }

on_path_matches() {
  command -v pulumi >/dev/null 2>&1 || return 1
  [ "$(pulumi version 2>/dev/null)" = "v$version" ]
}

dynamic_provider_shim() {
  # The dynamic-provider plugin is a shell shim shipped in the npm package; the
  # engine finds it by name on PATH, so link it next to the CLI.
  local shim="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  if [ ! -f "$shim" ]; then
    shim=$(find "$repo_root/node_modules/@pulumi/pulumi" -name 'pulumi-resource-pulumi-nodejs' -type f 2>/dev/null | head -n1 || true)
  fi
  if [ -z "$shim" ] || [ ! -f "$shim" ]; then
    log "pulumi-resource-pulumi-nodejs not found in node_modules/@pulumi/pulumi: run 'npm ci' first"
    exit 1
  fi
  chmod +x "$shim"
  install -m 755 "$shim" "$bin_dir/pulumi-resource-pulumi-nodejs"
}

module_dir() {
  # go mod download prints the unpacked, read-only module directory.
  go mod download -json "$1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})'
}

build_cli() {
  local work; work=$(mktemp -d)
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' RETURN
  log "building pulumi v$version from github.com/pulumi/pulumi/pkg/v3 (cold builds take minutes)"
  cp -r "$(module_dir "github.com/pulumi/pulumi/pkg/v3@v$version")" "$work/pkg"
  chmod -R u+w "$work/pkg"
  (
    cd "$work/pkg"
    # The published go.mod points sdk/v3 at ../sdk, which is not in the module
    # zip; require the released sdk of the same tag instead.
    go mod edit -dropreplace github.com/pulumi/pulumi/sdk/v3 -require "github.com/pulumi/pulumi/sdk/v3@v$version"
    GOFLAGS=-mod=mod go build -trimpath \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
      -o "$bin_dir/pulumi" ./cmd/pulumi
  )
}

build_yaml_host() {
  local work; work=$(mktemp -d)
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' RETURN
  log "building pulumi-language-yaml $yaml_host_version"
  cp -r "$(module_dir "github.com/pulumi/pulumi-yaml@$yaml_host_version")" "$work/yaml"
  chmod -R u+w "$work/yaml"
  (
    cd "$work/yaml"
    GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w" -o "$bin_dir/pulumi-language-yaml" ./cmd/pulumi-language-yaml
  )
}

mkdir -p "$bin_dir"
if on_path_matches && [ "$(command -v pulumi)" != "$bin_dir/pulumi" ]; then
  ln -sf "$(command -v pulumi)" "$bin_dir/pulumi"
fi
if [ ! -x "$bin_dir/pulumi" ] || [ "$("$bin_dir/pulumi" version 2>/dev/null)" != "v$version" ]; then
  command -v go >/dev/null 2>&1 || {
    log "Go is not installed and no pulumi v$version is on PATH or in $bin_dir."
    log "Install Go (>= 1.25) or put pulumi v$version on PATH, then run again."
    exit 1
  }
  build_cli
fi
if [ ! -x "$bin_dir/pulumi-language-yaml" ] && [ "${SKIP_PULUMI_YAML:-}" != 1 ]; then
  if command -v pulumi-language-yaml >/dev/null 2>&1; then
    ln -sf "$(command -v pulumi-language-yaml)" "$bin_dir/pulumi-language-yaml"
  else
    build_yaml_host
  fi
fi
dynamic_provider_shim
log "pulumi $("$bin_dir/pulumi" version) ready in $bin_dir"
echo "$bin_dir"
