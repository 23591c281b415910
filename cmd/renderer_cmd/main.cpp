// renderer_cmd: renders an RDLA scene to image files. Exit codes: README.md.
#include <cstdio>
#include <exception>
#include <new>

#include "CommandLine.h"
#include "core/Error.h"
#include "core/Log.h"
#include "lua/HookScript.h"
#include "lua/ResumeTable.h"
#include "lua/SceneLoader.h"
#include "render/RenderSession.h"

namespace {

int exitCode(rt::ExitCode code) {
    return static_cast<int>(code);
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

    try {
        SceneLoadOptions load;
        load.files = cl.inputs;
        load.unsafe = cl.unsafeScene;
        load.sceneVars = cl.sceneVars;
        Scene scene = loadScene(load);
        if (cl.size) {
            scene.vars.imageWidth = cl.size->first;
            scene.vars.imageHeight = cl.size->second;
        }
        if (cl.res) scene.vars.res = *cl.res;

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
        RenderSession session(scene, options);
        return exitCode(session.run());
    } catch (const UsageError& e) {
        std::fprintf(stderr, "renderer_cmd: %s\n", e.what());
        return exitCode(ExitCode::BadInput);
    } catch (const ResumeError& e) {
        log::error(e.what());
        return exitCode(ExitCode::ResumeFailed);
    } catch (const SceneError& e) {
        log::error(e.what());
        return exitCode(ExitCode::BadInput);
    } catch (const std::bad_alloc&) {
        log::error("out of memory");
        return exitCode(ExitCode::RenderFailed);
    } catch (const std::exception& e) {
        log::error(e.what());
        return exitCode(ExitCode::RenderFailed);
    }
}
