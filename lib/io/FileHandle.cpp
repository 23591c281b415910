#include "io/FileHandle.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rt {

FileHandle::~FileHandle() {
    if (m_fd >= 0) ::close(m_fd);
}

std::string FileHandle::failure(const char* what, int errorNumber) const {
    return std::string("cannot ") + what + " '" + m_path + "': " + std::strerror(errorNumber);
}

bool FileHandle::create(const std::string& path, std::string& error) {
    if (m_fd >= 0) ::close(m_fd);
    m_path = path;
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (m_fd < 0) {
        error = failure("create", errno);
        return false;
    }
    return true;
}

bool FileHandle::writeAll(const void* data, size_t size, std::string& error) {
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(m_fd, bytes, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            error = failure("write", errno);
            return false;
        }
        bytes += written;
        size -= static_cast<size_t>(written);
    }
    return true;
}

bool FileHandle::seek(uint64_t offset, std::string& error) {
    if (::lseek(m_fd, static_cast<off_t>(offset), SEEK_SET) < 0) {
        error = failure("seek in", errno);
        return false;
    }
    return true;
}

bool FileHandle::sync(std::string& error) {
    if (::fsync(m_fd) != 0) {
        error = failure("fsync", errno);
        return false;
    }
    return true;
}

bool FileHandle::close(std::string& error) {
    if (m_fd < 0) return true;
    const int fd = m_fd;
    m_fd = -1;
    // Linux releases the descriptor even when close fails, so never retry it.
    if (::close(fd) != 0) {
        error = failure("close", errno);
        return false;
    }
    return true;
}

}  // namespace rt
