#pragma once
// Helpers for loader tests: scene files written into a private temporary directory.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/Error.h"
#include "core/Log.h"
#include "lua/SceneLoader.h"

// Checks that `text` contains `part` and prints both when it does not.
#define EXPECT_CONTAINS(text, part) \
    EXPECT_NE(std::string(text).find(part), std::string::npos) << "in: " << (text)

namespace rt::test {

class SceneDir {
  public:
    SceneDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_root = std::filesystem::temp_directory_path() /
                 ("rt_lua_test_" + std::to_string(::getpid()) + "_" + info->name());
        std::filesystem::remove_all(m_root);
        std::filesystem::create_directories(m_root);
    }
    ~SceneDir() { std::filesystem::remove_all(m_root); }
    SceneDir(const SceneDir&) = delete;
    SceneDir& operator=(const SceneDir&) = delete;

    // Writes `text` to `name` (relative to the directory) and returns the full path.
    std::string write(const std::string& name, const std::string& text) const {
        const std::filesystem::path path = m_root / name;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path) << text;
        return path.string();
    }
    std::string path(const std::string& name) const { return (m_root / name).string(); }

  private:
    std::filesystem::path m_root;
};

// A minimal valid scene (camera, one box, a layer) to append test objects to.
inline const char* kMinimalScene = R"(PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") {}
BoxGeometry("/box") {}
Layer("/layer") { {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl")} }
)";

inline Scene loadFiles(std::vector<std::string> files,
                       std::vector<std::pair<std::string, std::string>> vars = {},
                       bool unsafe = false) {
    SceneLoadOptions options;
    options.files = std::move(files);
    options.sceneVars = std::move(vars);
    options.unsafe = unsafe;
    return loadScene(options);
}

// The message of the SceneError that loading throws ("" when it does not throw).
inline std::string sceneErrorOf(const std::vector<std::string>& files, bool unsafe = false) {
    try {
        loadFiles(files, {}, unsafe);
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

// kMinimalScene followed by `extra` (so extra's first line is line 6), loaded from a
// fresh directory; and the message of the SceneError it throws ("" when it does not).
inline Scene loadMinimalPlus(const std::string& extra) {
    SceneDir dir;
    return loadFiles({dir.write("scene.rdla", std::string(kMinimalScene) + extra)});
}
inline std::string sceneErrorOfMinimalPlus(const std::string& extra) {
    try {
        loadMinimalPlus(extra);
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

constexpr float kEps = 1e-4f;

inline void expectNear(const Vec3f& a, const Vec3f& b, float eps = kEps) {
    EXPECT_NEAR(a.x, b.x, eps);
    EXPECT_NEAR(a.y, b.y, eps);
    EXPECT_NEAR(a.z, b.z, eps);
}

}  // namespace rt::test
