#include "io/Zstd.h"

#include <zstd.h>

#include <new>
#include <stdexcept>

namespace rt {

struct ZstdCompressor::Context {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ~Context() { ZSTD_freeCCtx(cctx); }
};

ZstdCompressor::ZstdCompressor() : m_context(std::make_unique<Context>()) {
    if (!m_context->cctx) throw std::bad_alloc();
}

ZstdCompressor::~ZstdCompressor() = default;

std::string ZstdCompressor::compress(std::string_view input, int level) {
    ZSTD_CCtx* cctx = m_context->cctx;
    ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1);
    std::string frame(ZSTD_compressBound(input.size()), '\0');
    const size_t written =
        ZSTD_compress2(cctx, frame.data(), frame.size(), input.data(), input.size());
    if (ZSTD_isError(written)) {
        throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(written));
    }
    frame.resize(written);
    return frame;
}

struct ZstdDecompressor::Context {
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    ~Context() { ZSTD_freeDCtx(dctx); }
};

ZstdDecompressor::ZstdDecompressor() : m_context(std::make_unique<Context>()) {
    if (!m_context->dctx) throw std::bad_alloc();
}

ZstdDecompressor::~ZstdDecompressor() = default;

bool ZstdDecompressor::decompress(std::string_view frame, void* output, size_t size,
                                  std::string& error) {
    const unsigned long long stored = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (stored != size) {
        error = stored == ZSTD_CONTENTSIZE_ERROR ? "not a zstd frame"
                                                 : "the block's size is not the expected one";
        return false;
    }
    const size_t read =
        ZSTD_decompressDCtx(m_context->dctx, output, size, frame.data(), frame.size());
    if (ZSTD_isError(read)) {
        error = std::string("zstd: ") + ZSTD_getErrorName(read);
        return false;
    }
    if (read != size) {
        error = "the block decompressed to " + std::to_string(read) + " bytes, not " +
                std::to_string(size);
        return false;
    }
    return true;
}

}  // namespace rt
