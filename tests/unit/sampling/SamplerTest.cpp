// The public sampler: purity, range, stratification, decorrelation, convergence.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include "sampling/Sampler.h"

namespace rt {
namespace {

const Vec2i kPixels[] = {Vec2i(0, 0),    Vec2i(1, 0),  Vec2i(0, 1),
                         Vec2i(17, 311), Vec2i(-3, 5), Vec2i(4095, 2047)};

TEST(Sampler, ValuesInUnitInterval) {
    std::mt19937 rng(7);
    for (int i = 0; i < 200000; ++i) {
        const Vec2i pixel(static_cast<int>(rng() % 5000), static_cast<int>(rng() % 5000));
        const uint32_t index = (i % 3 == 0) ? 0xffffffffU - (rng() % 16) : rng();
        const float v = sampleValue(pixel, index, rng() % 1000, rng());
        ASSERT_GE(v, 0.0f);
        ASSERT_LT(v, 1.0f);
    }
}

// pbrt's samplers_test idea: the value may not depend on the order in which samples are
// requested (threads, tiles, resumed runs).
TEST(Sampler, DeterministicAndOrderIndependent) {
    struct Key {
        Vec2i pixel;
        uint32_t index, dim, seed;
    };
    std::vector<Key> keys;
    for (const Vec2i& p : kPixels)
        for (uint32_t index = 0; index < 64; ++index)
            for (uint32_t dim = 0; dim < 12; ++dim)
                for (uint32_t seed : {0U, 42U}) keys.push_back({p, index, dim, seed});
    std::vector<float> forward;
    for (const Key& k : keys) forward.push_back(sampleValue(k.pixel, k.index, k.dim, k.seed));

    for (size_t i = keys.size(); i-- > 0;) {
        const Key& k = keys[i];
        ASSERT_EQ(sampleValue(k.pixel, k.index, k.dim, k.seed), forward[i]);
    }
    std::vector<size_t> order(keys.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::shuffle(order.begin(), order.end(), std::mt19937(3));
    for (size_t i : order) {
        const Key& k = keys[i];
        ASSERT_EQ(sampleValue(k.pixel, k.index, k.dim, k.seed), forward[i]);
    }
}

TEST(Sampler, PixelSamplerMatchesSampleValue) {
    PixelSampler s(Vec2i(5, 9), 13, 99);
    EXPECT_EQ(s.get1D(), sampleValue(Vec2i(5, 9), 13, 0, 99));
    const Vec2f u = s.get2D();
    EXPECT_EQ(u.x, sampleValue(Vec2i(5, 9), 13, 1, 99));
    EXPECT_EQ(u.y, sampleValue(Vec2i(5, 9), 13, 2, 99));
    s.setDimension(40);
    EXPECT_EQ(s.get1D(), sampleValue(Vec2i(5, 9), 13, 40, 99));
    EXPECT_EQ(s.dimension(), 41U);
    // get2D on an even dimension takes the pair fast path: same values.
    for (uint32_t index = 0; index < 64; ++index) {
        PixelSampler p(Vec2i(3, 4), index, 7);
        p.setDimension(6);
        const Vec2f pair = p.get2D();
        EXPECT_EQ(pair.x, sampleValue(Vec2i(3, 4), index, 6, 7));
        EXPECT_EQ(pair.y, sampleValue(Vec2i(3, 4), index, 7, 7));
        EXPECT_EQ(p.dimension(), 8U);
    }
}

// Counts points per elementary interval of shape 2^-a x 2^-b with a + b = k.
bool isNet(const std::vector<Vec2f>& pts, int k) {
    for (int a = 0; a <= k; ++a) {
        const int b = k - a;
        std::vector<int> count(size_t{1} << k, 0);
        for (const Vec2f& p : pts) {
            const int i = static_cast<int>(std::ldexp(p.x, a));
            const int j = static_cast<int>(std::ldexp(p.y, b));
            if (++count[(static_cast<size_t>(i) << b) | j] > 1) return false;
        }
    }
    return true;
}

// Each aligned dimension pair (2g, 2g+1) is an Owen-scrambled (0,2)-sequence: every
// aligned block of 2^k samples has one point in each elementary interval of area 2^-k.
TEST(Sampler, PairsAreStratified) {
    for (const Vec2i& p : {kPixels[0], kPixels[3], kPixels[5]}) {
        for (uint32_t seed : {0U, 1234U}) {
            for (uint32_t dim : {0U, 2U, 6U, 30U}) {
                for (int k = 0; k <= 10; ++k) {
                    const uint32_t n = 1U << k;
                    for (uint32_t block : {0U, 3U}) {
                        std::vector<Vec2f> pts;
                        for (uint32_t i = block * n; i < (block + 1) * n; ++i)
                            pts.emplace_back(sampleValue(p, i, dim, seed),
                                             sampleValue(p, i, dim + 1, seed));
                        ASSERT_TRUE(isNet(pts, k))
                            << "dim " << dim << " k " << k << " block " << block;
                    }
                }
            }
        }
    }
}

TEST(Sampler, SingleDimensionsAreStratified) {
    for (uint32_t dim : {0U, 1U, 5U, 101U}) {
        std::vector<int> count(1024, 0);
        for (uint32_t i = 0; i < 1024; ++i)
            ++count[static_cast<int>(sampleValue(Vec2i(8, 8), i, dim, 5) * 1024.0f)];
        EXPECT_TRUE(std::all_of(count.begin(), count.end(), [](int c) { return c == 1; }));
    }
}

std::vector<float> sequence(const Vec2i& p, uint32_t dim, uint32_t seed, uint32_t n = 256) {
    std::vector<float> v;
    for (uint32_t i = 0; i < n; ++i) v.push_back(sampleValue(p, i, dim, seed));
    return v;
}

double correlation(const std::vector<float>& a, const std::vector<float>& b) {
    double sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
    const double n = static_cast<double>(a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        sa += a[i], sb += b[i], sab += a[i] * b[i], saa += a[i] * a[i], sbb += b[i] * b[i];
    }
    const double cov = sab / n - sa / n * sb / n;
    return cov / std::sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
}

TEST(Sampler, PixelsSeedsAndDimensionsDecorrelated) {
    const std::vector<float> base = sequence(Vec2i(10, 10), 4, 0, 1024);
    const std::vector<std::vector<float>> others = {
        sequence(Vec2i(11, 10), 4, 0, 1024), sequence(Vec2i(10, 11), 4, 0, 1024),
        sequence(Vec2i(10, 10), 4, 1, 1024), sequence(Vec2i(10, 10), 5, 0, 1024),
        sequence(Vec2i(10, 10), 6, 0, 1024), sequence(Vec2i(10, 10), 7, 0, 1024)};
    for (const auto& other : others) {
        EXPECT_NE(other, base);
        int equal = 0;
        for (size_t i = 0; i < base.size(); ++i) equal += other[i] == base[i];
        EXPECT_LT(equal, 8);
        // 1024 independent uniforms: |r| is about 0.03; 0.15 is a gross-failure bound.
        EXPECT_LT(std::abs(correlation(base, other)), 0.15);
    }
}

TEST(Sampler, MeanIsOneHalf) {
    double sum = 0.0, sumSq = 0.0;
    int n = 0;
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)
            for (uint32_t dim = 0; dim < 16; ++dim)
                for (uint32_t i = 0; i < 100; ++i, ++n) {
                    const double v = sampleValue(Vec2i(x, y), i, dim, 7);
                    sum += v, sumSq += v * v;
                }
    EXPECT_NEAR(sum / n, 0.5, 2e-3);
    EXPECT_NEAR(sumSq / n, 1.0 / 3.0, 2e-3);
}

// Owen-scrambled Sobol' converges at about N^-1.5 for smooth integrands, random sampling
// at N^-0.5: with 256 samples the RMS error must be far below the random one.
TEST(Sampler, LowDiscrepancyBeatsRandom) {
    const auto f = [](float x, float y) { return std::exp(-(x * x + 2.0f * y * y)) + x * y; };
    // Reference by a fine midpoint rule.
    double reference = 0.0;
    const int m = 1000;
    for (int i = 0; i < m; ++i)
        for (int j = 0; j < m; ++j) reference += f((i + 0.5f) / m, (j + 0.5f) / m);
    reference /= double(m) * m;

    std::mt19937 rng(11);
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    double sobolSq = 0.0, randomSq = 0.0;
    const int pixels = 64, n = 256;
    for (int p = 0; p < pixels; ++p) {
        double qmc = 0.0, mc = 0.0;
        for (uint32_t i = 0; i < n; ++i) {
            const Vec2i pixel(p % 8, p / 8);
            qmc += f(sampleValue(pixel, i, 2, 1), sampleValue(pixel, i, 3, 1));
            mc += f(uniform(rng), uniform(rng));
        }
        sobolSq += std::pow(qmc / n - reference, 2);
        randomSq += std::pow(mc / n - reference, 2);
    }
    const double sobolRms = std::sqrt(sobolSq / pixels), randomRms = std::sqrt(randomSq / pixels);
    EXPECT_LT(sobolRms, 0.1 * randomRms) << sobolRms << " vs " << randomRms;
}

}  // namespace
}  // namespace rt
