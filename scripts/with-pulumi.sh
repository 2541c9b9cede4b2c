#!/usr/bin/env bash
# Runs a command with the Pulumi CLI of the matching version first on PATH
# (built or reused by ensure-pulumi.sh) and with settings that keep Pulumi
# local and non-interactive: no Pulumi Cloud login, no update check.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=$("$here/ensure-pulumi.sh" | tail -n 1)
export PATH="$bin_dir:$PATH"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DIY_BACKEND_NO_LOCK_WARNING=true
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-}"
exec "$@"
