# Creative City Self-Assessment: build, run and test.
#
#   make run    install what is missing, build and start the app
#   make test   install what is missing and run every check and test
#
# Works on a fresh Debian or Ubuntu machine. System packages are installed
# with apt-get only when missing (as root, or through sudo).

SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
export GOFLAGS ?= -buildvcs=false

# FyneApp.toml is the one source of the name, ID, version and build number.
toml = $(shell sed -n 's/^$(1) *= *"\{0,1\}\([^"]*\)"\{0,1\}/\1/p' FyneApp.toml)
VERSION := $(call toml,Version)
BUILD_NUMBER := $(call toml,Build)
APP_ID := $(call toml,ID)
LDFLAGS := -X main.Version=$(VERSION)

FYNE_TOOL_VERSION := v1.7.4
FYNE := $(shell go env GOPATH 2>/dev/null)/bin/fyne
FYNE_FLAGS = --src cmd/creativecity --name creativecity --app-id $(APP_ID) --app-version $(VERSION) \
	--app-build $(BUILD_NUMBER) --icon $(CURDIR)/assets/icon.png --release
WINDOWS_PACKAGES := gcc-mingw-w64-x86-64

# gcc and pkg-config for cgo; X11 and OpenGL headers for Fyne's GLFW driver
# and Mesa's software OpenGL; Xvfb and xauth to run the window headless in
# tests; LibreOffice (Calc) as the real spreadsheet client of the report
# tests; ImageMagick (X screenshots) and poppler to look at output; strace
# to prove in a test that the app opens no network connection.
SYSTEM_PACKAGES := gcc pkg-config libc6-dev xorg-dev libgl1-mesa-dev libgl1-mesa-dri xvfb xauth \
	libreoffice-calc-nogui imagemagick poppler-utils fonts-liberation strace

FUZZTIME ?= 60s
FUZZTIME_SHORT ?= 500x
BIN := bin

.PHONY: faults fuzz-short install-packages run test deps go-check build cli vet fmt-check unit fuzz bench clean windows linux release deps-windows

run: deps build
	./$(BIN)/creativecity

test: deps vet fmt-check unit fuzz-short

# deps installs the missing system packages: one apt-get update, then only
# what dpkg does not list as installed.
deps: go-check
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(SYSTEM_PACKAGES)"

# The Windows cross-compiler is needed by `make windows` only.
deps-windows: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(WINDOWS_PACKAGES)"

install-packages:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  echo "Installing system packages:$$missing"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

go-check:
	@command -v go >/dev/null || { echo "Go is not installed: install Go 1.26 or later (https://go.dev/doc/install)"; exit 1; }

build:
	go build -ldflags "$(LDFLAGS)" -o $(BIN)/ ./cmd/...

vet:
	go vet ./...
	go vet -tags faultdrive ./ui ./cmd/creativecity

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

unit:
	go test -count=1 -timeout 20m ./...

# Fuzz targets: the file loader, the number parser, the questionnaire loader
# and the workbook importer, each with its seed corpus in testdata/fuzz.
# `make fuzz` runs each for $(FUZZTIME); `make test` runs each for 500 inputs
# (a count, not a time: a time can run out while the corpus is still being
# replayed, which go test reports as a failure).
FUZZ_TARGETS := FuzzDecode:./assessment FuzzParseNumber:./assessment FuzzParseQuestionnaire:./assessment FuzzRead:./assessment/report

fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  go test -run='^$$' -fuzz="^$${t%%:*}$$" -fuzztime=$(FUZZTIME) $${t#*:} || exit 1; \
	done

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME_SHORT)

# faults: only the fault tests (also part of `make test`): kill loops, full
# disk, read-only folder, hostile files, two editors, changed files, clock.
FAULT_TESTS := Killed|Killing|FullDisk|ReadOnly|Hostile|Deeply|100MB|Strange|ControlCharacters|ZipBomb|XMLBomb|SecondEditor|ChangedByOthers|ClockWent|NetworkConnection|Unreadable|Temporary
faults: deps
	set -o pipefail; go test -count=1 -v -run '$(FAULT_TESTS)' ./... 2>&1 | grep -E '^(=== RUN|--- |ok|FAIL|PASS)|kills|losses'

# bench prints a table of every benchmark, the binary sizes, and how long
# LibreOffice (the everyday alternative) takes to open and re-save the same
# report workbook that `export` writes.
bench: deps build
	@set -o pipefail; out=$$(mktemp -d); \
	go test -run='^$$' -bench=. -benchmem ./... | tee $$out/bench.txt | grep -E '^(Benchmark|ok|FAIL)'; \
	./$(BIN)/creativecity-cli export --lang vi -o $$out/report.xlsx assets/demo-halong-gastronomy.ccsa >/dev/null; \
	start=$$(date +%s%N); \
	soffice -env:UserInstallation=file://$$out/lo --headless --norestore --convert-to xlsx --outdir $$out/lo-out $$out/report.xlsx >/dev/null 2>&1; \
	lo_ms=$$(( ($$(date +%s%N) - start) / 1000000 )); \
	echo; echo "| measure | result |"; echo "|---|---|"; \
	awk '/^Benchmark/ { name=$$1; sub(/-[0-9]+$$/, "", name); line="| " name " | " $$3 " " $$4; \
	  for (i = 5; i < NF; i += 2) if ($$(i+1) !~ /allocs|B\/op/) line=line ", " $$i " " $$(i+1); print line " |" }' $$out/bench.txt; \
	for f in $(BIN)/creativecity $(BIN)/creativecity-cli; do echo "| size of $$f | $$(( $$(stat -c %s $$f) / 1048576 )) MiB |"; done; \
	export_ms=$$(awk '/^BenchmarkExport/ { printf "%.1f", $$3 / 1e6 }' $$out/bench.txt); \
	echo "| LibreOffice opens and re-saves the report | $$lo_ms ms |"; \
	echo "| ratio LibreOffice / our export ($$export_ms ms) | $$(awk "BEGIN { printf \"%.0f\", $$lo_ms / $$export_ms }")× |"; \
	rm -rf $$out

clean:
	rm -rf $(BIN) dist
