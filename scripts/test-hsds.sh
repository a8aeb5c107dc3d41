#!/usr/bin/env bash
# Exports a data folder (default: the real one, `data`) as an Open Referral HSDS 3.0 package into a
# temporary folder and validates it with frictionless against the official datapackage.json (types,
# formats, primary and foreign keys). Prints the validator's summary; exits non-zero on any error.
# Needs .venv/bin/frictionless (`scripts/setup.sh test` or `make setup` installs it).
#
#   scripts/test-hsds.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir=${1:-data}
frictionless=.venv/bin/frictionless
say() { printf 'test-hsds: %s\n' "$*"; }

if [ ! -x "$frictionless" ]; then
  say "$frictionless is missing: run scripts/setup.sh test (or make setup) first"
  exit 1
fi

cargo build --quiet --release -p kekiz-data
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

target/release/kekiz-data export-hsds "$data_dir" "$out/hsds"
if ! cmp -s crates/data-tool/hsds/datapackage.json "$out/hsds/datapackage.json"; then
  say "the exported datapackage.json differs from crates/data-tool/hsds/datapackage.json"
  exit 1
fi

status=0
"$frictionless" validate "$out/hsds/datapackage.json" || status=$?
if [ "$status" -ne 0 ]; then
  say "INVALID: frictionless reports errors in the export of $data_dir (exit code $status)"
  exit 1
fi
say "valid: the export of $data_dir passes frictionless $("$frictionless" --version) with the official datapackage.json"
