# Tollgate — `make help` lists the targets.
SHELL := /bin/bash
GO ?= go
BIN := bin/tollgate

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-18s %s\n", $$1, $$2}'

generate: ## regenerate Ent, entgql, gqlgen and the SPA's GraphQL types
	$(GO) run -mod=mod ent/entc.go
	$(GO) tool gqlgen generate --config gqlgen.yml
	@if [ -d node_modules ]; then npm run codegen -w frontend; fi

check-generated: generate ## fail when generated code differs from what is committed
	@git add -N . && git diff --exit-code --stat -- ent backend frontend/src schema.graphql dashboard.graphql portal.graphql || \
		(echo "generated code is out of date: run 'make generate' and commit"; exit 1)

migration: ## write a new versioned migration from the Ent schema: make migration name=add_x (needs MariaDB on 127.0.0.1)
	$(GO) run -mod=mod ent/migrations/diff.go $(name)

node_modules: package.json package-lock.json frontend/package.json tools/eslint/package.json
	npm ci
	@touch node_modules

spa: node_modules ## build the SPA into frontend/dist
	npm run build -w frontend

build: spa ## build bin/tollgate with the SPA embedded
	$(GO) build -trimpath -ldflags "-s -w" -tags spa -o $(BIN) ./backend/cmd/tollgate

run: build ## build everything and start embedded at http://localhost:8080
	./$(BIN) serve

test: build ## run every test: Go (unit + integration), SPA unit tests, Playwright end to end
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...
	npm run lint -w frontend
	npm run test -w frontend
	npm run e2e -w frontend

conformance: ## extra check: price the conformance samples in ../shared/testdata (beside the repository) byte for byte
	TOLLGATE_CONFORMANCE=1 $(GO) test -count=1 -run '^TestConformance' ./backend/cmd/tollgate/

SOAK_DURATION ?= 2m
soak: ## the soak test on MariaDB + Redis: api processes, a killed worker, random clerk work, then the invariants (SOAK_DURATION=2m, SOAK_SEED=n)
	TOLLGATE_SOAK=1 TOLLGATE_SOAK_DURATION=$(SOAK_DURATION) TOLLGATE_SOAK_SEED=$(SOAK_SEED) \
		$(GO) test -count=1 -v -timeout 60m -run '^TestSoak$$' ./backend/soak/

bench: ## rating micro-benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./backend/rating/...

clean: ## remove build output
	rm -rf bin frontend/dist

.PHONY: help generate check-generated migration spa build run test conformance soak bench clean
