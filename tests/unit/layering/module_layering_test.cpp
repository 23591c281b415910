// The tree follows the module table of doc/ARCHITECTURE.md, and the check would notice
// if it did not.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ModuleLayering.h"

namespace rt::layering {
namespace {

const std::vector<Wrapper> kWrappers = {
    {"accel", {"embree3/"}},
    {"io", {"OpenEXR/", "Imf", "Iex", "half.h", "OpenImageIO/"}},
    {"lua", {"lua.h", "lua.hpp", "lualib.h", "lauxlib.h"}},
    {"geometry", {"tiny_obj_loader.h"}},
    {"core", {"murmurhash.h"}},
    {"cmd", {"boost/"}},  // renderer_cmd, outside lib/: no module may include Boost
};

std::string architectureDoc() {
    std::ifstream in(std::string(RT_SOURCE_DIR) + "/doc/ARCHITECTURE.md");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
}

TEST(ModuleLayering, TheTreeFollowsTheModuleTable) {
    const std::vector<ModuleRow> table = parseModuleTable(architectureDoc());
    ASSERT_GE(table.size(), 14u) << "the module table was not found in doc/ARCHITECTURE.md";
    EXPECT_EQ(table.front().name, "core");
    const auto modules = readModules(std::string(RT_SOURCE_DIR) + "/lib");
    const std::vector<std::string> problems = checkLayering(table, modules, kWrappers);
    EXPECT_TRUE(problems.empty()) << joined(problems);
}

TEST(ModuleLayering, RenderKnowsNothingOfFiles) {
    const auto modules = readModules(std::string(RT_SOURCE_DIR) + "/lib");
    ASSERT_TRUE(modules.count("render"));
    for (const char* above : {"io", "checkpoint", "session", "report", "lua"})
        EXPECT_FALSE(modules.at("render").includedModules.count(above)) << above;
}

const char* const kTable = R"(# Architecture
| module | responsibility | depends on |
|---|---|---|
| core | basics | - |
| io | files | core |
| render | passes | core |
| cmd/renderer_cmd | the program | all |

## Another section
| ghost | not a module row | core |
)";

TEST(ModuleLayering, ParsesRowsOfTheModulesSectionOnly) {
    const std::string doc = std::string("## Modules\n") + kTable;
    const std::vector<ModuleRow> table = parseModuleTable(doc);
    ASSERT_EQ(table.size(), 3u);
    EXPECT_EQ(table[0].name, "core");
    EXPECT_TRUE(table[0].dependsOn.empty());
    EXPECT_EQ(table[2].name, "render");
    EXPECT_EQ(table[2].dependsOn, std::set<std::string>{"core"});
}

TEST(ModuleLayering, ReportsEveryKindOfBrokenRule) {
    const std::vector<ModuleRow> table = {
        {"core", {}}, {"io", {"core"}}, {"render", {"core", "session"}}, {"gone", {}}};
    std::map<std::string, ModuleFacts> modules;
    modules["core"] = {};
    modules["io"] = {{"core"}, {"core"}, {"OpenImageIO/imageio.h"}};
    // render: uses io (not in its row), includes core without linking it, and Embree.
    modules["render"] = {{"io", "core"}, {"io"}, {"embree3/rtcore.h"}};
    modules["extra"] = {};
    const std::vector<Wrapper> wrappers = {{"io", {"OpenImageIO/"}}, {"accel", {"embree3/"}}};
    const std::string problems = joined(checkLayering(table, modules, wrappers));
    for (const char* expected : {
             "render: depends on 'session', not above it",
             "render: includes a header of 'io', not in its row",
             "render: includes 'core' but does not link rt_core",
             "render: links rt_io, not in its row",
             "render: includes <embree3/rtcore.h>, which only accel may include",
             "lib/extra has no row in the module table",
             "the module table names 'gone', which is not in lib/",
         }) {
        EXPECT_NE(problems.find(expected), std::string::npos) << expected << "\n" << problems;
    }
    EXPECT_EQ(problems.find("io:"), std::string::npos) << problems;  // io follows the rules
}

}  // namespace
}  // namespace rt::layering
