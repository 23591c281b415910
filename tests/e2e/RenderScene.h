#pragma once
// One render of a scene text by renderer_cmd, for end-to-end checks of what a scene
// renders: the scene written into a fresh folder, rendered there, one channel read back.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ExrFiles.h"
#include "RunCommand.h"

namespace rt::test {

// Writes `sceneText` to scene.rdla in a fresh folder `name`, renders it there (the scene
// must write `output`) and returns `channel` of `output`; the test fails (and the result
// is empty) when the render or the read fails. `width`, when given, receives the image's.
inline std::vector<float> renderChannel(const std::string& name, const std::string& sceneText,
                                        const char* channel = "R", int* width = nullptr,
                                        const std::string& output = "out.exr") {
    const std::filesystem::path dir = freshDir(name);
    const std::string scene = writeFile(dir / "scene.rdla", sceneText);
    const CommandResult r = runRenderer("-in " + scene, dir.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("warning"), std::string::npos) << r.output;
    const Exr exr = readFile(dir / output);
    if (width) *width = exr.image.width;
    const ImageChannel* found = exr.image.find(channel);
    return found ? found->floats : std::vector<float>{};
}

}  // namespace rt::test
