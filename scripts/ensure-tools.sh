#!/usr/bin/env bash
# Make sure the tools every make target needs are here: Python 3.11+ with venv, Node.js and npm.
# As root on Debian/Ubuntu, install what is missing with apt-get; otherwise stop with a message saying
# what to install.
set -euo pipefail
PYTHON="${PYTHON:-python3}"
missing=()
if ! command -v "$PYTHON" >/dev/null 2>&1 || ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  missing+=(python3)
elif ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing ${missing[*]} with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
cat >&2 <<MSG
Missing tools: ${missing[*]}.
This project needs Python 3.11 or newer (with its venv module), Node.js and npm. On Debian or Ubuntu:
  sudo apt-get install ${missing[*]}
Then run the make command again.
MSG
exit 1
