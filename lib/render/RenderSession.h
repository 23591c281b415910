#pragma once
// One render from a loaded scene to written output files: prepares the scene, runs the
// sampling passes, reports progress and writes the outputs. Later issues hang adaptive
// sampling and the checkpoint policy on the pass boundary in run().
#include <atomic>
#include <memory>
#include <string>

#include "core/Error.h"
#include "film/Film.h"
#include "integrator/PathTracer.h"
#include "render/OutputPlan.h"

namespace rt {

struct RenderOptions {
    std::string beautyOverride;  // -out
    int threads = 0;             // -threads; 0 = every core
    int tileSize = 8;
};

struct RenderStats {
    double prepSeconds = 0.0;    // scene preparation (acceleration structure, lights)
    double renderSeconds = 0.0;  // sampling only
    uint64_t samples = 0;
    TraceCounters counters;
    int threads = 0;
};

class RenderSession {
  public:
    // Validates outputs and prepares the scene; throws SceneError on bad input.
    RenderSession(const Scene& scene, const RenderOptions& options);
    ~RenderSession();

    // Renders and writes every output. Returns the process exit code.
    ExitCode run();

    // Renders without writing (tests and benchmarks).
    void render();
    [[nodiscard]] bool writeOutputs(std::string& error) const;

    const Film& film() const { return m_film; }
    const RenderStats& stats() const { return m_stats; }
    const std::vector<OutputFile>& outputFiles() const { return m_outputFiles; }

  private:
    const Scene& m_scene;
    RenderOptions m_options;
    std::vector<OutputFile> m_outputFiles;
    std::unique_ptr<RenderScene> m_renderScene;
    std::unique_ptr<PathTracer> m_tracer;
    Film m_film;
    RenderStats m_stats;
};

}  // namespace rt
