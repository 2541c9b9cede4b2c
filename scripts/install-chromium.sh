#!/usr/bin/env bash
# Headless Chromium (Debian's `chromium` package) for the review page test, which opens the HTML
# report and checks a screenshot. A no-op when it is installed; fails when it cannot install it.
set -euo pipefail
if command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
command -v chromium >/dev/null
