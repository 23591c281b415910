#pragma once
// When to write checkpoints and when to stop: a small pure component (doc/CHECKPOINTS.md).
// It is fed measurements (elapsed sampling time, the image's minimum samples per pixel,
// whether a pass just ended) and returns decisions; it never reads a clock or the film, so
// its schedules are tested with a fake clock and made-up sample counts.
#include <cstdint>
#include <string>
#include <vector>

namespace rt {

enum class CheckpointMode { Time, Quality };

struct CheckpointSettings {
    CheckpointMode mode = CheckpointMode::Time;
    double intervalSeconds = 15.0 * 60.0;  // time mode (checkpoint_interval, minutes x 60)
    uint32_t qualitySteps = 2;             // quality mode (checkpoint_quality_steps)
    uint32_t startSample = 1;              // no file before this many spp (checkpoint_start_sample)
    double timeCapSeconds = 0.0;           // 0: no time cap (checkpoint_time_cap x 60)
    uint32_t sampleCap = 0;                // 0: no sample cap, spp (checkpoint_sample_cap)
    bool adaptive = false;                 // the sampling mode, for quality steps
    uint32_t finalSamples = 64;            // uniform spp, or max_adaptive_samples
};

struct CheckpointMeasurement {
    double elapsedSeconds = 0.0;  // since sampling started
    uint32_t minSpp = 0;          // samples of the least-sampled pixel
    bool passEnded = false;       // a pass has just completed
};

struct CheckpointDecision {
    bool snapshot = false;  // write a checkpoint now
    bool stop = false;      // and stop sampling (a cap was reached)
    std::string reason;     // "checkpoint", "exitat" (time cap), "sample cap"; empty if none

    bool operator==(const CheckpointDecision&) const = default;
};

class CheckpointPolicy {
  public:
    // Time mode: the first checkpoint 5 s after sampling starts (when the interval is
    // longer), one when 1 spp is complete, then one per interval counted from the start.
    static constexpr double kFirstCheckpointSeconds = 5.0;

    explicit CheckpointPolicy(const CheckpointSettings& settings);

    // Called often (after every tile task, and at every pass end). Each due checkpoint is
    // reported once; several due at the same moment merge into one snapshot.
    CheckpointDecision evaluate(const CheckpointMeasurement& m);

    // The most samples any pixel may receive: the sample cap, hit exactly, or the final.
    uint32_t sampleLimit() const;

    // Quality mode: the spp at which checkpoints fall (empty in time mode).
    const std::vector<uint32_t>& qualitySamples() const { return m_qualitySamples; }

  private:
    bool timeDue(const CheckpointMeasurement& m);
    bool qualityDue(const CheckpointMeasurement& m);

    CheckpointSettings m_settings;
    std::vector<uint32_t> m_qualitySamples;
    size_t m_nextQuality = 0;
    double m_nextTime = 0.0;  // time mode: the next scheduled time
    bool m_oneSppDone = false;
    bool m_stopped = false;
};

}  // namespace rt
