#pragma once
// One render of a scene text by renderer_cmd, for end-to-end checks of what a scene
// renders: the scene written into a fresh folder, rendered there, one channel read back.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ExrFiles.h"
#include "RunCommand.h"

namespace rt::test {

// Writes `sceneText` to scene.rdla in a fresh folder `name`, renders it there without a
// warning (the scene must write `output`) and reads `output`; the test fails when the
// render or the read fails.
inline Exr renderImage(const std::string& name, const std::string& sceneText,
                       const std::string& output = "out.exr") {
    const std::filesystem::path dir = freshDir(name);
    const std::string scene = writeFile(dir / "scene.rdla", sceneText);
    const CommandResult r = runRenderer("-in " + scene, dir.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("warning"), std::string::npos) << r.output;
    return readFile(dir / output);
}

// One channel of renderImage's file (empty when it is missing); `width`, when given,
// receives the image's.
inline std::vector<float> renderChannel(const std::string& name, const std::string& sceneText,
                                        const char* channel = "R", int* width = nullptr) {
    const Exr exr = renderImage(name, sceneText);
    if (width) *width = exr.image.width;
    const ImageChannel* found = exr.image.find(channel);
    return found ? found->floats : std::vector<float>{};
}

}  // namespace rt::test
