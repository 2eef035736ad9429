#!/usr/bin/env bash
# Make sure the browser tests have a Chromium: Debian's /usr/bin/chromium if present (or installable),
# otherwise Playwright's own download; otherwise stop with a message saying what to install.
set -euo pipefail
if [ -x /usr/bin/chromium ] || [ -n "${RS_CHROMIUM:-}" ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null && exit 0
fi
if .venv/bin/python -m playwright install chromium; then
  exit 0
fi
cat >&2 <<'MSG'
No browser for the tests. Install one of:
  - Debian/Ubuntu: sudo apt-get install chromium      (the tests use /usr/bin/chromium)
  - or let Playwright download its own: .venv/bin/python -m playwright install chromium
  - or point RS_CHROMIUM at a Chromium or Chrome executable.
MSG
exit 1
