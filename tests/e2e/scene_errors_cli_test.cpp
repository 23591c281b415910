// Every kind of bad scene input named by the foundation issue, through renderer_cmd:
// one message naming the file and line, exit code 2, no output file.
#include <gtest/gtest.h>

#include "RunCommand.h"

namespace rt {
namespace {

struct BadScene {
    const char* name;
    std::string text;
    const char* location;  // expected "file:line"
    const char* mentions;
};

const char* kValidHead =
    "SceneVariables { image_width = 8, image_height = 8, pixel_samples = 1 }\n"  // line 1
    "PerspectiveCamera(\"/cam\") { node_xform = translate(0, 0, 5) }\n";         // line 2

TEST(SceneErrorsCli, EachBadInputNamesFileAndLineAndExitsTwo) {
    const auto dir = test::freshDir("scene_errors_cli");
    const std::string layer =
        "Layer(\"/l\") { {SphereGeometry(\"/s\"), \"\", DwaBaseMaterial(\"/m\")} }\n";
    const std::vector<BadScene> cases = {
        {"syntax.rdla", "SceneVariables {\n  image_width = ,\n}\n", "syntax.rdla:2", "syntax"},
        {"unknown_class.rdla", "PerspectiveCamera(\"/c\") {}\nSpere(\"/s\") {}\n",
         "unknown_class.rdla:2", "Spere"},
        {"wrong_type.rdla",
         "PerspectiveCamera(\"/c\") {}\nSphereGeometry(\"/s\") { radius = \"big\" }\n",
         "wrong_type.rdla:2", "radius"},
        {"missing_obj.rdla",
         "PerspectiveCamera(\"/c\") {}\nObjGeometry(\"/o\") { model = \"nowhere.obj\" }\n"
         "Layer(\"/l\") { {ObjGeometry(\"/o\"), \"\", DwaBaseMaterial(\"/m\")} }\n",
         "missing_obj.rdla:2", "nowhere.obj"},
        {"missing_texture.rdla",
         "PerspectiveCamera(\"/c\") {}\nEnvLight(\"/e\") { texture = \"nowhere.exr\" }\n"
         "SphereGeometry(\"/s\") {}\n" +
             layer,
         "missing_texture.rdla:2", "nowhere.exr"},
        {"no_camera.rdla", "SphereGeometry(\"/s\") {}\n" + layer, "no_camera.rdla", "camera"},
        {"no_layer.rdla", "PerspectiveCamera(\"/c\") {}\nSphereGeometry(\"/s\") {}\n",
         "no_layer.rdla", "layer"},
        {"no_geometry.rdla", "PerspectiveCamera(\"/c\") {}\nLayer(\"/l\") {}\n", "no_geometry.rdla",
         "geometry"},
    };
    for (const BadScene& c : cases) {
        const std::string path = test::writeFile(dir / c.name, c.text);
        const std::string out = (dir / (std::string(c.name) + ".exr")).string();
        const auto r = test::runRenderer("-in " + path + " -out " + out);
        EXPECT_EQ(r.exitCode, 2) << c.name << "\n" << r.output;
        EXPECT_NE(r.output.find(c.location), std::string::npos) << c.name << "\n" << r.output;
        EXPECT_NE(r.output.find(c.mentions), std::string::npos) << c.name << "\n" << r.output;
        EXPECT_FALSE(std::filesystem::exists(out)) << c.name;
    }
}

TEST(SceneErrorsCli, UnknownAttributeWarnsWithLineButRenders) {
    const auto dir = test::freshDir("scene_warning_cli");
    const std::string path =
        test::writeFile(dir / "typo.rdla", std::string(kValidHead) +
                                               "SphereGeometry(\"/s\") { raduis = 2 }\n"  // line 3
                                               "Layer(\"/l\") { {SphereGeometry(\"/s\"), \"\", "
                                               "DwaBaseMaterial(\"/m\")} }\n");
    const auto r = test::runRenderer("-in " + path + " -out " + (dir / "t.exr").string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("typo.rdla:3"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("raduis"), std::string::npos) << r.output;
}

TEST(SceneErrorsCli, SandboxRefusesSystemAccessUnlessUnsafe) {
    const auto dir = test::freshDir("sandbox_cli");
    const std::string marker = (dir / "marker").string();
    const std::string path = test::writeFile(
        dir / "sneaky.rdla", std::string(kValidHead) + "os.execute(\"touch " + marker + "\")\n" +
                                 "SphereGeometry(\"/s\") {}\n"
                                 "Layer(\"/l\") { {SphereGeometry(\"/s\"), \"\", "
                                 "DwaBaseMaterial(\"/m\")} }\n");
    const std::string out = " -out " + (dir / "s.exr").string();
    auto r = test::runRenderer("-in " + path + out);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("sneaky.rdla:3"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("-unsafe_scene"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(marker));

    r = test::runRenderer("-in " + path + out + " -unsafe_scene");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(marker));
}

}  // namespace
}  // namespace rt
