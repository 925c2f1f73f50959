# hookweave: build, test, lint, demo, e2e, bench.
# Every target uses the Go on PATH (GOTOOLCHAIN=local: never download one).

GO        ?= go
BIN       := $(CURDIR)/bin
HOOKWEAVE := $(BIN)/hookweave
DEMO      := $(BIN)/mellea-stream
export GOTOOLCHAIN := local

# Packages whose tests run a second time woven (go test -toolexec=hookweave):
# all but cmd/hookweave, whose scripts weave and build programs themselves.
WOVEN_PKGS = $(shell $(GO) list ./... | grep -v '/cmd/hookweave$$')

.PHONY: all build hookweave test test-plain test-woven lint golangci demo e2e bench clean

all: build

## build: build hookweave and every package
build: hookweave
	$(GO) build ./...

## hookweave: build bin/hookweave (always: go build's cache makes it cheap),
## with -trimpath so that its identity, and so the cache keys of woven
## builds, are the same in every checkout of the same sources
hookweave:
	@mkdir -p $(BIN)
	$(GO) build -trimpath -o $(HOOKWEAVE) ./cmd/hookweave

## test: the plain test pass, then the woven one (both with -race)
test: test-plain test-woven

test-plain:
	$(GO) test -race $(TESTFLAGS) ./...

test-woven: hookweave
	$(GO) test -race -toolexec=$(HOOKWEAVE) $(TESTFLAGS) $(WOVEN_PKGS)

## lint: formatting, go vet, and the architecture rules (both run modes)
lint: hookweave
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(HOOKWEAVE) lint ./...
	$(GO) vet -vettool=$(HOOKWEAVE) ./...

## golangci: build the custom golangci-lint with the plugin (cached in
## ~/.cache/hookweave-golangci) and lint a module with it; a cold build
## outlasts go test's default 10-minute timeout, so CI runs this before test
golangci:
	$(GO) test -timeout 60m -run TestScript ./lint/golangci

## demo: build the demo woven and stream a reply with its trace on stderr
demo: hookweave
	$(GO) build -toolexec=$(HOOKWEAVE) -o $(DEMO) ./cmd/mellea-stream
	MELLEA_TRACES_ENABLED=1 MELLEA_TRACES_CONSOLE=1 $(DEMO) -max-words 30 "Explain build-time instrumentation in three sentences."

## e2e: export a woven demo run over OTLP to a local Jaeger and check the trace
e2e: hookweave
	./scripts/e2e.sh

## bench: whole-process build benchmarks, reported as ratios
## (BENCHFLAGS='-runs 7 -warm 30' for more samples, -only woven|unrelated)
bench: hookweave
	./scripts/bench.sh $(BENCHFLAGS)

clean:
	rm -rf $(BIN)
