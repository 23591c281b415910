// FileSetWriter: sets of EXR and 8-bit files committed all-or-nothing, synchronously or
// on the writer thread, in submission order and with a bounded number of sets held.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/Log.h"
#include "io/AtomicFile.h"
#include "io/ExrFile.h"
#include "io/ImageReader.h"
#include "session/FileSetWriter.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

using test::readBytes;
using test::TempDir;

// Names of the directory's entries that end in ".part".
std::vector<std::string> partEntries(const std::filesystem::path& directory) {
    std::vector<std::string> parts;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() == ".part") parts.push_back(entry.path().filename().string());
    }
    return parts;
}

ImageBuffer greyImage(float value, PixelType type = PixelType::Float) {
    ImageBuffer image(4, 3);
    for (const char* name : {"R", "G", "B"}) {
        image.addChannel(name, type).floats.assign(image.pixelCount(), value);
    }
    return image;
}

FileToWrite exrFile(const std::string& path, int serial, float value,
                    Compression compression = Compression::Zip) {
    FileToWrite file;
    file.path = path;
    file.image = greyImage(value, PixelType::Half);
    file.metadata.set("serial", serial);
    file.metadata.set("role", "beauty");
    file.compression = compression;
    return file;
}

FileToWrite pngFile(const std::string& path, float value) {
    FileToWrite file;
    file.path = path;
    file.image = greyImage(value);
    return file;
}

// Two EXRs (the second with UINT data, as a checkpoint has) and one PNG.
FileSet checkpointSet(const TempDir& dir, int serial) {
    FileSet set;
    set.label = "checkpoint " + std::to_string(serial);
    set.files.push_back(exrFile(dir.file("beauty.exr"), serial, 0.25f * serial));
    FileToWrite counts = exrFile(dir.file("counts.exr"), serial, 0.0f, Compression::Piz);
    counts.image.addChannel("count", PixelType::Uint).uints.assign(12, 1000u + serial);
    set.files.push_back(std::move(counts));
    set.files.push_back(pngFile(dir.file("preview.png"), 0.5f));
    return set;
}

int serialOf(const std::string& path) {
    ImageBuffer image;
    Metadata metadata;
    std::string error;
    EXPECT_TRUE(readExr(path, image, metadata, error)) << error;
    return metadata.get<int>("serial").value_or(-1);
}

TEST(FileSetWriter, WritesEveryFileOfTheSetAndLeavesNoPart) {
    TempDir dir;
    std::string error;
    ASSERT_TRUE(writeFileSet(checkpointSet(dir, 3), error)) << error;
    EXPECT_TRUE(error.empty()) << error;

    for (const char* name : {"beauty.exr", "counts.exr", "preview.png"}) {
        EXPECT_TRUE(std::filesystem::is_regular_file(dir.file(name))) << name;
    }
    EXPECT_TRUE(partEntries(dir.path()).empty());

    ImageBuffer image;
    Metadata metadata;
    ASSERT_TRUE(readExr(dir.file("beauty.exr"), image, metadata, error)) << error;
    EXPECT_EQ(metadata.get<int>("serial"), 3);
    EXPECT_EQ(metadata.get<std::string>("role"), "beauty");
    ASSERT_NE(image.find("R"), nullptr);
    EXPECT_EQ(image.find("R")->floats[5], 0.75f);

    ASSERT_TRUE(readExr(dir.file("counts.exr"), image, metadata, error)) << error;
    EXPECT_EQ(metadata.get<int>("serial"), 3);
    ASSERT_NE(image.find("count"), nullptr);
    EXPECT_EQ(image.find("count")->uints[11], 1003u);

    RgbImage preview;
    ASSERT_TRUE(readRgbImage(dir.file("preview.png"), preview, error)) << error;
    EXPECT_NEAR(preview.at(1, 1).x, 0.5f, 0.01f);
}

TEST(FileSetWriter, FailedSetKeepsThePreviousSetAndRemovesItsParts) {
    TempDir dir;
    std::string error;
    ASSERT_TRUE(writeFileSet(checkpointSet(dir, 1), error)) << error;
    const std::string previousPng = readBytes(dir.file("preview.png"));

    // A directory where the second file's .part must go: that write fails after the
    // first file's .part was already complete.
    const std::string blocked = partPath(dir.file("counts.exr"));
    std::filesystem::create_directory(blocked);

    EXPECT_FALSE(writeFileSet(checkpointSet(dir, 2), error));
    EXPECT_NE(error.find(dir.file("counts.exr")), std::string::npos) << error;

    EXPECT_EQ(serialOf(dir.file("beauty.exr")), 1) << "the first file was replaced";
    EXPECT_EQ(serialOf(dir.file("counts.exr")), 1);
    EXPECT_EQ(readBytes(dir.file("preview.png")), previousPng);
    EXPECT_EQ(partEntries(dir.path()), std::vector<std::string>{"counts.exr.part"});
    EXPECT_TRUE(std::filesystem::is_directory(blocked));
}

TEST(FileSetWriter, RejectsAnUnknownExtensionAndATwiceListedPath) {
    TempDir dir;
    std::string error;
    FileSet unknown;
    unknown.label = "unknown";
    unknown.files.push_back(exrFile(dir.file("a.exr"), 1, 0.5f));
    unknown.files.push_back(pngFile(dir.file("b.bmp"), 0.5f));
    EXPECT_FALSE(writeFileSet(unknown, error));
    EXPECT_NE(error.find(dir.file("b.bmp")), std::string::npos) << error;

    FileSet twice;
    twice.label = "twice";
    twice.files.push_back(exrFile(dir.file("a.exr"), 1, 0.5f));
    twice.files.push_back(exrFile(dir.file("a.exr"), 2, 0.5f));
    EXPECT_FALSE(writeFileSet(twice, error));
    EXPECT_NE(error.find(dir.file("a.exr")), std::string::npos) << error;

    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

// Events in the order they happened, from the test thread and the writer thread.
class EventLog {
  public:
    void add(const std::string& event) {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
    }
    std::vector<std::string> events() const {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    // Position of `event`, or -1.
    long position(const std::string& event) const {
        std::lock_guard lock(m_mutex);
        const auto it = std::find(m_events.begin(), m_events.end(), event);
        return it == m_events.end() ? -1 : it - m_events.begin();
    }

  private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_events;
};

FileSet singleExrSet(const TempDir& dir, int serial) {
    FileSet set;
    set.label = "set " + std::to_string(serial);
    set.files.push_back(exrFile(dir.file("set" + std::to_string(serial) + ".exr"), serial, 1.0f));
    return set;
}

TEST(FileSetWriter, BackgroundWritesInOrderAndHoldsAtMostMaxHeld) {
    TempDir dir;
    constexpr int kSets = 6;
    constexpr int kMaxHeld = 2;
    EventLog log;
    std::vector<int> doneOrder;  // written only on the writer thread, read after drain
    {
        FileSetWriter writer(true, kMaxHeld);
        for (int i = 0; i < kSets; ++i) {
            writer.submit(singleExrSet(dir, i), [&, i](const FileSet& set, bool ok,
                                                       const std::string& error) {
                EXPECT_TRUE(ok) << set.label << ": " << error;
                EXPECT_TRUE(std::filesystem::exists(dir.file("set" + std::to_string(i) + ".exr")));
                // Keeps set 0 held while the test thread submits, so that submit has to
                // wait for room.
                if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
                doneOrder.push_back(i);
                log.add("done " + std::to_string(i));
            });
            log.add("submitted " + std::to_string(i));
        }
        writer.drain();
        EXPECT_EQ(writer.failures(), 0u);
        EXPECT_EQ(log.events().size(), 2u * kSets) << "drain returned before every set was done";
    }
    EXPECT_EQ(doneOrder, (std::vector<int>{0, 1, 2, 3, 4, 5}));
    // A set stays held until its `done` has returned, so with two held, submit i can only
    // return after set i - 2 is done.
    for (int i = kMaxHeld; i < kSets; ++i) {
        const long done = log.position("done " + std::to_string(i - kMaxHeld));
        const long submitted = log.position("submitted " + std::to_string(i));
        ASSERT_GE(done, 0);
        EXPECT_LT(done, submitted) << "submit " << i << " did not wait for room";
    }
    for (int i = 0; i < kSets; ++i) {
        EXPECT_EQ(serialOf(dir.file("set" + std::to_string(i) + ".exr")), i);
    }
    EXPECT_TRUE(partEntries(dir.path()).empty());
}

TEST(FileSetWriter, BackgroundFailureIsReportedAndLaterSetsStillWork) {
    TempDir dir;
    std::mutex mutex;
    std::vector<std::pair<bool, std::string>> results;
    const auto record = [&](const FileSet&, bool ok, const std::string& error) {
        std::lock_guard lock(mutex);
        results.emplace_back(ok, error);
    };
    const int warningsBefore = log::warningCount();

    FileSetWriter writer(true, 1);
    FileSet failing = singleExrSet(dir, 0);
    failing.files[0].path = dir.file("missing/set0.exr");
    writer.submit(std::move(failing), record);
    writer.submit(singleExrSet(dir, 1), record);
    writer.drain();

    EXPECT_EQ(writer.failures(), 1u);
    EXPECT_EQ(log::warningCount(), warningsBefore + 1);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_FALSE(results[0].first);
    EXPECT_NE(results[0].second.find(dir.file("missing/set0.exr")), std::string::npos)
        << results[0].second;
    EXPECT_TRUE(results[1].first) << results[1].second;
    EXPECT_TRUE(results[1].second.empty());
    EXPECT_EQ(serialOf(dir.file("set1.exr")), 1);
}

TEST(FileSetWriter, ExceptionFromDoneDoesNotStopTheWriterThread) {
    TempDir dir;
    std::vector<int> done;
    {
        FileSetWriter writer(true, 2);
        writer.submit(singleExrSet(dir, 0), [](const FileSet&, bool, const std::string&) {
            throw std::runtime_error("listener failed");
        });
        writer.submit(singleExrSet(dir, 1),
                      [&](const FileSet&, bool ok, const std::string&) { done.push_back(ok); });
    }  // the destructor drains
    EXPECT_EQ(done, std::vector<int>{1});
    EXPECT_TRUE(std::filesystem::exists(dir.file("set0.exr")));
    EXPECT_TRUE(std::filesystem::exists(dir.file("set1.exr")));
}

TEST(FileSetWriter, SynchronousModeWritesInsideSubmit) {
    TempDir dir;
    FileSetWriter writer(false, 1);
    std::thread::id doneThread;
    bool doneOk = false;
    writer.submit(checkpointSet(dir, 5), [&](const FileSet&, bool ok, const std::string&) {
        doneThread = std::this_thread::get_id();
        doneOk = ok;
    });
    EXPECT_TRUE(doneOk);
    EXPECT_EQ(doneThread, std::this_thread::get_id());
    EXPECT_EQ(serialOf(dir.file("beauty.exr")), 5);
    EXPECT_TRUE(std::filesystem::exists(dir.file("preview.png")));
    EXPECT_TRUE(partEntries(dir.path()).empty());

    FileSet failing = singleExrSet(dir, 6);
    failing.files[0].path = dir.file("missing/set6.exr");
    writer.submit(std::move(failing));  // no callback: only counted and logged
    EXPECT_EQ(writer.failures(), 1u);
}

}  // namespace
}  // namespace rt
