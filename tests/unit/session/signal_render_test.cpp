// Signal requests in a real (small) render, in process and without timing: a request
// posted before sampling is taken at the first tile boundary. A stop writes the film of
// that moment as resumable outputs and makes run() say Interrupted; a SIGHUP checkpoint
// changes when the image is seen, never the image (render/SignalRequests.h).
#include <gtest/gtest.h>

#include <csignal>
#include <string>

#include "io/ExrFile.h"
#include "session/CheckpointController.h"
#include "session/RenderSession.h"
#include "session/SignalRequests.h"
#include "support/FilmCompare.h"
#include "support/TestFiles.h"
#include "support/TestScenes.h"

namespace rt {
namespace {

RenderOptions optionsFor(const test::TempDir& dir, SignalRequests* signals) {
    RenderOptions options;
    options.beautyOverride = dir.file("out.exr");
    options.threads = 2;
    options.signals = signals;
    return options;
}

Metadata metadataOf(const std::string& path) {
    ImageBuffer image;
    Metadata metadata;
    std::string error;
    EXPECT_TRUE(readExr(path, image, metadata, error)) << error;
    return metadata;
}

TEST(SignalRender, StopBeforeSamplingWritesTheFilmOfThatMomentAndInterrupts) {
    test::TempDir dir;
    const Scene scene = test::smallLitScene();
    SignalRequests signals;
    signals.startRendering();
    ASSERT_EQ(signals.post(SIGTERM), SignalRequests::Action::Stop);
    RenderSession session(scene, optionsFor(dir, &signals));
    EXPECT_EQ(session.run(), ExitCode::Interrupted);
    EXPECT_EQ(session.film().sampleStats().max, 0u) << "stopped before the first tile";
    EXPECT_EQ(session.checkpoints().stopSignal(), SIGTERM);
    EXPECT_EQ(session.checkpoints().stopReason(), "signal");
    const Metadata metadata = metadataOf(dir.file("out.exr"));
    EXPECT_EQ(metadata.get<std::string>("checkpointReason").value_or(""), "signal");
    EXPECT_EQ(metadata.get<int>("renderComplete").value_or(-1), 0);
    // No checkpoint files: the outputs keep the state, so the render can be resumed.
    EXPECT_TRUE(metadata.get<std::string>("resumeStateHash").has_value());
}

TEST(SignalRender, SighupCheckpointLeavesTheImageUnchanged) {
    const Scene scene = test::smallLitScene();
    test::TempDir plainDir, hupDir;
    RenderSession plain(scene, optionsFor(plainDir, nullptr));
    plain.render();

    SignalRequests signals;
    signals.startRendering();
    ASSERT_EQ(signals.post(SIGHUP), SignalRequests::Action::Checkpoint);
    {
        RenderSession hup(scene, optionsFor(hupDir, &signals));
        hup.render();
        ASSERT_EQ(hup.checkpoints().records().size(), 1u);
        EXPECT_EQ(hup.checkpoints().records()[0].reason, "signal");
        EXPECT_EQ(hup.checkpoints().stopSignal(), 0);
        EXPECT_TRUE(hup.stats().complete);
        EXPECT_TRUE(test::identicalPixels(plain.film().pixels(), hup.film().pixels()));
    }  // the writer drains: the SIGHUP snapshot is on disk
    // Without checkpoint files the SIGHUP snapshot went to the output, resumable.
    const Metadata metadata = metadataOf(hupDir.file("out.exr"));
    EXPECT_EQ(metadata.get<std::string>("checkpointReason").value_or(""), "signal");
    EXPECT_TRUE(metadata.get<std::string>("resumeStateHash").has_value());
}

}  // namespace
}  // namespace rt
