#!/usr/bin/env bash
# Installs the dependencies (apt), builds IsoLens, and launches the dashboard.
# Without a display (e.g. over ssh) it prints the engine facts with isolens-cli info instead.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

.ci/install-deps.sh
cmake --preset release
cmake --build --preset release
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec build/release/app/dashboard/isolens "$@"
fi
echo "run-dashboard: no display (DISPLAY and WAYLAND_DISPLAY are unset); showing the engine facts instead." >&2
exec build/release/app/cli/isolens-cli info "$@"
