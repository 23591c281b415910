#include "sequence/SequenceReport.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/Numbering.h"
#include "io/AtomicFile.h"

namespace rt {

const char* frameStateName(FrameState state) {
    switch (state) {
        case FrameState::Pending:
            return "pending";
        case FrameState::Rendering:
            return "rendering";
        case FrameState::Draft:
            return "draft";
        case FrameState::Final:
            return "final";
        case FrameState::Interrupted:
            return "interrupted";
        case FrameState::Failed:
            return "failed";
    }
    return "unknown";
}

SequenceReport::SequenceReport(const std::vector<int>& frames) {
    for (int frame : frames) {
        FrameRecord record;
        record.frame = frame;
        m_frames.push_back(record);
    }
}

std::string SequenceReport::line(const FrameRecord& r) {
    char error[32] = "error --";
    if (r.meanError) std::snprintf(error, sizeof error, "error %.4g", *r.meanError);
    char text[512];
    std::snprintf(text, sizeof text, "frame %s  %-11s %7.1f spp  %-14s sampled %7.1f s%s%s%s%s",
                  zeroPadded(r.frame, 4).c_str(), frameStateName(r.state), r.sppMean, error,
                  r.sampleSeconds, r.skipped ? "  (skipped)" : "", r.image.empty() ? "" : "  ",
                  r.image.c_str(), r.note.empty() ? "" : ("  " + r.note).c_str());
    return text;
}

std::string SequenceReport::table() const {
    std::string text = "Sequence report (" + std::to_string(m_frames.size()) + " frames):\n";
    int counts[6] = {};
    for (const FrameRecord& r : m_frames) {
        text += "  " + line(r) + "\n";
        ++counts[static_cast<int>(r.state)];
    }
    char totals[200];
    std::snprintf(totals, sizeof totals,
                  "  %d final, %d draft, %d interrupted, %d failed, %d not rendered", counts[3],
                  counts[2], counts[4], counts[5], counts[0] + counts[1]);
    return text + totals;
}

std::string SequenceReport::json() const {
    nlohmann::ordered_json frames = nlohmann::ordered_json::array();
    double sampled = 0.0, wall = 0.0;
    for (const FrameRecord& r : m_frames) {
        nlohmann::ordered_json f;
        f["frame"] = r.frame;
        f["state"] = frameStateName(r.state);
        f["skipped"] = r.skipped;
        f["spp_mean"] = r.sppMean;
        f["spp_min"] = r.sppMin;
        f["spp_max"] = r.sppMax;
        f["mean_error"] = r.meanError ? nlohmann::ordered_json(*r.meanError) : nullptr;
        f["sample_seconds"] = r.sampleSeconds;
        f["wall_seconds"] = r.wallSeconds;
        f["image"] = r.image;
        f["note"] = r.note;
        frames.push_back(std::move(f));
        sampled += r.sampleSeconds;
        wall += r.wallSeconds;
    }
    nlohmann::ordered_json doc;
    doc["frames"] = std::move(frames);
    doc["totals"] = {
        {"frames", m_frames.size()}, {"sample_seconds", sampled}, {"wall_seconds", wall}};
    return doc.dump(2) + "\n";
}

bool SequenceReport::write(const std::string& path, std::string& error) const {
    return writeFileAtomic(path, json(), error);
}

}  // namespace rt
