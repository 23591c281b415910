#pragma once
// When to write checkpoints and when to stop: a small pure component (doc/CHECKPOINTS.md).
// It is fed measurements (elapsed sampling time, the image's sample level, whether a pass
// just ended) and returns decisions; it never reads a clock or the film, so
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
    uint32_t totalFiles = 0;   // quality mode: files wanted, final included; 0 = use qualitySteps
    uint32_t startSample = 1;  // no file before this many spp (checkpoint_start_sample)
    double timeCapSeconds = 0.0;  // 0: no time cap (checkpoint_time_cap x 60)
    uint32_t sampleCap = 0;       // 0: no sample cap, spp (checkpoint_sample_cap)
    bool adaptive = false;        // the sampling mode, for quality steps
    uint32_t finalSamples = 64;   // uniform spp, or max_adaptive_samples
};

struct CheckpointMeasurement {
    double elapsedSeconds = 0.0;  // since sampling started
    // The image's sample level at the last pass end: uniform, the samples every pixel
    // holds; adaptive, the table step the last pass reached (its highest count).
    uint32_t sppLevel = 0;
    bool passEnded = false;  // a pass has just completed
};

struct CheckpointDecision {
    bool snapshot = false;  // write a checkpoint now
    bool stop = false;      // and stop sampling (a cap was reached)
    std::string reason;     // "checkpoint" or "exitat" (time cap); empty if none

    bool operator==(const CheckpointDecision&) const = default;
};

class CheckpointPolicy {
  public:
    // Time mode: the first checkpoint 5 s after sampling starts (when the interval is
    // longer), one when 1 spp is complete, then one per interval counted from the start.
    static constexpr double kFirstCheckpointSeconds = 5.0;

    explicit CheckpointPolicy(const CheckpointSettings& settings);

    // A resumed render: `elapsedSeconds` of sampling and the sample level reached by the
    // earlier runs. Checkpoints already behind (the 5 s one, the 1 spp one, interval
    // times and quality counts passed) are not repeated; caps count the earlier runs too.
    void resumeAt(double elapsedSeconds, uint32_t sppLevel);

    // Called at every pass end and whenever nextDueSeconds() has passed. Each due
    // checkpoint is reported once; several due at the same moment merge into one snapshot.
    // The end of the render (final output) is not the policy's business: the render loop
    // writes it whatever the policy says.
    CheckpointDecision evaluate(const CheckpointMeasurement& m);

    // When evaluate() must next be called even if no pass ends: the next time-mode
    // checkpoint or the time cap, in elapsed seconds; infinity if neither applies. The
    // render loop pauses its tile tasks at this time, so checkpoints land within one
    // tile task of it.
    double nextDueSeconds() const;

    // The most samples any pixel may receive: the sample cap, hit exactly, or the final.
    // The render loop never plans beyond it and ends the render when it is reached.
    uint32_t sampleLimit() const;

    // Quality mode: the steps in use (checkpoint_total_files converted, or as set).
    uint32_t qualitySteps() const { return m_qualitySteps; }

    // Quality mode: the spp at which checkpoints fall (empty in time mode).
    const std::vector<uint32_t>& qualitySamples() const { return m_qualitySamples; }

  private:
    bool timeDue(const CheckpointMeasurement& m);
    bool qualityDue(const CheckpointMeasurement& m);

    CheckpointSettings m_settings;
    uint32_t m_qualitySteps = 0;
    std::vector<uint32_t> m_qualitySamples;
    size_t m_nextQuality = 0;
    double m_nextTime = 0.0;  // time mode: the next scheduled time
    bool m_oneSppDone = false;
    bool m_stopped = false;
};

}  // namespace rt
