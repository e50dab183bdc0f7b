#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test Anchorpoint has, in the order that
# fails fastest: formatting and lints, native tests of the pure core and storage rules,
# browser tests in headless Chromium, then the release build (scripts/build.mjs, started
# beside the lints) with its size report, and the end-to-end journeys against that
# release build. Used by .ci/run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

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
    # A stage that failed leaves no release build running on behind it.
    if [ -n "${release_pid:-}" ]; then kill -- "-$release_pid" 2>/dev/null || true; fi
    printf '    (%s s)\n' "$((SECONDS - stage_started))"
    if [ "$rc" = 0 ]; then
        say "Every test passed: $((total / 60)) min $((total % 60)) s in all, set-up included"
    else
        printf '\033[1;31m==> Stopped: exit code %s after %d min %d s\033[0m\n' "$rc" "$((total / 60))" "$((total % 60))"
    fi
}
trap finish EXIT
printf '    (set-up: %s s)\n' "$SECONDS"

stage "Formatting"
cargo fmt --check

# The release build shares no compiled crate with the lints and tests (its own profile,
# flags and target) and cargo locks only its own folders (target/release and
# target/wasm32-unknown-unknown/release), so it runs beside them: each fills the core the
# other leaves idle in its single-threaded stretches (linking, the final crate's
# link-time optimisation, wasm-opt, the tests themselves). Its output waits in a log.
release_log="$TMPDIR/release-build.log"
release_started=$SECONDS
# setsid: its own process group, so `finish` can stop cargo and wasm-opt with it.
setsid bash -c 'node scripts/build.mjs; rc=$?; echo "(the build itself: $(( SECONDS )) s)"; exit $rc' \
    >"$release_log" 2>&1 &
release_pid=$!

stage "Lints"
cargo clippy --all-targets --quiet -- -D warnings

stage "Native tests (core, storage rules, frozen formats, anonymiser corpus)"
cargo test --quiet

stage "Browser tests (wasm-bindgen-test in headless Chromium)"
# The runner gives the whole suite 20 s by default; filling real local storage with
# compact reflections takes longer on a loaded CI machine (CI stopped at 18.4 s).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}"
cargo test --target wasm32-unknown-unknown --test browser

stage "Release build (started $((SECONDS - release_started)) s ago, beside the lints and tests)"
if wait "$release_pid"; then release_pid=; cat "$release_log"; else
    release_pid=
    cat "$release_log"
    exit 1
fi

stage "Release bundle size"
node scripts/size-report.mjs dist

stage "End-to-end journeys (Chromium against the release build, axe-core on every page)"
node e2e/run.mjs
