// The resume header as EXR attributes (ResumeMetadata.h): what is stamped reads back
// equal, in memory and through a file; every required attribute is checked by name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/ExrFile.h"
#include "session/ResumeMetadata.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

constexpr int kWidth = 32;
constexpr int kHeight = 24;

ResumeHeader fullHeader() {
    ResumeHeader h;
    h.formatVersion = kResumeFormatVersion;
    h.fingerprint = 0xfedcba9876543210ULL;
    h.width = kWidth;
    h.height = kHeight;
    h.sampling.adaptive = true;
    h.sampling.uniformSamples = 64;
    h.sampling.minSamples = 16;
    h.sampling.maxSamples = 4096;
    h.sampling.targetError = 0.1f + 0.2f;
    h.sampling.sampleCap = 2000;
    h.renderId = "c0ffee00-1234-4abc-9def-0123456789ab";
    h.serial = 17;
    h.elapsedSeconds = 0.1 + 1234.2;  // not a short decimal: needs all 17 digits
    h.tileSamples = 64 * 300 + 13;
    h.complete = true;
    ResumeRun first;
    first.host = "render-01";
    first.threads = 16;
    first.startTime = "2026-11-21T10:15:00Z";
    first.endTime = "2026-11-21T11:15:00Z";
    first.seconds = 3599.875;
    first.samplesBefore = 0;
    first.samplesAfter = 123456789012ULL;
    first.ended = "SIGTERM";
    ResumeRun second = first;
    second.host = "render-02 \"quoted\"";
    second.threads = 64;
    second.startTime = "2026-11-22T08:00:00Z";
    second.endTime = "2026-11-22T08:30:01Z";
    second.seconds = 0.1 + 0.2;
    second.samplesBefore = 123456789012ULL;
    second.samplesAfter = 18446744073709551615ULL;
    second.ended = "final";
    h.history = {first, second};
    return h;
}

constexpr uint64_t kStateHash = 0x0123456789abcdefULL;

Metadata stamped(const ResumeHeader& header = fullHeader(), uint64_t hash = kStateHash) {
    Metadata metadata;
    metadata.set("otherAttribute", 5);
    stampResumeHeader(metadata, header);
    stampResumeState(metadata, hash, "frame.resume");
    return metadata;
}

// The attributes readResumeHeader needs.
const std::vector<std::string> kRequired = {
    "resumeFormatVersion",  "resumeFingerprint", "resumeSamplingMode",
    "resumeUniformSamples", "resumeMinSamples",  "resumeMaxSamples",
    "resumeTargetError",    "resumeSampleCap",   "renderId",
    "checkpointSerial",     "checkpointElapsed", "progressCheckpointTileSamples",
    "renderComplete",       "resumeHistory",     "resumeStateHash",
};

TEST(ResumeMetadata, ReadsBackWhatWasStamped) {
    ResumeHeader header;
    uint64_t hash = 0;
    std::string error;
    ASSERT_TRUE(readResumeHeader(stamped(), kWidth, kHeight, header, hash, error)) << error;
    EXPECT_EQ(header, fullHeader());
    EXPECT_EQ(header.history.size(), 2u);
    EXPECT_EQ(hash, kStateHash);
}

TEST(ResumeMetadata, UniformHeaderAndZeroHashReadBack) {
    ResumeHeader uniform = fullHeader();
    uniform.sampling = ResumeSampling{};
    uniform.sampling.uniformSamples = 1024;
    uniform.complete = false;
    uniform.history.clear();
    uniform.fingerprint = 0;
    ResumeHeader header;
    uint64_t hash = 1;
    std::string error;
    ASSERT_TRUE(readResumeHeader(stamped(uniform, 0), kWidth, kHeight, header, hash, error))
        << error;
    EXPECT_EQ(header, uniform);
    EXPECT_EQ(hash, 0u);
}

TEST(ResumeMetadata, WidthAndHeightComeFromTheImage) {
    ResumeHeader header;
    uint64_t hash = 0;
    std::string error;
    ASSERT_TRUE(readResumeHeader(stamped(), 7, 9, header, hash, error)) << error;
    EXPECT_EQ(header.width, 7);
    EXPECT_EQ(header.height, 9);
}

TEST(ResumeMetadata, StampsTheCheckpointAttributesEveryFileCarries) {
    const Metadata metadata = stamped();
    EXPECT_EQ(metadata.get<std::string>("renderId"), fullHeader().renderId);
    EXPECT_EQ(metadata.get<int>("checkpointSerial"), 17);
    EXPECT_EQ(metadata.get<double>("checkpointElapsed"), fullHeader().elapsedSeconds);
    EXPECT_EQ(metadata.get<int>("progressCheckpointTileSamples"), 64 * 300 + 13);
    EXPECT_EQ(metadata.get<int>("renderComplete"), 1);
    EXPECT_EQ(metadata.get<std::string>("resumeSamplingMode"), "adaptive");
    EXPECT_EQ(metadata.get<std::string>("resumeFingerprint"), "fedcba9876543210");
    EXPECT_EQ(metadata.get<std::string>("resumeStateHash"), "0123456789abcdef");
    EXPECT_EQ(metadata.get<std::string>("resumeStateFile"), "frame.resume");
    EXPECT_EQ(metadata.get<int>("otherAttribute"), 5);  // left alone
}

TEST(ResumeMetadata, StampingAgainReplacesValues) {
    Metadata metadata = stamped();
    const size_t size = metadata.size();
    ResumeHeader next = fullHeader();
    next.serial = 18;
    next.history.push_back(next.history.front());
    stampResumeHeader(metadata, next);
    stampResumeState(metadata, 42, "frame.resume");
    EXPECT_EQ(metadata.size(), size);
    ResumeHeader header;
    uint64_t hash = 0;
    std::string error;
    ASSERT_TRUE(readResumeHeader(metadata, kWidth, kHeight, header, hash, error)) << error;
    EXPECT_EQ(header, next);
    EXPECT_EQ(hash, 42u);
}

// Expects readResumeHeader to fail with `expected` in its message, leaving `header` as it was.
void expectRefused(const Metadata& metadata, const std::string& expected) {
    ResumeHeader header;
    header.renderId = "untouched";
    uint64_t hash = 0;
    std::string error;
    EXPECT_FALSE(readResumeHeader(metadata, kWidth, kHeight, header, hash, error));
    EXPECT_NE(error.find(expected), std::string::npos)
        << "error: '" << error << "', expected it to contain '" << expected << "'";
    EXPECT_EQ(header.renderId, "untouched");
}

TEST(ResumeMetadata, EachMissingAttributeIsNamed) {
    for (const std::string& name : kRequired) {
        SCOPED_TRACE(name);
        Metadata metadata = stamped();
        ASSERT_TRUE(metadata.remove(name));
        expectRefused(metadata, "'" + name + "'");
    }
}

TEST(ResumeMetadata, EachMistypedAttributeIsNamed) {
    for (const std::string& name : kRequired) {
        SCOPED_TRACE(name);
        Metadata metadata = stamped();
        const bool isString = metadata.get<std::string>(name).has_value();
        // A string where a number belongs, a number where a string belongs.
        if (isString) {
            metadata.set(name, 1);
        } else {
            metadata.set(name, "1");
        }
        expectRefused(metadata, "'" + name + "'");
    }
    // Numbers of the wrong numeric type are not coerced either.
    Metadata metadata = stamped();
    metadata.set("checkpointElapsed", 1.5f);
    expectRefused(metadata, "'checkpointElapsed'");
    metadata = stamped();
    metadata.set("resumeTargetError", 0.5);
    expectRefused(metadata, "'resumeTargetError'");
}

TEST(ResumeMetadata, BadValuesAreNamed) {
    const std::vector<std::pair<std::string, MetadataValue>> bad = {
        {"resumeFingerprint", std::string("123")},
        {"resumeFingerprint", std::string("0123456789abcdeg")},
        {"resumeStateHash", std::string("0123456789abcdef0")},
        {"resumeSamplingMode", std::string("Adaptive")},
        {"resumeMinSamples", -1},
        {"resumeSampleCap", -5},
        {"progressCheckpointTileSamples", -1},
    };
    for (const auto& [name, value] : bad) {
        SCOPED_TRACE(name + " = " + metadataValueString(value));
        Metadata metadata = stamped();
        metadata.set(name, value);
        expectRefused(metadata, "'" + name + "'");
    }
    Metadata metadata = stamped();
    metadata.set("resumeHistory", "[{\"host\": 1}]");
    expectRefused(metadata, "resumeHistory");
    metadata.set("resumeHistory", "not json");
    expectRefused(metadata, "resumeHistory");
}

TEST(ResumeMetadata, HasResumeState) {
    Metadata metadata;
    EXPECT_FALSE(hasResumeState(metadata));
    stampResumeHeader(metadata, fullHeader());
    EXPECT_FALSE(hasResumeState(metadata));  // a checkpoint file without the channels
    stampResumeState(metadata, 0, "frame.resume");
    EXPECT_TRUE(hasResumeState(metadata));
    EXPECT_EQ(resumeStateFileName(metadata), "frame.resume");
    metadata.remove("resumeStateHash");
    metadata.remove("resumeStateFile");
    EXPECT_FALSE(hasResumeState(metadata));
    // Format 1: the state channels in the image, the hash alone in the header.
    metadata.set("resumeStateHash", std::string("0123456789abcdef"));
    EXPECT_TRUE(hasResumeState(metadata));
    EXPECT_EQ(resumeStateFileName(metadata), "");
}

TEST(ResumeMetadata, CheckpointIdentity) {
    Metadata metadata;
    EXPECT_EQ(checkpointIdentity(metadata), (CheckpointIdentity{"", 0}));
    metadata.set("renderId", "abc");
    EXPECT_EQ(checkpointIdentity(metadata), (CheckpointIdentity{"abc", 0}));
    metadata.set("checkpointSerial", 12);
    EXPECT_EQ(checkpointIdentity(metadata), (CheckpointIdentity{"abc", 12}));
    EXPECT_EQ(checkpointIdentity(stamped()),
              (CheckpointIdentity{"c0ffee00-1234-4abc-9def-0123456789ab", 17}));
    // Mistyped values count as absent.
    metadata.set("checkpointSerial", 12.0);
    metadata.set("renderId", 5);
    EXPECT_EQ(checkpointIdentity(metadata), (CheckpointIdentity{"", 0}));
    EXPECT_FALSE((CheckpointIdentity{"abc", 1}) == (CheckpointIdentity{"abc", 2}));
    EXPECT_FALSE((CheckpointIdentity{"abc", 1}) == (CheckpointIdentity{"abd", 1}));
}

TEST(ResumeMetadata, SurvivesAnExrFile) {
    test::TempDir dir;
    ImageBuffer image(kWidth, kHeight);
    image.addChannel("R", PixelType::Half);
    const std::string path = dir.file("header.exr");
    std::string error;
    ASSERT_TRUE(writeExr(path, image, stamped(), ExrWriteOptions{}, error)) << error;
    ImageBuffer read;
    Metadata metadata;
    ASSERT_TRUE(readExr(path, read, metadata, error)) << error;
    ResumeHeader header;
    uint64_t hash = 0;
    ASSERT_TRUE(readResumeHeader(metadata, read.width, read.height, header, hash, error)) << error;
    EXPECT_EQ(header, fullHeader());
    EXPECT_EQ(hash, kStateHash);
    EXPECT_TRUE(hasResumeState(metadata));
    EXPECT_EQ(checkpointIdentity(metadata), checkpointIdentity(stamped()));
}

}  // namespace
}  // namespace rt
