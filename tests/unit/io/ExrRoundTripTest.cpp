// EXR round trips: every pixel type, exact UINT and split doubles, every metadata type,
// every compression mode, and an external read by oiiotool.
#include <Imath/half.h>

#include <bit>
#include <cmath>
#include <limits>

#include "io/DoubleChannels.h"
#include "io/ExrFile.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

constexpr int kWidth = 7;
constexpr int kHeight = 5;

// Doubles whose bit patterns stress the split: sign, denormal, huge, NaN payload.
std::vector<double> awkwardDoubles(size_t count) {
    const double special[] = {0.0,
                              -0.0,
                              1.0 / 3.0,
                              -3.141592653589793,
                              1e300,
                              std::numeric_limits<double>::denorm_min(),
                              std::bit_cast<double>(0x7ff80000deadbeefULL),
                              123456789.123456789};
    std::vector<double> values(count);
    for (size_t i = 0; i < count; ++i) {
        values[i] = i < std::size(special) ? special[i] : std::sqrt(double(i)) * 1e6 + 1e-9 * i;
    }
    return values;
}

ImageBuffer makeImage() {
    ImageBuffer image(kWidth, kHeight);
    for (const char* name : {"R", "G", "B"}) image.addChannel(name, PixelType::Half);
    image.addChannel("A", PixelType::Float);
    image.addChannel("depth", PixelType::Float);
    image.addChannel("sampleCount", PixelType::Uint);
    for (size_t i = 0; i < image.pixelCount(); ++i) {
        image.find("R")->floats[i] = 0.1f * i;  // not all representable: rounds to half
        image.find("G")->floats[i] = 0.5f;
        image.find("B")->floats[i] = -1024.0f + i;
        image.find("A")->floats[i] = 1.0f / (1.0f + i);
        image.find("depth")->floats[i] =
            i == 3 ? std::numeric_limits<float>::infinity() : 1e-30f * i;
        image.find("sampleCount")->uints[i] =
            i == 0 ? 0xffffffffu : (i == 1 ? 0x80000000u : 0xdeadbeefu + static_cast<uint32_t>(i));
    }
    std::string error;
    EXPECT_TRUE(addDoubleChannel(image, "sum.R", awkwardDoubles(image.pixelCount()), error))
        << error;
    return image;
}

Metadata makeMetadata() {
    Metadata metadata;
    metadata.set("checkpoint:samplesPerPixel", 64);
    metadata.set("checkpoint:negative", std::numeric_limits<int>::min());
    metadata.set("checkpoint:aVeryLongAttributeNameBeyond31Chars", 7);
    metadata.set("checkpoint:elapsedSeconds", 12.5f);
    metadata.set("checkpoint:errorEstimate", 1.0 / 3.0);
    metadata.set("checkpoint:sceneHash", "0123456789abcdef");
    metadata.set("comments", std::string("multi\nline \"text\" with unicode \xc3\xa9"));
    metadata.set("checkpoint:emptyString", "");
    Mat4f worldToCamera;
    worldToCamera.setTranslation(Vec3f(1.0f, -2.0f, 3.5f));
    worldToCamera[0][1] = 0.25f;
    metadata.set("worldToCamera", worldToCamera);
    return metadata;
}

void expectSameImage(const ImageBuffer& written, const ImageBuffer& read) {
    ASSERT_EQ(read.width, written.width);
    ASSERT_EQ(read.height, written.height);
    ASSERT_EQ(read.channels.size(), written.channels.size());
    for (const ImageChannel& expected : written.channels) {
        const ImageChannel* actual = read.find(expected.name);
        ASSERT_NE(actual, nullptr) << expected.name;
        EXPECT_EQ(actual->type, expected.type) << expected.name;
        if (expected.type == PixelType::Uint) {
            EXPECT_EQ(actual->uints, expected.uints) << expected.name;
            continue;
        }
        ASSERT_EQ(actual->floats.size(), expected.floats.size());
        for (size_t i = 0; i < expected.floats.size(); ++i) {
            const float want = expected.type == PixelType::Half
                                   ? static_cast<float>(Imath::half(expected.floats[i]))
                                   : expected.floats[i];
            EXPECT_EQ(std::bit_cast<uint32_t>(actual->floats[i]), std::bit_cast<uint32_t>(want))
                << expected.name << " pixel " << i;
        }
    }
}

TEST(ExrRoundTrip, AllChannelTypesAndMetadata) {
    test::TempDir dir;
    const std::string path = dir.file("beauty.exr");
    const ImageBuffer image = makeImage();
    const Metadata metadata = makeMetadata();
    std::string error;
    ASSERT_TRUE(writeExr(path, image, metadata, ExrWriteOptions{}, error)) << error;
    EXPECT_FALSE(test::exists(path + ".part"));

    ImageBuffer read;
    Metadata readMetadata;
    ASSERT_TRUE(readExr(path, read, readMetadata, error)) << error;
    expectSameImage(image, read);

    // Every entry comes back with its type and exact value; the file adds only
    // attributes of unsupported types (chromaticities), which are not reported.
    EXPECT_EQ(readMetadata.size(), metadata.size());
    for (const Metadata::Entry& entry : metadata) {
        const MetadataValue* value = readMetadata.find(entry.name);
        ASSERT_NE(value, nullptr) << entry.name;
        EXPECT_EQ(value->index(), entry.value.index()) << entry.name;
        EXPECT_TRUE(*value == entry.value) << entry.name << ": " << metadataValueString(*value);
    }
    EXPECT_EQ(std::bit_cast<uint64_t>(*readMetadata.get<double>("checkpoint:errorEstimate")),
              std::bit_cast<uint64_t>(1.0 / 3.0));
}

TEST(ExrRoundTrip, SplitDoublesReconstructBitExactly) {
    test::TempDir dir;
    const std::string path = dir.file("checkpoint.exr");
    const ImageBuffer image = makeImage();
    std::string error;
    ASSERT_TRUE(writeExr(path, image, Metadata{}, ExrWriteOptions{Compression::Piz}, error))
        << error;
    ImageBuffer read;
    Metadata metadata;
    ASSERT_TRUE(readExr(path, read, metadata, error)) << error;
    std::vector<double> values;
    ASSERT_TRUE(getDoubleChannel(read, "sum.R", values, error)) << error;
    const std::vector<double> expected = awkwardDoubles(image.pixelCount());
    ASSERT_EQ(values.size(), expected.size());
    for (size_t i = 0; i < values.size(); ++i) {
        EXPECT_EQ(std::bit_cast<uint64_t>(values[i]), std::bit_cast<uint64_t>(expected[i])) << i;
    }
}

TEST(ExrRoundTrip, EveryCompressionModeIsLossless) {
    test::TempDir dir;
    // A smooth image large enough for compression to matter.
    ImageBuffer image(64, 48);
    image.addChannel("R", PixelType::Half);
    image.addChannel("Z", PixelType::Float);
    image.addChannel("count", PixelType::Uint);
    for (size_t i = 0; i < image.pixelCount(); ++i) {
        image.channels[0].floats[i] = 0.25f * (i % 64);
        image.channels[1].floats[i] = 3.0f + 0.125f * (i / 64);
        image.channels[2].uints[i] = 1000u + static_cast<uint32_t>(i % 7);
    }
    std::uintmax_t uncompressedSize = 0;
    const std::pair<Compression, const char*> modes[] = {{Compression::None, "none.exr"},
                                                         {Compression::Zip, "zip.exr"},
                                                         {Compression::Piz, "piz.exr"},
                                                         {Compression::Rle, "rle.exr"},
                                                         {Compression::Zips, "zips.exr"}};
    for (const auto& [compression, name] : modes) {
        const std::string path = dir.file(name);
        std::string error;
        ASSERT_TRUE(writeExr(path, image, Metadata{}, ExrWriteOptions{compression}, error))
            << error;
        ImageBuffer read;
        Metadata metadata;
        ASSERT_TRUE(readExr(path, read, metadata, error)) << error;
        expectSameImage(image, read);
        const std::uintmax_t size = std::filesystem::file_size(path);
        if (compression == Compression::None) {
            uncompressedSize = size;
        } else {
            EXPECT_LT(size, uncompressedSize) << name << " is not smaller than none.exr";
        }
    }
}

// The lossy codecs keep their promise on a smooth image: pxr24 rounds floats to 24 bits
// (and keeps half and uint exact), b44/b44a and dwaa/dwab stay close; a higher DWA level
// compresses more and a higher zip level no less.
TEST(ExrRoundTrip, LossyCodecsStayCloseAndLevelsApply) {
    test::TempDir dir;
    ImageBuffer image(64, 64);
    image.addChannel("R", PixelType::Half);
    image.addChannel("Z", PixelType::Float);
    for (size_t i = 0; i < image.pixelCount(); ++i) {
        image.channels[0].floats[i] =
            0.5f + 0.25f * std::sin(0.1f * (i % 64)) * std::cos(0.07f * (i / 64));
        image.channels[1].floats[i] = 3.0f + 0.01f * (i / 64);
    }
    auto write = [&](const std::string& name, ExrWriteOptions options) {
        std::string error;
        EXPECT_TRUE(writeExr(dir.file(name), image, Metadata{}, options, error)) << error;
        ImageBuffer read;
        Metadata metadata;
        EXPECT_TRUE(readExr(dir.file(name), read, metadata, error)) << error;
        return read;
    };
    for (Compression c : {Compression::Pxr24, Compression::B44, Compression::B44a,
                          Compression::Dwaa, Compression::Dwab}) {
        const ImageBuffer read = write("lossy.exr", ExrWriteOptions{c});
        for (size_t i = 0; i < image.pixelCount(); ++i) {
            ASSERT_NEAR(read.channels[0].floats[i], image.channels[0].floats[i], 0.02f)
                << static_cast<int>(c);
            ASSERT_NEAR(read.channels[1].floats[i], image.channels[1].floats[i], 1e-3f)
                << static_cast<int>(c);
        }
    }
    ExrWriteOptions fine{Compression::Dwaa}, coarse{Compression::Dwaa};
    fine.dwaLevel = 5.0f;
    coarse.dwaLevel = 500.0f;
    write("fine.exr", fine);
    write("coarse.exr", coarse);
    EXPECT_LT(std::filesystem::file_size(dir.file("coarse.exr")),
              std::filesystem::file_size(dir.file("fine.exr")));
    ExrWriteOptions zip1{Compression::Zip}, zip9{Compression::Zip};
    zip1.zipLevel = 1;
    zip9.zipLevel = 9;
    write("zip1.exr", zip1);
    write("zip9.exr", zip9);
    EXPECT_LE(std::filesystem::file_size(dir.file("zip9.exr")),
              std::filesystem::file_size(dir.file("zip1.exr")));
}

TEST(ExrRoundTrip, CaptureTimeIsStampedInTheStandardFormat) {
    test::TempDir dir;
    Metadata metadata;
    stampCaptureTime(metadata, std::time_t(1700000000));
    const std::string date = *metadata.get<std::string>("capDate");
    EXPECT_EQ(date.size(), 19u) << date;
    EXPECT_EQ(date[4], ':');
    EXPECT_EQ(date[10], ' ');
    std::string error;
    ASSERT_TRUE(writeExr(dir.file("t.exr"), makeImage(), metadata, ExrWriteOptions{}, error))
        << error;
    ImageBuffer read;
    Metadata readMetadata;
    ASSERT_TRUE(readExr(dir.file("t.exr"), read, readMetadata, error)) << error;
    EXPECT_EQ(readMetadata.get<std::string>("capDate"), date);
    EXPECT_EQ(readMetadata.get<float>("utcOffset"), metadata.get<float>("utcOffset"));
}

TEST(ExrRoundTrip, OiiotoolReadsEveryPixel) {
    ASSERT_TRUE(test::commandExists("oiiotool")) << "oiiotool is installed by scripts/install-deps";
    test::TempDir dir;
    const std::string path = dir.file("stats.exr");
    std::string error;
    ASSERT_TRUE(writeExr(path, makeImage(), makeMetadata(), ExrWriteOptions{}, error)) << error;
    const std::string command = "oiiotool '" + path + "' --printstats >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

}  // namespace
}  // namespace rt
