# Entry points (README.md). Each target installs missing Debian packages first, so it
# works alone on a fresh Debian 12 machine.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
SCENE ?= rdl_scenes/cornell_box.rdla
OUT_DIR ?= out

.PHONY: all deps configure build render test bench format clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

render: build
	@mkdir -p $(OUT_DIR)
	$(BUILD_DIR)/cmd/renderer_cmd/renderer_cmd -in $(SCENE) -out $(OUT_DIR)/cornell_box.exr
	@echo "Rendered: $(abspath $(OUT_DIR))/cornell_box.exr"

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	@mkdir -p $(OUT_DIR)
	$(BUILD_DIR)/bench/renderer_bench --out $(OUT_DIR)/bench.json
	$(BUILD_DIR)/bench/adaptive_bench --out $(OUT_DIR)/adaptive_bench.json --cache $(OUT_DIR)/bench_cache

format:
	@clang-format -i $$(git ls-files '*.h' '*.cpp')

clean:
	@rm -rf $(BUILD_DIR)
