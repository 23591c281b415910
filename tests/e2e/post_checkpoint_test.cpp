// Post-checkpoint hooks end to end (doc/CHECKPOINTS.md, "Post-checkpoint hooks"): the
// Lua checkpoint_post_script sees a `checkpoint` table that matches the files it
// describes, for every reason; a failing, exiting or endless script never stops the
// render; checkpoint_command substitutes its tokens and needs -allow_system_commands.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ChildProcess.h"
#include "ExrFiles.h"
#include "RunCommand.h"

namespace rt {
namespace {

namespace fs = std::filesystem;
using test::freshDir;
using test::intOf;
using test::readFile;
using test::runRenderer;
using test::scenePath;
using test::textOf;

const std::string kScene =
    "-in " + scenePath("cornell_box.rdla") + " -size 24 16 -scene_var pixel_samples 4 -out out.exr";

// A post script that appends one line per run to events.txt: key=value fields separated
// by tabs; lists joined with commas; `itype` is math.type of tileSampleTotal.
const char* const kRecorder = R"(
local c = checkpoint
local function list(t) return table.concat(t, ",") end
local f = assert(io.open("events.txt", "a"))
f:write(table.concat({
  "reason=" .. c.reason, "serial=" .. c.serial, "tiles=" .. c.tileSampleTotal,
  "itype=" .. math.type(c.tileSampleTotal), "files=" .. list(c.filename),
  "versions=" .. list(c.multiVersionFilename), "outputs=" .. list(c.outputs),
  "sppmin=" .. c.spp.min, "sppmax=" .. c.spp.max, string.format("sppmean=%.4f", c.spp.mean),
  string.format("elapsed=%.6f", c.elapsed), string.format("progress=%.6f", c.progress),
  "frame=" .. c.frame, "interrupted=" .. tostring(c.signalInterruption),
  "signal=" .. c.signal, "resumable=" .. tostring(c.resumable), "renderId=" .. c.renderId,
  "host=" .. c.host, "error=" .. c.error,
}, "\t"), "\n")
f:close()
)";

using Event = std::map<std::string, std::string>;

std::vector<Event> readEvents(const fs::path& file) {
    std::vector<Event> events;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        Event event;
        std::stringstream fields(line);
        std::string field;
        while (std::getline(fields, field, '\t')) {
            const size_t eq = field.find('=');
            if (eq != std::string::npos) event[field.substr(0, eq)] = field.substr(eq + 1);
        }
        events.push_back(event);
    }
    return events;
}

// Runs `args` in `dir` with the recorder as post script; returns its events.
std::vector<Event> recordedRender(const fs::path& dir, const std::string& args,
                                  int expectedExit = 0) {
    test::writeFile(dir / "record.lua", kRecorder);
    const test::CommandResult r =
        runRenderer(args + " -scene_var checkpoint_post_script record.lua", dir.string());
    EXPECT_EQ(r.exitCode, expectedExit) << r.output;
    return readEvents(dir / "events.txt");
}

TEST(PostScript, TableMatchesTheFilesOfEveryCheckpointAndTheFinal) {
    const fs::path dir = freshDir("post_script_table");
    // Quality checkpoints at 1, 5, 9 spp and versioned copies; frame 12.
    const std::vector<Event> events = recordedRender(
        dir, kScene +
                 " -checkpoint -checkpoint_mode quality -scene_var checkpoint_quality_steps 4 "
                 "-scene_var frame 12"
                 " -scene_var checkpoint_overwrite false -scene_var checkpoint_bg_write false");
    ASSERT_GE(events.size(), 3u);
    const Event& last = events.back();
    EXPECT_EQ(last.at("reason"), "final");
    EXPECT_EQ(last.at("outputs"), "out.exr");
    EXPECT_EQ(last.at("files"), "checkpoint.exr");
    EXPECT_EQ(last.at("progress"), "1.000000");
    EXPECT_EQ(last.at("interrupted"), "false");
    EXPECT_EQ(last.at("signal"), "");
    // The final checkpoint file is what the table describes.
    const test::Exr checkpoint = readFile(dir / "checkpoint.exr");
    EXPECT_EQ(last.at("serial"), std::to_string(intOf(checkpoint, "checkpointSerial")));
    EXPECT_EQ(last.at("tiles"), std::to_string(16 * 64));
    EXPECT_EQ(last.at("sppmin"), "16");
    EXPECT_EQ(last.at("sppmax"), "16");
    EXPECT_EQ(last.at("renderId"), textOf(checkpoint, "renderId"));
    for (size_t i = 0; i + 1 < events.size(); ++i) {
        const Event& e = events[i];
        EXPECT_EQ(e.at("reason"), "checkpoint");
        EXPECT_EQ(e.at("serial"), std::to_string(i + 1)) << "in order, each once";
        EXPECT_EQ(e.at("itype"), "integer");
        EXPECT_EQ(e.at("frame"), "12.0");
        EXPECT_EQ(e.at("outputs"), "");
        EXPECT_EQ(e.at("resumable"), "true");
        EXPECT_EQ(e.at("tiles"), std::to_string(std::stoi(e.at("sppmin")) * 64));
        // The checkpoint file and its resume state file, which a hook that archives
        // checkpoints must copy with it.
        EXPECT_EQ(e.at("files"), "checkpoint.exr,checkpoint.resume");
        // Every versioned copy the table names exists, with the tile samples in its name,
        // and so does its own state file.
        const std::string tiles = e.at("tiles");
        const std::string base = "checkpoint_" + std::string(4 - tiles.size(), '0') + tiles;
        EXPECT_EQ(e.at("versions"), base + ".exr," + base + ".resume");
        EXPECT_TRUE(fs::exists(dir / (base + ".exr"))) << e.at("versions");
        EXPECT_TRUE(fs::exists(dir / (base + ".resume"))) << e.at("versions");
        EXPECT_LT(std::stod(e.at("progress")), 1.0);
        EXPECT_LE(std::stod(e.at("elapsed")), std::stod(last.at("elapsed")));
        EXPECT_FALSE(e.at("host").empty());
        EXPECT_EQ(e.at("renderId"), last.at("renderId"));
    }
}

TEST(PostScript, ExitatAndSignalReasons) {
    {
        const fs::path dir = freshDir("post_script_exitat");
        const std::vector<Event> events = recordedRender(
            dir, "-in " + scenePath("cornell_box.rdla") +
                     " -size 48 36 -scene_var pixel_samples 64 -out out.exr -checkpoint"
                     " -checkpoint_time_cap 0.005");
        ASSERT_FALSE(events.empty());
        EXPECT_EQ(events.back().at("reason"), "exitat");
        EXPECT_EQ(events.back().at("resumable"), "true");
    }
    {
        const fs::path dir = freshDir("post_script_signal");
        test::writeFile(dir / "record.lua", kRecorder);
        test::ChildProcess render({"-in", scenePath("cornell_box.rdla"), "-size", "48", "36",
                                   "-scene_var", "pixel_samples", "64", "-out", "out.exr", "-info",
                                   "-scene_var", "checkpoint_post_script", "record.lua"},
                                  dir);
        ASSERT_TRUE(render.waitForLog("Sampling starts")) << render.log();
        render.signal(SIGHUP);
        ASSERT_TRUE(render.waitForLog("for SIGHUP")) << render.log();
        render.signal(SIGUSR1);
        EXPECT_EQ(render.wait(), 4) << render.log();
        const std::vector<Event> events = readEvents(dir / "events.txt");
        ASSERT_EQ(events.size(), 2u) << render.log();
        // Without checkpoint files the SIGHUP snapshot goes to the outputs.
        EXPECT_EQ(events[0].at("reason"), "signal");
        EXPECT_EQ(events[0].at("signal"), "SIGHUP");
        EXPECT_EQ(events[0].at("interrupted"), "false");
        EXPECT_EQ(events[0].at("outputs"), "out.exr,out.resume");
        EXPECT_EQ(events[1].at("reason"), "signal");
        EXPECT_EQ(events[1].at("signal"), "SIGUSR1");
        EXPECT_EQ(events[1].at("interrupted"), "true");
        EXPECT_EQ(events[1].at("resumable"), "true");
    }
}

TEST(PostScript, ErrorsExitAndEndlessLoopsDoNotStopTheRender) {
    // Checkpoint 1 raises an error, 2 calls os.exit, 3 never ends (timeout 0.5 s).
    const fs::path dir = freshDir("post_script_failures");
    test::writeFile(dir / "bad.lua",
                    "local s = checkpoint.serial\n"
                    "if s == 1 then error('broken on purpose') end\n"
                    "if s == 2 then os.exit(7) end\n"
                    "if s == 3 then while true do end end\n"
                    "io.open('survived.txt', 'a'):write(checkpoint.reason, '\\n')\n");
    const test::CommandResult r =
        runRenderer(kScene +
                        " -checkpoint -checkpoint_mode quality -scene_var checkpoint_quality_steps "
                        "1 -scene_var checkpoint_bg_write "
                        "false -scene_var checkpoint_post_script bad.lua -scene_var "
                        "checkpoint_script_timeout 0.5",
                    dir.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("bad.lua' line 2: broken on purpose"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("os.exit is not allowed"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("timed out after 0.5 s"), std::string::npos) << r.output;
    EXPECT_TRUE(fs::exists(dir / "out.exr"));
    std::ifstream survived(dir / "survived.txt");
    std::string all((std::istreambuf_iterator<char>(survived)), {});
    EXPECT_NE(all.find("final"), std::string::npos) << "later checkpoints still run the script";
}

TEST(CheckpointCommand, TokensAreSubstitutedAfterEveryCheckpoint) {
    const fs::path dir = freshDir("checkpoint_command_tokens");
    const test::CommandResult r = runRenderer(
        kScene +
            " -checkpoint -checkpoint_mode quality -scene_var checkpoint_quality_steps 4 "
            "-allow_system_commands -scene_var frame 7"
            " -checkpoint_command 'echo %i %e %r %f %% >> commands.txt; test -f checkpoint.exr'",
        dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    std::ifstream in(dir / "commands.txt");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    ASSERT_GE(lines.size(), 3u);
    for (size_t i = 0; i < lines.size(); ++i) {
        char serial[24];
        std::snprintf(serial, sizeof serial, "%05zu", i + 1);
        const std::string reason = i + 1 == lines.size() ? "final" : "checkpoint";
        EXPECT_EQ(lines[i], std::string(serial) + " 000000 " + reason + " 0007 %") << i;
    }
    EXPECT_EQ(r.output.find("exited with status"), std::string::npos) << r.output;
}

TEST(CheckpointCommand, RefusedWithoutAllowSystemCommands) {
    const fs::path dir = freshDir("checkpoint_command_refused");
    for (const std::string& how : {std::string(" -checkpoint_command 'touch ran.txt'"),
                                   std::string(" -scene_var checkpoint_command 'touch ran.txt'")}) {
        const test::CommandResult r = runRenderer(kScene + " -checkpoint" + how, dir.string());
        EXPECT_EQ(r.exitCode, 2) << r.output;
        EXPECT_NE(r.output.find("-allow_system_commands"), std::string::npos) << r.output;
        EXPECT_FALSE(fs::exists(dir / "ran.txt"));
        EXPECT_FALSE(fs::exists(dir / "out.exr"));
    }
}

TEST(CheckpointCommand, FailingCommandIsLoggedAndTheRenderGoesOn) {
    const fs::path dir = freshDir("checkpoint_command_fails");
    const test::CommandResult r = runRenderer(
        kScene + " -checkpoint -allow_system_commands -checkpoint_command 'exit 3'", dir.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("exited with status 3"), std::string::npos) << r.output;
    EXPECT_TRUE(fs::exists(dir / "out.exr"));
}

TEST(ShippedScripts, AllThreeRunInARealRender) {
    // One post script runs the three shipped ones, as doc/HOOK_SCRIPTS.md shows.
    const fs::path dir = freshDir("shipped_scripts");
    fs::create_directories(dir / "archive");
    const std::string lua = std::string(RT_SOURCE_DIR) + "/lua/";
    test::writeFile(dir / "post.lua", "for _, s in ipairs({'" + lua + "preview.lua', '" + lua +
                                          "archive.lua', '" + lua +
                                          "stats_db.lua'}) do dofile(s) end\n");
    const test::CommandResult r =
        runRenderer("RT_ARCHIVE_DIR=archive RT_STATS_DB=stats.sqlite " +
                        std::string(RT_RENDERER_CMD) + " " + kScene +
                        " -checkpoint -checkpoint_mode quality -scene_var checkpoint_post_script "
                        "post.lua",
                    dir.string(), /*withProgram=*/false);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("error"), std::string::npos) << r.output;
    EXPECT_TRUE(fs::exists(dir / "checkpoint.00001.jpg")) << r.output;
    EXPECT_TRUE(fs::exists(dir / "checkpoint.latest.jpg")) << r.output;
    // The archive holds the last resumable checkpoint under the render's id.
    const std::string renderId = textOf(readFile(dir / "checkpoint.exr"), "renderId");
    EXPECT_TRUE(fs::exists(dir / "archive" / renderId / "checkpoint.exr")) << r.output;
    EXPECT_TRUE(fs::exists(dir / "archive" / renderId / "manifest.txt")) << r.output;
    // One database row per checkpoint set, the final one included.
    const int sets = intOf(readFile(dir / "checkpoint.exr"), "checkpointSerial");
    const test::CommandResult rows = runRenderer(
        "sqlite3 stats.sqlite 'SELECT COUNT(*), MAX(serial) FROM checkpoints'", dir.string(),
        /*withProgram=*/false);
    EXPECT_EQ(rows.output, std::to_string(sets) + "|" + std::to_string(sets) + "\n");
}

}  // namespace
}  // namespace rt
