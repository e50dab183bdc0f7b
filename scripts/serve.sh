#!/usr/bin/env bash
# Sets up whatever is missing, builds the release app (the one the tests check) and
# serves it on http://127.0.0.1:8080 as a static host would: gzip, and the security
# headers a <meta> tag cannot carry (scripts/static-server.mjs). Stop with Ctrl+C.
#
#   PORT=9000 scripts/serve.sh   another port
#   scripts/serve.sh --dev       a debug build with live reload (trunk serve), for development
set -euo pipefail
# For the release app, set-up begins its cargo step in the background as soon as the
# toolchain is there (scripts/setup.sh says why); stopping this script stops it.
if [ "${1:-}" != "--dev" ]; then EARLY_RELEASE_CARGO=1; fi
trap 'if declare -F stop_release_cargo >/dev/null; then stop_release_cargo; fi' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
if [ "${1:-}" = "--dev" ]; then
    install_trunk
    say "Serving a development build with live reload on http://127.0.0.1:${PORT:-8080}"
    exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}"
fi
say "Building the release app"
wait_release_cargo
node scripts/build.mjs
say "Serving Anchorpoint on http://127.0.0.1:${PORT:-8080}"
exec node scripts/static-server.mjs dist
