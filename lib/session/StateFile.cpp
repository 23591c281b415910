#include "session/StateFile.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/Hash.h"
#include "io/Zstd.h"

namespace rt {
namespace {

constexpr char kMagic[8] = {'R', 'T', 'R', 'E', 'S', 'U', 'M', 'E'};
constexpr const char* kExtension = ".resume";
// magic, version, width, height, chunk size, chunk count, serial, render id length;
// from version 3 also AOV doubles per pixel and the AOV signature's length.
constexpr size_t kFixedBytesV2 = 8 + 7 * 4;
constexpr size_t kFixedBytes = 8 + 9 * 4;
constexpr int kOldestStateFileVersion = 2;

size_t fixedBytes(int version) {
    return version >= 3 ? kFixedBytes : kFixedBytesV2;
}

// FNV-1a over the header's bytes: it is a few kilobytes.
uint64_t hashHeader(const std::string& bytes) {
    return mixBits64(hashString(bytes));
}

void putU32(std::string& out, uint32_t v) {
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>(v >> (8 * b)));
}
void putU64(std::string& out, uint64_t v) {
    for (int b = 0; b < 8; ++b) out.push_back(static_cast<char>(v >> (8 * b)));
}
uint64_t getLE(const char* p, int bytes) {
    uint64_t v = 0;
    for (int b = 0; b < bytes; ++b)
        v |= static_cast<uint64_t>(static_cast<unsigned char>(p[b])) << (8 * b);
    return v;
}

// The header's size, from its fixed part (fixedBytes(version) at `fixed`).
uint64_t headerBytesOf(const char* fixed) {
    const int version = static_cast<int>(getLE(fixed + 8, 4));
    const uint64_t chunks = getLE(fixed + 24, 4);
    const uint64_t idBytes = getLE(fixed + 32, 4);
    const uint64_t signatureBytes = version >= 3 ? getLE(fixed + 40, 4) : 0;
    return fixedBytes(version) + idBytes + signatureBytes + 8 * chunks + 8;
}

std::string quoted(const std::string& path) {
    return "'" + path + "'";
}

// Parses the header at the start of `bytes` (which may hold more).
bool parseHeader(const std::string& bytes, StateFileHeader& h, std::string& error) {
    if (bytes.size() < kFixedBytesV2 || std::memcmp(bytes.data(), kMagic, 8) != 0) {
        error = "is not a resume state file";
        return false;
    }
    const char* p = bytes.data() + 8;
    h.version = static_cast<int>(getLE(p, 4));
    if (h.version < kOldestStateFileVersion || h.version > kStateFileVersion) {
        error = "is state format " + std::to_string(h.version) + ", this renderer reads " +
                std::to_string(kOldestStateFileVersion) + " to " +
                std::to_string(kStateFileVersion);
        return false;
    }
    if (bytes.size() < fixedBytes(h.version)) {
        error = "is cut short in its header";
        return false;
    }
    h.width = static_cast<int>(getLE(p + 4, 4));
    h.height = static_cast<int>(getLE(p + 8, 4));
    h.chunkSize = static_cast<int>(getLE(p + 12, 4));
    const uint64_t chunks = getLE(p + 16, 4);
    h.serial = static_cast<int>(static_cast<int32_t>(getLE(p + 20, 4)));
    const uint64_t idBytes = getLE(p + 24, 4);
    h.aovDoubles = h.version >= 3 ? getLE(p + 28, 4) : 0;
    const uint64_t signatureBytes = h.version >= 3 ? getLE(p + 32, 4) : 0;
    const uint64_t idAt = fixedBytes(h.version);
    const uint64_t tableAt = idAt + idBytes + signatureBytes;
    h.headerBytes = headerBytesOf(bytes.data());
    if (bytes.size() < h.headerBytes) {
        error = "is cut short in its header";
        return false;
    }
    h.renderId.assign(bytes.data() + idAt, idBytes);
    h.aovSignature.assign(bytes.data() + idAt + idBytes, signatureBytes);
    h.chunkBytes.resize(chunks);
    for (uint64_t c = 0; c < chunks; ++c)
        h.chunkBytes[c] = getLE(bytes.data() + tableAt + 8 * c, 8);
    h.hash = getLE(bytes.data() + h.headerBytes - 8, 8);
    if (hashHeader(bytes.substr(0, h.headerBytes - 8)) != h.hash) {
        error = "has a damaged header (its checksum does not match)";
        return false;
    }
    const StateChunkGrid grid(h.width, h.height, h.aovDoubles);
    if (h.chunkSize != kStateChunkSize || grid.count() != chunks) {
        error = "has " + std::to_string(chunks) + " chunks of " + std::to_string(h.chunkSize) +
                " pixels, not the layout of a " + std::to_string(h.width) + "x" +
                std::to_string(h.height) + " state";
        return false;
    }
    return true;
}

bool open(const std::string& path, std::ifstream& in, uintmax_t& size, std::string& error) {
    in.open(path, std::ios::binary);
    std::error_code ec;
    size = std::filesystem::file_size(path, ec);
    if (!in || ec) {
        error = "cannot read " + quoted(path) + ": it is missing or unreadable";
        return false;
    }
    return true;
}

// Whether the file has the size its header declares.
bool wholeFile(const std::string& path, const StateFileHeader& h, uintmax_t size,
               std::string& error) {
    if (h.fileBytes() == size) return true;
    error = quoted(path) + " is " + std::to_string(size) + " bytes, its header says " +
            std::to_string(h.fileBytes()) + " (cut short or damaged)";
    return false;
}

bool readAll(const std::string& path, std::string& bytes, std::string& error) {
    std::ifstream in;
    uintmax_t size = 0;
    if (!open(path, in, size, error)) return false;
    bytes.resize(size);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
        error = "cannot read " + quoted(path);
        return false;
    }
    return true;
}

}  // namespace

std::string stateFilePath(const std::string& exrPath) {
    return std::filesystem::path(exrPath).replace_extension(kExtension).string();
}

bool isStateFilePath(const std::string& path) {
    return path.ends_with(kExtension);
}

uint64_t StateFileHeader::fileBytes() const {
    uint64_t bytes = headerBytes;
    for (uint64_t chunk : chunkBytes) bytes += chunk;
    return bytes;
}

std::vector<std::shared_ptr<const std::string>> stateFilePieces(const EncodedState& state,
                                                                const std::string& renderId,
                                                                int serial, uint64_t& hash) {
    std::string header(kMagic, 8);
    putU32(header, kStateFileVersion);
    putU32(header, static_cast<uint32_t>(state.width));
    putU32(header, static_cast<uint32_t>(state.height));
    putU32(header, kStateChunkSize);
    putU32(header, static_cast<uint32_t>(state.chunks.size()));
    putU32(header, static_cast<uint32_t>(serial));
    putU32(header, static_cast<uint32_t>(renderId.size()));
    putU32(header, static_cast<uint32_t>(state.aovDoubles));
    putU32(header, static_cast<uint32_t>(state.aovSignature.size()));
    header += renderId;
    header += state.aovSignature;
    for (const auto& chunk : state.chunks) putU64(header, chunk->size());
    hash = hashHeader(header);
    putU64(header, hash);
    std::vector<std::shared_ptr<const std::string>> pieces;
    pieces.reserve(state.chunks.size() + 1);
    pieces.push_back(std::make_shared<const std::string>(std::move(header)));
    pieces.insert(pieces.end(), state.chunks.begin(), state.chunks.end());
    return pieces;
}

bool readStateFileHeader(const std::string& path, StateFileHeader& header, std::string& error) {
    std::ifstream in;
    uintmax_t size = 0;
    if (!open(path, in, size, error)) return false;
    // The header is read in two steps: its fixed part says how long the rest is (every
    // header, of any version, is longer than the longest fixed part).
    std::string bytes(std::min<uintmax_t>(size, kFixedBytes), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (bytes.size() == kFixedBytes && std::memcmp(bytes.data(), kMagic, 8) == 0) {
        const uint64_t total =
            std::max<uint64_t>(kFixedBytes, std::min<uint64_t>(size, headerBytesOf(bytes.data())));
        bytes.resize(total);
        in.read(bytes.data() + kFixedBytes, static_cast<std::streamsize>(total - kFixedBytes));
    }
    StateFileHeader h;
    std::string problem;
    if (!parseHeader(bytes, h, problem)) {
        error = quoted(path) + " " + problem;
        return false;
    }
    if (!wholeFile(path, h, size, error)) return false;
    header = std::move(h);
    return true;
}

bool readStateFile(const std::string& path, uint64_t expectedHash, Film& film,
                   std::vector<uint32_t>& passTargets, std::string& error) {
    std::string bytes;
    if (!readAll(path, bytes, error)) return false;
    StateFileHeader h;
    std::string problem;
    if (!parseHeader(bytes, h, problem)) {
        error = quoted(path) + " " + problem;
        return false;
    }
    if (h.hash != expectedHash) {
        error = quoted(path) +
                " belongs to another checkpoint (its checksum is not the one "
                "its EXR file names)";
        return false;
    }
    if (!wholeFile(path, h, bytes.size(), error)) return false;
    if (h.width != film.width() || h.height != film.height()) {
        error = quoted(path) + " holds a " + std::to_string(h.width) + "x" +
                std::to_string(h.height) + " state, the film is " + std::to_string(film.width()) +
                "x" + std::to_string(film.height());
        return false;
    }
    if (h.aovDoubles != film.layout().doublesPerPixel() ||
        h.aovSignature != film.layout().signature()) {
        const auto describe = [](const std::string& signature) {
            return signature.empty() ? std::string("no AOV outputs") : "AOVs [" + signature + "]";
        };
        error = quoted(path) + " holds the state of " + describe(h.aovSignature) +
                ", this render writes " + describe(film.layout().signature());
        return false;
    }
    const StateChunkGrid grid(h.width, h.height, h.aovDoubles);
    std::vector<uint64_t> offsets(grid.count());
    for (uint64_t c = 0, at = h.headerBytes; c < grid.count(); at += h.chunkBytes[c], ++c) {
        offsets[c] = at;
    }
    passTargets.assign(film.pixelCount(), 0);
    struct PerThread {
        std::string packed;
        ZstdDecompressor zstd;
    };
    tbb::enumerable_thread_specific<PerThread> threads;
    std::mutex failure;
    size_t failedChunk = grid.count();
    tbb::parallel_for(size_t{0}, grid.count(), [&](size_t chunk) {
        PerThread& scratch = threads.local();
        scratch.packed.resize(grid.packedBytes(chunk));
        std::string why;
        const std::string_view frame(bytes.data() + offsets[chunk], h.chunkBytes[chunk]);
        if (!scratch.zstd.decompress(frame, scratch.packed.data(), scratch.packed.size(), why)) {
            std::lock_guard lock(failure);
            if (chunk < failedChunk) {
                failedChunk = chunk;
                problem = why;
            }
            return;
        }
        unpackStateChunk(grid, chunk, scratch.packed, film, passTargets);
    });
    if (failedChunk < grid.count()) {
        error = quoted(path) + ": chunk " + std::to_string(failedChunk) + " is damaged (" +
                problem + ")";
        film.reset();
        passTargets.clear();
        return false;
    }
    return true;
}

}  // namespace rt
