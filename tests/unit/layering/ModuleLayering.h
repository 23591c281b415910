#pragma once
// The layering rules of doc/ARCHITECTURE.md as data and a check: the module table (each
// module and the modules it may use), what each module's sources include and what its
// CMake target links. Pure, so that the check itself is tested on made-up trees.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace rt::layering {

struct ModuleRow {
    std::string name;
    std::set<std::string> dependsOn;
};

// The rows of the table under "## Modules" whose module is a lib/ folder (a single
// lowercase word; "cmd/renderer_cmd" is not), in table order. "-" means no dependency.
std::vector<ModuleRow> parseModuleTable(const std::string& markdown);

struct ModuleFacts {
    std::set<std::string> includedModules;  // X of every #include "X/..." but its own
    std::set<std::string> linkedModules;    // X of every rt_X in its CMakeLists.txt
    std::set<std::string> includedHeaders;  // every #include <...>, e.g. "embree3/rtcore.h"
};

// Reads lib/<module>/ (sources in subfolders too) for every folder of `libDir`.
std::map<std::string, ModuleFacts> readModules(const std::filesystem::path& libDir);

// The C libraries wrapped by exactly one module (guide rule 8), as header prefixes.
struct Wrapper {
    std::string module;
    std::vector<std::string> headerPrefixes;
};

// One message per broken rule, naming the module and what it broke; empty when the
// tree follows the table.
std::vector<std::string> checkLayering(const std::vector<ModuleRow>& table,
                                       const std::map<std::string, ModuleFacts>& modules,
                                       const std::vector<Wrapper>& wrappers);

}  // namespace rt::layering
