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

VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.Version=$(VERSION)

# gcc and pkg-config for cgo; X11 and OpenGL headers for Fyne's GLFW driver
# and Mesa's software OpenGL; Xvfb and xauth to run the window headless in
# tests; LibreOffice (Calc) as the real spreadsheet client of the report
# tests; ImageMagick (X screenshots) and poppler to look at output; strace
# to prove in a test that the app opens no network connection.
SYSTEM_PACKAGES := gcc pkg-config libc6-dev xorg-dev libgl1-mesa-dev libgl1-mesa-dri xvfb xauth \
	libreoffice-calc-nogui imagemagick poppler-utils fonts-liberation strace

FUZZTIME ?= 10s
BIN := bin

.PHONY: run test deps go-check build cli vet fmt-check unit fuzz bench clean

run: deps build
	./$(BIN)/creativecity

test: deps vet fmt-check unit fuzz

# deps installs the missing system packages: one apt-get update, then only
# what dpkg does not list as installed.
deps: go-check
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
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

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

unit:
	go test -count=1 -timeout 20m ./...

# A short fuzz of the file loader and the number parser (go test runs one
# fuzz target at a time).
fuzz:
	go test -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=$(FUZZTIME) ./assessment
	go test -run='^$$' -fuzz='^FuzzParseNumber$$' -fuzztime=$(FUZZTIME) ./assessment

bench:
	go test -run='^$$' -bench=. -benchmem ./...

clean:
	rm -rf $(BIN)
