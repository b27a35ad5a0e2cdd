#!/usr/bin/env bash
# Installs Debian's headless Chromium for the browser test of the web page, when it is not there yet.
# Idempotent; needs root (as on the project's machines and CI) or sudo. Prints where chromium is.
set -euo pipefail
find_browser() { command -v chromium || command -v chromium-browser || true; }
if [ -z "$(find_browser)" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "installing chromium (Debian package) for the page's browser test..." >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >&2
fi
browser=$(find_browser)
[ -n "$browser" ] || { echo "chromium could not be installed: install Debian's chromium package" >&2; exit 1; }
echo "$browser"
