#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the tests that drive a real browser (playwright-core never downloads one).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is needed for the integration and end-to-end tests: install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
