#!/usr/bin/env bash
# Installs what building and running (`setup.sh run`) or also testing (`setup.sh test`) needs.
# Called by `make setup-run` and `make setup`. Idempotent: every step first checks whether its
# tool is already there at the right version and skips it if so. Downloads only from the
# package registries (crates.io, npm, PyPI, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-test}
trunk_version=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf 'setup: %s\n' "$*"; }
has() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
  # Debian packages: needs root. A user who is not root gets the command to run instead.
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "these Debian packages are missing: ${missing[*]}"
    say "run as root:  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
  say "installing from Debian: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Rust's WebAssembly target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Trunk, pinned (0.22 needs a newer rustc than this machine's).
if ! has trunk || [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  say "installing trunk $trunk_version (cargo install, about 10 minutes once)"
  cargo install --locked trunk --version "$trunk_version"
fi

# wasm-bindgen-cli at the Cargo.lock version (--locked fails for it: a pinned dependency left the registry).
if ! has wasm-bindgen || [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (cargo install, about 2 minutes once)"
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

# Node and npm drive wasm-opt (npm binaryen) and the tests; the test runner needs Node 20.
has node && has npm || apt_install nodejs npm
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  say "Node.js $node_major is too old: building and testing need Node.js 20 or newer"
  say "install Node.js 20 or newer (for example from your distribution's backports), then run make again"
  exit 1
fi

# npm packages from the lockfile: wasm-opt (binaryen), playwright-core, axe.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.kekiz-lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.kekiz-lock-sum
fi

# The web server that serves dist/ (make run and the end-to-end tests).
has nginx || apt_install nginx

if [ "$mode" = test ]; then
  # Browser and driver for the wasm browser tests and the end-to-end tests.
  { has chromium && has chromedriver; } || apt_install chromium chromium-driver

  # frictionless validates the HSDS export (scripts/test-hsds.sh), in the project's own venv .venv,
  # pinned in scripts/requirements-hsds.txt (PyPI, about a minute once).
  if [ ! -x .venv/bin/frictionless ]; then
    has python3 || apt_install python3
    # Debian's python3 creates venvs only with python3-venv (ensurepip) installed.
    python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || apt_install python3-venv
    say "installing frictionless into .venv (pip, about a minute once)"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements-hsds.txt
  fi
fi
say "ready ($mode)"
