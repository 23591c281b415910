// Cryptomatte end to end (doc/OUTPUT.md, "Cryptomatte"): the file decodes the way the
// specification's decoders read it. Ids are looked up by name in the manifest of the
// header, coverages of a pixel sum to its alpha, a pixel inside an object is that object
// alone, and the manifest's ids are the names' MurmurHash3 ids.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "ExrFiles.h"
#include "RunCommand.h"
#include "film/Cryptomatte.h"

namespace rt {
namespace {

namespace fs = std::filesystem;
using test::freshDir;
using test::readFile;
using test::runRenderer;
using test::scenePath;

const std::vector<float>& floats(const test::Exr& exr, const std::string& name) {
    const ImageChannel* c = exr.image.find(name);
    if (!c) ADD_FAILURE() << "no channel " << name;
    static const std::vector<float> none;
    return c ? c->floats : none;
}

// The layer's metadata key, found the way a decoder does: by its `name` entry.
std::string keyOfLayer(const test::Exr& exr, const std::string& layer) {
    for (const Metadata::Entry& e : exr.metadata) {
        const std::string& n = e.name;
        if (n.starts_with("cryptomatte/") && n.ends_with("/name") &&
            std::get<std::string>(e.value) == layer) {
            return n.substr(12, n.size() - 12 - 5);
        }
    }
    ADD_FAILURE() << "no cryptomatte/<key>/name = " << layer;
    return "";
}

// name -> id bits, from the JSON manifest.
std::map<std::string, uint32_t> manifestOf(const test::Exr& exr, const std::string& key) {
    const std::string prefix = "cryptomatte/" + key + "/";
    EXPECT_EQ(test::textOf(exr, (prefix + "hash").c_str()), "MurmurHash3_32");
    EXPECT_EQ(test::textOf(exr, (prefix + "conversion").c_str()), "uint32_to_float32");
    std::map<std::string, uint32_t> ids;
    const auto manifest = nlohmann::json::parse(test::textOf(exr, (prefix + "manifest").c_str()));
    for (const auto& [name, hex] : manifest.items())
        ids[name] = static_cast<uint32_t>(std::stoul(hex.get<std::string>(), nullptr, 16));
    return ids;
}

struct Rank {
    uint32_t id;
    float coverage;
};

// The ranks of pixel i of layer `layer` with `depth` ranks.
std::vector<Rank> ranksAt(const test::Exr& exr, const std::string& layer, int depth, size_t i) {
    std::vector<Rank> ranks;
    for (int r = 0; r < depth; ++r) {
        const std::string base = layer + (r / 2 < 10 ? "0" : "") + std::to_string(r / 2) + ".";
        const char* idChannel = r % 2 == 0 ? "R" : "B";
        const char* coverageChannel = r % 2 == 0 ? "G" : "A";
        ranks.push_back({std::bit_cast<uint32_t>(floats(exr, base + idChannel)[i]),
                         floats(exr, base + coverageChannel)[i]});
    }
    return ranks;
}

TEST(Cryptomatte, CoveragesSumToAlphaAndEveryIdIsInTheManifest) {
    const fs::path dir = freshDir("cryptomatte_glass");
    const std::string outputs = test::writeFile(dir / "crypto.rdla", R"(
RenderOutput("/beauty") { file_name = "out.exr", channel_format = "float" }
RenderOutput("/alpha") { result = "alpha", file_name = "out.exr", channel_format = "float" }
RenderOutput("/crypto") { result = "cryptomatte", file_name = "out.exr" }
)");
    const test::CommandResult r =
        runRenderer("-in " + scenePath("glossy_glass.rdla") + " -in " + outputs +
                        " -size 48 36 -scene_var pixel_samples 3",
                    dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const test::Exr exr = readFile(dir / "out.exr");
    const std::map<std::string, uint32_t> manifest =
        manifestOf(exr, keyOfLayer(exr, "CryptoObject"));
    const std::vector<std::string> names = {"/floor", "/gold_sphere", "/glass_sphere", "/torus",
                                            "/box"};
    ASSERT_EQ(manifest.size(), names.size());
    std::map<uint32_t, std::string> byId;
    for (const std::string& name : names) {
        ASSERT_EQ(manifest.count(name), 1u) << name;
        EXPECT_EQ(manifest.at(name), cryptomatteId(name)) << name;
        byId[manifest.at(name)] = name;
    }
    const std::vector<float>& alpha = floats(exr, "A");
    std::map<std::string, double> area;
    size_t partial = 0;
    for (size_t i = 0; i < alpha.size(); ++i) {
        const std::vector<Rank> ranks = ranksAt(exr, "CryptoObject", 6, i);
        double sum = 0.0;
        for (size_t k = 0; k < ranks.size(); ++k) {
            if (ranks[k].id == 0) {
                EXPECT_EQ(ranks[k].coverage, 0.0f);
                continue;
            }
            ASSERT_EQ(byId.count(ranks[k].id), 1u) << "pixel " << i << " rank " << k;
            if (k > 0) {
                EXPECT_LE(ranks[k].coverage, ranks[k - 1].coverage);
            }
            sum += ranks[k].coverage;
            area[byId[ranks[k].id]] += ranks[k].coverage;
        }
        EXPECT_NEAR(sum, alpha[i], 1e-6) << "pixel " << i;
        if (alpha[i] > 0.0f && ranks[0].coverage < alpha[i]) ++partial;
    }
    // Every object shows (the box mostly hides behind the gold sphere).
    for (const std::string& name : names) EXPECT_GT(area[name], 0.1) << name << " is not seen";
    EXPECT_GT(partial, 20u);  // edges between objects split their pixels
}

TEST(Cryptomatte, APixelInsideAnObjectIsThatObjectAlone) {
    const fs::path dir = freshDir("cryptomatte_wall");
    // A sphere at distance 3 in front of a wall filling the frame; the layer names
    // DepthTwo with two ranks in one RGBA layer.
    const std::string scene = test::writeFile(dir / "wall.rdla", R"(
SceneVariables { image_width = 16, image_height = 12, pixel_samples = 3,
                 camera = PerspectiveCamera("/cam"), layer = Layer("/layer") }
PerspectiveCamera("/cam") { focal = 35, film_width_aperture = 35 }
DwaBaseMaterial("/grey") { diffuse_color = Rgb(0.5, 0.5, 0.5) }
BoxGeometry("/wall") { size = Vec3(100, 100, 1), node_xform = translate(0, 0, -5.5) }
SphereGeometry("/ball") { radius = 0.5, node_xform = translate(0, 0, -3) }
DistantLight("/sun") {}
Layer("/layer") { {BoxGeometry("/wall"), "", DwaBaseMaterial("/grey")},
                  {SphereGeometry("/ball"), "", DwaBaseMaterial("/grey")} }
RenderOutput("/crypto") { result = "cryptomatte", cryptomatte_depth = 2, channel_name = "DepthTwo",
                          file_name = "out.exr" }
)");
    const test::CommandResult r = runRenderer("-in " + scene, dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const test::Exr exr = readFile(dir / "out.exr");
    EXPECT_EQ(exr.image.channels.size(), 4u);  // DepthTwo00.RGBA
    const std::map<std::string, uint32_t> manifest = manifestOf(exr, keyOfLayer(exr, "DepthTwo"));
    auto at = [&](int x, int y) { return ranksAt(exr, "DepthTwo", 2, y * 16 + x); };
    for (auto [x, y] : {std::pair{7, 5}, {8, 6}}) {  // the middle: the ball
        EXPECT_EQ(at(x, y)[0].id, manifest.at("/ball"));
        EXPECT_EQ(at(x, y)[0].coverage, 1.0f);
        EXPECT_EQ(at(x, y)[1].id, 0u);
    }
    for (auto [x, y] : {std::pair{0, 0}, {15, 11}, {2, 6}}) {  // away from it: the wall
        EXPECT_EQ(at(x, y)[0].id, manifest.at("/wall"));
        EXPECT_EQ(at(x, y)[0].coverage, 1.0f);
    }
    // The ball's outline: pixels shared by the two, each with its part.
    size_t shared = 0;
    for (int y = 0; y < 12; ++y) {
        for (int x = 0; x < 16; ++x) {
            if (at(x, y)[1].id == 0) continue;
            ++shared;
            EXPECT_FLOAT_EQ(at(x, y)[0].coverage + at(x, y)[1].coverage, 1.0f);
        }
    }
    EXPECT_GT(shared, 8u);
}

}  // namespace
}  // namespace rt
