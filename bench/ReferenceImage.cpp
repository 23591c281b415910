#include "ReferenceImage.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/Error.h"
#include "core/Log.h"
#include "io/ExrFile.h"
#include "session/RenderSession.h"

namespace rt {
namespace {

// Far from the test renders' seed (the scene's, 0 by default), so that the reference
// and the renders measured against it share no samples.
constexpr uint32_t kHalfSeeds[2] = {7919, 104729};
const char* const kChannels[3] = {"R", "G", "B"};

// What the cached file must have been rendered from: the scene text and the settings
// that change the image. A change in the renderer's code is not detected: delete the
// cache folder after changing how images are computed.
std::string sceneKey(const Scene& scene, uint32_t samplesPerPixel) {
    std::ifstream in(scene.sourcePath, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const size_t hash = std::hash<std::string>{}(text.str());
    char key[160];
    std::snprintf(key, sizeof key, "%zx/%dx%d/depth%d/spp%u/seeds%u,%u", hash,
                  scene.vars.renderWidth(), scene.vars.renderHeight(), scene.vars.maxDepth,
                  samplesPerPixel, kHalfSeeds[0], kHalfSeeds[1]);
    return key;
}

std::string channelName(int half, int c) {
    return "half" + std::to_string(half) + "." + kChannels[c];
}

bool readCache(const std::string& path, const std::string& key, ReferenceImage& ref) {
    ImageBuffer image;
    Metadata metadata;
    std::string error;
    if (!std::filesystem::exists(path) || !readExr(path, image, metadata, error)) return false;
    if (metadata.get<std::string>("referenceKey") != key) return false;
    ref.width = image.width;
    ref.height = image.height;
    for (int h = 0; h < 2; ++h) {
        ref.halves[h].assign(image.pixelCount(), Color(0.0f));
        for (int c = 0; c < 3; ++c) {
            const ImageChannel* channel = image.find(channelName(h, c));
            if (channel == nullptr || !channel->isFloat()) return false;
            for (size_t i = 0; i < image.pixelCount(); ++i) {
                ref.halves[h][i][c] = channel->floats[i];
            }
        }
    }
    ref.renderSeconds = metadata.get<double>("renderSeconds").value_or(0.0);
    return true;
}

void writeCache(const std::string& path, const std::string& key, const ReferenceImage& ref) {
    ImageBuffer image(ref.width, ref.height);
    for (int h = 0; h < 2; ++h) {
        for (int c = 0; c < 3; ++c) {
            ImageChannel& channel = image.addChannel(channelName(h, c), PixelType::Float);
            for (size_t i = 0; i < image.pixelCount(); ++i) {
                channel.floats[i] = ref.halves[h][i][c];
            }
        }
    }
    Metadata metadata;
    metadata.set("referenceKey", key);
    metadata.set("renderSeconds", ref.renderSeconds);
    std::string error;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    if (!writeExr(path, image, metadata, ExrWriteOptions{}, error)) log::warning(error);
}

std::vector<Color> renderHalf(Scene scene, uint32_t seed, int threads, double& seconds) {
    scene.vars.seed = seed;
    // Uniform whatever the scene says. (insert_or_assign: GCC 12 warns falsely, -Wrestrict,
    // on operator[] assigned a literal here.)
    scene.vars.extra.insert_or_assign("sampling_mode", std::string("0"));
    RenderOptions options;
    options.threads = threads;
    RenderSession session(scene, options);
    session.render();
    seconds += session.stats().renderSeconds;
    const Film& film = session.film();
    std::vector<Color> pixels;
    pixels.reserve(film.pixelCount());
    for (int y = 0; y < film.height(); ++y) {
        for (int x = 0; x < film.width(); ++x) pixels.push_back(film.beauty(x, y));
    }
    return pixels;
}

}  // namespace

ReferenceImage loadOrRenderReference(const Scene& scene, const std::string& name,
                                     uint32_t samplesPerPixel, const std::string& cacheDir,
                                     int threads) {
    const int root = static_cast<int>(std::lround(std::sqrt(samplesPerPixel / 2.0)));
    RT_CHECK(static_cast<uint32_t>(2 * root * root) == samplesPerPixel);
    const std::string key = sceneKey(scene, samplesPerPixel);
    const std::string path =
        cacheDir + "/" + name + "_" + std::to_string(scene.vars.renderWidth()) + "x" +
        std::to_string(scene.vars.renderHeight()) + "_" + std::to_string(samplesPerPixel) + ".exr";
    ReferenceImage ref;
    ref.samplesPerPixel = samplesPerPixel;
    if (readCache(path, key, ref)) {
        ref.fromCache = true;
    } else {
        Scene half = scene;
        half.vars.pixelSamples = root;
        ref.width = scene.vars.renderWidth();
        ref.height = scene.vars.renderHeight();
        for (int h = 0; h < 2; ++h) {
            ref.halves[h] = renderHalf(half, kHalfSeeds[h], threads, ref.renderSeconds);
        }
        writeCache(path, key, ref);
    }
    ref.mean.resize(ref.halves[0].size());
    for (size_t i = 0; i < ref.mean.size(); ++i) {
        ref.mean[i] = 0.5f * (ref.halves[0][i] + ref.halves[1][i]);
    }
    return ref;
}

}  // namespace rt
