#!/usr/bin/env bash
# Sets up whatever is missing, then builds Anchorpoint and serves it on
# http://127.0.0.1:8080 (rebuilding on change). Stop with Ctrl+C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
say "Serving Anchorpoint on http://127.0.0.1:8080"
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}"
