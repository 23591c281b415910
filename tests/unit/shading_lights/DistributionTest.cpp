// Piecewise-constant distributions: samples follow the function (chi-square), the
// returned pdf matches pdf(), zero cells are never sampled, edge cases are safe.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "sampling/Distribution.h"

namespace rt {
namespace {

float uniform01(std::mt19937& rng) {
    return std::min(std::uniform_real_distribution<float>(0.0f, 1.0f)(rng), kOneMinusEpsilon);
}

TEST(Distribution1D, SamplesFollowFunctionAndPdfsAgree) {
    const std::vector<float> f = {0.0f, 1.0f, 3.0f, 0.0f, 0.5f, 2.5f, 0.0f};
    const Distribution1D d(f);
    EXPECT_NEAR(d.integral(), 7.0f / 7.0f, 1e-6f);
    std::mt19937 rng(21);
    std::vector<int> counts(f.size(), 0);
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        float pdf = 0.0f;
        int segment = -1;
        const float x = d.sample(uniform01(rng), pdf, &segment);
        ASSERT_TRUE(x >= 0.0f && x < 1.0f);
        ASSERT_EQ(segment, std::min(int(x * 7), 6));
        ASSERT_GT(pdf, 0.0f);
        ASSERT_FLOAT_EQ(pdf, d.pdf(x));
        ASSERT_FLOAT_EQ(pdf, f[segment] / d.integral());
        ++counts[segment];
    }
    for (size_t i = 0; i < f.size(); ++i) {
        const double expected = n * f[i] / 7.0;
        if (f[i] == 0.0f)
            EXPECT_EQ(counts[i], 0);
        else
            EXPECT_NEAR(counts[i], expected, 5 * std::sqrt(expected));
    }
    // The extremes of u land in non-zero segments.
    float pdf = 0.0f;
    int segment = -1;
    d.sample(0.0f, pdf, &segment);
    EXPECT_EQ(segment, 1);
    d.sample(kOneMinusEpsilon, pdf, &segment);
    EXPECT_EQ(segment, 5);
}

TEST(Distribution1D, ZeroAndInvalidFunctionsAreUniform) {
    const std::vector<float> f = {0.0f, -2.0f, std::nanf(""), 0.0f};
    const Distribution1D d(f);
    float pdf = 0.0f;
    const float x = d.sample(0.6f, pdf);
    EXPECT_NEAR(x, 0.6f, 1e-6f);
    EXPECT_FLOAT_EQ(pdf, 1.0f);
    EXPECT_FLOAT_EQ(d.pdf(0.1f), 1.0f);
}

TEST(Distribution1D, SampleIsContinuousAndMonotone) {
    const std::vector<float> f = {1.0f, 4.0f, 0.0f, 2.0f};
    const Distribution1D d(f);
    float last = -1.0f, pdf = 0.0f;
    for (int i = 0; i <= 1000; ++i) {
        const float x = d.sample(std::min(i / 1000.0f, kOneMinusEpsilon), pdf);
        EXPECT_GE(x, last);
        EXPECT_LE(x - std::max(last, 0.0f), 0.26f);  // only the zero segment is skipped
        last = x;
    }
}

// Chi-square over the cells of a random 16 x 8 table with some empty cells.
TEST(Distribution2D, ChiSquareAndPdfConsistency) {
    const int nu = 16, nv = 8;
    std::mt19937 rng(22);
    std::vector<float> f(nu * nv);
    for (float& v : f) v = uniform01(rng) < 0.15f ? 0.0f : uniform01(rng) * uniform01(rng);
    f[3] = 0.0f;
    std::fill(f.begin() + 5 * nu, f.begin() + 6 * nu, 0.0f);  // an empty row
    double total = 0.0;
    for (float v : f) total += v;
    const Distribution2D d(f.data(), nu, nv);
    EXPECT_EQ(d.width(), nu);
    EXPECT_EQ(d.height(), nv);

    const int n = 200000;
    std::vector<int> counts(nu * nv, 0);
    for (int i = 0; i < n; ++i) {
        float pdf = 0.0f;
        const Vec2f p = d.sample(Vec2f(uniform01(rng), uniform01(rng)), pdf);
        ASSERT_TRUE(p.x >= 0.0f && p.x < 1.0f && p.y >= 0.0f && p.y < 1.0f);
        const int cell = int(p.y * nv) * nu + int(p.x * nu);
        ASSERT_GT(f[cell], 0.0f);
        // The pdf w.r.t. area in [0,1)^2 of a step function: f / mean(f).
        ASSERT_NEAR(pdf, f[cell] / (total / (nu * nv)), 1e-4f * pdf);
        ASSERT_NEAR(pdf, d.pdf(p), 1e-5f * pdf);
        ++counts[cell];
    }
    double chi2 = 0.0;
    int dof = -1;
    for (int c = 0; c < nu * nv; ++c) {
        if (f[c] == 0.0f) continue;
        const double expected = n * f[c] / total;
        chi2 += sqr(float(counts[c] - expected)) / expected;
        ++dof;
    }
    // Mean dof, standard deviation sqrt(2 dof): 5 sigma.
    EXPECT_LT(chi2, dof + 5.0 * std::sqrt(2.0 * dof)) << "dof " << dof;

    // The pdf integrates to one over the unit square.
    double integral = 0.0;
    for (int v = 0; v < nv; ++v)
        for (int u = 0; u < nu; ++u)
            integral += d.pdf(Vec2f((u + 0.5f) / nu, (v + 0.5f) / nv)) / (nu * nv);
    EXPECT_NEAR(integral, 1.0, 1e-5);
}

TEST(Distribution2D, SingleCellAndAllZero) {
    const float one = 2.0f;
    const Distribution2D single(&one, 1, 1);
    float pdf = 0.0f;
    const Vec2f p = single.sample(Vec2f(0.3f, 0.7f), pdf);
    EXPECT_NEAR(p.x, 0.3f, 1e-6f);
    EXPECT_NEAR(p.y, 0.7f, 1e-6f);
    EXPECT_FLOAT_EQ(pdf, 1.0f);
    const std::vector<float> zeros(12, 0.0f);
    const Distribution2D zero(zeros.data(), 4, 3);
    zero.sample(Vec2f(0.5f, 0.5f), pdf);
    EXPECT_FLOAT_EQ(pdf, 1.0f);
}

}  // namespace
}  // namespace rt
