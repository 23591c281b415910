#pragma once
// Runs renderer_cmd as a child process, as a user or a farm script would.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace rt::test {

struct CommandResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// Runs renderer_cmd with `args`; with `workDir`, from that directory (where relative
// output and checkpoint names land). withProgram = false runs `args` as the whole shell
// command (environment variables in front, another program).
inline CommandResult runRenderer(const std::string& args, const std::string& workDir = "",
                                 bool withProgram = true) {
    std::string command;
    if (!workDir.empty()) command = "cd '" + workDir + "' && ";
    if (withProgram) command += std::string(RT_RENDERER_CMD) + " ";
    command += args + " 2>&1";
    CommandResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// A fresh directory per test under the build tree.
inline std::filesystem::path freshDir(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::path(RT_BINARY_DIR) / "e2e_tmp" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::string writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
    return path.string();
}

inline std::string scenePath(const std::string& name) {
    return std::string(RT_SOURCE_DIR) + "/rdl_scenes/" + name;
}

}  // namespace rt::test
