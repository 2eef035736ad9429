#!/usr/bin/env bash
# Make sure the hosting tests have Debian's nginx (tests/hosting/test_nginx.py runs hosting/nginx.conf with it):
# present, or installed with apt-get when run as root. Otherwise say so: those tests then skip with the reason.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || [ -n "${RS_NGINX:-}" ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's nginx for the hosting tests..."
  apt-get update -qq && apt-get install -y -qq nginx >/dev/null
  # The package starts a server on port 80; the tests run their own, so stop it (not on every system).
  { command -v systemctl >/dev/null 2>&1 && systemctl stop nginx 2>/dev/null; } || true
  exit 0
fi
echo "nginx is not installed: the nginx hosting tests will be skipped. Install it with: sudo apt-get install nginx" >&2
exit 0
