# Quick start: `make run` (install what is missing, build, launch) and `make test`.
PRESET ?= dev
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure build run test test-cluster asan bench fuzz clean

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

clean:
	rm -rf build
