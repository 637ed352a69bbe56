# Two commands for a newcomer: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go

# The throwaway PostgreSQL clusters live outside the clone, under a path the
# postgres user can reach and short enough for a Unix socket (TOOLING.md).
REPO_HASH := $(shell pwd | sha256sum | cut -c1-10)
TMPROOT := $(or $(TMPDIR),/tmp)
RUN_PGDIR ?= $(TMPROOT)/sba-run-$(REPO_HASH)
TEST_PGDIR ?= $(TMPROOT)/sba-test-$(REPO_HASH)
DATA ?= .data
# Test output (screenshots) goes here.
TEST_OUT ?= $(CURDIR)/testdata/out

-include web/vendor.mk

.PHONY: run test bench bench-http wrk-deps generate check-generated vet browser-deps idp-deps build

build:
	$(GO) build -o bin/ ./cmd/...

## run: the product with demo data, the development IdP and a local cluster.
run: build
	@db=$$(bin/devdb up -dir $(RUN_PGDIR) -db sagsbehandleradgang -fresh); \
	trap 'kill $$idp 2>/dev/null || true; bin/devdb down -dir $(RUN_PGDIR)' EXIT; \
	bin/dfdgseed -database-url "$$db"; \
	DEVIDP_DATA=$(DATA)/devidp bin/devidp & idp=$$!; \
	DATABASE_URL="$$db" DATA_DIR=$(DATA) METRICS_ADDR=localhost:9090 LAUNCH_KEYS_FILE=testdata/launch/demo-fagsystem.keys bin/sagsbehandleradgang -demo-logins

## test: every test, against a real PostgreSQL, a real browser and an independent IdP.
test: browser-deps idp-deps check-generated
	@url=$$($(GO) run ./cmd/devdb up -dir $(TEST_PGDIR) -fast); \
	trap '$(GO) run ./cmd/devdb down -dir $(TEST_PGDIR)' EXIT; \
	mkdir -p $(TEST_OUT); \
	PGTEST_ADMIN_URL="$$url" TEST_OUT=$(TEST_OUT) $(GO) test -count=1 -timeout 15m ./...

## bench: the benchmarks the issues name.
bench:
	@url=$$($(GO) run ./cmd/devdb up -dir $(TEST_PGDIR) -fast); \
	trap '$(GO) run ./cmd/devdb down -dir $(TEST_PGDIR)' EXIT; \
	PGTEST_ADMIN_URL="$$url" $(GO) test -run '^$$' -bench . -benchmem ./...

## bench-http: the product over HTTP under load, at demo and national scale,
## against a bare chi page in the same run; appends to bench/results.md.
## BENCH_CITIZENS (default 1000000; the data set is built once a day),
## BENCH_DURATION (per page, default 10s), BENCH_CONNECTIONS (64),
## BENCH_SESSIONS (caseworkers bench001 …, a session each; 64).
## Quick: make bench-http BENCH_CITIZENS=20000 BENCH_DURATION=3s BENCH_OUT=/tmp/quick.md
bench-http: build wrk-deps
	bin/benchhttp

## wrk-deps: Debian's wrk, the load generator of bench-http.
wrk-deps:
	@$(call apt_install,command -v wrk,wrk)

## generate: templ views.
generate:
	$(GO) tool templ generate

## check-generated: fail when the *_templ.go files are stale (in CI: the committed ones).
check-generated:
	@sum() { git ls-files -co --exclude-standard '*_templ.go' | sort | xargs -r md5sum | md5sum; }; \
	before=$$(sum); $(GO) tool templ generate >/dev/null 2>&1; after=$$(sum); \
	if [ "$$before" != "$$after" ]; then \
		echo "generated templ files were stale: they are regenerated now; commit them"; exit 1; \
	fi

vet:
	gofmt -l $$(git ls-files '*.go') | (! grep .)
	$(GO) vet ./...

## browser-deps: Debian's chromium and axe-core for the browser tests.
browser-deps:
	@if ! command -v chromium >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing chromium (apt-get install -y chromium) …"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium is missing: sudo apt-get install -y chromium"; exit 1; fi; \
	fi
	@if [ ! -f testdata/axe/node_modules/axe-core/axe.min.js ]; then \
		if ! command -v npm >/dev/null; then \
			if [ "$$(id -u)" = 0 ]; then \
				apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
			else echo "npm is missing: sudo apt-get install -y npm"; exit 1; fi; \
		fi; \
		npm ci --prefix testdata/axe --no-audit --no-fund --loglevel=error; \
	fi

## idp-deps: Debian's SimpleSAMLphp, the independent IdP of the end-to-end SAML test.
IDP_PACKAGES := simplesamlphp php-cli php-xml php-mbstring php-curl
idp-deps:
	@$(call apt_install,dpkg -s $(IDP_PACKAGES),$(IDP_PACKAGES))

# apt_install runs the check $(1) and, when it fails, installs the Debian
# packages $(2) (as root) or says how to.
define apt_install
	if ! $(1) >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing $(2) (apt-get install -y $(2)) …"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
		else echo "$(2) missing: sudo apt-get install -y $(2)"; exit 1; fi; \
	fi
endef
