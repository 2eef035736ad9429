#!/usr/bin/env bash
# Build an offline copy: a site that opens from files (file://), from a zip or a shared drive, with no
# internet, search included; then zip it. See docs/hosting.md ("Offline or intranet copy").
#
# Usage: scripts/build-offline.sh [CONFIG] [OUT_DIR]
#   CONFIG   mkdocs.yml to build (default: this repository's; give an adapted copy's to build that copy)
#   OUT_DIR  where site/ and the zip go (default: build/offline)
# RS_ENGINE=properdocs builds with ProperDocs instead of MkDocs.
# Needs `make setup` (Python packages, and npm packages for esbuild, which bundles the scripts).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
config=$(realpath "${1:-$root/mkdocs.yml}")
out=$(realpath -m "${2:-$root/build/offline}")
name=$(basename "$(dirname "$config")")
[ "$(dirname "$config")" = "$root" ] && name=reflective-supervision
mkdir -p "$out"
cd "$(dirname "$config")"
RS_OFFLINE=true NO_MKDOCS_2_WARNING=1 "$root/.venv/bin/${RS_ENGINE:-mkdocs}" build --strict --clean -f "$config" -d "$out/site"
cd "$out"
rm -f "$name-offline.zip"
"$root/.venv/bin/python" -m zipfile -c "$name-offline.zip" site/
echo "Offline copy: $out/site/index.html (open it in a browser), zipped as $out/$name-offline.zip"
