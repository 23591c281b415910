// The hook scripts shipped in lua/ (doc/HOOK_SCRIPTS.md), run as the renderer runs
// checkpoint_post_script: a hand-made `checkpoint` table naming real EXR files.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/RgbImage.h"
#include "io/ExrFile.h"
#include "io/ImageReader.h"
#include "lua/CheckpointTable.h"
#include "lua/HookScript.h"
#include "lua/ScriptValue.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

namespace fs = std::filesystem;
using test::exists;
using test::readBytes;
using test::TempDir;

const std::string kPreview = RT_SOURCE_DIR "/lua/preview.lua";
const std::string kArchive = RT_SOURCE_DIR "/lua/archive.lua";
const std::string kStatsDb = RT_SOURCE_DIR "/lua/stats_db.lua";
const std::string kPlayblast = RT_SOURCE_DIR "/lua/playblast.lua";
const std::string kChain = RT_SOURCE_DIR "/lua/chain.lua";

// Sets the scripts' environment variables for one test and restores them afterwards.
// Every variable the scripts read starts unset, so the caller's shell cannot leak in.
class ScriptEnv {
  public:
    ScriptEnv() {
        for (const char* name : kNames) {
            const char* value = std::getenv(name);
            if (value) m_saved[name] = value;
            ::unsetenv(name);
        }
    }
    ~ScriptEnv() {
        for (const char* name : kNames) {
            const auto it = m_saved.find(name);
            if (it == m_saved.end()) {
                ::unsetenv(name);
            } else {
                ::setenv(name, it->second.c_str(), 1);
            }
        }
    }
    ScriptEnv(const ScriptEnv&) = delete;
    ScriptEnv& operator=(const ScriptEnv&) = delete;

    void set(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }
    void unset(const char* name) { ::unsetenv(name); }

  private:
    static constexpr const char* kNames[] = {
        "RT_PREVIEW_DIR",    "RT_PREVIEW_SIZE",   "RT_PREVIEW_EXPOSURE", "RT_ARCHIVE_DIR",
        "RT_STATS_DB",       "RT_STATS_BUSY_MS",  "RT_PLAYBLAST_DIR",    "RT_PLAYBLAST_NAME",
        "RT_PLAYBLAST_SIZE", "RT_ARCHIVE_LAYOUT", "RT_HOOK_CHAIN"};
    std::map<std::string, std::string> m_saved;
};

// A checkpoint-like EXR: uniform grey beauty plus one UINT state channel.
void writeTestExr(const std::string& path, int width, int height, float grey = 0.25f) {
    ImageBuffer image(width, height);
    for (const char* name : {"R", "G", "B"}) {
        ImageChannel& channel = image.addChannel(name, PixelType::Half);
        channel.floats.assign(image.pixelCount(), grey);
    }
    image.addChannel("A", PixelType::Half).floats.assign(image.pixelCount(), 1.0f);
    image.addChannel("resume.sampleCount", PixelType::Uint).uints.assign(image.pixelCount(), 4u);
    Metadata metadata;
    metadata.set("renderId", "3f2a9c0b1e");
    std::string error;
    ASSERT_TRUE(writeExr(path, image, metadata, ExrWriteOptions{}, error)) << error;
}

struct Checkpoint {
    std::vector<std::string> files;
    std::vector<std::string> outputs;
    int serial = 3;
    std::string reason = "checkpoint";
    bool resumable = true;
    std::string renderId = "3f2a9c0b1e";
    std::string host = "farm-017";
    double frame = 1.0;
};

// The table the renderer builds (CheckpointEvent.h), every field present.
ScriptValue checkpointValue(const Checkpoint& c) {
    return ScriptValue::table({
        {"tileSampleTotal", 256},
        {"filename", c.files},
        {"multiVersionFilename", ScriptValue::array()},
        {"spp", ScriptValue::table({{"min", 2}, {"mean", 4.5}, {"max", 16}})},
        {"elapsed", 12.5},
        {"reason", c.reason},
        {"progress", 0.25},
        {"frame", c.frame},
        {"signalInterruption", false},
        {"serial", c.serial},
        {"signal", ""},
        {"outputs", c.outputs},
        {"error", 0.0625},
        {"host", c.host},
        {"renderId", c.renderId},
        {"resumable", c.resumable},
    });
}

HookResult runScript(const std::string& script, const Checkpoint& c) {
    return runHookScript(script, "checkpoint", checkpointValue(c));
}

RgbImage readPreview(const std::string& path) {
    RgbImage image;
    std::string error;
    EXPECT_TRUE(readRgbImage(path, image, error)) << error;
    return image;
}

double meanGreen(const RgbImage& image) {
    double sum = 0.0;
    for (const Color& c : image.pixels) sum += c.y;  // Imath Color3: x, y, z are R, G, B
    return image.pixels.empty() ? 0.0 : sum / static_cast<double>(image.pixels.size());
}

// Names in a folder that are temporary files: .part from the renderer, .tmp from Lua.
std::vector<std::string> leftovers(const fs::path& dir) {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".part") || name.ends_with(".tmp")) found.push_back(name);
    }
    return found;
}

// ---------------------------------------------------------------------------------------
// preview.lua

TEST(PreviewScript, WritesANumberedJpegAndTheLatestCopy) {
    TempDir dir;
    ScriptEnv env;
    env.set("RT_PREVIEW_SIZE", "48");
    writeTestExr(dir.file("checkpoint.exr"), 96, 64);

    const HookResult run = runScript(kPreview, {.files = {dir.file("checkpoint.exr")}});
    ASSERT_TRUE(run.ok) << run.error;

    const std::string preview = dir.file("checkpoint.00003.jpg");
    const std::string latest = dir.file("checkpoint.latest.jpg");
    ASSERT_TRUE(exists(preview));
    ASSERT_TRUE(exists(latest));
    EXPECT_EQ(readBytes(latest), readBytes(preview));
    const RgbImage image = readPreview(preview);
    EXPECT_EQ(image.width, 48);
    EXPECT_EQ(image.height, 32);
    EXPECT_NEAR(meanGreen(image), 0.25, 0.03);    // linear grey survives sRGB and JPEG
    EXPECT_EQ(test::entryCount(dir.path()), 3u);  // the EXR and two JPEGs, no .part
}

TEST(PreviewScript, EverySerialOfARenderHasTheSameEvenSize) {
    TempDir dir;
    ScriptEnv env;
    env.set("RT_PREVIEW_SIZE", "50");
    writeTestExr(dir.file("checkpoint.exr"), 101, 67);  // scaled: 50 x 33.2, odd

    std::optional<std::pair<int, int>> size;
    for (int serial : {1, 2, 10}) {
        const HookResult run =
            runScript(kPreview, {.files = {dir.file("checkpoint.exr")}, .serial = serial});
        ASSERT_TRUE(run.ok) << run.error;
        char name[64];
        std::snprintf(name, sizeof name, "checkpoint.%05d.jpg", serial);
        ASSERT_TRUE(exists(dir.file(name))) << name;
        const RgbImage image = readPreview(dir.file(name));
        EXPECT_EQ(image.width % 2, 0);
        EXPECT_EQ(image.height % 2, 0);
        EXPECT_LE(image.width, 50);
        EXPECT_GE(image.width, 48);
        if (!size) size = std::pair(image.width, image.height);
        EXPECT_EQ(std::pair(image.width, image.height), *size) << name;
    }
    EXPECT_EQ(readBytes(dir.file("checkpoint.latest.jpg")),
              readBytes(dir.file("checkpoint.00010.jpg")));
}

TEST(PreviewScript, FinalSetWithoutCheckpointFilesUsesTheFirstExrOutput) {
    TempDir dir;
    ScriptEnv env;
    fs::create_directories(dir.path() / "review");
    env.set("RT_PREVIEW_DIR", dir.file("review"));
    env.set("RT_PREVIEW_SIZE", "32");
    env.set("RT_PREVIEW_EXPOSURE", "1");
    writeTestExr(dir.file("beauty.exr"), 64, 32);

    const HookResult run =
        runScript(kPreview, {.outputs = {dir.file("notes.txt"), dir.file("beauty.exr")},
                             .serial = 12,
                             .reason = "final"});
    ASSERT_TRUE(run.ok) << run.error;
    const std::string preview = dir.file("review/beauty.00012.jpg");
    ASSERT_TRUE(exists(preview));
    EXPECT_TRUE(exists(dir.file("review/beauty.latest.jpg")));
    const RgbImage image = readPreview(preview);
    EXPECT_EQ(image.width, 32);
    EXPECT_EQ(image.height, 16);
    EXPECT_NEAR(meanGreen(image), 0.5, 0.05);  // one stop up
}

TEST(PreviewScript, FailuresAreReportedAndLeaveNoFiles) {
    TempDir dir;
    ScriptEnv env;
    writeTestExr(dir.file("checkpoint.exr"), 32, 32);
    const Checkpoint good{.files = {dir.file("checkpoint.exr")}};

    env.set("RT_PREVIEW_SIZE", "big");
    HookResult run = runScript(kPreview, good);
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("RT_PREVIEW_SIZE must be a whole number"), std::string::npos)
        << run.error;
    env.unset("RT_PREVIEW_SIZE");

    env.set("RT_PREVIEW_EXPOSURE", "bright");
    run = runScript(kPreview, good);
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("RT_PREVIEW_EXPOSURE"), std::string::npos) << run.error;
    env.unset("RT_PREVIEW_EXPOSURE");

    env.set("RT_PREVIEW_DIR", dir.file("missing"));
    run = runScript(kPreview, good);
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("does not exist (RT_PREVIEW_DIR)"), std::string::npos) << run.error;
    env.unset("RT_PREVIEW_DIR");

    run = runScript(kPreview, {.outputs = {dir.file("frame.png")}, .reason = "final"});
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("no checkpoint file and no EXR output"), std::string::npos)
        << run.error;

    run = runScript(kPreview, {.files = {dir.file("gone.exr")}});
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("cannot write"), std::string::npos) << run.error;
    EXPECT_NE(run.error.find("gone.exr"), std::string::npos) << run.error;

    EXPECT_EQ(test::entryCount(dir.path()), 1u);  // only the EXR: no JPEG, no .part
}

// ---------------------------------------------------------------------------------------
// playblast.lua

TEST(PlayblastScript, OneJpegPerFrameRewrittenAsTheFrameRefines) {
    TempDir dir;
    ScriptEnv env;
    fs::create_directories(dir.path() / "review");
    env.set("RT_PLAYBLAST_DIR", dir.file("review"));
    env.set("RT_PLAYBLAST_SIZE", "32");
    writeTestExr(dir.file("cp.0012.exr"), 64, 32, 0.25f);
    ASSERT_TRUE(runScript(kPlayblast, {.files = {dir.file("cp.0012.exr")}, .frame = 12}).ok);
    const std::string jpeg = dir.file("review/playblast.0012.jpg");
    ASSERT_TRUE(exists(jpeg));
    EXPECT_NEAR(meanGreen(readPreview(jpeg)), 0.25, 0.03);
    // The frame refines: the same file shows the newer image; another frame, its own.
    writeTestExr(dir.file("cp.0012.exr"), 64, 32, 0.5f);
    ASSERT_TRUE(
        runScript(kPlayblast, {.files = {dir.file("cp.0012.exr")}, .serial = 4, .frame = 12}).ok);
    EXPECT_NEAR(meanGreen(readPreview(jpeg)), 0.5, 0.05);
    env.set("RT_PLAYBLAST_NAME", "shot010");
    writeTestExr(dir.file("final.exr"), 64, 32);
    ASSERT_TRUE(
        runScript(kPlayblast, {.outputs = {dir.file("final.exr")}, .reason = "final", .frame = 7})
            .ok);
    EXPECT_TRUE(exists(dir.file("review/shot010.0007.jpg")));
    const RgbImage image = readPreview(dir.file("review/shot010.0007.jpg"));
    EXPECT_EQ(image.width, 32);
    EXPECT_EQ(image.height, 16);
    EXPECT_EQ(test::entryCount(dir.file("review")), 2u);
}

TEST(PlayblastScript, FailuresNameTheProblem) {
    TempDir dir;
    ScriptEnv env;
    writeTestExr(dir.file("cp.exr"), 16, 16);
    const Checkpoint ok{.files = {dir.file("cp.exr")}};
    env.set("RT_PLAYBLAST_DIR", dir.file("missing"));
    HookResult run = runScript(kPlayblast, ok);
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("does not exist (RT_PLAYBLAST_DIR)"), std::string::npos) << run.error;
    env.unset("RT_PLAYBLAST_DIR");
    env.set("RT_PLAYBLAST_NAME", "a/b");
    run = runScript(kPlayblast, ok);
    EXPECT_NE(run.error.find("RT_PLAYBLAST_NAME must be a file name"), std::string::npos)
        << run.error;
    env.unset("RT_PLAYBLAST_NAME");
    Checkpoint fractional = ok;
    fractional.frame = 2.5;
    run = runScript(kPlayblast, fractional);
    EXPECT_NE(run.error.find("not a whole frame number"), std::string::npos) << run.error;
    run = runScript(kPlayblast, {});
    EXPECT_NE(run.error.find("no checkpoint file and no EXR output"), std::string::npos)
        << run.error;
    EXPECT_TRUE(leftovers(dir.path()).empty());
}

// ---------------------------------------------------------------------------------------
// archive.lua

TEST(ArchiveScript, CopiesTheSetIntoAFolderPerRenderWithAManifest) {
    TempDir dir;
    ScriptEnv env;
    fs::create_directories(dir.path() / "archive");
    env.set("RT_ARCHIVE_DIR", dir.file("archive"));
    fs::create_directories(dir.path() / "render");
    const std::string beauty = dir.file("render/checkpoint.exr");
    const std::string aovs = dir.file("render/aovs_cp.exr");
    writeTestExr(beauty, 32, 16);
    writeTestExr(aovs, 16, 16, 0.5f);

    const HookResult run = runScript(kArchive, {.files = {beauty, aovs}, .serial = 7});
    ASSERT_TRUE(run.ok) << run.error;

    const fs::path folder = dir.path() / "archive" / "3f2a9c0b1e";
    EXPECT_EQ(readBytes((folder / "checkpoint.exr").string()), readBytes(beauty));
    EXPECT_EQ(readBytes((folder / "aovs_cp.exr").string()), readBytes(aovs));
    const std::string manifest = readBytes((folder / "manifest.txt").string());
    for (const char* line :
         {"render_id = 3f2a9c0b1e\n", "serial = 7\n", "reason = checkpoint\n", "elapsed = 12.500\n",
          "spp_min = 2\n", "spp_mean = 4.500\n", "spp_max = 16\n", "host = farm-017\n",
          "file = checkpoint.exr\nfile = aovs_cp.exr\n"}) {
        EXPECT_NE(manifest.find(line), std::string::npos) << line << " in\n" << manifest;
    }
    EXPECT_EQ(test::entryCount(folder), 3u);
    EXPECT_TRUE(leftovers(dir.path()).empty());

    // The next set of the same render replaces the files and the manifest.
    writeTestExr(beauty, 32, 16, 0.75f);
    const HookResult next = runScript(kArchive, {.files = {beauty, aovs}, .serial = 8});
    ASSERT_TRUE(next.ok) << next.error;
    EXPECT_EQ(readBytes((folder / "checkpoint.exr").string()), readBytes(beauty));
    EXPECT_NE(readBytes((folder / "manifest.txt").string()).find("serial = 8\n"),
              std::string::npos);
    EXPECT_EQ(test::entryCount(folder), 3u);

    // Another render gets its own folder; an id that is not a plain name is made one.
    const HookResult other = runScript(kArchive, {.files = {beauty}, .renderId = "../it's mine"});
    ASSERT_TRUE(other.ok) << other.error;
    EXPECT_TRUE(exists(dir.file("archive/.._it_s_mine/checkpoint.exr")));
    EXPECT_EQ(test::entryCount(dir.path() / "archive"), 2u);
    EXPECT_TRUE(leftovers(dir.path()).empty());
}

TEST(ArchiveScript, ResumableFinalSetWithoutCheckpointFilesCopiesTheOutputs) {
    TempDir dir;
    ScriptEnv env;
    fs::create_directories(dir.path() / "archive");
    env.set("RT_ARCHIVE_DIR", dir.file("archive"));
    writeTestExr(dir.file("frame.exr"), 16, 16);

    const HookResult run = runScript(
        kArchive, {.outputs = {dir.file("frame.exr")}, .reason = "final", .resumable = true});
    ASSERT_TRUE(run.ok) << run.error;
    EXPECT_EQ(readBytes(dir.file("archive/3f2a9c0b1e/frame.exr")),
              readBytes(dir.file("frame.exr")));
    EXPECT_NE(readBytes(dir.file("archive/3f2a9c0b1e/manifest.txt")).find("reason = final\n"),
              std::string::npos);
}

TEST(ArchiveScript, SkipsSetsWithoutResumeState) {
    TempDir dir;
    ScriptEnv env;
    fs::create_directories(dir.path() / "archive");
    env.set("RT_ARCHIVE_DIR", dir.file("archive"));
    writeTestExr(dir.file("frame.exr"), 16, 16);

    const HookResult run = runScript(
        kArchive, {.outputs = {dir.file("frame.exr")}, .reason = "final", .resumable = false});
    ASSERT_TRUE(run.ok) << run.error;
    EXPECT_EQ(test::entryCount(dir.path() / "archive"), 0u);
}

TEST(ArchiveScript, RefusesAMissingArchiveFolder) {
    TempDir dir;
    ScriptEnv env;
    writeTestExr(dir.file("checkpoint.exr"), 16, 16);
    const Checkpoint set{.files = {dir.file("checkpoint.exr")}};

    HookResult run = runScript(kArchive, set);
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("RT_ARCHIVE_DIR is not set"), std::string::npos) << run.error;

    env.set("RT_ARCHIVE_DIR", dir.file("nowhere"));
    run = runScript(kArchive, set);
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("RT_ARCHIVE_DIR '" + dir.file("nowhere") + "' does not exist"),
              std::string::npos)
        << run.error;

    env.set("RT_ARCHIVE_DIR", dir.file("checkpoint.exr"));
    run = runScript(kArchive, set);
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("is not a directory"), std::string::npos) << run.error;
    EXPECT_EQ(test::entryCount(dir.path()), 1u);
}

TEST(ArchiveScript, AFailedCopyIsAnErrorAndLeavesNoManifest) {
    TempDir dir;
    ScriptEnv env;
    fs::create_directories(dir.path() / "archive");
    env.set("RT_ARCHIVE_DIR", dir.file("archive"));
    writeTestExr(dir.file("checkpoint.exr"), 16, 16);

    const HookResult run =
        runScript(kArchive, {.files = {dir.file("checkpoint.exr"), dir.file("lost_cp.exr")}});
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("cannot copy '" + dir.file("lost_cp.exr") + "'"), std::string::npos)
        << run.error;
    EXPECT_FALSE(exists(dir.file("archive/3f2a9c0b1e/manifest.txt")));
    EXPECT_TRUE(leftovers(dir.path()).empty());
}

TEST(ArchiveScript, FrameLayoutKeepsAWholeSetPerFolderAndDropsOlderOnesAfterTheNew) {
    TempDir dir;
    ScriptEnv env;
    fs::create_directories(dir.path() / "archive");
    env.set("RT_ARCHIVE_DIR", dir.file("archive"));
    env.set("RT_ARCHIVE_LAYOUT", "frame");
    const std::string beauty = dir.file("checkpoint.0012.exr");
    writeTestExr(beauty, 16, 16);

    HookResult run = runScript(kArchive, {.files = {beauty}, .serial = 7, .frame = 12.0});
    ASSERT_TRUE(run.ok) << run.error;
    const fs::path frameDir = dir.path() / "archive" / "frame.0012";
    const fs::path first = frameDir / "serial.000007";
    EXPECT_EQ(readBytes((first / "checkpoint.0012.exr").string()), readBytes(beauty));
    const std::string manifest = readBytes((first / "manifest.txt").string());
    for (const std::string& line :
         std::vector<std::string>{"frame = 12\n", "serial = 7\n",
                                  "file = checkpoint.0012.exr\nsource = " + beauty + "\n"}) {
        EXPECT_NE(manifest.find(line), std::string::npos) << line << " in\n" << manifest;
    }

    // The next set gets its own folder; the older one goes only once the new one is whole.
    writeTestExr(beauty, 16, 16, 0.75f);
    run = runScript(kArchive, {.files = {beauty}, .serial = 8, .frame = 12.0});
    ASSERT_TRUE(run.ok) << run.error;
    EXPECT_FALSE(exists(first.string()));
    EXPECT_EQ(readBytes((frameDir / "serial.000008" / "checkpoint.0012.exr").string()),
              readBytes(beauty));
    EXPECT_EQ(test::entryCount(frameDir), 1u);
    EXPECT_TRUE(leftovers(dir.path()).empty());

    // A new render of the frame starts its serials again: the set just written is the
    // newest, so the earlier render's higher serial goes too.
    run = runScript(kArchive,
                    {.files = {beauty}, .serial = 2, .renderId = "7a7a7a7a", .frame = 12.0});
    ASSERT_TRUE(run.ok) << run.error;
    EXPECT_FALSE(exists((frameDir / "serial.000008").string()));
    EXPECT_TRUE(exists((frameDir / "serial.000002" / "manifest.txt").string()));
    EXPECT_EQ(test::entryCount(frameDir), 1u);

    // A failed copy leaves the complete older set alone, and no folder claiming a set.
    run =
        runScript(kArchive, {.files = {beauty, dir.file("lost.exr")}, .serial = 9, .frame = 12.0});
    EXPECT_FALSE(run.ok);
    EXPECT_TRUE(exists((frameDir / "serial.000002" / "manifest.txt").string()));
    EXPECT_FALSE(exists((frameDir / "serial.000009").string()));
    EXPECT_TRUE(leftovers(dir.path()).empty());

    env.set("RT_ARCHIVE_LAYOUT", "flat");
    run = runScript(kArchive, {.files = {beauty}, .serial = 10, .frame = 12.0});
    EXPECT_NE(run.error.find("RT_ARCHIVE_LAYOUT 'flat' is not 'render' or 'frame'"),
              std::string::npos)
        << run.error;
}

// ---------------------------------------------------------------------------------------
// chain.lua

TEST(ChainScript, RunsEveryScriptAndReportsEachFailureByName) {
    TempDir dir;
    ScriptEnv env;
    const std::string first = dir.file("first.lua");
    const std::string failing = dir.file("failing.lua");
    const std::string last = dir.file("last.lua");
    test::writeBytes(first, "local f = io.open('" + dir.file("first.txt") +
                                "', 'w') f:write(checkpoint.serial) f:close()\n");
    test::writeBytes(failing, "error('no space left', 0)\n");
    test::writeBytes(last, "local f = io.open('" + dir.file("last.txt") +
                               "', 'w') f:write(checkpoint.reason) f:close()\n");

    HookResult run = runScript(kChain, {.serial = 5});
    EXPECT_NE(run.error.find("RT_HOOK_CHAIN is not set"), std::string::npos) << run.error;

    env.set("RT_HOOK_CHAIN", first + ":" + failing + ":" + last);
    run = runScript(kChain, {.serial = 5});
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("'" + failing + "': no space left"), std::string::npos) << run.error;
    EXPECT_EQ(readBytes(dir.file("first.txt")), "5");
    EXPECT_EQ(readBytes(dir.file("last.txt")), "checkpoint");

    env.set("RT_HOOK_CHAIN", first + ":" + last);
    EXPECT_TRUE(runScript(kChain, {.serial = 6}).ok);
    EXPECT_EQ(readBytes(dir.file("first.txt")), "6");
}

// ---------------------------------------------------------------------------------------
// stats_db.lua

// stdout of a shell command.
std::string commandOutput(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return output;
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
    ::pclose(pipe);
    return output;
}

std::string query(const std::string& database, const std::string& sql) {
    return commandOutput("sqlite3 -separator '|' '" + database + "' \"" + sql + "\"");
}

class StatsDbScript : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(test::commandExists("sqlite3"))
            << "sqlite3 is installed by scripts/install-deps";
        const std::string probe = m_dir.file("probe.lua");
        test::writeBytes(probe, "require 'luasql.sqlite3'\n");
        const HookResult run = runHookScript(probe, "checkpoint", ScriptValue());
        ASSERT_TRUE(run.ok) << "lua-sql-sqlite3 is installed by scripts/install-deps: "
                            << run.error;
        fs::remove(probe);
    }

    TempDir m_dir;
    ScriptEnv m_env;
};

TEST_F(StatsDbScript, AppendsOneRowPerCheckpointNextToTheFirstFile) {
    writeTestExr(m_dir.file("checkpoint.exr"), 16, 16);
    const Checkpoint first{.files = {m_dir.file("checkpoint.exr")}, .serial = 1};
    const HookResult run = runScript(kStatsDb, first);
    ASSERT_TRUE(run.ok) << run.error;

    const std::string db = m_dir.file("render_stats.sqlite");
    ASSERT_TRUE(exists(db));
    EXPECT_EQ(query(db,
                    "SELECT id, render_id, serial, reason, spp_min, spp_mean, spp_max, elapsed, "
                    "progress, error, host, files FROM checkpoints"),
              "1|3f2a9c0b1e|1|checkpoint|2|4.5|16|12.5|0.25|0.0625|farm-017|[\"" +
                  m_dir.file("checkpoint.exr") + "\"]\n");
    EXPECT_EQ(query(db,
                    "SELECT typeof(serial), typeof(spp_min), typeof(spp_mean), "
                    "typeof(elapsed), length(written_at) FROM checkpoints"),
              "integer|integer|real|real|20\n");

    const HookResult second = runScript(kStatsDb, {.files = {m_dir.file("checkpoint.exr")},
                                                   .outputs = {m_dir.file("frame.exr")},
                                                   .serial = 2,
                                                   .reason = "final"});
    ASSERT_TRUE(second.ok) << second.error;
    EXPECT_EQ(query(db,
                    "SELECT id, serial, reason, json_array_length(files) FROM checkpoints "
                    "ORDER BY id"),
              "1|1|checkpoint|1\n2|2|final|2\n");
}

TEST_F(StatsDbScript, ReadsTheTableTheRendererBuilds) {
    CheckpointEvent event;
    event.serial = 5;
    event.reason = "signal";
    event.signal = "SIGHUP";
    event.files = {m_dir.file("checkpoint.exr")};
    event.versionedFiles = {m_dir.file("checkpoint_0320.exr")};
    event.sppMin = 4;
    event.sppMean = 5.0;
    event.sppMax = 8;
    event.elapsedSeconds = 90.0;
    event.progress = 0.5;
    event.meanError = 0.125;
    event.resumable = true;
    event.renderId = "2f9c0b1e";
    event.host = "farm-023";
    const HookResult run = runHookScript(kStatsDb, "checkpoint", checkpointTable(event));
    ASSERT_TRUE(run.ok) << run.error;
    EXPECT_EQ(query(m_dir.file("render_stats.sqlite"),
                    "SELECT render_id, serial, reason, spp_min, spp_mean, spp_max, elapsed, "
                    "progress, error, host, json_array_length(files) FROM checkpoints"),
              "2f9c0b1e|5|signal|4|5.0|8|90.0|0.5|0.125|farm-023|2\n");
}

TEST_F(StatsDbScript, QuotesInTextAreData) {
    const std::string db = m_dir.file("stats/shared.sqlite");
    fs::create_directories(m_dir.path() / "stats");
    m_env.set("RT_STATS_DB", db);
    const std::string host = "o'brien'); DROP TABLE checkpoints; --";
    const HookResult run =
        runScript(kStatsDb, {.files = {m_dir.file("it's.exr")}, .renderId = "it's", .host = host});
    ASSERT_TRUE(run.ok) << run.error;
    EXPECT_EQ(query(db, "SELECT count(*), render_id FROM checkpoints"), "1|it's\n");
    EXPECT_EQ(query(db, "SELECT host FROM checkpoints"), host + "\n");
    EXPECT_EQ(query(db, "SELECT value FROM checkpoints, json_each(checkpoints.files)"),
              m_dir.file("it's.exr") + "\n");
    EXPECT_FALSE(exists(m_dir.file("render_stats.sqlite")));  // RT_STATS_DB wins
}

TEST_F(StatsDbScript, AnUnopenableDatabaseIsAnError) {
    m_env.set("RT_STATS_DB", m_dir.file("no/such/folder/stats.sqlite"));
    const HookResult run = runScript(kStatsDb, {.files = {m_dir.file("checkpoint.exr")}});
    EXPECT_FALSE(run.ok);
    EXPECT_NE(run.error.find("cannot open the database"), std::string::npos) << run.error;

    m_env.set("RT_STATS_DB", m_dir.file("stats.sqlite"));
    m_env.set("RT_STATS_BUSY_MS", "soon");
    const HookResult bad = runScript(kStatsDb, {.files = {m_dir.file("checkpoint.exr")}});
    EXPECT_FALSE(bad.ok);
    EXPECT_NE(bad.error.find("RT_STATS_BUSY_MS"), std::string::npos) << bad.error;
}

TEST_F(StatsDbScript, WaitsForAnotherWriter) {
    const std::string db = m_dir.file("shared.sqlite");
    m_env.set("RT_STATS_DB", db);
    ASSERT_TRUE(runScript(kStatsDb, {.files = {m_dir.file("checkpoint.exr")}}).ok);
    // Another render holds the write lock for a second; the script waits for it.
    const std::string locker =
        "(echo 'BEGIN EXCLUSIVE;'; sleep 1; echo 'COMMIT;') | sqlite3 '" + db + "' & sleep 0.3";
    ASSERT_EQ(std::system(locker.c_str()), 0);
    const HookResult run =
        runScript(kStatsDb, {.files = {m_dir.file("checkpoint.exr")}, .serial = 4});
    ASSERT_TRUE(run.ok) << run.error;
    EXPECT_EQ(query(db, "SELECT serial FROM checkpoints ORDER BY id"), "3\n4\n");
}

}  // namespace
}  // namespace rt
