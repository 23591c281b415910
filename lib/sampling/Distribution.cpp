#include "sampling/Distribution.h"

#include <algorithm>

#include "core/Error.h"

namespace rt {

namespace {

// Row integrals of a row-major table, the marginal's function.
std::vector<float> rowIntegrals(const std::vector<Distribution1D>& rows) {
    std::vector<float> out(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) out[i] = rows[i].integral();
    return out;
}

std::vector<Distribution1D> buildRows(const float* f, int nu, int nv) {
    RT_CHECK(nu >= 1 && nv >= 1);
    std::vector<Distribution1D> rows;
    rows.reserve(nv);
    for (int v = 0; v < nv; ++v) rows.emplace_back(f + static_cast<size_t>(v) * nu, nu);
    return rows;
}

}  // namespace

Distribution1D::Distribution1D(const float* f, int n) : m_func(f, f + n), m_cdf(n + 1) {
    RT_CHECK(n >= 1);
    // Accumulate in double: a row of a large environment map sums thousands of values
    // of very different magnitude.
    double sum = 0.0;
    std::vector<double> cdf(n + 1, 0.0);
    for (int i = 0; i < n; ++i) {
        const float v = m_func[i];
        m_func[i] = (std::isfinite(v) && v > 0.0f) ? v : 0.0f;
        sum += m_func[i];
        cdf[i + 1] = sum;
    }
    m_integral = static_cast<float>(sum / n);
    for (int i = 0; i <= n; ++i) {
        m_cdf[i] = m_integral > 0.0f ? static_cast<float>(cdf[i] / sum) : static_cast<float>(i) / n;
    }
    m_cdf[n] = 1.0f;
}

float Distribution1D::sample(float u, float& pdf, int* segment) const {
    const int n = size();
    // Largest i with cdf[i] <= u; zero-width segments are never selected because the
    // search skips equal cdf entries.
    const auto it = std::upper_bound(m_cdf.begin(), m_cdf.end(), u);
    const int i = std::clamp(static_cast<int>(it - m_cdf.begin()) - 1, 0, n - 1);
    const float width = m_cdf[i + 1] - m_cdf[i];
    const float du = width > 0.0f ? clamp((u - m_cdf[i]) / width, 0.0f, 1.0f) : 0.0f;
    pdf = m_integral > 0.0f ? m_func[i] / m_integral : 1.0f;
    if (segment) *segment = i;
    return std::min((static_cast<float>(i) + du) / static_cast<float>(n), kOneMinusEpsilon);
}

float Distribution1D::pdf(float x) const {
    const int n = size();
    const int i = std::clamp(static_cast<int>(x * static_cast<float>(n)), 0, n - 1);
    return m_integral > 0.0f ? m_func[i] / m_integral : 1.0f;
}

Distribution2D::Distribution2D(const float* f, int nu, int nv)
    : m_rows(buildRows(f, nu, nv)), m_marginal(rowIntegrals(m_rows)) {}

Vec2f Distribution2D::sample(const Vec2f& u, float& pdf) const {
    float pdfV = 0.0f, pdfU = 0.0f;
    int row = 0;
    const float v = m_marginal.sample(u.y, pdfV, &row);
    const float x = m_rows[row].sample(u.x, pdfU);
    pdf = pdfV * pdfU;
    return Vec2f(x, v);
}

float Distribution2D::pdf(const Vec2f& p) const {
    const int nv = height();
    const int row = std::clamp(static_cast<int>(p.y * static_cast<float>(nv)), 0, nv - 1);
    return m_marginal.pdf(p.y) * m_rows[row].pdf(p.x);
}

}  // namespace rt
