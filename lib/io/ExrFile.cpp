#include "io/ExrFile.h"

#include <ImfInputFile.h>
#include <ImfOutputFile.h>
#include <ImfThreading.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "io/AtomicFile.h"
#include "io/FileHandle.h"
#include "io/detail/ExrConvert.h"
#include "io/detail/ExrStream.h"

namespace rt {
namespace {

// OpenEXR compresses and decompresses blocks of lines in its global thread pool, which
// has no threads unless asked for: a 1920x1080 checkpoint with its resume state then
// takes 1.8 s to read on one core. Every core is offered; the pool is OpenEXR's own, so
// it does not take threads from the render's TBB arena.
int exrThreads() {
    static std::once_flag once;
    std::call_once(once, [] {
        Imf::setGlobalThreadCount(
            static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    });
    return Imf::globalThreadCount();
}

// Runs `read`, turning OpenEXR's exceptions into a message naming the file.
template <class Read>
bool guardedRead(const std::string& path, std::string& error, Read read) {
    try {
        return read();
    } catch (const std::exception& e) {
        error = "cannot read '" + path + "': " + e.what();
    } catch (...) {
        error = "cannot read '" + path + "': unknown OpenEXR error";
    }
    return false;
}

}  // namespace

bool writeExrPart(const std::string& finalPath, const ImageBuffer& image, const Metadata& metadata,
                  const ExrWriteOptions& options, std::string& error) {
    const std::string part = partPath(finalPath);
    std::string problem;
    Imf::Header header;
    if (!image.validate(problem) ||
        !detail::makeExrHeader(image, metadata, options, header, problem)) {
        error = "cannot write '" + finalPath + "': " + problem;
        return false;
    }

    FileHandle file;
    if (!file.create(part, error)) return false;
    bool ok = true;
    detail::ExrOutputStream stream(file);
    try {
        // The scope ends before the checks below: the destructor writes the line offset
        // table, and only then is the file complete.
        const detail::ExrWriteBuffer pixels(image);
        Imf::OutputFile output(stream, header, exrThreads());
        output.setFrameBuffer(pixels.frameBuffer());
        output.writePixels(image.height);
    } catch (const std::exception& e) {
        ok = false;
        error = "cannot write '" + part + "': " + e.what();
    } catch (...) {
        ok = false;
        error = "cannot write '" + part + "': unknown OpenEXR error";
    }
    // The stream's own message (with errno) is the precise one, and the only one when
    // the failure happened in OutputFile's destructor.
    if (stream.failed()) {
        ok = false;
        error = stream.error();
    }
    if (ok) ok = file.sync(error) && file.close(error);
    if (!ok) {
        (void)file.close(problem);
        discardPart(finalPath);
    }
    return ok;
}

bool writeExr(const std::string& finalPath, const ImageBuffer& image, const Metadata& metadata,
              const ExrWriteOptions& options, std::string& error) {
    return writeExrPart(finalPath, image, metadata, options, error) && commitPart(finalPath, error);
}

bool readExr(const std::string& path, ImageBuffer& image, Metadata& metadata, std::string& error) {
    return guardedRead(path, error, [&] {
        Imf::InputFile input(path.c_str(), exrThreads());
        // A file cut short inside its line offset table reads as incomplete; one cut
        // inside the pixel data makes readPixels throw.
        if (!input.isComplete()) {
            error = "cannot read '" + path + "': the file is incomplete (truncated?)";
            return false;
        }
        ImageBuffer pixels;
        Imf::FrameBuffer frameBuffer;
        std::string problem;
        if (!detail::makeReadFrameBuffer(input.header(), pixels, frameBuffer, problem)) {
            error = "cannot read '" + path + "': " + problem;
            return false;
        }
        input.setFrameBuffer(frameBuffer);
        const Imath::Box2i window = input.header().dataWindow();
        input.readPixels(window.min.y, window.max.y);
        Metadata attributes;
        detail::readExrMetadata(input.header(), attributes);
        image = std::move(pixels);
        metadata = std::move(attributes);
        return true;
    });
}

bool readExrHeader(const std::string& path, Metadata& metadata, int& width, int& height,
                   std::string& error) {
    return guardedRead(path, error, [&] {
        Imf::InputFile input(path.c_str(), exrThreads());
        if (!input.isComplete()) {
            error = "cannot read '" + path + "': the file is incomplete (truncated?)";
            return false;
        }
        Metadata attributes;
        detail::readExrMetadata(input.header(), attributes);
        const Imath::Box2i window = input.header().dataWindow();
        metadata = std::move(attributes);
        width = window.max.x - window.min.x + 1;
        height = window.max.y - window.min.y + 1;
        return true;
    });
}

}  // namespace rt
