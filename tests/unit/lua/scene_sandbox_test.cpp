// Scene files run in a sandbox unless -unsafe_scene is given.
#include "SceneTestUtil.h"

namespace rt {
namespace {

using test::kMinimalScene;
using test::loadFiles;
using test::SceneDir;
using test::sceneErrorOf;

std::string errorFor(const SceneDir& dir, const std::string& code, bool unsafe = false) {
    return sceneErrorOf({dir.write("scene.rdla", std::string(kMinimalScene) + code)}, unsafe);
}

TEST(SceneSandbox, BlocksSystemAccessByDefault) {
    SceneDir dir;
    std::string error = errorFor(dir, "os.execute(\"touch /tmp/rt_sandbox_escape\")\n");
    EXPECT_CONTAINS(error, "scene.rdla:5: 'os.execute' is not available in scene files");
    EXPECT_CONTAINS(error, "-unsafe_scene");

    error = errorFor(dir, "local f = io.open(\"/etc/passwd\")\n");
    EXPECT_CONTAINS(error, "scene.rdla:5: 'io.open' is not available");
    EXPECT_CONTAINS(error, "-unsafe_scene");

    error = errorFor(dir, "\nrequire(\"socket\")\n");
    EXPECT_CONTAINS(error, "scene.rdla:6: 'require' is not available");

    EXPECT_CONTAINS(errorFor(dir, "dofile(\"x.lua\")\n"), "'dofile' is not available");
    EXPECT_CONTAINS(errorFor(dir, "loadfile(\"x.lua\")\n"), "'loadfile' is not available");
    EXPECT_CONTAINS(errorFor(dir, "debug.getinfo(1)\n"), "'debug.getinfo' is not available");
    EXPECT_CONTAINS(errorFor(dir, "os.exit(3)\n"), "'os.exit' is not available");
    EXPECT_CONTAINS(errorFor(dir, "os.remove(\"x\")\n"), "'os.remove' is not available");
    EXPECT_CONTAINS(errorFor(dir, "print(package.path)\n"), "'package.path' is not available");
    EXPECT_FALSE(std::filesystem::exists("/tmp/rt_sandbox_escape"));
}

TEST(SceneSandbox, KeepsTheHarmlessLibraries) {
    SceneDir dir;
    const std::string code = R"(
assert(math.floor(2.5) == 2 and string.format("%d", 3) == "3" and table.concat({1, 2}) == "12")
assert(utf8.char(72) == "H")
assert(type(os.clock()) == "number" and type(os.time()) == "number" and os.date("%Y"))
assert(os.getenv("HOME") == nil or type(os.getenv("HOME")) == "string")
local f = load("return 1 + 1")
assert(f() == 2, "text chunks load")
local g = load(string.dump(function() return 1 end))
assert(g == nil, "binary chunks do not")
assert(pcall(load, "return 1", "chunk", "b") == false, "binary mode is refused")
local env = {}
load("x = 1", "chunk", "t", env)()
assert(env.x == 1 and x == nil, "load keeps an explicit environment")
)";
    EXPECT_EQ(errorFor(dir, code), "");
}

TEST(SceneSandbox, UnsafeSceneOpensEverything) {
    SceneDir dir;
    dir.write("data.txt", "42");
    const std::string code = "local f = assert(io.open(\"" + dir.path("data.txt") + "\"))\n" +
                             "assert(f:read(\"n\") == 42)\nf:close()\n"
                             "assert(type(os.execute) == \"function\")\n"
                             "assert(type(require) == \"function\" and debug.getinfo)\n";
    EXPECT_EQ(errorFor(dir, code, true), "");
    EXPECT_CONTAINS(errorFor(dir, code, false), "-unsafe_scene");
}

}  // namespace
}  // namespace rt
