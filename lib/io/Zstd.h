#pragma once
// Zstandard (libzstd), the fast lossless codec of the resume state (doc/RESUME.md,
// "The state file"). One compressor or decompressor per thread: each keeps its zstd
// context between calls, which saves an allocation of several hundred kilobytes per
// block.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace rt {

class ZstdCompressor {
  public:
    ZstdCompressor();
    ~ZstdCompressor();
    ZstdCompressor(const ZstdCompressor&) = delete;
    ZstdCompressor& operator=(const ZstdCompressor&) = delete;

    // One zstd frame holding `input`, with its size and a content checksum, at `level`
    // (negative levels are zstd's fastest; 1 its fast default). Throws std::bad_alloc
    // or std::runtime_error, which only a bug or exhausted memory can cause.
    std::string compress(std::string_view input, int level);

  private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

class ZstdDecompressor {
  public:
    ZstdDecompressor();
    ~ZstdDecompressor();
    ZstdDecompressor(const ZstdDecompressor&) = delete;
    ZstdDecompressor& operator=(const ZstdDecompressor&) = delete;

    // Decompresses one frame into exactly `size` bytes at `output`. False, with zstd's
    // reason, for damaged data, a failed checksum or any other size.
    [[nodiscard]] bool decompress(std::string_view frame, void* output, size_t size,
                                  std::string& error);

  private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

}  // namespace rt
