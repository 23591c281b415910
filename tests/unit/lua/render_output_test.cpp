// RenderOutput objects (doc/OUTPUT.md): MoonRay's results and attributes as the model
// keeps them, and everything we cannot write refused at its file:line naming it by
// MoonRay's name, unless -ignore_unsupported_outputs.
#include <gtest/gtest.h>

#include "SceneTestUtil.h"
#include "core/Log.h"

namespace rt {
namespace {

using test::SceneDir;

Scene load(const std::string& outputs, bool ignoreUnsupported = false) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", std::string(test::kMinimalScene) + outputs);
    SceneLoadOptions options;
    options.files = {file};
    options.ignoreUnsupportedOutputs = ignoreUnsupported;
    return loadScene(options);
}

std::string errorOf(const std::string& outputs) {
    try {
        load(outputs);
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

TEST(RenderOutputs, LightAovsAndStateVariablesGetAovSlotsInOrder) {
    const Scene scene = load(R"(
RenderOutput("/beauty") { result = "beauty" }
RenderOutput("/diffuse") { result = "light aov", lpe = "C<RD>L", math_filter = "sum" }
RenderOutput("/P") { result = "state variable", state_variable = "P",
                     channel_suffix_mode = "uvw", math_filter = "closest" }
RenderOutput("/mv") { result = 3, state_variable = 12 }
)");
    const auto& o = scene.outputs;
    ASSERT_EQ(o.size(), 4u);
    EXPECT_EQ(o[0].aovSlot, -1);
    EXPECT_EQ(o[1].result, OutputResult::LightAov);
    EXPECT_EQ(o[1].lpe, "C<RD>L");
    EXPECT_EQ(o[1].mathFilter, MathFilter::Sum);
    EXPECT_EQ(o[1].aovSlot, 0);
    EXPECT_EQ(o[2].stateVariable, StateVariable::P);
    EXPECT_EQ(o[2].suffixMode, ChannelSuffixMode::Uvw);
    EXPECT_EQ(o[2].mathFilter, MathFilter::Closest);
    EXPECT_EQ(o[2].aovSlot, 1);
    EXPECT_EQ(o[3].stateVariable, StateVariable::MotionVector);
    EXPECT_EQ(o[3].aovSlot, 2);
}

TEST(RenderOutputs, MaterialAndLightLabelsAreKept) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", R"(PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") { label = "floor" }
BoxGeometry("/box") {}
RectLight("/key") { label = "key" }
Layer("/layer") { {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl")} }
)");
    const Scene scene = test::loadFiles({file});
    ASSERT_EQ(scene.materials.size(), 1u);
    EXPECT_EQ(scene.materials[0].label, "floor");
    ASSERT_EQ(scene.lights.size(), 1u);
    EXPECT_EQ(scene.lights[0].label, "key");
}

TEST(RenderOutputs, UnsupportedResultsAreSceneErrorsNamingThem) {
    const struct {
        const char* output;
        const char* named;
    } cases[] = {
        {R"(RenderOutput("/c") { result = "display filter" })", "result 'display filter'"},
        {R"(RenderOutput("/c") { result = "cryptomatte", cryptomatte_output_beauty = true })",
         "attribute 'cryptomatte_output_beauty'"},
        {R"(RenderOutput("/c") { result = "cryptomatte", math_filter = "min" })",
         "math_filter 'min' on result 'cryptomatte'"},
        {R"(RenderOutput("/w") { result = 6, math_filter = "min" })",
         "math_filter 'min' on result 'wireframe'"},
        {R"(RenderOutput("/m") { result = "material aov", material_aov = "G.fresnel.factor" })",
         "material_aov 'G.fresnel.factor' (the property 'factor')"},
        {R"(RenderOutput("/m") { result = "material aov", material_aov = "fresnel.color" })",
         "material_aov 'fresnel.color' (fresnel properties)"},
        {R"(RenderOutput("/m") { result = "material aov", material_aov = "pbr_validity" })",
         "material_aov 'pbr_validity' (the property 'pbr_validity')"},
        {R"(RenderOutput("/s") { result = "state variable", state_variable = "dSdx" })",
         "state_variable 'dSdx'"},
        {R"(RenderOutput("/d") { result = "beauty", output_type = "deep" })", "output_type 'deep'"},
        {R"(RenderOutput("/f") { result = "beauty", math_filter = "max" })", "math_filter 'max'"},
        {R"(RenderOutput("/p") { result = "beauty", file_part = "one" })", "file_part"},
        {R"(RenderOutput("/n") { result = "beauty", denoise = true })", "attribute 'denoise'"},
    };
    for (const auto& c : cases) {
        const std::string error = errorOf(std::string("\n") + c.output + "\n");
        EXPECT_NE(error.find("scene.rdla:6: "), std::string::npos) << c.output << "\n" << error;
        EXPECT_NE(error.find(c.named), std::string::npos) << c.output << "\n" << error;
        EXPECT_NE(error.find("-ignore_unsupported_outputs"), std::string::npos) << error;
    }
}

TEST(RenderOutputs, DiagnosticVisibilityAndVarianceResults) {
    const Scene scene = load(R"(
RenderOutput("/time") { result = "time per pixel" }
RenderOutput("/wire") { result = 6 }
RenderOutput("/vis") { result = "visibility aov" }
RenderOutput("/key") { result = 9, visibility_aov = "C<RD>L" }
RenderOutput("/beauty") { result = "beauty" }
RenderOutput("/beautyVar") { result = "variance aov", reference_render_output = RenderOutput("/beauty") }
RenderOutput("/pVar") { result = 10, reference_render_output = "/P" }
RenderOutput("/P") { result = "state variable", state_variable = "P" }
)");
    const auto& o = scene.outputs;
    ASSERT_EQ(o.size(), 8u);
    EXPECT_EQ(o[0].result, OutputResult::TimePerPixel);
    EXPECT_EQ(o[1].result, OutputResult::Wireframe);
    EXPECT_EQ(o[2].result, OutputResult::VisibilityAov);
    EXPECT_EQ(o[2].visibilityAov, "C[<T.><RS>]*[<R[DG]><TD>][LO]");  // MoonRay's default
    EXPECT_EQ(o[3].visibilityAov, "C<RD>L");
    EXPECT_EQ(o[5].result, OutputResult::VarianceAov);
    EXPECT_EQ(o[5].reference, 4);
    EXPECT_EQ(o[6].reference, 7);
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 7u}) EXPECT_GE(o[i].aovSlot, 0) << i;
}

TEST(RenderOutputs, VarianceAovsNeedAReferenceWithPerSampleValues) {
    EXPECT_NE(errorOf("\nRenderOutput(\"/v\") { result = \"variance aov\" }\n")
                  .find("scene.rdla:6: RenderOutput '/v': result 'variance aov' needs a "
                        "reference_render_output"),
              std::string::npos);
    EXPECT_NE(
        errorOf("\nRenderOutput(\"/v\") { result = 10, reference_render_output = \"/nothing\" }\n")
            .find("scene.rdla:6: RenderOutput '/v': reference_render_output '/nothing' is not a "
                  "RenderOutput"),
        std::string::npos);
    EXPECT_NE(errorOf("\nRenderOutput(\"/w\") { result = \"weight\" }\n"
                      "RenderOutput(\"/v\") { result = 10, reference_render_output = \"/w\" }\n")
                  .find("scene.rdla:7: RenderOutput '/v': reference_render_output '/w' has no "
                        "per-sample variance"),
              std::string::npos);
    EXPECT_NE(errorOf("\nRenderOutput(\"/d\") { result = \"state variable\", state_variable = "
                      "\"depth\", math_filter = \"min\" }\n"
                      "RenderOutput(\"/v\") { result = 10, reference_render_output = \"/d\" }\n")
                  .find("has no per-sample variance"),
              std::string::npos);
    EXPECT_NE(errorOf("\nRenderOutput(\"/x\") { result = 9, visibility_aov = \"C<RD\" }\n")
                  .find("scene.rdla:6: "),
              std::string::npos);
}

TEST(RenderOutputs, EveryExrCodecAndItsLevels) {
    const Scene scene = load(R"(
RenderOutput("/a") { compression = "dwaa", exr_dwa_compression_level = 100, file_name = "a.exr" }
RenderOutput("/b") { result = "alpha", compression = "zips", exr_zip_compression_level = 9, file_name = "b.exr" }
RenderOutput("/c") { result = "depth", compression = 5, file_name = "c.exr" }
)");
    ASSERT_EQ(scene.outputs.size(), 3u);
    EXPECT_EQ(scene.outputs[0].compression, Compression::Dwaa);
    EXPECT_FLOAT_EQ(scene.outputs[0].dwaLevel, 100.0f);
    EXPECT_EQ(scene.outputs[1].compression, Compression::Zips);
    EXPECT_EQ(scene.outputs[1].zipLevel, 9);
    EXPECT_EQ(scene.outputs[2].compression, Compression::Pxr24);
    EXPECT_NE(errorOf("\nRenderOutput(\"/z\") { exr_zip_compression_level = 12 }\n")
                  .find("exr_zip_compression_level must be between 1 and 9"),
              std::string::npos);
}

TEST(RenderOutputs, AttributesAtValuesThatAskForNothingAreAccepted) {
    const Scene scene = load(R"(
RenderOutput("/beauty") { result = "beauty", denoise = false }
)");
    EXPECT_EQ(scene.outputs.size(), 1u);
}

TEST(RenderOutputs, IgnoringUnsupportedOutputsDropsThemWithAWarning) {
    const int warnings = log::warningCount();
    const Scene scene = load(R"(
RenderOutput("/beauty") { result = "beauty", math_filter = "max" }
RenderOutput("/c") { result = "display filter" }
)",
                             true);
    EXPECT_EQ(log::warningCount(), warnings + 2);
    ASSERT_EQ(scene.outputs.size(), 1u);
    EXPECT_EQ(scene.outputs[0].mathFilter, MathFilter::Average);
}

TEST(RenderOutputs, CryptomatteDepthAndLayerName) {
    const Scene scene = load(R"(
RenderOutput("/c") { result = "cryptomatte", cryptomatte_depth = 3, channel_name = "CryptoAsset" }
RenderOutput("/d") { result = "cryptomatte", file_name = "d.exr",
                     cryptomatte_support_resume_render = true }
)");
    ASSERT_EQ(scene.outputs.size(), 2u);
    EXPECT_EQ(scene.outputs[0].result, OutputResult::Cryptomatte);
    EXPECT_EQ(scene.outputs[0].cryptomatteDepth, 3);
    EXPECT_EQ(scene.outputs[0].channelName, "CryptoAsset");
    EXPECT_EQ(scene.outputs[1].cryptomatteDepth, 6);  // MoonRay's default
    EXPECT_NE(
        errorOf("\nRenderOutput(\"/c\") { result = \"cryptomatte\", cryptomatte_depth = 17 }\n")
            .find("cryptomatte_depth must be between 1 and 16"),
        std::string::npos);
}

TEST(RenderOutputs, BadLightPathExpressionsNameTheCharacter) {
    const std::string error = errorOf(R"(
RenderOutput("/l") { result = "light aov", lpe = "C<RD" }
)");
    EXPECT_NE(error.find("scene.rdla:6: RenderOutput '/l': light path expression 'C<RD', at "
                         "character 5: missing '>'"),
              std::string::npos)
        << error;
    EXPECT_NE(errorOf("\nRenderOutput(\"/l\") { result = \"light aov\" }\n").find("needs an lpe"),
              std::string::npos);
}

}  // namespace
}  // namespace rt

namespace rt {
namespace {

TEST(MoonRayNames, SpacedAliasesAndEnumNamesOfSceneVariables) {
    test::SceneDir dir;
    const std::string file = dir.write("scene.rdla", R"(
SceneVariables { ["image width"] = 64, ["image height"] = 32, ["pixel samples"] = 3,
                 ["max depth"] = 4, deep_format = "openexr2.0", batch_tile_order = "spiral square",
                 pixel_filter = "cubic b-spline" }
PerspectiveCamera("/cam") { ["node xform"] = translate(1, 2, 3), ["film width aperture"] = 30 }
DwaBaseMaterial("/mtl") { ["diffuse color"] = Rgb(0.1, 0.2, 0.3) }
BoxGeometry("/box") {}
Layer("/layer") { {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl")} }
)");
    const int warnings = log::warningCount();
    const Scene scene = test::loadFiles({file});
    EXPECT_EQ(log::warningCount(), warnings);
    EXPECT_EQ(scene.vars.imageWidth, 64);
    EXPECT_EQ(scene.vars.imageHeight, 32);
    EXPECT_EQ(scene.vars.pixelSamples, 3);
    EXPECT_EQ(scene.vars.maxDepth, 4);
    EXPECT_EQ(scene.vars.extra.at("deep_format"), "0");
    EXPECT_EQ(scene.vars.extra.at("batch_tile_order"), "6");
    EXPECT_EQ(scene.vars.extra.at("pixel_filter"), "1");
    EXPECT_FLOAT_EQ(scene.camera.nodeXform[3][1], 2.0f);
    EXPECT_FLOAT_EQ(scene.camera.filmWidthAperture, 30.0f);
    EXPECT_FLOAT_EQ(scene.materials[0].diffuseColor.y, 0.2f);
}

}  // namespace
}  // namespace rt

namespace rt {
namespace {

TEST(HeaderAttributes, MetadataObjectsFeedOutputsAndSceneVariables) {
    const Scene scene = load(R"(
Metadata("/shot") { {"shot", "string", "sq010"}, {"take", "int", 3}, {"fps", "float", "24"} }
SceneVariables { exr_header_attributes = Metadata("/shot") }
RenderOutput("/beauty") { exr_header_attributes = Metadata("/shot") }
)");
    ASSERT_EQ(scene.exrHeaderAttributes.size(), 3u);
    EXPECT_EQ(scene.exrHeaderAttributes[1].name, "take");
    EXPECT_EQ(scene.exrHeaderAttributes[1].type, "int");
    EXPECT_EQ(scene.exrHeaderAttributes[1].value, "3");
    ASSERT_EQ(scene.outputs.size(), 1u);
    EXPECT_EQ(scene.outputs[0].headerAttributes.size(), 3u);
}

TEST(HeaderAttributes, BadEntriesAreSceneErrorsAtTheirLine) {
    const struct {
        const char* entry;
        const char* expected;
    } cases[] = {
        {R"({"x", "v3f", "1 2 3"})", "Metadata '/m' attribute 'x': type 'v3f' is not supported"},
        {R"({"x", "int", "many"})", "'many' is not an int"},
        {R"({"compression", "string", "zip"})", "'compression': the name is set by the EXR writer"},
        {R"({"x", "int"})", "expected {\"name\", \"type\", \"value\"}"},
    };
    for (const auto& c : cases) {
        const std::string error =
            errorOf(std::string("\nMetadata(\"/m\") { ") + c.entry +
                    " }\nRenderOutput(\"/beauty\") { exr_header_attributes = Metadata(\"/m\") }\n");
        EXPECT_NE(error.find("scene.rdla:6: "), std::string::npos) << c.entry << "\n" << error;
        EXPECT_NE(error.find(c.expected), std::string::npos) << c.entry << "\n" << error;
    }
}

}  // namespace
}  // namespace rt
