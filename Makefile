# KeKiz-Begleiter. The two commands for everyone: `make run` and `make test`.
# Every target installs what it needs first (scripts/setup.sh skips what is already there).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# wasm-opt comes from the pinned npm package binaryen: it must come first on PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

PORT ?= 8080
DATA_SRC := data
DATA_OUT := target/site-data/data
KEKIZ_DATA := target/release/kekiz-data

.PHONY: help setup setup-run data build run test lint test-native test-hsds test-browser test-e2e bench clean

help:
	@echo "make run    install what is missing, build, serve the app on http://127.0.0.1:$(PORT)"
	@echo "make test   install what is missing, run every test (lint, core, data tool, browser, end-to-end)"
	@echo "make bench  build, then print the budget figures (sizes, matching speed, offline start)"

## Installing
setup:
	scripts/setup.sh test

setup-run:
	scripts/setup.sh run

## Building
# The directory: validate the editors' files in data/ and build the JSON the app loads.
data:
	cargo build --quiet --release -p kekiz-data
	$(KEKIZ_DATA) build $(DATA_SRC) $(DATA_OUT)

# Release build into dist/ (Trunk offline, pinned tools, wasm-opt -Oz).
build: setup-run data
	trunk build --release

run: build
	scripts/serve.sh $(PORT) dist

## Testing
test: setup lint test-native test-hsds test-browser build test-e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude kekiz-begleiter --all-targets -- -D warnings
	cargo clippy -p kekiz-begleiter --target wasm32-unknown-unknown --all-targets -- -D warnings

# The core and the data tool, natively.
test-native:
	cargo test --workspace --exclude kekiz-begleiter

# The HSDS 3.0 export of data/, validated by frictionless against the official datapackage.json.
test-hsds:
	scripts/test-hsds.sh $(DATA_SRC)

# wasm-bindgen tests of the app in headless Chromium (webdriver.json holds the flags).
test-browser:
	cargo test -p kekiz-begleiter --target wasm32-unknown-unknown

# The built app in Debian's Chromium, served by nginx with deploy/nginx (started by the suite).
test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## Budgets (each prints its figures; none is a timed unit test)
# Every figure is printed; the target fails at the end if any was over its budget.
bench: setup build
	status=0; \
	node scripts/bench-size.mjs dist || status=1; \
	node scripts/bench-offline.mjs dist || status=1; \
	cargo bench -p kekiz-core --bench matching || status=1; \
	exit $$status

clean:
	rm -rf dist target/site-data
