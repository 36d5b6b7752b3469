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

bench:
	go test -run='^$$' -bench=. -benchmem ./...

# The fyne packaging tool, from the Go module proxy.
$(FYNE):
	go install fyne.io/tools/cmd/fyne@$(FYNE_TOOL_VERSION)

# windows: the desktop app as a GUI-subsystem .exe with its icon and version
# resources, and the command-line tool as a console .exe, in dist/.
windows: deps-windows $(FYNE)
	mkdir -p dist
	CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 $(FYNE) package --os windows $(FYNE_FLAGS)
	mv cmd/creativecity/creativecity.exe dist/creativecity.exe
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -ldflags "$(LDFLAGS)" -o dist/creativecity-cli.exe ./cmd/creativecity-cli

# linux: a tarball with the binary, a .desktop file and the icon, and the
# command-line tool, in dist/.
linux: deps $(FYNE)
	mkdir -p dist
	$(FYNE) package --os linux $(FYNE_FLAGS)
	rm -rf dist/linux && mkdir -p dist/linux && tar -xJf creativecity.tar.xz -C dist/linux && rm creativecity.tar.xz
	desktop=$$(ls dist/linux/creativecity/usr/local/share/applications/*.desktop) && \
	sed -i -e 's/^Name=.*/Name=$(call toml,Name)\nName[vi]=Tự đánh giá Thành phố sáng tạo/' \
	  -e 's/^Keywords=.*/Keywords=UNESCO;creative city;thành phố sáng tạo;\nComment=Pre-feasibility review for the UNESCO Creative Cities Network\nComment[vi]=Rà soát tiền khả thi gia nhập Mạng lưới các thành phố sáng tạo của UNESCO\nCategories=Office;/' "$$desktop"
	tar -cJf dist/creativecity-$(VERSION)-linux-amd64.tar.xz -C dist/linux creativecity && rm -rf dist/linux
	CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o dist/creativecity-cli ./cmd/creativecity-cli

release: windows linux
	cd dist && sha256sum creativecity.exe creativecity-cli.exe creativecity-$(VERSION)-linux-amd64.tar.xz creativecity-cli > SHA256SUMS
	@cat dist/SHA256SUMS

clean:
	rm -rf $(BIN) dist
