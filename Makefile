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

# Quality-mode checkpoints at 1, 17, 33 and 49 spp, one file each, then the final image;
# run from OUT_DIR so that checkpoint.exr lands there.
render: build
	@mkdir -p $(OUT_DIR)
	cd $(OUT_DIR) && $(abspath $(BUILD_DIR))/cmd/renderer_cmd/renderer_cmd -in $(abspath $(SCENE)) \
	    -out cornell_box.exr -checkpoint_mode quality -checkpoint_quality_steps 16 \
	    -checkpoint_overwrite false
	@echo "Rendered: $(abspath $(OUT_DIR))/cornell_box.exr"
	@echo "Checkpoints (checkpoint.exr is the last):"
	@ls -1 $(abspath $(OUT_DIR))/checkpoint*.exr

test: build
	@scripts/run-tests $(BUILD_DIR) $(JOBS)

bench: build
	@mkdir -p $(OUT_DIR)
	$(BUILD_DIR)/bench/renderer_bench --out $(OUT_DIR)/bench.json
	$(BUILD_DIR)/bench/adaptive_bench --out $(OUT_DIR)/adaptive_bench.json --cache $(OUT_DIR)/bench_cache
	$(BUILD_DIR)/bench/checkpoint_bench --out $(OUT_DIR)/checkpoint_bench.json --dir $(OUT_DIR)/bench_checkpoint
	$(BUILD_DIR)/bench/checkpoint_size_bench --out $(OUT_DIR)/checkpoint_size_bench.json --dir $(OUT_DIR)/bench_checkpoint_size
	$(BUILD_DIR)/bench/resume_bench --out $(OUT_DIR)/resume_bench.json --dir $(OUT_DIR)/bench_resume
	$(BUILD_DIR)/bench/signal_bench --out $(OUT_DIR)/signal_bench.json --dir $(OUT_DIR)/bench_signal
	$(BUILD_DIR)/bench/signal_bench --preemptions 20 --out $(OUT_DIR)/preemption_bench.json --dir $(OUT_DIR)/bench_preemption
	$(BUILD_DIR)/bench/sequence_bench --out $(OUT_DIR)/sequence_bench.json --dir $(OUT_DIR)/bench_sequence
	$(BUILD_DIR)/bench/aov_bench --out $(OUT_DIR)/aov_bench.json

format:
	@clang-format -i $$(git ls-files '*.h' '*.cpp')

clean:
	@rm -rf $(BUILD_DIR)
