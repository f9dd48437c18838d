# Quick start: `make run` (install what is missing, build, launch) and `make test`.
PRESET ?= dev
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# make package: the .deb from a release build of the installed files only.
PACKAGE_PRESET ?= package

.PHONY: all deps configure build run test test-cluster asan bench fuzz package test-package translations clean

all: build

deps:
	@bash packaging/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	./build/$(PRESET)/app/scoville

test: build
	ctest --preset $(PRESET) -j $(JOBS)

test-cluster: build
	@bash packaging/install-deps.sh --cluster
	SCOVILLE=./build/$(PRESET)/app/scoville bash tests/cluster/run.sh

asan:
	@$(MAKE) --no-print-directory test PRESET=asan

bench: build
	./build/$(PRESET)/tests/bench/scoville_bench
	./build/$(PRESET)/app/scoville --benchmark-ui
	QT_QPA_PLATFORM=offscreen ctest --test-dir build/$(PRESET) -L slow --output-on-failure -V | grep -E "points|gap|Run button|session file"

fuzz: deps
	@bash packaging/install-deps.sh --fuzz
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	ctest --preset fuzz

package: deps
	@cmake --preset $(PACKAGE_PRESET) >/dev/null
	@cmake --build --preset $(PACKAGE_PRESET) -j $(JOBS)
	@rm -f build/$(PACKAGE_PRESET)/scoville_*.deb
	@cd build/$(PACKAGE_PRESET) && cpack -G DEB
	@echo "Package: $$(ls build/$(PACKAGE_PRESET)/scoville_*.deb)"

test-package: package
	bash packaging/test-package.sh build/$(PACKAGE_PRESET)/scoville_*.deb

# After adding or changing strings: brings translations/*.ts up to date with the sources (then
# translate the new entries with `linguist translations/scoville_zh_CN.ts` and commit the .ts).
translations: configure
	@cmake --build --preset $(PRESET) --target update_translations

clean:
	rm -rf build
