#![cfg(not(target_arch = "wasm32"))]
//! Architecture invariants from ARCHITECTURE.md, checked on the source so they cannot
//! quietly erode:
//! - the core never touches the browser, a clock or a random source;
//! - only the storage module talks to the browser's local storage;
//! - every module opens with a `//!` paragraph saying what it is for.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Code lines only: comments may name what the code must not do.
fn code(path: &Path) -> String {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn offenders(files: &[PathBuf], forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = code(file);
        for word in forbidden {
            if text.contains(word) {
                found.push(format!("{} uses {word}", file.display()));
            }
        }
    }
    found
}

#[test]
fn the_core_never_touches_the_browser_a_clock_or_randomness() {
    let files = rust_files(&src().join("core"));
    assert!(!files.is_empty());
    let found = offenders(
        &files,
        &[
            "leptos",
            "web_sys",
            "wasm_bindgen",
            "js_sys",
            "gloo",
            "window()",
            "Utc::now",
            "Local::now",
            "SystemTime",
            "Instant::now",
            "rand::",
            "getrandom",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn only_the_storage_module_talks_to_local_storage() {
    let storage = src().join("storage");
    let files: Vec<PathBuf> = rust_files(&src())
        .into_iter()
        .filter(|f| !f.starts_with(&storage))
        .collect();
    let found = offenders(
        &files,
        &[
            "local_storage(",
            "set_item(",
            "remove_item(",
            "get_item(",
            "gloo_storage",
            "session_storage(",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_module_starts_with_a_doc_paragraph() {
    let mut missing = Vec::new();
    for file in rust_files(&src()) {
        let text = fs::read_to_string(&file).unwrap();
        if !text.trim_start().starts_with("//!") {
            missing.push(file.display().to_string());
        }
    }
    assert!(missing.is_empty(), "no //! paragraph: {missing:#?}");
}
