#!/usr/bin/env bash
# Makes the Azure clients this project did not write (the Azure CLI and the
# Python SDK) available for the `clients` test suite, in virtual environments
# in the cache outside the repository, reused between runs.
#
# Two environments, because azure-cli pins its own azure-mgmt-compute and the
# SDK scenario wants the current release: <cache>/pyenv/cli and <cache>/pyenv/sdk.
# AZURE_CLIENTS_PYENV moves them, PYTHON picks the interpreter (default python3).
# Prints the pyenv directory (last line of stdout). Fails, never skips, when
# Python or PyPI is not there: the suite exists to prove real clients work.
# A warm cache costs two file comparisons.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
cache_root=${PULUMI_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/azure-compute-gallery-pulumi}
pyenv=${AZURE_CLIENTS_PYENV:-$cache_root/pyenv}

log() { printf '[ensure-python-clients] %s\n' "$*" >&2; }

python=${PYTHON:-$(command -v python3 || true)}
if [ -z "$python" ]; then
  log "python3 not found: the clients suite needs Python 3.9+ to install the Azure CLI and SDK"
  exit 1
fi

ensure_venv() {
  local name=$1 requirements="$repo_root/test/clients/requirements-$1.txt"
  local venv="$pyenv/$name" stamp="$pyenv/$name/.requirements"
  if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && cmp -s "$requirements" "$stamp"; then
    return 0
  fi
  local start
  start=$(date +%s)
  log "installing $(grep -v '^#' "$requirements" | tr '\n' ' ')into $venv"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet -r "$requirements" >&2
  cp "$requirements" "$stamp"
  log "$name installed in $(( $(date +%s) - start ))s"
}

# The CLI is large (minutes on a cold cache): both installs run side by side.
ensure_venv cli &
cli_pid=$!
ensure_venv sdk
wait "$cli_pid"
echo "$pyenv"
