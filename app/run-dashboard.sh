#!/usr/bin/env bash
# Installs the dependencies (apt), builds IsoLens, and launches it.
# Until the dashboard window lands, this shows the engine facts from isolens-cli info.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

.ci/install-deps.sh
cmake --preset release
cmake --build --preset release
exec build/release/app/cli/isolens-cli info "$@"
