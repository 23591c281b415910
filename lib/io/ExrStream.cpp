#include "io/detail/ExrStream.h"

#include <Iex.h>

namespace rt::detail {

ExrOutputStream::ExrOutputStream(FileHandle& file)
    : Imf::OStream(file.path().c_str()), m_file(file) {}

void ExrOutputStream::fail(const std::string& message) {
    if (m_error.empty()) m_error = message;
    throw Iex::IoExc(message);
}

void ExrOutputStream::write(const char c[], int n) {
    std::string error;
    if (n < 0 || !m_file.writeAll(c, static_cast<size_t>(n), error)) fail(error);
    m_position += static_cast<uint64_t>(n);
}

void ExrOutputStream::seekp(uint64_t position) {
    std::string error;
    if (!m_file.seek(position, error)) fail(error);
    m_position = position;
}

}  // namespace rt::detail
