//! Helpers shared by the data tool's integration tests: where the crate lies, copying fixtures.

use std::fs;
use std::path::{Path, PathBuf};

/// The data tool's crate folder.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the folder `from` with everything in it to `to`.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create fixture folder");
    for entry in fs::read_dir(from).expect("read fixture folder") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}

/// A copy of the base fixture in a fresh temporary directory, as `<tmp>/data`.
pub fn base_fixture_copy() -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("temporary directory");
    copy_dir(
        &manifest_dir().join("tests/fixtures/base"),
        &root.path().join("data"),
    );
    root
}
