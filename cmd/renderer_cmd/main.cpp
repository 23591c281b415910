// renderer_cmd: renders an RDLA scene to image files. Exit codes: README.md.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <new>
#include <string>

#include "CommandLine.h"
#include "core/Error.h"
#include "core/ImmediateExit.h"
#include "core/Log.h"
#include "core/SignalWatcher.h"
#include "lua/CheckpointTable.h"
#include "lua/HookScript.h"
#include "lua/ResumeTable.h"
#include "lua/SceneLoader.h"
#include "sequence/SequenceRenderer.h"
#include "session/RenderSession.h"
#include "session/SignalRequests.h"

namespace {

int exitCode(rt::ExitCode code) {
    return static_cast<int>(code);
}

// Runs on the signal watcher's thread (doc/CHECKPOINTING.md, "Signals").
void obey(rt::SignalRequests& requests, int signal) {
    using namespace rt;
    const std::string name = signalName(signal);
    switch (requests.post(signal)) {
        case SignalRequests::Action::Checkpoint:
            log::info(name + " received: writing a checkpoint, then going on");
            break;
        case SignalRequests::Action::Stop:
            log::info(name + " received: writing a checkpoint, then exiting");
            break;
        case SignalRequests::Action::ExitNow:
            log::info(name + " received: exiting now; earlier checkpoints are intact");
            exitImmediately(exitCode(ExitCode::InterruptedNoCheckpoint));
        case SignalRequests::Action::None:
            log::info(name + " received: ignored (" +
                      (signal == SIGHUP ? "nothing to checkpoint yet" : "already stopping") + ")");
            break;
    }
}

// Ends the process. A hook script abandoned after its timeout may still be running on a
// detached thread: the process then ends without running static destructors under it.
int finish(int code) {
    if (rt::abandonedHookScripts() > 0) {
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}

// -size and -res win over the scene's image_width, image_height and res.
void applySceneOverrides(const rt::CommandLine& cl, rt::Scene& scene) {
    if (cl.size) {
        scene.vars.imageWidth = cl.size->first;
        scene.vars.imageHeight = cl.size->second;
    }
    if (cl.res) scene.vars.res = *cl.res;
}

rt::RenderOptions renderOptions(const rt::CommandLine& cl, rt::SignalRequests& signals) {
    using namespace rt;
    RenderOptions options;
    options.beautyOverride = cl.out;
    options.threads = cl.threads;
    options.progress = ProgressMode::Auto;
    options.statsPath = cl.stats;
    options.statsPlotPath = cl.statsPlot;
    // A failing hook is logged; the render goes on (MoonRay's rule for hooks).
    options.runResumeScript = [](const std::string& script, const ResumeReport& report) {
        const HookResult result = runHookScript(script, "resume", resumeTable(report));
        if (!result.ok) log::error("on_resume_script: " + result.error);
    };
    options.runPostCheckpointScript = [](const std::string& script, double timeoutSeconds,
                                         const CheckpointEvent& event) {
        HookOptions hook;
        hook.timeoutSeconds = timeoutSeconds;
        const HookResult result = runHookScript(script, "checkpoint", checkpointTable(event), hook);
        if (!result.ok) log::error("checkpoint_post_script: " + result.error);
    };
    options.allowSystemCommands = cl.allowSystemCommands;
    options.signals = &signals;
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace rt;
    CommandLine cl;
    try {
        cl = parseCommandLine(argc, argv);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "renderer_cmd: %s\n\n%s", e.what(), usageText().c_str());
        return exitCode(ExitCode::BadInput);
    }
    if (cl.help) {
        std::printf("%s", usageText().c_str());
        return exitCode(ExitCode::Success);
    }
    log::setVerbose(cl.info);

    SignalRequests signals;
    std::unique_ptr<SignalWatcher> watcher;
    try {
        watcher =
            std::make_unique<SignalWatcher>([&signals](int signal) { obey(signals, signal); });
    } catch (const std::exception& e) {
        log::error(e.what());
        return exitCode(ExitCode::RenderFailed);
    }

    try {
        std::string files;
        for (const std::string& file : cl.inputs) files += " " + file;
        log::detail("Loading" + files);
        SceneLoadOptions load;
        load.files = cl.inputs;
        load.unsafe = cl.unsafeScene;
        load.ignoreUnsupportedOutputs = cl.ignoreUnsupportedOutputs;
        load.sceneVars = cl.sceneVars;
        const RenderOptions options = renderOptions(cl, signals);
        if (!cl.frames.empty()) {
            SequenceOptions sequence;
            sequence.frames = cl.frames;
            sequence.load = load;
            sequence.adjustScene = [&cl](Scene& scene) { applySceneOverrides(cl, scene); };
            sequence.render = options;
            sequence.names = {cl.out, cl.stats, cl.statsPlot};
            sequence.reportPath = cl.sequenceReport;
            sequence.deadlineSeconds = cl.sequenceDeadline;
            if (cl.sequenceMinSpp) {
                sequence.deadlinePolicy.minSpp = static_cast<uint32_t>(*cl.sequenceMinSpp);
            }
            SequenceRenderer renderer(std::move(sequence));
            return finish(exitCode(renderer.run()));
        }
        Scene scene = loadScene(load);
        applySceneOverrides(cl, scene);
        RenderSession session(scene, options);
        return finish(exitCode(session.run()));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "renderer_cmd: %s\n", e.what());
        return finish(exitCode(ExitCode::BadInput));
    } catch (const ResumeError& e) {
        log::error(e.what());
        return finish(exitCode(ExitCode::ResumeFailed));
    } catch (const SceneError& e) {
        log::error(e.what());
        return finish(exitCode(ExitCode::BadInput));
    } catch (const std::bad_alloc&) {
        log::error("out of memory");
        return finish(exitCode(ExitCode::RenderFailed));
    } catch (const std::exception& e) {
        log::error(e.what());
        return finish(exitCode(ExitCode::RenderFailed));
    }
}
