#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test Anchorpoint has, in the order that
# fails fastest: formatting and lints, native tests of the pure core and storage rules,
# browser tests in headless Chromium, the release build (scripts/build.mjs) with its size report, and the
# end-to-end journeys against that release build. Used by .ci/run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

say "Formatting"
cargo fmt --check

say "Lints"
cargo clippy --all-targets --quiet -- -D warnings

say "Native tests (core, storage rules, frozen formats, anonymiser corpus)"
cargo test --quiet

say "Browser tests (wasm-bindgen-test in headless Chromium)"
# The runner gives the whole suite 20 s by default; filling real local storage with
# compact reflections takes longer on a loaded CI machine (CI stopped at 18.4 s).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}"
cargo test --target wasm32-unknown-unknown --test browser

say "Release build"
node scripts/build.mjs

say "Release bundle size"
node scripts/size-report.mjs dist

say "End-to-end journeys (Chromium against the release build, axe-core on every page)"
node e2e/run.mjs
