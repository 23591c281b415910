#pragma once
// parseCommandLine on a short argument list, for the option tests.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "CommandLine.h"
#include "core/Error.h"

namespace rt::test {

using Vars = std::vector<std::pair<std::string, std::string>>;

// `renderer_cmd -in scene.rdla` followed by `args`.
inline CommandLine parse(std::initializer_list<const char*> args) {
    std::vector<const char*> argv{"renderer_cmd", "-in", "scene.rdla"};
    argv.insert(argv.end(), args);
    return parseCommandLine(static_cast<int>(argv.size()), argv.data());
}

inline Vars varsOf(std::initializer_list<const char*> args) {
    return parse(args).sceneVars;
}

// The message of the UsageError the arguments raise, or "" when they parse.
inline std::string usageError(std::initializer_list<const char*> args) {
    try {
        parse(args);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace rt::test
