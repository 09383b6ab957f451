#!/usr/bin/env bash
# The Firefox half of the real-browser suite drives Debian's firefox-esr over WebDriver BiDi (no
# driver binary, no downloaded browser). Installs it when missing and we are allowed to;
# otherwise says how.
set -euo pipefail
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
[ -x "$FIREFOX" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's firefox-esr for the real-browser tests…" >&2
  apt-get install -y -q firefox-esr >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q firefox-esr >/dev/null; }
  exit 0
fi
echo "The real-browser tests need Firefox at $FIREFOX: run 'sudo apt-get install firefox-esr' (or set FIREFOX_PATH)." >&2
exit 1
