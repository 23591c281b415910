#include "session/CheckpointSetReader.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "io/AtomicFile.h"
#include "io/ExrFile.h"
#include "session/ResumeMetadata.h"
#include "session/StateFile.h"

namespace rt {
namespace {

namespace fs = std::filesystem;

bool exists(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

// Reads one member of a set from `readPath` (the file or its .part): a state file's
// header (StateFile.h), or an EXR file's header, or with `full` the whole EXR file (to
// know that a .part is complete). The identity ends up in `file.metadata` either way.
bool readMember(const std::string& readPath, bool full, CheckpointSetFile& file,
                std::string& error) {
    if (isStateFilePath(file.path)) {
        StateFileHeader header;
        if (!readStateFileHeader(readPath, header, error)) return false;
        file.metadata.set("renderId", header.renderId);
        file.metadata.set("checkpointSerial", header.serial);
        return true;
    }
    if (!full) return readExrHeader(readPath, file.metadata, file.width, file.height, error);
    if (!readExr(readPath, file.image, file.metadata, error)) return false;
    file.width = file.image.width;
    file.height = file.image.height;
    return true;
}

std::string describe(const CheckpointIdentity& id) {
    if (id.renderId.empty()) return "a file without a checkpoint serial";
    return "checkpoint " + std::to_string(id.serial) + " of render " + id.renderId;
}

// Finishes or discards an interrupted commit. Files read on the way are kept in `cache`
// (by final path) so that nothing is decoded twice.
void recoverParts(const std::vector<std::string>& paths,
                  std::map<std::string, CheckpointSetFile>& cache,
                  std::vector<std::string>& notes) {
    std::vector<std::string> withPart;
    for (const std::string& path : paths) {
        if (exists(partPath(path))) withPart.push_back(path);
    }
    if (withPart.empty()) return;

    bool complete = true;
    CheckpointIdentity identity;
    std::map<std::string, CheckpointSetFile> parts;
    for (const std::string& path : withPart) {
        CheckpointSetFile file{path, {}, {}, 0, 0};
        std::string error;
        if (!readMember(partPath(path), true, file, error)) {
            // Appended: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
            std::string note = "'";
            note += partPath(path);
            note += "' is incomplete (" + error + ")";
            notes.push_back(std::move(note));
            complete = false;
            break;
        }
        const CheckpointIdentity id = checkpointIdentity(file.metadata);
        if (id.renderId.empty() || (!parts.empty() && !(id == identity))) {
            complete = false;
            break;
        }
        identity = id;
        parts.emplace(path, std::move(file));
    }
    // The files without a .part must already have been renamed into this checkpoint,
    // and so must the state file an EXR .part names when that state has no .part (the
    // set was stopped before its state's .part was created: renaming the EXR alone
    // would pair it with the previous checkpoint's state).
    std::vector<std::string> committed = paths;
    for (const auto& [path, file] : parts) {
        const std::string state = resumeStateFilePath(path, file.metadata);
        if (!state.empty() && std::find(paths.begin(), paths.end(), state) == paths.end())
            committed.push_back(state);
    }
    for (const std::string& path : committed) {
        if (!complete || parts.count(path)) continue;
        CheckpointSetFile file{path, {}, {}, 0, 0};
        std::string error;
        if (!exists(path) || !readMember(path, false, file, error) ||
            !(checkpointIdentity(file.metadata) == identity)) {
            complete = false;
            break;
        }
        cache.emplace(path, std::move(file));
    }
    std::string error;
    if (complete && commitParts(withPart, error)) {
        notes.push_back("finished the interrupted commit of " + describe(identity) + " (" +
                        std::to_string(withPart.size()) + " .part file(s) renamed)");
        for (auto& [path, file] : parts) cache.insert_or_assign(path, std::move(file));
        return;
    }
    for (const std::string& path : withPart) {
        discardPart(path);
        cache.erase(path);
    }
    notes.push_back("removed " + std::to_string(withPart.size()) +
                    " .part file(s) of an unfinished checkpoint; the previous one is used");
}

}  // namespace

size_t removeVersionedParts(const std::string& multiVersionBase) {
    const fs::path base(multiVersionBase);
    const std::string stem = base.stem().string() + "_";
    const std::string suffix = partPath(base.extension().string());
    const fs::path directory = base.has_parent_path() ? base.parent_path() : fs::path(".");
    std::error_code ec;
    size_t removed = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() <= stem.size() + suffix.size() || name.rfind(stem, 0) != 0 ||
            !name.ends_with(suffix)) {
            continue;
        }
        const std::string digits =
            name.substr(stem.size(), name.size() - stem.size() - suffix.size());
        if (!std::all_of(digits.begin(), digits.end(),
                         [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        if (fs::remove(entry.path(), ec)) ++removed;
    }
    return removed;
}

bool checkpointFileExists(const std::string& path) {
    return exists(path) || exists(partPath(path));
}

bool readCheckpointSet(const std::vector<std::string>& paths, std::vector<CheckpointSetFile>& files,
                       std::string& reason, std::vector<std::string>& notes) {
    // A state file takes part in the recovery when its .part is left (its set was being
    // committed), and in the set when its EXR file names it.
    std::vector<std::string> recoverable = paths;
    for (const std::string& path : paths) {
        const std::string state = stateFilePath(path);
        if (!isStateFilePath(path) && exists(partPath(state))) recoverable.push_back(state);
    }
    std::map<std::string, CheckpointSetFile> cache;
    recoverParts(recoverable, cache, notes);
    std::vector<std::string> members = paths;
    std::vector<CheckpointSetFile> read;
    for (size_t i = 0; i < members.size(); ++i) {
        const std::string path = members[i];
        auto cached = cache.find(path);
        if (cached != cache.end()) {
            read.push_back(std::move(cached->second));
        } else {
            if (!exists(path)) {
                reason = "'" + path + "' is missing";
                if (i >= paths.size())
                    reason += " (the resume state of '" + read.front().path + "')";
                return false;
            }
            CheckpointSetFile file{path, {}, {}, 0, 0};
            std::string error;
            if (!readMember(path, false, file, error)) {
                reason = error;
                return false;
            }
            read.push_back(std::move(file));
        }
        const std::string statePath = resumeStateFilePath(path, read.back().metadata);
        if (i < paths.size() && !statePath.empty()) members.push_back(statePath);
    }
    const CheckpointIdentity first = checkpointIdentity(read.front().metadata);
    for (const CheckpointSetFile& file : read) {
        const CheckpointIdentity id = checkpointIdentity(file.metadata);
        if (id.renderId.empty()) {
            reason = "'" + file.path + "' is not a checkpoint (no renderId or checkpointSerial)";
            return false;
        }
        if (!(id == first)) {
            reason = "mixed checkpoint set: '" + read.front().path + "' is " + describe(first) +
                     ", '" + file.path + "' is " + describe(id);
            return false;
        }
    }
    files = std::move(read);
    return true;
}

}  // namespace rt
