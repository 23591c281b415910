#include "SyntheticRender.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "render/AdaptiveSchedule.h"

namespace rt::test {
namespace {

// SplitMix64: the same stream on every platform (std:: distributions are not).
class Random {
  public:
    explicit Random(uint64_t seed) : m_state(seed) {}
    double uniform() {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return (static_cast<double>(z >> 11) + 0.5) * 0x1.0p-53;
    }
    double normal() {  // Box-Muller
        return std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
    }

  private:
    uint64_t m_state;
};

struct SimPixel {
    double mean = 1.0, spread = 0.5, cost = 1.0;
    uint32_t count = 0;
    double total = 0.0, odd = 0.0;
    float error = std::numeric_limits<float>::infinity();
    uint32_t lastCount = 0, previousCount = 0;
    float previousError = std::numeric_limits<float>::infinity();
    bool done = false;
    uint32_t target = 1;
};

// MoonRay's metric on one channel (film/PixelError.h).
float simError(const SimPixel& p) {
    const double nOdd = p.count / 2;
    const double nEven = p.count - nOdd;
    if (nOdd == 0.0) return std::numeric_limits<float>::infinity();
    const double diff = std::abs(p.total * nOdd - p.odd * p.count) / (nOdd * nEven);
    const double mean = p.total / p.count;
    return mean > 0.0 ? static_cast<float>(diff / std::sqrt(mean)) : 0.0f;
}

}  // namespace

double SyntheticRender::totalSeconds() const {
    double t = 0.0;
    for (const SyntheticPass& p : passes) t += p.seconds;
    return t;
}

uint64_t SyntheticRender::totalSamples() const {
    uint64_t s = 0;
    for (const SyntheticPass& p : passes) s += p.samples;
    return s;
}

ConvergenceReport SyntheticRender::report(size_t pass) const {
    ConvergenceReport r;
    r.pass = static_cast<int>(pass);
    r.adaptive = adaptive;
    r.finished = pass + 1 == passes.size();
    r.pixelCount = pixelCount;
    for (size_t i = 0; i <= pass; ++i) {
        r.samplesDone += passes[i].samples;
        r.elapsedSeconds += passes[i].seconds;
    }
    r.samplesRemaining = r.finished ? 0 : passes[pass].remainingAfter;
    r.fractionConverged = passes[pass].fractionConverged;
    r.maxError = passes[pass].maxError;
    r.meanSpp = static_cast<double>(r.samplesDone) / pixelCount;
    return r;
}

uint64_t SyntheticRender::samplesAt(double seconds) const {
    double t = 0.0;
    uint64_t s = 0;
    for (const SyntheticPass& p : passes) {
        if (seconds < t + p.seconds) {
            const double f = std::max(0.0, seconds - t) / p.seconds;
            return s + static_cast<uint64_t>(f * static_cast<double>(p.samples));
        }
        t += p.seconds;
        s += p.samples;
    }
    return s;
}

double SyntheticRender::secondsAtSamples(uint64_t samples) const {
    double t = 0.0;
    uint64_t s = 0;
    for (const SyntheticPass& p : passes) {
        if (samples <= s + p.samples) {
            return t +
                   p.seconds * static_cast<double>(samples - s) / static_cast<double>(p.samples);
        }
        t += p.seconds;
        s += p.samples;
    }
    return t;
}

EtaEstimator::Estimate estimateAt(const SyntheticRender& render, double seconds) {
    EtaEstimator eta;
    double t = 0.0;
    for (size_t i = 0; i < render.passes.size(); ++i) {
        t += render.passes[i].seconds;
        if (t > seconds) break;
        eta.onPass(render.report(i));
    }
    return eta.estimate(render.samplesAt(seconds), seconds);
}

SyntheticRender geometricRender(uint64_t firstSamples, double ratio, int passCount,
                                double secondsPerSample, double costGrowth,
                                double overheadSeconds) {
    SyntheticRender render;
    render.adaptive = true;
    double cost = secondsPerSample;
    for (int i = 0; i < passCount; ++i) {
        SyntheticPass p;
        p.samples = static_cast<uint64_t>(std::llround(firstSamples * std::pow(ratio, i)));
        p.seconds = p.samples * cost + overheadSeconds;
        render.passes.push_back(p);
        cost *= costGrowth;
    }
    uint64_t remaining = render.totalSamples();
    for (SyntheticPass& p : render.passes) {
        remaining -= p.samples;
        p.remainingAfter = remaining;
    }
    return render;
}

SyntheticRender uniformRender(uint32_t pixelCount, uint32_t spp, double secondsPerSample) {
    SyntheticRender render;
    render.pixelCount = pixelCount;
    uint32_t done = 0;
    for (uint32_t target = 1;; target = std::min(target * 2, spp)) {
        SyntheticPass p;
        p.samples = static_cast<uint64_t>(target - done) * pixelCount;
        p.seconds = p.samples * secondsPerSample;
        p.remainingAfter = static_cast<uint64_t>(spp - target) * pixelCount;
        render.passes.push_back(p);
        done = target;
        if (target == spp) break;
    }
    return render;
}

SyntheticRender simulatedAdaptiveRender(const AdaptiveFilmOptions& o) {
    const int w = o.width, h = o.height;
    std::vector<SimPixel> pixels(static_cast<size_t>(w) * h);
    Random random(o.seed);
    // Smooth fields with some per-pixel jitter: a bright, easy background and a few
    // noisy regions (think caustics and glossy reflections).
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const double u = (x + 0.5) / w, v = (y + 0.5) / h;
            const double bump = std::exp(-20.0 * ((u - 0.3) * (u - 0.3) + (v - 0.6) * (v - 0.6)));
            const double band = 0.5 + 0.5 * std::sin(9.0 * u + 4.0 * v);
            SimPixel& p = pixels[static_cast<size_t>(y) * w + x];
            p.mean = 0.2 + 0.8 * band;
            p.spread = 0.1 + 1.0 * bump + 0.2 * band * v + 0.05 * random.uniform();
            p.cost = 1.0 + o.hardCostFactor * std::min(1.0, p.spread / 1.1);
        }
    }

    SyntheticRender render;
    render.adaptive = true;
    render.pixelCount = static_cast<uint32_t>(pixels.size());
    const AdaptiveLimits& limits = o.limits;
    std::vector<uint32_t> finalCount(pixels.size()), counts(pixels.size());
    std::vector<uint8_t> done(pixels.size());
    for (bool active = true; active;) {
        SyntheticPass pass;
        double work = 0.0;
        for (SimPixel& p : pixels) {
            for (; p.count < p.target; ++p.count) {
                const double s = p.spread;
                const double sample = p.mean * std::exp(s * random.normal() - 0.5 * s * s);
                p.total += sample;
                if (p.count % 2 == 1) p.odd += sample;
                work += p.cost;
                ++pass.samples;
            }
        }
        pass.seconds = o.secondsPerSample * work + o.passOverheadPerPixel * pixels.size();
        pass.seconds *= 1.0 + o.timingNoise * (2.0 * random.uniform() - 1.0);

        // Plan the next pass like AdaptiveSampler: measure, forecast, dilate.
        size_t doneCount = 0;
        pass.maxError = 0.0;
        uint64_t undilated = 0;
        for (size_t i = 0; i < pixels.size(); ++i) {
            SimPixel& p = pixels[i];
            const float error = simError(p);
            if (std::isfinite(error)) pass.maxError = std::max(pass.maxError, double(error));
            if (p.count != p.lastCount) {
                p.previousCount = p.lastCount;
                p.previousError = p.error;
                p.lastCount = p.count;
            }
            p.error = error;
            p.done = p.count >= limits.maxSamples ||
                     (p.count >= limits.minSamples && error <= limits.threshold);
            doneCount += p.done;
            done[i] = p.done ? 1 : 0;
            counts[i] = p.count;
            const PixelHistory history{p.count, error, p.previousCount, p.previousError, p.done};
            finalCount[i] = forecastFinalCount(history, limits);
            undilated += finalCount[i] - p.count;
        }
        active = false;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                SimPixel& p = pixels[static_cast<size_t>(y) * w + x];
                bool sampling = false;
                for (int ny = std::max(y - 1, 0); ny <= std::min(y + 1, h - 1); ++ny) {
                    for (int nx = std::max(x - 1, 0); nx <= std::min(x + 1, w - 1); ++nx) {
                        sampling = sampling || !done[static_cast<size_t>(ny) * w + nx];
                    }
                }
                sampling = sampling && p.count < limits.maxSamples;
                p.target =
                    sampling ? std::min(nextAdaptiveStep(p.count), limits.maxSamples) : p.count;
                active = active || sampling;
            }
        }
        const uint64_t remaining =
            o.dilateForecast
                ? forecastRemainingSamples(finalCount, counts, done, w, h, limits.maxSamples)
                : undilated;
        pass.remainingAfter = active ? remaining : 0;
        pass.fractionConverged = static_cast<double>(doneCount) / pixels.size();
        render.passes.push_back(pass);
    }
    return render;
}

}  // namespace rt::test
