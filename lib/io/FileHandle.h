#pragma once
// A POSIX file descriptor opened for writing, owned once. Used where we need what
// std::ofstream cannot give: fsync on the descriptor we wrote through and an errno
// (ENOSPC, EFBIG, EIO...) for every failed write.
#include <cstddef>
#include <cstdint>
#include <string>

namespace rt {

class FileHandle {
  public:
    FileHandle() = default;
    ~FileHandle();  // closes without reporting; call close() to learn about errors
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;

    // Creates or truncates `path` for writing (mode 0666 less the umask).
    [[nodiscard]] bool create(const std::string& path, std::string& error);

    // Writes all `size` bytes at the current offset, retrying short writes and EINTR.
    [[nodiscard]] bool writeAll(const void* data, size_t size, std::string& error);
    [[nodiscard]] bool seek(uint64_t offset, std::string& error);
    [[nodiscard]] bool sync(std::string& error);
    // Closes the descriptor; close() can report a deferred write error (NFS, quotas).
    [[nodiscard]] bool close(std::string& error);

    bool isOpen() const { return m_fd >= 0; }
    const std::string& path() const { return m_path; }

  private:
    std::string failure(const char* what, int errorNumber) const;

    int m_fd = -1;
    std::string m_path;
};

}  // namespace rt
