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
# The MinGW-w64 cross-compiler builds the Windows desktop app (its toolkit
# has C code) and the test-only Windows programs; Wine runs both Windows
# programs in the tests; xdotool and x11-utils look at their windows.
WINDOWS_PACKAGES := gcc-mingw-w64-x86-64 wine64 xdotool x11-utils

# gcc and pkg-config for cgo; X11 and OpenGL headers for Fyne's GLFW driver
# and Mesa's software OpenGL; Xvfb and xauth to run the window headless in
# tests; LibreOffice (Calc) as the real spreadsheet client of the report
# tests and LibreOffice Writer as the real client of the draft application
# (.docx to PDF), with Calc's Python bridge (python3-uno and the script provider) to edit
# workbooks as Calc does, and openpyxl to edit them as scripts do;
# ImageMagick (X screenshots) and poppler to look at output; strace
# to prove in a test that the app opens no network connection.
SYSTEM_PACKAGES := gcc pkg-config libc6-dev xorg-dev libgl1-mesa-dev libgl1-mesa-dri xvfb xauth \
	libreoffice-calc-nogui libreoffice-writer-nogui python3-uno libreoffice-script-provider-python python3-openpyxl \
	imagemagick poppler-utils fonts-liberation strace

FUZZTIME ?= 60s
FUZZTIME_SHORT ?= 500x
BIN := bin

.PHONY: faults fuzz-short install-packages run test deps go-check build cli vet fmt-check unit fuzz bench clean windows linux release deps-windows wine-prefix

run: deps build
	./$(BIN)/creativecity

# test builds the Windows programs exactly as a release does (make windows)
# and runs them under Wine, beside every other test.
test: deps deps-windows vet fmt-check windows wine-prefix unit fuzz-short

# deps installs the missing system packages: one apt-get update, then only
# what dpkg does not list as installed.
deps: go-check
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(SYSTEM_PACKAGES)"

# The Windows cross-compiler and Wine: for `make windows` and `make test`.
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

# The tests of the Windows programs find them, and the Wine prefix, through
# these variables; without them (a plain `go test`) they are skipped.
unit:
	CREATIVECITY_WINE=$(CURDIR)/$(WINE_DIR) CREATIVECITY_DIST=$(CURDIR)/dist go test -count=1 -timeout 20m ./...

# Fuzz targets: the file loader, the number parser, the questionnaire loader
# and the workbook importer, each with its seed corpus in testdata/fuzz.
# `make fuzz` runs each for $(FUZZTIME); `make test` runs each for 500 inputs
# (a count, not a time: a time can run out while the corpus is still being
# replayed, which go test reports as a failure).
FUZZ_TARGETS := FuzzDecode:./assessment FuzzParseNumber:./assessment FuzzParseQuestionnaire:./assessment FuzzRead:./assessment/report FuzzType:./ui/vnkey

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

# bench prints a table of every benchmark and the binary sizes, and times
# as whole processes, side by side, `creativecity-cli export` of the demo
# against LibreOffice opening and re-saving the same workbook (the everyday
# alternative), with a fresh profile each time and with a profile already
# made, as a user's LibreOffice has: medians of $(BENCH_RUNS) runs each.
BENCH_RUNS ?= 7
bench: deps build
	@set -o pipefail; out=$$(mktemp -d); \
	go test -run='^$$' -bench=. -benchmem ./... | tee $$out/bench.txt | grep -E '^(Benchmark|ok|FAIL)'; \
	ms() { local s=$$(date +%s%N); "$$@" >/dev/null 2>&1; echo $$(( ($$(date +%s%N) - s) / 1000000 )); }; \
	median() { sort -n | awk '{ v[NR] = $$1 } END { print v[int((NR + 1) / 2)] }'; }; \
	for i in $$(seq $(BENCH_RUNS)); do \
	  ms ./$(BIN)/creativecity-cli export --lang vi -o $$out/report.xlsx assets/demo-halong-gastronomy.ccsa >> $$out/export.ms; \
	  rm -rf $$out/lo $$out/lo-out; \
	  ms soffice -env:UserInstallation=file://$$out/lo --headless --norestore --convert-to xlsx --outdir $$out/lo-out $$out/report.xlsx >> $$out/lo.ms; \
	  ms soffice -env:UserInstallation=file://$$out/lo --headless --norestore --convert-to xlsx --outdir $$out/lo-out $$out/report.xlsx >> $$out/lo-warm.ms; \
	done; \
	export_ms=$$(median < $$out/export.ms); lo_ms=$$(median < $$out/lo.ms); lo_warm_ms=$$(median < $$out/lo-warm.ms); \
	echo; echo "| measure | result |"; echo "|---|---|"; \
	awk '/^Benchmark/ { name=$$1; sub(/-[0-9]+$$/, "", name); line="| " name " | " $$3 " " $$4; \
	  for (i = 5; i < NF; i += 2) if ($$(i+1) !~ /allocs|B\/op/) line=line ", " $$i " " $$(i+1); print line " |" }' $$out/bench.txt; \
	for f in $(BIN)/creativecity $(BIN)/creativecity-cli; do echo "| size of $$f | $$(( $$(stat -c %s $$f) / 1048576 )) MiB |"; done; \
	echo "| creativecity-cli export of the demo, whole process (median of $(BENCH_RUNS)) | $$export_ms ms |"; \
	echo "| LibreOffice opens and re-saves that workbook, fresh profile (median of $(BENCH_RUNS)) | $$lo_ms ms |"; \
	echo "| LibreOffice re-saves it again, with the profile it has just made (median of $(BENCH_RUNS)) | $$lo_warm_ms ms |"; \
	echo "| ratio LibreOffice / export, fresh profile | $$(awk "BEGIN { printf \"%.0f\", $$lo_ms / $$export_ms }")× (target ≥ 40×) |"; \
	echo "| ratio LibreOffice / export, profile already made | $$(awk "BEGIN { printf \"%.0f\", $$lo_warm_ms / $$export_ms }")× (target ≥ 40×) |"; \
	rm -rf $$out

# The fyne packaging tool, from the Go module proxy.
$(FYNE):
	go install fyne.io/tools/cmd/fyne@$(FYNE_TOOL_VERSION)

# windows: the desktop app as a GUI-subsystem .exe with its icon, version
# and manifest resources, and the command-line tool as a console .exe, in
# dist/. The GUI build cross-compiles the toolkit's C code with MinGW-w64
# (minutes the first time; the Go build cache keeps it).
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

# wine-prefix: the Wine prefix of the tests of the Windows programs, in
# bin/wine (an ignored build folder), with the test-only programs beside
# it. Never part of a release: bcryptprimitives.c says why the DLL exists.
WINE_DIR := $(BIN)/wine
WINE_LOADER := /usr/lib/wine/wine64
WINE_FIXTURES := assessment/testkit/testdata
WINE_ENV := WINEPREFIX=$(CURDIR)/$(WINE_DIR)/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
MINGW := x86_64-w64-mingw32-gcc -O2 -s -Wall

wine-prefix: deps-windows $(WINE_DIR)/prefix/.ready $(WINE_DIR)/sendinput.exe

$(WINE_DIR)/bcryptprimitives.dll: $(WINE_FIXTURES)/bcryptprimitives.c
	mkdir -p $(@D)
	$(MINGW) -shared -o $@ $< -ladvapi32

$(WINE_DIR)/sendinput.exe: $(WINE_FIXTURES)/sendinput.c
	mkdir -p $(@D)
	$(MINGW) -o $@ $<

# A fresh prefix declines Mono and Gecko (WINEDLLOVERRIDES), which would
# otherwise wait for a download that a headless run cannot answer.
$(WINE_DIR)/prefix/.ready: $(WINE_DIR)/bcryptprimitives.dll
	rm -rf $(WINE_DIR)/prefix
	$(WINE_ENV) $(WINE_LOADER) wineboot --init >/dev/null 2>&1
	$(WINE_ENV) /usr/lib/wine/wineserver --wait
	cp $< $(WINE_DIR)/prefix/drive_c/windows/system32/
	touch $@

clean:
	rm -rf $(BIN) dist
