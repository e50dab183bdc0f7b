#!/usr/bin/env bash
# Installs whatever Anchorpoint's build and tests need and is missing, then exports the
# environment they run in. Idempotent: when everything is present it only checks
# versions (a second or two). Sourced by scripts/serve.sh and scripts/test.sh.
#
# Everything comes from package registries (crates.io, npm, Debian); nothing is
# downloaded from GitHub, and Trunk runs offline (see ../shared/TOOLING.md).
# Where an install needs root and we are not root, it prints the exact command to run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")"
TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen crate exactly; read it from Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$ROOT/Cargo.toml")"

# The release build's background cargo step (below): stopped when set-up stops, waited
# for by the caller's release build.
release_job=
stop_release_cargo() {
    if [ -n "${release_job:-}" ]; then kill -- -"$release_job" 2>/dev/null || true; fi
    release_job=
}
wait_release_cargo() {
    if [ -n "${release_job:-}" ]; then
        if kill -0 "$release_job" 2>/dev/null; then
            say "Waiting for the release build's cargo step, begun during set-up (its output: .tmp/anchorpoint-release-cargo.log)"
        fi
        wait "$release_job" || true
    fi
    release_job=
}
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() {
    stop_release_cargo
    printf '\n\033[1;31mSet-up stopped:\033[0m %s\n' "$1" >&2
    [ -n "${2:-}" ] && printf 'Run this, then try again:\n\n    %s\n\n' "$2" >&2
    exit 1
}

export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$ROOT/node_modules/.bin:$CARGO_HOME/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# A CI run compiles each crate once: incremental state would only cost time and disk.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi
# wasm-bindgen-test-runner leaves Chromium profiles in TMPDIR: keep them in the project.
export TMPDIR="$ROOT/.tmp"
mkdir -p "$TMPDIR"

command -v rustup >/dev/null ||
    die "rustup is not installed." "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh"
command -v node >/dev/null && command -v npm >/dev/null ||
    die "Node.js and npm are not installed." "sudo apt-get install -y nodejs npm"

# The pinned Rust toolchain and the browser target, and the standard library's source
# (rust-src), which the release build compiles with the app, for size (scripts/build.mjs).
if ! rustup toolchain list | grep -q "^$TOOLCHAIN"; then
    say "Installing Rust $TOOLCHAIN"
    rustup toolchain install "$TOOLCHAIN" --profile minimal -c rustfmt -c clippy -c rust-src -t wasm32-unknown-unknown ||
        die "could not install Rust $TOOLCHAIN." "rustup toolchain install $TOOLCHAIN -t wasm32-unknown-unknown"
fi
if ! rustup "+$TOOLCHAIN" target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "Adding the wasm32-unknown-unknown target"
    rustup "+$TOOLCHAIN" target add wasm32-unknown-unknown ||
        die "could not add the wasm32 target." "rustup +$TOOLCHAIN target add wasm32-unknown-unknown"
fi
for component in rustfmt clippy rust-src; do
    if ! rustup "+$TOOLCHAIN" component list --installed | grep -q "^$component"; then
        say "Adding $component"
        rustup "+$TOOLCHAIN" component add "$component" ||
            die "could not add $component." "rustup +$TOOLCHAIN component add $component"
    fi
done

# The release build's cargo step, begun here in the background at the lowest priority
# when the caller will build the release app (EARLY_RELEASE_CARGO=1: scripts/test.sh and
# scripts/serve.sh). It needs only the toolchain and the crates, and it takes the moments
# the work after it leaves a core idle: set-up's downloads and the tools' single-crate
# compiles and links on a fresh machine, then the tests' compiles and Chromium. It does
# not slow that work. The caller's release build waits for it (wait_release_cargo) and
# finds cargo's work done; if it failed, the build runs cargo again and shows why. Its
# target folder (wasm32 release) is not the tests', so cargo's lock does not make them wait.
# It runs in a session of its own, so that stopping it stops cargo and every rustc. Linux
# schedules each session as a group whose weight its members' nice values do not change,
# so the group's own is set too (where the kernel has one): nice alone took the lints
# from 33 to 58 s (2026-12-08). The functions are at the top, for die.
if [ "${EARLY_RELEASE_CARGO:-}" = 1 ]; then
    setsid bash -c 'echo 19 2>/dev/null >/proc/self/autogroup; exec nice -n 19 node "$0" --cargo-only' \
        "$ROOT/scripts/build.mjs" >"$TMPDIR/anchorpoint-release-cargo.log" 2>&1 </dev/null &
    release_job=$!
fi

# Debian's Chromium, its driver and its headless shell, for browser and end-to-end tests.
# Never a browser downloaded by a test tool. The journeys run in the headless shell
# (e2e/run.mjs: the same engine, about 40% less time); the browser tests and the
# benchmarks in chromium. Installing them is downloading and unpacking, so it runs in the
# background while the tools below compile, and set-up waits for it at its end (about
# 30 s of a fresh machine's set-up, 2026-12-07).
chromium_job=
have_chromium() { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }
if ! have_chromium || ! command -v chromium-headless-shell >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "Installing Chromium, ChromeDriver and Chromium's headless shell from Debian (in the background)"
        chromium_log="$TMPDIR/chromium-install.log"
        { apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver chromium-headless-shell; } \
            >"$chromium_log" 2>&1 &
        chromium_job=$!
    elif ! have_chromium; then
        die "Chromium and ChromeDriver are needed for the tests and are not installed." \
            "sudo apt-get update && sudo apt-get install -y chromium chromium-driver chromium-headless-shell"
    else
        # Not needed: the journeys then run in chromium, which takes longer.
        say "Chromium's headless shell is not installed, so the journeys will run in chromium and take longer (to install it: sudo apt-get install -y chromium-headless-shell)"
    fi
fi

# Trunk is only for `scripts/serve.sh --dev` (live reload): the release build and the
# tests do without it (scripts/build.mjs), which saves compiling it, 6 to 10 minutes, on
# a fresh machine. serve.sh --dev calls this.
install_trunk() {
    if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
        say "Installing trunk $TRUNK_VERSION for live reload (about 6 minutes the first time)"
        cargo install trunk --version "$TRUNK_VERSION" --locked --force ||
            die "could not install trunk." "cargo install trunk --version $TRUNK_VERSION --locked"
    fi
}

# The two tools below are compiled from source on a fresh machine, which was most of its
# set-up. Their release profile is left unoptimised (opt-level 0) except for the crates
# that do the work on a module (wasm-bindgen's, walrus's, wasmparser's and the hash
# tables'). What they write is byte for byte the same, and compiling takes much less
# time (2026-12-08, each alone: wasm-bindgen-cli 145 s to 80 s, wasm-split-cli 72 s to
# 29 s). Running costs about a second more per use: the browser tests' stage, warm, took
# 23 to 25 s against 22 to 25 s optimised (35 to 37 s with nothing optimised), the split
# step 1.0 s against 0.2 s.
TOOL_PROFILE=(--config 'profile.release.opt-level=0')
for crate in walrus wasmparser wasm-bindgen-cli-support hashbrown indexmap leb128 gimli; do
    TOOL_PROFILE+=(--config "profile.release.package.$crate.opt-level=1")
done

# wasm-bindgen-cli, exactly equal to the wasm-bindgen crate: the release build and the
# browser tests both run it.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about a minute and a half the first time)"
    # Not --locked: its lockfile pins a crate version the registry does not have. Without
    # its default features: they are TLS (rustls and ring), and the test runner only
    # talks to chromedriver on this machine (12 s less to compile, 2026-12-07).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --no-default-features --force "${TOOL_PROFILE[@]}" ||
        die "could not install wasm-bindgen-cli." "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION --no-default-features"
fi

# wasm-split-cli splits the release wasm by route (scripts/build.mjs); the same version
# cargo-leptos uses. It prints no version, so the pinned one is recorded in a stamp.
WASM_SPLIT_VERSION="0.2.4"
split_stamp="$CARGO_HOME/.anchorpoint-wasm-split-$WASM_SPLIT_VERSION"
if ! command -v wasm-split-cli >/dev/null || [ ! -f "$split_stamp" ]; then
    say "Installing wasm-split-cli $WASM_SPLIT_VERSION (about half a minute the first time)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force "${TOOL_PROFILE[@]}" ||
        die "could not install wasm-split-cli." \
            "cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION --features build-binary --locked"
    touch "$split_stamp"
fi

# npm pieces: nhsuk-frontend, sass, binaryen's wasm-opt, terser, playwright-core, axe-core.
stamp="$ROOT/node_modules/.anchorpoint-installed"
if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ]; then
    say "Installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) ||
        die "npm ci failed." "cd $ROOT && npm ci"
    touch "$stamp"
fi

if [ -n "$chromium_job" ]; then
    wait "$chromium_job" || {
        cat "$chromium_log" >&2
        die "could not install Chromium." "apt-get update && apt-get install -y chromium chromium-driver chromium-headless-shell"
    }
fi
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
