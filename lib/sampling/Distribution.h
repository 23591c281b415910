#pragma once
// Piecewise-constant distributions over [0,1) and [0,1)^2, sampled by CDF inversion
// (pbrt's Distribution1D/2D). Used for importance sampling textured lights.
#include <vector>

#include "core/Math.h"

namespace rt {

// f is n >= 1 non-negative values over n equal segments of [0,1). An all-zero function
// is treated as uniform so that sampling always succeeds.
class Distribution1D {
  public:
    explicit Distribution1D(const float* f, int n);
    explicit Distribution1D(const std::vector<float>& f)
        : Distribution1D(f.data(), static_cast<int>(f.size())) {}

    // x in [0,1) with density pdf (w.r.t. [0,1)); segment receives the segment index.
    // Continuous: u -> x is monotone, so stratified u stay stratified.
    float sample(float u, float& pdf, int* segment = nullptr) const;
    float pdf(float x) const;

    int size() const { return static_cast<int>(m_func.size()); }
    // Mean of f over [0,1) (the integral of the step function).
    float integral() const { return m_integral; }
    float value(int i) const { return m_func[i]; }

  private:
    std::vector<float> m_func;
    std::vector<float> m_cdf;  // size() + 1 entries, m_cdf[0] = 0, m_cdf.back() = 1
    float m_integral = 0.0f;
};

// f is nu x nv values, row-major: f[v * nu + u]. Samples v from the marginal (row sums),
// then u from that row.
class Distribution2D {
  public:
    Distribution2D(const float* f, int nu, int nv);

    // A point in [0,1)^2 with its density w.r.t. area in [0,1)^2.
    Vec2f sample(const Vec2f& u, float& pdf) const;
    float pdf(const Vec2f& p) const;

    int width() const { return static_cast<int>(m_rows.size() ? m_rows[0].size() : 0); }
    int height() const { return static_cast<int>(m_rows.size()); }

  private:
    std::vector<Distribution1D> m_rows;
    Distribution1D m_marginal;
};

}  // namespace rt
