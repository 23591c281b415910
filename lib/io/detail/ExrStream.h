#pragma once
// Internal to lib/io (includes OpenEXR): an Imf::OStream over our FileHandle, so that
// the .part file is fsynced through the descriptor OpenEXR wrote to and every failed
// write keeps its errno message.
#include <ImfIO.h>

#include <cstdint>
#include <string>

#include "io/FileHandle.h"

namespace rt::detail {

class ExrOutputStream : public Imf::OStream {
  public:
    explicit ExrOutputStream(FileHandle& file);

    void write(const char c[], int n) override;  // throws Iex::IoExc on failure
    uint64_t tellp() override { return m_position; }
    void seekp(uint64_t position) override;

    // OutputFile's destructor writes the line offset table and swallows exceptions,
    // so the first failure is also kept here for the caller to check afterwards.
    bool failed() const { return !m_error.empty(); }
    const std::string& error() const { return m_error; }

  private:
    [[noreturn]] void fail(const std::string& message);

    FileHandle& m_file;
    uint64_t m_position = 0;
    std::string m_error;
};

}  // namespace rt::detail
