#include "BsdfTestUtil.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace rt::test {

namespace {

Vec3f sphericalDirection(double theta, double phi) {
    return Vec3f(static_cast<float>(std::sin(theta) * std::cos(phi)),
                 static_cast<float>(std::sin(theta) * std::sin(phi)),
                 static_cast<float>(std::cos(theta)));
}

// Survival function of the chi-square distribution by the Wilson-Hilferty transform;
// accurate to a few percent of the p-value for the dozens of degrees of freedom here.
double chi2Survival(double x, double dof) {
    const double k = 2.0 / (9.0 * dof);
    const double z = (std::cbrt(x / dof) - (1.0 - k)) / std::sqrt(k);
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

}  // namespace

double integrateSphere(const std::function<double(const Vec3f&)>& f, int thetaRes, int phiRes) {
    const double dTheta = kPi / thetaRes, dPhi = 2.0 * kPi / phiRes;
    double sum = 0.0;
    for (int i = 0; i < thetaRes; ++i) {
        const double theta = (i + 0.5) * dTheta;
        double ring = 0.0;
        for (int j = 0; j < phiRes; ++j) ring += f(sphericalDirection(theta, (j + 0.5) * dPhi));
        sum += ring * std::sin(theta);
    }
    return sum * dTheta * dPhi;
}

Chi2Result chi2Test(const std::function<std::optional<Vec3f>(std::mt19937&)>& sample,
                    const std::function<double(const Vec3f&)>& pdf, int count, double significance,
                    int thetaRes, int phiRes) {
    const int bins = thetaRes * phiRes;
    const auto binOf = [&](const Vec3f& w) {
        const double theta = std::acos(clamp(w.z, -1.0f, 1.0f));
        double phi = std::atan2(w.y, w.x);
        if (phi < 0.0) phi += 2.0 * kPi;
        const int i = std::min(static_cast<int>(theta / kPi * thetaRes), thetaRes - 1);
        const int j = std::min(static_cast<int>(phi / (2.0 * kPi) * phiRes), phiRes - 1);
        return i * phiRes + j;
    };

    std::vector<double> observed(bins, 0.0), expected(bins, 0.0);
    std::mt19937 rng(12345);
    for (int n = 0; n < count; ++n)
        if (const std::optional<Vec3f> w = sample(rng)) observed[binOf(*w)] += 1.0;

    // Expected counts: midpoint rule on a sub-grid of each bin, refined where the bin
    // straddles a discontinuity of the pdf (horizon, critical angle, refraction cutoff).
    const double binTheta = kPi / thetaRes, binPhi = 2.0 * kPi / phiRes;
    const auto integrateBin = [&](int bi, int bj, int sub, bool* mixedSupport) {
        const double dTheta = binTheta / sub, dPhi = binPhi / sub;
        double sum = 0.0;
        bool zero = false, nonZero = false;
        for (int i = 0; i < sub; ++i) {
            const double theta = bi * binTheta + (i + 0.5) * dTheta;
            for (int j = 0; j < sub; ++j) {
                const double value = pdf(sphericalDirection(theta, bj * binPhi + (j + 0.5) * dPhi));
                (value > 0.0 ? nonZero : zero) = true;
                sum += value * std::sin(theta);
            }
        }
        if (mixedSupport) *mixedSupport = zero && nonZero;
        return sum * dTheta * dPhi;
    };
    for (int bi = 0; bi < thetaRes; ++bi) {
        for (int bj = 0; bj < phiRes; ++bj) {
            bool mixedSupport = false;
            double& e = expected[bi * phiRes + bj];
            e = integrateBin(bi, bj, 8, &mixedSupport);
            if (mixedSupport) e = integrateBin(bi, bj, 64, nullptr);
        }
    }

    Chi2Result result;
    std::vector<int> order(bins);
    for (int b = 0; b < bins; ++b) order[b] = b;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return expected[a] < expected[b]; });
    double chi2 = 0.0, pooledObserved = 0.0, pooledExpected = 0.0;
    int dof = -1;
    for (int b : order) {
        const double e = expected[b] * count, o = observed[b];
        if (e == 0.0 && o > 0.0) {
            std::ostringstream s;
            s << o << " samples in bin " << b << " where the pdf integrates to zero";
            result.message = s.str();
            return result;
        }
        // Low-expectation bins are pooled, and the pool keeps absorbing bins until it
        // is itself large enough (pbrt's chi2test).
        if (e < 5.0 || (pooledExpected > 0.0 && pooledExpected < 5.0)) {
            pooledObserved += o;
            pooledExpected += e;
        } else {
            chi2 += (o - e) * (o - e) / e;
            ++dof;
        }
    }
    if (pooledExpected > 0.0) {
        chi2 +=
            (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
        ++dof;
    }
    if (dof < 1) {
        result.passed = true;
        result.pValue = 1.0;
        return result;
    }
    result.pValue = chi2Survival(chi2, dof);
    result.passed = result.pValue >= significance;
    std::ostringstream s;
    s << "chi2 = " << chi2 << ", dof = " << dof << ", p = " << result.pValue;
    result.message = s.str();
    return result;
}

}  // namespace rt::test
