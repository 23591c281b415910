#pragma once
// Internal to lib/io (includes OpenEXR): conversions between our plain types and
// OpenEXR headers and frame buffers. Written per part so that a multi-part writer
// (Imf::MultiPartOutputFile takes one Header per part) can reuse them unchanged.
#include <ImfCompression.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <half.h>

#include <string>
#include <vector>

#include "io/ExrFile.h"
#include "io/ImageBuffer.h"
#include "io/Metadata.h"

namespace rt::detail {

Imf::Compression toExrCompression(Compression compression);

// Attributes the writer controls (image layout, multi-part bookkeeping). Metadata may
// not set them, and readExr does not report them: their content is in ImageBuffer.
bool isReservedExrAttribute(const std::string& name);

// Header for one scanline part: display and data window (0,0)-(w-1,h-1), channels in
// the image's order (the file sorts them by name), compression, chromaticities when the
// image has R, G and B, and every metadata entry. The image must be valid.
[[nodiscard]] bool makeExrHeader(const ImageBuffer& image, const Metadata& metadata,
                                 const ExrWriteOptions& options, Imf::Header& header,
                                 std::string& error);

// What OutputFile reads pixels from: slices pointing into the image's FLOAT and UINT
// vectors, and into half copies of HALF channels, because OutputFile (unlike InputFile)
// requires slice types equal to the file's channel types. Keep it alive until the
// pixels are written.
class ExrWriteBuffer {
  public:
    explicit ExrWriteBuffer(const ImageBuffer& image);
    ExrWriteBuffer(const ExrWriteBuffer&) = delete;
    ExrWriteBuffer& operator=(const ExrWriteBuffer&) = delete;

    const Imf::FrameBuffer& frameBuffer() const { return m_frameBuffer; }

  private:
    std::vector<std::vector<Imath::half>> m_halves;  // one per HALF channel
    Imf::FrameBuffer m_frameBuffer;
};

// Sizes `image` to the header's data window with one channel per file channel (HALF
// widened to float) and returns slices pointing into it. Fails for subsampled channels.
[[nodiscard]] bool makeReadFrameBuffer(const Imf::Header& header, ImageBuffer& image,
                                       Imf::FrameBuffer& frameBuffer, std::string& error);

// Every attribute of a supported type (int, float, double, string, m44f) that is not
// reserved, in the header's (name) order.
void readExrMetadata(const Imf::Header& header, Metadata& metadata);

}  // namespace rt::detail
