// The resume state apart from the pixels: the resumeHistory JSON, the rules for which
// renders may continue from a file, and the fingerprint text.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "checkpoint/ResumeState.h"

// Checks that `text` contains `part` and prints both when it does not.
#define EXPECT_CONTAINS(text, part) \
    EXPECT_NE(std::string(text).find(part), std::string::npos) << "in: " << (text)

namespace rt {
namespace {

// ---------------------------------------------------------------- resumeHistory JSON

std::vector<ResumeRun> sampleHistory() {
    ResumeRun first;
    first.host = "farm-07";
    first.threads = 64;
    first.startTime = "2026-11-21T10:15:00Z";
    first.endTime = "2026-11-21T11:15:00Z";
    first.seconds = 0.1 + 0.2;  // 0.30000000000000004: no short decimal form
    first.samplesBefore = 0;
    first.samplesAfter = (uint64_t{1} << 53) + 1;  // not representable as a double
    first.ended = "SIGTERM";

    ResumeRun second;
    second.host = "laptop \"q\" \\ ünïcode";
    second.threads = 8;
    second.startTime = "2026-11-22T08:00:00Z";
    second.endTime = "2026-11-22T09:30:01Z";
    second.seconds = 5400.123456789012;
    second.samplesBefore = (uint64_t{1} << 53) + 1;
    second.samplesAfter = UINT64_MAX;
    second.ended = "exitat";

    ResumeRun third;
    third.host = "";
    third.threads = 1;
    third.startTime = "2026-11-23T00:00:00Z";
    third.endTime = "2026-11-23T00:00:00Z";
    third.seconds = 1e-300;
    third.samplesBefore = UINT64_MAX - 1;
    third.samplesAfter = UINT64_MAX;
    third.ended = "final";
    return {first, second, third};
}

// One valid entry, with `replace` substituted for the text `find` (to break one field).
std::string oneEntry(const std::string& find = "", const std::string& replace = "") {
    std::string entry = R"({"host":"h","threads":4,"startTime":"s","endTime":"e","seconds":1.5,)"
                        R"("samplesBefore":0,"samplesAfter":10,"ended":"final"})";
    if (!find.empty()) {
        const size_t at = entry.find(find);
        EXPECT_NE(at, std::string::npos) << find;
        if (at != std::string::npos) entry.replace(at, find.size(), replace);
    }
    return entry;
}

// Parses `json`, expecting a failure whose message contains every one of `parts`;
// also checks that the output vector is left alone.
void expectHistoryError(const std::string& json, const std::vector<std::string>& parts) {
    ResumeRun marker;
    marker.host = "untouched";
    std::vector<ResumeRun> history{marker};
    std::string error;
    EXPECT_FALSE(resumeHistoryFromJson(json, history, error)) << json;
    for (const std::string& part : parts) EXPECT_CONTAINS(error, part) << json;
    ASSERT_EQ(history.size(), 1u) << json;
    EXPECT_EQ(history[0].host, "untouched") << json;
}

TEST(ResumeHistory, RoundTripIsExact) {
    const std::vector<ResumeRun> history = sampleHistory();
    const std::string json = resumeHistoryToJson(history);
    std::vector<ResumeRun> back;
    std::string error;
    ASSERT_TRUE(resumeHistoryFromJson(json, back, error)) << error;
    EXPECT_EQ(error, "");
    ASSERT_EQ(back.size(), history.size());
    for (size_t i = 0; i < history.size(); ++i) {
        EXPECT_EQ(back[i], history[i]) << "entry " << i;
        // Bitwise, not just ==: the double must round-trip exactly.
        EXPECT_EQ(back[i].seconds, history[i].seconds);
    }
    EXPECT_EQ(back[0].seconds, 0.1 + 0.2);
    EXPECT_NE(back[0].seconds, 0.3);
    EXPECT_EQ(back[0].samplesAfter, 9007199254740993u);
    EXPECT_EQ(back[1].samplesAfter, UINT64_MAX);
}

TEST(ResumeHistory, WritesCompactArrayWithIntegersAndFieldNames) {
    const std::vector<ResumeRun> history = sampleHistory();
    const std::string json = resumeHistoryToJson(history);
    EXPECT_EQ(json.front(), '[');
    EXPECT_EQ(json.back(), ']');
    EXPECT_EQ(json.find('\n'), std::string::npos);
    EXPECT_EQ(json.find(": "), std::string::npos);
    // uint64 values are JSON integers, exactly as written, never floats.
    EXPECT_CONTAINS(json, R"("samplesAfter":9007199254740993)");
    EXPECT_CONTAINS(json, R"("samplesAfter":18446744073709551615)");
    EXPECT_CONTAINS(json, R"("threads":64)");
    for (const char* key : {"host", "threads", "startTime", "endTime", "seconds", "samplesBefore",
                            "samplesAfter", "ended"}) {
        EXPECT_CONTAINS(json, std::string("\"") + key + "\":") << key;
    }
}

TEST(ResumeHistory, EmptyArrayRoundTrips) {
    EXPECT_EQ(resumeHistoryToJson({}), "[]");
    std::vector<ResumeRun> history = sampleHistory();
    std::string error;
    ASSERT_TRUE(resumeHistoryFromJson("[]", history, error)) << error;
    EXPECT_TRUE(history.empty());
    ASSERT_TRUE(resumeHistoryFromJson(" [ ] ", history, error)) << error;
    EXPECT_TRUE(history.empty());
}

TEST(ResumeHistory, AcceptsHandWrittenEntries) {
    // Whitespace, another key order, an integer number of seconds and an unknown key.
    const std::string json =
        R"([ { "ended": "checkpoint", "samplesAfter": 7, "samplesBefore": 3, "seconds": 12,)"
        R"( "endTime": "b", "startTime": "a", "threads": 2, "host": "x", "extra": null } ])";
    std::vector<ResumeRun> history;
    std::string error;
    ASSERT_TRUE(resumeHistoryFromJson(json, history, error)) << error;
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].host, "x");
    EXPECT_EQ(history[0].threads, 2);
    EXPECT_EQ(history[0].startTime, "a");
    EXPECT_EQ(history[0].endTime, "b");
    EXPECT_EQ(history[0].seconds, 12.0);
    EXPECT_EQ(history[0].samplesBefore, 3u);
    EXPECT_EQ(history[0].samplesAfter, 7u);
    EXPECT_EQ(history[0].ended, "checkpoint");
}

TEST(ResumeHistory, MalformedJsonFails) {
    expectHistoryError("", {"not valid JSON ("});
    expectHistoryError("[", {"not valid JSON ("});
    expectHistoryError("[" + oneEntry() + ",]", {"not valid JSON ("});
    expectHistoryError("[" + oneEntry() + "] trailing", {"not valid JSON ("});
    expectHistoryError("{'host':'h'}", {"not valid JSON ("});
}

TEST(ResumeHistory, NonArrayFails) {
    expectHistoryError(oneEntry(), {"resumeHistory:", "array"});
    expectHistoryError("42", {"resumeHistory:", "array"});
    expectHistoryError("\"[]\"", {"resumeHistory:", "array"});
    expectHistoryError("null", {"resumeHistory:", "array"});
}

TEST(ResumeHistory, NonObjectElementFails) {
    expectHistoryError("[" + oneEntry() + ",3]", {"entry 1", "not an object"});
    expectHistoryError("[[]]", {"entry 0", "not an object"});
    expectHistoryError("[null]", {"entry 0", "not an object"});
}

TEST(ResumeHistory, MissingKeyFailsNamingEntryAndKey) {
    const std::string entry = oneEntry();
    for (const char* key : {"host", "threads", "startTime", "endTime", "seconds", "samplesBefore",
                            "samplesAfter", "ended"}) {
        // Drop `"key":value` (and its comma) from the third entry.
        std::string broken = entry;
        const size_t at = broken.find(std::string("\"") + key + "\":");
        ASSERT_NE(at, std::string::npos) << key;
        size_t end = broken.find_first_of(",}", at);
        if (broken[end] == ',') {
            ++end;
            broken.erase(at, end - at);
        } else {
            broken.erase(at - 1, end - (at - 1));  // the last key: drop the comma before it
        }
        expectHistoryError("[" + entry + "," + entry + "," + broken + "]",
                           {std::string("resumeHistory: entry 2 has no '") + key + "'"});
    }
}

TEST(ResumeHistory, WrongTypeFailsNamingEntryAndKey) {
    struct Case {
        std::string find, replace, key;
    };
    const std::vector<Case> cases = {
        {R"("host":"h")", R"("host":5)", "host"},
        {R"("threads":4)", R"("threads":"4")", "threads"},
        {R"("threads":4)", R"("threads":4.5)", "threads"},
        {R"("threads":4)", R"("threads":4294967296)", "threads"},
        {R"("startTime":"s")", R"("startTime":null)", "startTime"},
        {R"("endTime":"e")", R"("endTime":[])", "endTime"},
        {R"("seconds":1.5)", R"("seconds":"1.5")", "seconds"},
        {R"("seconds":1.5)", R"("seconds":null)", "seconds"},
        {R"("samplesBefore":0)", R"("samplesBefore":-1)", "samplesBefore"},
        {R"("samplesBefore":0)", R"("samplesBefore":1.0)", "samplesBefore"},
        {R"("samplesAfter":10)", R"("samplesAfter":18446744073709551616)", "samplesAfter"},
        {R"("samplesAfter":10)", R"("samplesAfter":true)", "samplesAfter"},
        {R"("ended":"final")", R"("ended":false)", "ended"},
    };
    for (const Case& c : cases) {
        expectHistoryError("[" + oneEntry() + "," + oneEntry(c.find, c.replace) + "]",
                           {"resumeHistory: entry 1", "'" + c.key + "'", "not"});
    }
}

TEST(ResumeHistory, NegativeThreadsAreStillAnInt) {
    std::vector<ResumeRun> history;
    std::string error;
    ASSERT_TRUE(resumeHistoryFromJson("[" + oneEntry(R"("threads":4)", R"("threads":-1)") + "]",
                                      history, error))
        << error;
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].threads, -1);
}

// ---------------------------------------------------------------- resumeIncompatibility

ResumeSampling uniform(uint32_t spp, uint32_t cap = 0) {
    ResumeSampling s;
    s.adaptive = false;
    s.uniformSamples = spp;
    s.sampleCap = cap;
    return s;
}

ResumeSampling adaptive(uint32_t minSpp, uint32_t maxSpp, float error, uint32_t cap = 0) {
    ResumeSampling s;
    s.adaptive = true;
    s.minSamples = minSpp;
    s.maxSamples = maxSpp;
    s.targetError = error;
    s.sampleCap = cap;
    return s;
}

ResumeHeader storedWith(const ResumeSampling& sampling) {
    ResumeHeader h;
    h.fingerprint = 0x1f2e3d4c5b6a7988ull;
    h.width = 1920;
    h.height = 1080;
    h.sampling = sampling;
    h.history = sampleHistory();
    return h;
}

ResumeTarget targetWith(const ResumeSampling& sampling) {
    ResumeTarget t;
    t.fingerprint = 0x1f2e3d4c5b6a7988ull;
    t.width = 1920;
    t.height = 1080;
    t.sampling = sampling;
    return t;
}

std::string check(const ResumeSampling& stored, const ResumeSampling& target) {
    return resumeIncompatibility(storedWith(stored), targetWith(target));
}

TEST(ResumeIncompatibility, IdenticalRendersAreCompatible) {
    EXPECT_EQ(check(uniform(64), uniform(64)), "");
    EXPECT_EQ(check(uniform(64, 16), uniform(64, 16)), "");
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), adaptive(16, 1024, 0.01f)), "");
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f, 64), adaptive(16, 1024, 0.01f, 64)), "");
}

TEST(ResumeIncompatibility, FormatVersion) {
    ResumeHeader stored = storedWith(uniform(64));
    stored.formatVersion = kResumeFormatVersion + 1;
    const std::string reason = resumeIncompatibility(stored, targetWith(uniform(64)));
    EXPECT_EQ(reason, "resume format version 3, this renderer reads 1 to 2");
    stored.formatVersion = 0;
    EXPECT_CONTAINS(resumeIncompatibility(stored, targetWith(uniform(64))),
                    "resume format version 0,");
    stored.formatVersion = kResumeFormatVersion;
    EXPECT_EQ(resumeIncompatibility(stored, targetWith(uniform(64))), "");
    // Format 1 (the state as channels in the EXR) is still read.
    stored.formatVersion = 1;
    EXPECT_EQ(resumeIncompatibility(stored, targetWith(uniform(64))), "");
}

TEST(ResumeIncompatibility, Resolution) {
    const ResumeHeader stored = storedWith(uniform(64));
    ResumeTarget target = targetWith(uniform(64));
    target.width = 1280;
    target.height = 720;
    EXPECT_EQ(resumeIncompatibility(stored, target),
              "the file is 1920x1080, the scene renders 1280x720");
    target.width = 1920;  // only the height differs
    EXPECT_CONTAINS(resumeIncompatibility(stored, target), "1920x1080");
    EXPECT_CONTAINS(resumeIncompatibility(stored, target), "1920x720");
    target.width = 1921;  // only the width differs
    target.height = 1080;
    EXPECT_CONTAINS(resumeIncompatibility(stored, target), "1921x1080");
    target.width = 1920;
    EXPECT_EQ(resumeIncompatibility(stored, target), "");
}

TEST(ResumeIncompatibility, Fingerprint) {
    const ResumeHeader stored = storedWith(uniform(64));
    ResumeTarget target = targetWith(uniform(64));
    target.fingerprint = 0x2a;
    EXPECT_EQ(resumeIncompatibility(stored, target),
              "the scene changed (fingerprint 1f2e3d4c5b6a7988 in the file, "
              "000000000000002a now)");
    target.fingerprint = stored.fingerprint;
    EXPECT_EQ(resumeIncompatibility(stored, target), "");
}

TEST(ResumeIncompatibility, AdaptiveToUniformIsRefusedUniformToAdaptiveAllowed) {
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), uniform(4096)),
              "an adaptive render cannot continue as a uniform one");
    // Any adaptive parameters, even a max below the uniform count.
    EXPECT_EQ(check(uniform(64), adaptive(16, 1024, 0.01f)), "");
    EXPECT_EQ(check(uniform(64), adaptive(1, 8, 0.5f)), "");
    EXPECT_EQ(check(uniform(64), adaptive(128, 4096, 0.001f)), "");
}

TEST(ResumeIncompatibility, UniformSamples) {
    EXPECT_EQ(check(uniform(64), uniform(32)), "uniform samples lowered from 64 to 32 spp");
    EXPECT_EQ(check(uniform(64), uniform(65)), "");
    EXPECT_EQ(check(uniform(64), uniform(1024)), "");
}

TEST(ResumeIncompatibility, AdaptiveMinSamples) {
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), adaptive(32, 1024, 0.01f)),
              "min_adaptive_samples changed from 16 to 32");
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), adaptive(8, 1024, 0.01f)),
              "min_adaptive_samples changed from 16 to 8");
}

TEST(ResumeIncompatibility, AdaptiveMaxSamples) {
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), adaptive(16, 512, 0.01f)),
              "max_adaptive_samples lowered from 1024 to 512");
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), adaptive(16, 2048, 0.01f)), "");
}

TEST(ResumeIncompatibility, AdaptiveTargetError) {
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), adaptive(16, 1024, 0.025f)),
              "target_adaptive_error raised from 0.01 to 0.025");
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), adaptive(16, 1024, 0.005f)), "");
    // A higher max and a lower error together.
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f), adaptive(16, 4096, 0.001f)), "");
}

TEST(ResumeIncompatibility, SampleCap) {
    EXPECT_EQ(check(uniform(1024, 256), uniform(1024, 128)),
              "sample cap lowered from 256 to 128 spp");
    EXPECT_EQ(check(uniform(1024), uniform(1024, 128)), "sample cap lowered from none to 128 spp");
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f, 64), adaptive(16, 1024, 0.01f, 32)),
              "sample cap lowered from 64 to 32 spp");
    EXPECT_EQ(check(uniform(64), adaptive(16, 1024, 0.01f, 8)),
              "sample cap lowered from none to 8 spp");
    // Raising or removing the cap continues the render.
    EXPECT_EQ(check(uniform(1024, 128), uniform(1024, 256)), "");
    EXPECT_EQ(check(uniform(1024, 128), uniform(1024, 0)), "");
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f, 64), adaptive(16, 1024, 0.01f, 0)), "");
    EXPECT_EQ(check(adaptive(16, 1024, 0.01f, 64), adaptive(16, 1024, 0.01f, 65)), "");
}

TEST(ResumeIncompatibility, ReportsTheFirstReasonInOrder) {
    // Version before resolution.
    ResumeHeader stored = storedWith(adaptive(16, 1024, 0.01f, 64));
    stored.formatVersion = kResumeFormatVersion + 7;
    ResumeTarget target = targetWith(uniform(8, 4));
    target.width = 640;
    target.fingerprint = 0x99;
    EXPECT_CONTAINS(resumeIncompatibility(stored, target), "resume format version");
    // Resolution before fingerprint.
    stored.formatVersion = kResumeFormatVersion;
    EXPECT_EQ(resumeIncompatibility(stored, target),
              "the file is 1920x1080, the scene renders 640x1080");
    // Fingerprint before sampling.
    target.width = 1920;
    EXPECT_CONTAINS(resumeIncompatibility(stored, target), "the scene changed");
    // Adaptive to uniform before the cap.
    target.fingerprint = stored.fingerprint;
    EXPECT_EQ(resumeIncompatibility(stored, target),
              "an adaptive render cannot continue as a uniform one");
    // Uniform samples before the cap.
    EXPECT_EQ(check(uniform(64, 32), uniform(16, 8)), "uniform samples lowered from 64 to 16 spp");
    // min, then max, then error, then the cap.
    EXPECT_CONTAINS(check(adaptive(16, 1024, 0.01f, 64), adaptive(8, 512, 0.1f, 32)),
                    "min_adaptive_samples");
    EXPECT_CONTAINS(check(adaptive(16, 1024, 0.01f, 64), adaptive(16, 512, 0.1f, 32)),
                    "max_adaptive_samples");
    EXPECT_CONTAINS(check(adaptive(16, 1024, 0.01f, 64), adaptive(16, 1024, 0.1f, 32)),
                    "target_adaptive_error");
    EXPECT_CONTAINS(check(adaptive(16, 1024, 0.01f, 64), adaptive(16, 1024, 0.01f, 32)),
                    "sample cap");
}

TEST(ResumeIncompatibility, ReasonsAreOneSentenceWithoutTrailingPeriod) {
    ResumeHeader versioned = storedWith(uniform(64));
    versioned.formatVersion = 99;
    ResumeTarget otherScene = targetWith(uniform(64));
    otherScene.fingerprint = 1;
    ResumeTarget otherSize = targetWith(uniform(64));
    otherSize.height = 1;
    const std::vector<std::string> reasons = {
        resumeIncompatibility(versioned, targetWith(uniform(64))),
        resumeIncompatibility(storedWith(uniform(64)), otherSize),
        resumeIncompatibility(storedWith(uniform(64)), otherScene),
        check(adaptive(16, 1024, 0.01f), uniform(64)),
        check(uniform(64), uniform(32)),
        check(adaptive(16, 1024, 0.01f), adaptive(8, 1024, 0.01f)),
        check(adaptive(16, 1024, 0.01f), adaptive(16, 8, 0.01f)),
        check(adaptive(16, 1024, 0.01f), adaptive(16, 1024, 0.5f)),
        check(uniform(64, 32), uniform(64, 16)),
    };
    for (const std::string& reason : reasons) {
        ASSERT_FALSE(reason.empty());
        EXPECT_NE(reason.back(), '.') << reason;
        EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
    }
}

// ---------------------------------------------------------------- fingerprint text

TEST(FingerprintHex, SixteenLowercaseZeroPaddedDigits) {
    EXPECT_EQ(fingerprintHex(0), "0000000000000000");
    EXPECT_EQ(fingerprintHex(1), "0000000000000001");
    EXPECT_EQ(fingerprintHex(0xabcdefull), "0000000000abcdef");
    EXPECT_EQ(fingerprintHex(0x1f2e3d4c5b6a7988ull), "1f2e3d4c5b6a7988");
    EXPECT_EQ(fingerprintHex(UINT64_MAX), "ffffffffffffffff");
}

TEST(FingerprintHex, RoundTrips) {
    for (const uint64_t value :
         {uint64_t{0}, uint64_t{1}, uint64_t{0x2a}, uint64_t{0x8000000000000000ull},
          uint64_t{0x0123456789abcdefull}, uint64_t{0xfedcba9876543210ull}, UINT64_MAX}) {
        uint64_t back = 0x5555;
        ASSERT_TRUE(parseFingerprintHex(fingerprintHex(value), back)) << value;
        EXPECT_EQ(back, value);
    }
}

TEST(FingerprintHex, ParsesEitherCase) {
    uint64_t value = 0;
    ASSERT_TRUE(parseFingerprintHex("ABCDEF0123456789", value));
    EXPECT_EQ(value, 0xabcdef0123456789ull);
    ASSERT_TRUE(parseFingerprintHex("aBcDeF0123456789", value));
    EXPECT_EQ(value, 0xabcdef0123456789ull);
}

TEST(FingerprintHex, RefusesBadText) {
    for (const std::string& text : {
             std::string(""),
             std::string("123456789abcdef"),    // 15 digits
             std::string("123456789abcdef01"),  // 17 digits
             std::string("0x23456789abcdef"),   // 16 characters with a prefix
             std::string("0x0123456789abcdef"),
             std::string("0123456789abcdeg"),
             std::string("0123456789abcde "),
             std::string(" 0123456789abcde"),
             std::string("-123456789abcdef"),
             std::string("+123456789abcdef"),
             std::string("0123456789abcd\0f", 16),
         }) {
        uint64_t value = 0x5555;
        EXPECT_FALSE(parseFingerprintHex(text, value)) << text;
        EXPECT_EQ(value, 0x5555u) << text;  // untouched on failure
    }
}

}  // namespace
}  // namespace rt
