// Reading one checkpoint set for a resume (CheckpointSetReader.h), with small real EXR
// files: consistent sets read, missing, damaged and mixed ones are refused naming the
// file, and what a crash during a commit leaves behind is finished or discarded.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "io/AtomicFile.h"
#include "io/ExrFile.h"
#include "session/CheckpointSetReader.h"
#include "session/StateEncoder.h"
#include "session/StateFile.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

constexpr int kWidth = 6;
constexpr int kHeight = 4;
const std::string kRenderId = "render-1";

// A small image whose pixels say which file and serial it is.
ImageBuffer imageFor(int serial, float fileTag) {
    ImageBuffer image(kWidth, kHeight);
    ImageChannel& r = image.addChannel("R", PixelType::Float);
    for (size_t i = 0; i < image.pixelCount(); ++i) r.floats[i] = fileTag * 1000.0f + serial + i;
    return image;
}

Metadata metadataFor(int serial, const std::string& renderId = kRenderId) {
    Metadata metadata;
    metadata.set("renderId", renderId);
    metadata.set("checkpointSerial", serial);
    return metadata;
}

float tagOf(const std::string& path) {
    return path.find("a.exr") != std::string::npos ? 1.0f : 2.0f;
}

void writeFinal(const std::string& path, int serial, const std::string& renderId = kRenderId) {
    std::string error;
    ASSERT_TRUE(writeExr(path, imageFor(serial, tagOf(path)), metadataFor(serial, renderId),
                         ExrWriteOptions{}, error))
        << error;
}

// Leaves `<path>.part`, complete, as a crash between writing and renaming would.
void writePart(const std::string& path, int serial) {
    std::string error;
    ASSERT_TRUE(writeExrPart(path, imageFor(serial, tagOf(path)), metadataFor(serial),
                             ExrWriteOptions{}, error))
        << error;
    ASSERT_TRUE(test::exists(partPath(path)));
}

void truncate(const std::string& path) {
    const std::string bytes = test::readBytes(path);
    ASSERT_GT(bytes.size(), 100u);
    test::writeBytes(path, bytes.substr(0, bytes.size() / 2));
}

// A state file is tiny here; any byte missing must be noticed.
void cutLastByte(const std::string& path) {
    const std::string bytes = test::readBytes(path);
    test::writeBytes(path, bytes.substr(0, bytes.size() - 1));
}

int serialOnDisk(const std::string& path) {
    ImageBuffer image;
    Metadata metadata;
    std::string error;
    EXPECT_TRUE(readExr(path, image, metadata, error)) << error;
    return metadata.get<int>("checkpointSerial").value_or(-1);
}

bool anyNoteContains(const std::vector<std::string>& notes, const std::string& text) {
    for (const std::string& note : notes) {
        if (note.find(text) != std::string::npos) return true;
    }
    return false;
}

class CheckpointSetReader : public testing::Test {
  protected:
    test::TempDir dir;
    const std::string a = dir.file("a.exr");
    const std::string b = dir.file("b.exr");
    std::vector<CheckpointSetFile> files;
    std::string reason;
    std::vector<std::string> notes;

    bool read() { return readCheckpointSet({a, b}, files, reason, notes); }

    // Both files read, in order, hold `serial`.
    void expectSet(int serial) {
        ASSERT_EQ(files.size(), 2u);
        EXPECT_EQ(files[0].path, a);
        EXPECT_EQ(files[1].path, b);
        for (const CheckpointSetFile& file : files) {
            EXPECT_EQ(file.metadata.get<std::string>("renderId"), kRenderId) << file.path;
            EXPECT_EQ(file.metadata.get<int>("checkpointSerial"), serial) << file.path;
            EXPECT_EQ(file.width, kWidth) << file.path;
            EXPECT_EQ(file.height, kHeight) << file.path;
        }
    }

    void expectNoPartLeft() {
        EXPECT_FALSE(test::exists(partPath(a)));
        EXPECT_FALSE(test::exists(partPath(b)));
    }
};

TEST_F(CheckpointSetReader, ConsistentSetReads) {
    writeFinal(a, 4);
    writeFinal(b, 4);
    ASSERT_TRUE(read()) << reason;
    expectSet(4);
    EXPECT_TRUE(notes.empty());
    EXPECT_TRUE(reason.empty());
}

TEST_F(CheckpointSetReader, SingleFileSetReads) {
    writeFinal(a, 1);
    ASSERT_TRUE(readCheckpointSet({a}, files, reason, notes)) << reason;
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].metadata.get<int>("checkpointSerial"), 1);
}

TEST_F(CheckpointSetReader, MissingFileIsNamed) {
    writeFinal(a, 4);
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find(b), std::string::npos) << reason;
    EXPECT_NE(reason.find("missing"), std::string::npos) << reason;
    EXPECT_TRUE(files.empty());
}

TEST_F(CheckpointSetReader, TruncatedFileIsNamed) {
    writeFinal(a, 4);
    writeFinal(b, 4);
    truncate(b);
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find(b), std::string::npos) << reason;
    EXPECT_TRUE(files.empty());
    // The damaged file is reported, not removed: it may be all the user has.
    EXPECT_TRUE(test::exists(b));
}

TEST_F(CheckpointSetReader, MixedSerialsAreRefused) {
    writeFinal(a, 4);
    writeFinal(b, 5);
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find("mixed checkpoint set"), std::string::npos) << reason;
    EXPECT_NE(reason.find(a), std::string::npos) << reason;
    EXPECT_NE(reason.find(b), std::string::npos) << reason;
    EXPECT_TRUE(files.empty());
}

TEST_F(CheckpointSetReader, MixedRendersAreRefused) {
    writeFinal(a, 4);
    writeFinal(b, 4, "render-2");
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find("mixed checkpoint set"), std::string::npos) << reason;
    EXPECT_NE(reason.find("render-2"), std::string::npos) << reason;
}

TEST_F(CheckpointSetReader, FileWithoutIdentityIsNotACheckpoint) {
    writeFinal(a, 4);
    std::string error;
    ASSERT_TRUE(writeExr(b, imageFor(4, 2.0f), Metadata{}, ExrWriteOptions{}, error)) << error;
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find(b), std::string::npos) << reason;
    EXPECT_NE(reason.find("not a checkpoint"), std::string::npos) << reason;
}

// The crash came after a.exr was renamed into checkpoint 5 and before b.exr was: the
// commit is finished.
TEST_F(CheckpointSetReader, InterruptedCommitIsFinished) {
    writeFinal(a, 5);
    writeFinal(b, 4);
    writePart(b, 5);
    ASSERT_TRUE(read()) << reason;
    expectSet(5);
    EXPECT_TRUE(anyNoteContains(notes, "finished the interrupted commit")) << notes.size();
    EXPECT_TRUE(anyNoteContains(notes, "checkpoint 5 of render " + kRenderId));
    expectNoPartLeft();
    EXPECT_EQ(serialOnDisk(a), 5);
    EXPECT_EQ(serialOnDisk(b), 5);
}

// The crash came after every .part of checkpoint 5 was written, before any rename (the
// final names still hold 4): the whole commit is redone.
TEST_F(CheckpointSetReader, CompletePartsOfEveryFileAreCommitted) {
    writeFinal(a, 4);
    writeFinal(b, 4);
    writePart(a, 5);
    writePart(b, 5);
    ASSERT_TRUE(read()) << reason;
    expectSet(5);
    expectNoPartLeft();
    EXPECT_EQ(serialOnDisk(a), 5);
    EXPECT_EQ(serialOnDisk(b), 5);
}

// The very first checkpoint crashed before its renames: only .part files exist.
TEST_F(CheckpointSetReader, FirstCheckpointOnlyInPartsIsCommitted) {
    writePart(a, 1);
    writePart(b, 1);
    ASSERT_TRUE(read()) << reason;
    expectSet(1);
    expectNoPartLeft();
    EXPECT_TRUE(test::exists(a));
    EXPECT_TRUE(test::exists(b));
}

// The crash came while b.exr.part was being written: it is removed and checkpoint 4,
// intact under the final names, is used.
TEST_F(CheckpointSetReader, IncompletePartIsRemovedAndThePreviousSetUsed) {
    writeFinal(a, 4);
    writeFinal(b, 4);
    writePart(b, 5);
    truncate(partPath(b));
    ASSERT_TRUE(read()) << reason;
    expectSet(4);
    EXPECT_TRUE(anyNoteContains(notes, partPath(b))) << "the incomplete file is named";
    EXPECT_TRUE(anyNoteContains(notes, "incomplete"));
    EXPECT_TRUE(anyNoteContains(notes, "removed 1 .part file(s)"));
    expectNoPartLeft();
    EXPECT_EQ(serialOnDisk(b), 4);
}

// b.exr.part is complete, but a.exr was never renamed into checkpoint 5: the set on disk
// is still checkpoint 4 and the .part does not belong to it.
TEST_F(CheckpointSetReader, PartOfAnotherCheckpointIsRemoved) {
    writeFinal(a, 4);
    writeFinal(b, 4);
    writePart(b, 5);
    ASSERT_TRUE(read()) << reason;
    expectSet(4);
    EXPECT_TRUE(anyNoteContains(notes, "removed 1 .part file(s)"));
    expectNoPartLeft();
    EXPECT_EQ(serialOnDisk(b), 4);
}

// Two .part files of different checkpoints cannot be one commit.
TEST_F(CheckpointSetReader, PartsOfDifferentCheckpointsAreRemoved) {
    writeFinal(a, 4);
    writeFinal(b, 4);
    writePart(a, 5);
    writePart(b, 6);
    ASSERT_TRUE(read()) << reason;
    expectSet(4);
    EXPECT_TRUE(anyNoteContains(notes, "removed 2 .part file(s)"));
    expectNoPartLeft();
}

// A .part whose partner file is missing altogether cannot be committed: it is removed,
// and the set, now without any file, is refused naming the first missing one.
TEST_F(CheckpointSetReader, PartWithoutItsPartnerIsRemoved) {
    writePart(a, 1);
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find("'" + a + "' is missing"), std::string::npos) << reason;
    EXPECT_TRUE(anyNoteContains(notes, "removed 1 .part file(s)"));
    expectNoPartLeft();
    EXPECT_FALSE(test::exists(a));
}

TEST_F(CheckpointSetReader, CheckpointFileExists) {
    EXPECT_FALSE(checkpointFileExists(a));
    writePart(a, 1);
    EXPECT_TRUE(checkpointFileExists(a));
    std::filesystem::remove(partPath(a));
    writeFinal(a, 1);
    EXPECT_TRUE(checkpointFileExists(a));
    EXPECT_FALSE(checkpointFileExists(b));
}

// Versioned copies (`<stem>_<digits><ext>`) whose write a crash interrupted.
TEST(RemoveVersionedParts, RemovesOnlyPartsOfVersionedCopies) {
    test::TempDir dir;
    const std::vector<std::string> removed = {"checkpoint_0320.exr.part", "checkpoint_1.exr.part",
                                              "checkpoint_000000.exr.part"};
    const std::vector<std::string> kept = {
        "checkpoint_0320.exr",        // a finished copy
        "checkpoint.exr.part",        // the regular file's .part: recovery decides about it
        "checkpoint.exr",             // the regular file
        "checkpoint_.exr.part",       // no digits
        "checkpoint_12a.exr.part",    // not only digits
        "checkpoint_0320.tif.part",   // another extension
        "other_0320.exr.part",        // another stem
        "checkpoint_0320.exr.part~",  // not a .part
        "xcheckpoint_0320.exr.part",  // the stem must start the name
    };
    for (const std::string& name : removed) test::writeBytes(dir.file(name), "x");
    for (const std::string& name : kept) test::writeBytes(dir.file(name), "x");
    EXPECT_EQ(removeVersionedParts(dir.file("checkpoint.exr")), removed.size());
    for (const std::string& name : removed) EXPECT_FALSE(test::exists(dir.file(name))) << name;
    for (const std::string& name : kept) EXPECT_TRUE(test::exists(dir.file(name))) << name;
    EXPECT_EQ(removeVersionedParts(dir.file("checkpoint.exr")), 0u);
}

TEST(RemoveVersionedParts, MissingDirectoryRemovesNothing) {
    test::TempDir dir;
    EXPECT_EQ(removeVersionedParts(dir.file("nowhere/checkpoint.exr")), 0u);
}

// Format 2: a.exr names its state file a.resume (StateFile.h), which belongs to the set.
class CheckpointSetWithStateFile : public CheckpointSetReader {
  protected:
    const std::string state = dir.file("a.resume");

    // a.exr of `serial` naming a.resume; as a .part with `part`.
    void writeExrNamingState(int serial, bool part) {
        Metadata metadata = metadataFor(serial);
        metadata.set("resumeStateFile", std::string("a.resume"));
        std::string error;
        const ImageBuffer image = imageFor(serial, 1.0f);
        ASSERT_TRUE(part ? writeExrPart(a, image, metadata, {}, error)
                         : writeExr(a, image, metadata, {}, error))
            << error;
    }

    void writeState(int serial, bool part) {
        Film film(kWidth, kHeight);
        film.at(1, 2).sampleCount = static_cast<uint32_t>(serial);
        StateEncoder encoder;
        uint64_t hash = 0;
        const auto pieces =
            stateFilePieces(*encoder.encode(film, std::vector<uint32_t>(film.pixelCount(), 0)),
                            kRenderId, serial, hash);
        std::vector<std::string_view> views;
        for (const auto& piece : pieces) views.emplace_back(*piece);
        std::string error;
        ASSERT_TRUE(writeFilePart(state, views, error)) << error;
        if (!part) {
            ASSERT_TRUE(commitPart(state, error)) << error;
        }
    }
};

TEST_F(CheckpointSetWithStateFile, TheNamedStateFileIsPartOfTheSet) {
    writeExrNamingState(4, false);
    writeFinal(b, 4);
    writeState(4, false);
    ASSERT_TRUE(read()) << reason;
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(files[2].path, state);
    EXPECT_EQ(files[2].metadata.get<int>("checkpointSerial"), 4);
}

TEST_F(CheckpointSetWithStateFile, AStateFileOfAnotherCheckpointIsAMixedSet) {
    writeExrNamingState(5, false);
    writeFinal(b, 5);
    writeState(4, false);
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find("mixed checkpoint set"), std::string::npos) << reason;
    EXPECT_NE(reason.find(state), std::string::npos) << reason;
}

TEST_F(CheckpointSetWithStateFile, AMissingStateFileIsNamed) {
    writeExrNamingState(4, false);
    writeFinal(b, 4);
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find("a.resume' is missing (the resume state of '" + a), std::string::npos)
        << reason;
}

TEST_F(CheckpointSetWithStateFile, ATruncatedStateFileIsNamed) {
    writeExrNamingState(4, false);
    writeFinal(b, 4);
    writeState(4, false);
    cutLastByte(state);
    EXPECT_FALSE(read());
    EXPECT_NE(reason.find(state), std::string::npos) << reason;
}

// The crash came after a.exr and b.exr were renamed into checkpoint 5, before a.resume.
TEST_F(CheckpointSetWithStateFile, InterruptedCommitOfTheStateFileIsFinished) {
    writeExrNamingState(5, false);
    writeFinal(b, 5);
    writeState(4, false);
    writeState(5, true);
    ASSERT_TRUE(read()) << reason;
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(files[2].metadata.get<int>("checkpointSerial"), 5);
    EXPECT_TRUE(anyNoteContains(notes, "finished the interrupted commit"));
    EXPECT_FALSE(test::exists(partPath(state)));
}

// The crash came while a.resume.part was being written: both .part files go, and
// checkpoint 4 is used.
TEST_F(CheckpointSetWithStateFile, IncompleteStateFilePartIsRemoved) {
    writeExrNamingState(4, false);
    writeFinal(b, 4);
    writeState(4, false);
    writeExrNamingState(5, true);
    writeState(5, true);
    cutLastByte(partPath(state));
    ASSERT_TRUE(read()) << reason;
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(files[2].metadata.get<int>("checkpointSerial"), 4);
    EXPECT_TRUE(anyNoteContains(notes, "removed 2 .part file(s)"));
    EXPECT_FALSE(test::exists(partPath(state)));
    EXPECT_FALSE(test::exists(partPath(a)));
}

// The stop came after the EXR .part files of checkpoint 5 were written, before
// a.resume.part was created: a.exr.part names a state that is not there, so renaming it
// would pair it with checkpoint 4's state. Both .part files go, and checkpoint 4 is used.
TEST_F(CheckpointSetWithStateFile, ExrPartWhoseStateWasNeverWrittenIsRemoved) {
    writeExrNamingState(4, false);
    writeFinal(b, 4);
    writeState(4, false);
    writeExrNamingState(5, true);
    writePart(b, 5);
    ASSERT_TRUE(read()) << reason;
    ASSERT_EQ(files.size(), 3u);
    for (const CheckpointSetFile& file : files)
        EXPECT_EQ(file.metadata.get<int>("checkpointSerial"), 4) << file.path;
    EXPECT_TRUE(anyNoteContains(notes, "removed 2 .part file(s)"));
    expectNoPartLeft();
}

}  // namespace
}  // namespace rt
