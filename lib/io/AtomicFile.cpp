#include "io/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include "core/ImmediateExit.h"
#include "io/FileHandle.h"

namespace rt {
namespace {

std::string directoryOf(const std::string& path) {
    const std::string parent = std::filesystem::path(path).parent_path().string();
    return parent.empty() ? "." : parent;
}

bool fsyncPath(const std::string& path, int flags, const char* what, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0) {
        error = std::string("cannot open ") + what + " '" + path +
                "' to fsync it: " + std::strerror(errno);
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    if (!ok)
        error = std::string("cannot fsync ") + what + " '" + path + "': " + std::strerror(errno);
    ::close(fd);
    return ok;
}

bool renamePart(const std::string& finalPath, std::string& error) {
    const std::string part = partPath(finalPath);
    if (std::rename(part.c_str(), finalPath.c_str()) != 0) {
        error = "cannot rename '" + part + "' to '" + finalPath + "': " + std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace

std::string partPath(const std::string& finalPath) {
    return finalPath + ".part";
}

bool fsyncFile(const std::string& path, std::string& error) {
    return fsyncPath(path, 0, "file", error);
}

bool fsyncDirectory(const std::string& directory, std::string& error) {
    return fsyncPath(directory, O_DIRECTORY, "directory", error);
}

bool commitPart(const std::string& finalPath, std::string& error) {
    return renamePart(finalPath, error) && fsyncDirectory(directoryOf(finalPath), error);
}

bool commitParts(const std::vector<std::string>& finalPaths, std::string& error) {
    for (const std::string& finalPath : finalPaths) {
        struct stat info {};
        if (::stat(partPath(finalPath).c_str(), &info) != 0) {
            error = "cannot commit '" + finalPath + "': '" + partPath(finalPath) +
                    "' is missing (" + std::strerror(errno) + "); nothing was committed";
            return false;
        }
    }
    std::set<std::string> directories;
    // An immediate exit (a second SIGINT) waits for the renames: never half a set.
    const NoImmediateExit renaming;
    for (size_t i = 0; i < finalPaths.size(); ++i) {
        if (!renamePart(finalPaths[i], error)) {
            if (i > 0) error += " (" + std::to_string(i) + " earlier files were committed)";
            return false;
        }
        directories.insert(directoryOf(finalPaths[i]));
    }
    for (const std::string& directory : directories) {
        if (!fsyncDirectory(directory, error)) return false;
    }
    return true;
}

void discardPart(const std::string& finalPath) {
    ::unlink(partPath(finalPath).c_str());
}

bool writeFilePart(const std::string& finalPath, std::string_view contents, std::string& error) {
    return writeFilePart(finalPath, std::vector<std::string_view>{contents}, error);
}

bool writeFilePart(const std::string& finalPath, const std::vector<std::string_view>& pieces,
                   std::string& error) {
    FileHandle file;
    if (!file.create(partPath(finalPath), error)) return false;
    bool ok = true;
    for (std::string_view piece : pieces) {
        if (!(ok = file.writeAll(piece.data(), piece.size(), error))) break;
    }
    ok = ok && file.sync(error) && file.close(error);
    if (!ok) {
        std::string ignored;
        (void)file.close(ignored);
        discardPart(finalPath);
    }
    return ok;
}

bool writeFileAtomic(const std::string& finalPath, std::string_view contents, std::string& error) {
    return writeFilePart(finalPath, contents, error) && commitPart(finalPath, error);
}

bool parentDirectoryWritable(const std::string& finalPath) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(finalPath).parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    return fs::is_directory(dir, ec) && ::access(dir.c_str(), W_OK) == 0;
}

}  // namespace rt
