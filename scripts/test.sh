#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test Anchorpoint has, in the order that
# fails fastest: formatting and native lints, native tests of the pure core and storage
# rules, browser tests in headless Chromium (the UI's unit tests among them, with the
# browser build linted as it is compiled), the release build (scripts/build.mjs) with its
# size report, and the end-to-end journeys against that release build. Used by .ci/run.
set -euo pipefail
# Set-up begins the release build's cargo step in the background as soon as the toolchain
# is there (scripts/setup.sh says why), and the release build below waits for it.
EARLY_RELEASE_CARGO=1

# Each stage prints how long it took, and the end the whole time from the start of set-up,
# so a slow fresh machine or CI run shows where the time went.
stage_started=$SECONDS
stage() {
    if [ "$stage_started" != "$SECONDS" ]; then printf '    (%s s)\n' "$((SECONDS - stage_started))"; fi
    stage_started=$SECONDS
    say "$*"
}
finish() {
    local rc=$? total=$SECONDS
    # A stage failed before the release build: its background cargo is not wanted.
    if declare -F stop_release_cargo >/dev/null; then stop_release_cargo; fi
    printf '    (%s s)\n' "$((SECONDS - stage_started))"
    if [ "$rc" = 0 ]; then
        printf '\033[1m==> Every test passed: %d min %d s in all, set-up included\033[0m\n' "$((total / 60))" "$((total % 60))"
    else
        printf '\033[1;31m==> Stopped: exit code %s after %d min %d s\033[0m\n' "$rc" "$((total / 60))" "$((total % 60))"
    fi
}
trap finish EXIT

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
printf '    (set-up: %s s)\n' "$SECONDS"
stage_started=$SECONDS

stage "Formatting"
cargo fmt --check

stage "Lints (native)"
# Natively: core, storage, the native tests, examples and benches. The UI is compiled for
# the browser only (src/lib.rs); the browser stage below lints it.
cargo clippy --all-targets --quiet -- -D warnings

stage "Native tests (core, storage rules, frozen formats, anonymiser corpus)"
cargo test --quiet

stage "Browser tests (wasm-bindgen-test in headless Chromium), linting the browser build"
# The runner gives the whole suite 20 s by default; filling real local storage with
# compact reflections takes longer on a loaded CI machine (CI stopped at 18.4 s).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}"
# clippy-driver compiles this crate for the browser tests (the library with the UI, the
# entry point, the tests) and lints it as it goes, with -D warnings, so clippy's
# warnings stop the run here. Cargo hands the wrapper this workspace's crates only: the
# dependencies are compiled by rustc as ever, once. A separate `cargo clippy` for wasm32
# compiled all of Leptos again, to check it (94 s cold; the two stages took 227 s
# together and 161 s this way, 2026-12-07). The paths only the `split` feature compiles
# (src/ui/lazy.rs and a few one-liners) are compiled by the release build, which denies
# rustc's warnings when CI=true (scripts/build.mjs).
RUSTC_WORKSPACE_WRAPPER="$(rustup which clippy-driver)" RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-D warnings" \
    cargo test --target wasm32-unknown-unknown --test browser

stage "Release build"
# If the early cargo step failed, this build runs it again and shows why.
wait_release_cargo
node scripts/build.mjs

stage "Release bundle size"
node scripts/size-report.mjs dist

stage "End-to-end journeys (Chromium against the release build, axe-core on every page)"
node e2e/run.mjs
