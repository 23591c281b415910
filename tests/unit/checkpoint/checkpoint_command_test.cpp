// RenderMan's post-checkpoint command template: every token, its padding, and the errors
// a template is refused with (before rendering, so that a typo is not found hours later).
#include <gtest/gtest.h>

#include <string>

#include "checkpoint/CheckpointCommand.h"
#include "checkpoint/CheckpointEvent.h"

namespace rt {
namespace {

CheckpointEvent event(int serial, double elapsedSeconds, const char* reason) {
    CheckpointEvent e;
    e.serial = serial;
    e.elapsedSeconds = elapsedSeconds;
    e.reason = reason;
    return e;
}

std::string expand(const std::string& text, const CheckpointEvent& e) {
    EXPECT_EQ(checkpointCommandError(text), "") << text;
    return expandCheckpointCommand(text, e);
}

TEST(CheckpointCommand, EachTokenIsReplaced) {
    const CheckpointEvent e = event(7, 125.5, "checkpoint");
    EXPECT_EQ(expand("%i", e), "00007");
    EXPECT_EQ(expand("%e", e), "000125");
    EXPECT_EQ(expand("%r", e), "checkpoint");
    EXPECT_EQ(expand("%%", e), "%");
    EXPECT_EQ(expand("cp out.exr /farm/out_%i_%e_%r.exr", e),
              "cp out.exr /farm/out_00007_000125_checkpoint.exr");
}

TEST(CheckpointCommand, TheFrameIsFourDigitsWhenWhole) {
    CheckpointEvent e = event(1, 0.0, "checkpoint");
    EXPECT_EQ(expand("%f", e), "0000");  // no frame: the scene variable's default
    e.frame = 12;
    EXPECT_EQ(expand("cp cp.exr /farm/shot.%f.%i.exr", e), "cp cp.exr /farm/shot.0012.00001.exr");
    e.frame = 12345;
    EXPECT_EQ(expand("%f", e), "12345");
    e.frame = 12.5;
    EXPECT_EQ(expand("%f", e), "12.5");
    EXPECT_EQ(expand("%%f", e), "%f");
}

TEST(CheckpointCommand, EveryReasonIsInsertedRaw) {
    for (const char* reason : {"checkpoint", "final", "exitat", "samplecap", "signal"}) {
        EXPECT_EQ(expand("r=%r.", event(1, 0.0, reason)), std::string("r=") + reason + ".");
    }
}

TEST(CheckpointCommand, PaddingAndWiderNumbers) {
    EXPECT_EQ(expand("%i %e", event(0, 0.0, "final")), "00000 000000");
    EXPECT_EQ(expand("%i %e", event(99999, 999999.0, "final")), "99999 999999");
    EXPECT_EQ(expand("%i %e", event(123456, 1234567.0, "final")), "123456 1234567");
}

TEST(CheckpointCommand, ElapsedIsFloored) {
    EXPECT_EQ(expand("%e", event(1, 59.99, "checkpoint")), "000059");
    EXPECT_EQ(expand("%e", event(1, 60.0, "checkpoint")), "000060");
    EXPECT_EQ(expand("%e", event(1, 0.999, "checkpoint")), "000000");
    // Never a minus sign in a file name.
    EXPECT_EQ(expand("%e", event(1, -3.0, "checkpoint")), "000000");
}

TEST(CheckpointCommand, PercentPercentNextToTokens) {
    const CheckpointEvent e = event(3, 42.0, "exitat");
    EXPECT_EQ(expand("%%i", e), "%i");
    EXPECT_EQ(expand("%%%i", e), "%00003");
    EXPECT_EQ(expand("%i%%", e), "00003%");
    EXPECT_EQ(expand("%%%%", e), "%%");
    EXPECT_EQ(expand("%e%%%r", e), "000042%exitat");
    EXPECT_EQ(expand("100%% done at %e", e), "100% done at 000042");
}

TEST(CheckpointCommand, TemplateWithoutTokensIsUnchanged) {
    const CheckpointEvent e = event(5, 10.0, "checkpoint");
    for (const char* text : {"", "echo done", "rsync -a out/ farm:/shots/x/", "a i e r"}) {
        EXPECT_EQ(expand(text, e), text);
    }
}

TEST(CheckpointCommand, UnknownTokenIsRefusedWithItsPosition) {
    const std::string error = checkpointCommandError("echo %i %x");
    EXPECT_NE(error.find("'%x'"), std::string::npos) << error;
    EXPECT_NE(error.find("position 8"), std::string::npos) << error;
    EXPECT_NE(error.find("%i %e %r %f %%"), std::string::npos) << error;
    for (const char* text : {"%I", "%E", "%d", "%s", "% ", "%-", "a%%%q"}) {
        EXPECT_NE(checkpointCommandError(text).find("unknown token"), std::string::npos) << text;
    }
    EXPECT_NE(checkpointCommandError("a%%%q").find("position 3"), std::string::npos);
}

TEST(CheckpointCommand, LonePercentAtTheEndIsRefused) {
    for (const char* text : {"%", "echo 100%", "%i%", "%%%"}) {
        const std::string error = checkpointCommandError(text);
        EXPECT_NE(error.find("lone '%' at the end"), std::string::npos) << text << ": " << error;
    }
    EXPECT_NE(checkpointCommandError("echo 100%").find("position 8"), std::string::npos);
    EXPECT_EQ(checkpointCommandError("echo 100%%"), "");
}

}  // namespace
}  // namespace rt
