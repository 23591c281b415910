#include "CommandLine.h"

#include <boost/program_options.hpp>
#include <cctype>
#include <ctime>
#include <sstream>

#include "CheckpointOptions.h"
#include "core/Error.h"
#include "sequence/DeadlineSpec.h"
#include "sequence/FrameSpec.h"

namespace po = boost::program_options;

namespace rt {
namespace {

po::options_description optionsDescription() {
    po::options_description d("Options");
    // clang-format off
    d.add_options()
        ("help,h", "print this help and exit")
        ("in", po::value<std::vector<std::string>>()->value_name("FILE")->composing(),
            "scene file (.rdla); repeatable, later files override earlier ones")
        ("out", po::value<std::string>()->value_name("FILE"), "beauty output file (.exr, .png, .jpg, .tif)")
        ("size", po::value<std::vector<std::string>>()->value_name("W H")->multitoken(),
            "image size in pixels (overrides image_width/image_height)")
        ("res", po::value<float>()->value_name("N"), "resolution divisor (overrides res)")
        ("threads", po::value<int>()->value_name("N"), "render threads (default: every core)")
        ("scene_var", po::value<std::vector<std::string>>()->value_name("NAME VALUE")->composing(),
            "set any scene variable; repeatable")
        ("frames", po::value<std::string>()->value_name("SPEC"),
            "render a sequence: 1-48, 1-48x4 (every 4th), 1,5,10-20; file names take"
            " #### or %04d for the frame (doc/SEQUENCES.md)")
        ("sequence_report", po::value<std::string>()->value_name("FILE.json"),
            "where every frame of the sequence stands, rewritten after each frame")
        ("sequence_deadline", po::value<std::string>()->value_name("TIME"),
            "8h, 90m or 07:30: draft every frame, then refine the noisiest until then")
        ("sequence_min_spp", po::value<std::string>()->value_name("N"),
            "the draft floor every frame reaches first under -sequence_deadline (4)")
        ("stats", po::value<std::string>()->value_name("FILE"),
            "write convergence statistics to FILE: JSON lines, one per pass")
        ("stats_plot", po::value<std::string>()->value_name("FILE.png"),
            "draw a convergence plot (error and active pixels over time) to FILE.png")
        ("info", po::bool_switch(), "verbose log")
        ("ignore_unsupported_outputs", po::bool_switch(),
         "render without the RenderOutput results and attributes we cannot write (each is "
         "a warning instead of a scene error)")
        ("unsafe_scene", po::bool_switch(),
            "let scene files use io, os.execute and require (trusted scenes only)")
        // An optional SPEC: parseValueOptions hands over zero or one token (zero_tokens
        // alone would refuse one, implicit_value would replace earlier SPECs).
        ("checkpoint", po::value<std::vector<std::string>>()->value_name("[INTERVAL[,EXITAT]]")->multitoken()->zero_tokens()
                           ->composing(),
            "checkpoints on; RenderMan form: 90 (seconds), 5m, 1h30m,"
            " 100i or -100 (quality steps); EXITAT stops (15m, or 256i spp)")
        ("checkpoint_mode", po::value<std::string>()->value_name("MODE"),
            "time|quality (or 0|1): what paces checkpoints")
        ("checkpoint_interval", po::value<std::string>()->value_name("MINUTES"),
            "minutes between time-mode checkpoints (0.5), or with units (30s, 1h30m)")
        ("checkpoint_quality_steps", po::value<std::string>()->value_name("N"),
            "quality steps (>= 1) between quality-mode checkpoints")
        ("checkpoint_time_cap", po::value<std::string>()->value_name("MINUTES"),
            "stop after this many minutes, or with units (2h); 0 = no cap")
        ("checkpoint_sample_cap", po::value<std::string>()->value_name("N"),
            "stop at N samples per pixel; 0 = no cap")
        ("checkpoint_overwrite", po::value<std::string>()->value_name("BOOL"),
            "true|false: overwrite the checkpoint file, or keep every one")
        ("checkpoint_asfinal", po::bool_switch(),
            "keep the resume state in the final image, to continue it later")
        ("resumable_output", po::bool_switch(), "the same as -checkpoint_asfinal (MoonRay)")
        ("resume_render", po::bool_switch(),
            "continue from the checkpoint files (or a resumable output) of an earlier run")
        ("recover", po::value<std::string>()->value_name("1|0"), "RenderMan's name for -resume_render")
        ("resume_strict", po::bool_switch(),
            "exit with code 3 instead of starting from scratch when the resume fails")
        ("checkpoint_command", po::value<std::string>()->value_name("CMD"),
            "shell command run after each checkpoint (needs -allow_system_commands);"
            " %i increment, %e elapsed s, %r reason, %f frame, %% a %")
        ("allow_system_commands", po::bool_switch(),
            "let -checkpoint_command (or the checkpoint_command scene variable) run");
    // clang-format on
    return d;
}

// How many values each value-taking option consumes. These options are parsed here,
// token by token, so that a value beginning with '-' (a negative number) is taken as a
// value rather than mistaken for an option; Boost then validates and stores them.
int valueCount(const std::string& key) {
    if (key == "size" || key == "scene_var") return 2;
    if (key == "in" || key == "out" || key == "res" || key == "threads" || key == "stats" ||
        key == "frames" || key == "sequence_report" || key == "sequence_deadline" ||
        key == "sequence_min_spp" || key == "stats_plot" || key == "checkpoint_mode" ||
        key == "checkpoint_interval" || key == "checkpoint_quality_steps" ||
        key == "checkpoint_time_cap" || key == "checkpoint_sample_cap" ||
        key == "checkpoint_overwrite" || key == "recover" || key == "checkpoint_command") {
        return 1;
    }
    return 0;
}

// -checkpoint's SPEC is optional: MoonRay's documented "-checkpoint -scene_var ..." has
// none. The next token is the SPEC unless it is an option; "-100" (increments) is a SPEC,
// and no option starts with a digit.
std::vector<std::string> optionalCheckpointSpec(const std::vector<std::string>& args) {
    if (args.size() < 2) return {};
    const std::string& next = args[1];
    const bool negativeNumber =
        next.size() > 1 && next[0] == '-' && std::isdigit(static_cast<unsigned char>(next[1]));
    if (!next.empty() && next[0] == '-' && !negativeNumber) return {};
    return {next};
}

std::string valueSyntax(const std::string& key) {
    if (key == "size") return "-size WIDTH HEIGHT";
    if (key == "scene_var") return "-scene_var NAME VALUE";
    return "-" + key + " VALUE";
}

std::vector<po::option> parseValueOptions(std::vector<std::string>& args) {
    if (args.empty() || args[0].size() < 2 || args[0][0] != '-') return {};
    std::string key = args[0].substr(args[0][1] == '-' ? 2 : 1);
    if (key == "checkpoint") {
        po::option option;
        option.string_key = key;
        option.value = optionalCheckpointSpec(args);
        const long used = 1 + static_cast<long>(option.value.size());
        option.original_tokens.assign(args.begin(), args.begin() + used);
        args.erase(args.begin(), args.begin() + used);
        return {option};
    }
    const size_t count = static_cast<size_t>(valueCount(key));
    if (count == 0) return {};
    if (args.size() < count + 1) {
        throw UsageError("option '-" + key + "' needs " + (count == 2 ? "two values" : "a value") +
                         " (" + valueSyntax(key) + ")");
    }
    po::option option;
    option.string_key = key;
    option.value.assign(args.begin() + 1, args.begin() + 1 + static_cast<long>(count));
    option.original_tokens.assign(args.begin(), args.begin() + 1 + static_cast<long>(count));
    args.erase(args.begin(), args.begin() + 1 + static_cast<long>(count));
    return {option};
}

int parsePositiveInt(const std::string& text, const std::string& option) {
    try {
        size_t used = 0;
        const int value = std::stoi(text, &used);
        if (used == text.size() && value > 0) return value;
    } catch (const std::exception&) {
    }
    throw UsageError("option '-" + option + "': '" + text + "' is not a positive integer");
}

// The resume switches as scene-variable overrides (doc/RESUME.md).
SceneVarList resumeSceneVars(const po::variables_map& vm) {
    SceneVarList vars;
    if (vm["checkpoint_asfinal"].as<bool>()) vars.emplace_back("checkpoint_asfinal", "true");
    if (vm["resumable_output"].as<bool>()) vars.emplace_back("resumable_output", "true");
    if (vm["resume_render"].as<bool>()) vars.emplace_back("resume_render", "true");
    if (vm.count("recover")) {
        const std::string value = vm["recover"].as<std::string>();
        if (value != "0" && value != "1") {
            throw UsageError("option '-recover': '" + value + "' must be 1 (resume) or 0");
        }
        vars.emplace_back("resume_render", value == "1" ? "true" : "false");
    }
    if (vm["resume_strict"].as<bool>()) vars.emplace_back("resume_strict", "true");
    return vars;
}

std::optional<std::string> optionalValue(const po::variables_map& vm, const char* key) {
    if (!vm.count(key)) return std::nullopt;
    return vm[key].as<std::string>();
}

CheckpointArgs checkpointArgs(const po::variables_map& vm) {
    CheckpointArgs args;
    if (vm.count("checkpoint")) {
        args.checkpoint = true;
        args.specs = vm["checkpoint"].as<std::vector<std::string>>();
    }
    args.mode = optionalValue(vm, "checkpoint_mode");
    args.interval = optionalValue(vm, "checkpoint_interval");
    args.timeCap = optionalValue(vm, "checkpoint_time_cap");
    args.qualitySteps = optionalValue(vm, "checkpoint_quality_steps");
    args.sampleCap = optionalValue(vm, "checkpoint_sample_cap");
    args.overwrite = optionalValue(vm, "checkpoint_overwrite");
    return args;
}

}  // namespace

// The options as MoonRay's renderer prints them: one dash, then the value names
// (`-size W H`), the description wrapped beside them.
std::string optionsText(const po::options_description& description) {
    constexpr size_t kColumn = 34, kWidth = 92;
    std::ostringstream s;
    s << "Options (one dash or two):\n";
    for (const auto& option : description.options()) {
        std::string head = "  -" + option->long_name();
        if (option->long_name() == "help") head += ", -h";
        if (option->semantic()->max_tokens() > 0) head += " " + option->semantic()->name();
        s << head;
        size_t column = head.size();
        if (column + 2 > kColumn) {
            s << "\n";
            column = 0;
        }
        std::istringstream words(option->description());
        std::string word;
        bool first = true;
        while (words >> word) {
            if (!first && column + 1 + word.size() > kWidth) {
                s << "\n";
                column = 0;
            }
            if (column < kColumn) {
                s << std::string(kColumn - column, ' ');
                column = kColumn;
            } else {
                s << ' ';
                ++column;
            }
            s << word;
            column += word.size();
            first = false;
        }
        s << "\n";
    }
    return s.str();
}

std::string usageText() {
    std::ostringstream s;
    s << "Usage: renderer_cmd -in FILE [-in FILE ...] [-out FILE] [options]\n\n"
      << optionsText(optionsDescription())
      << "\nExit codes: 0 success, 1 render or write failure, 2 bad command line or scene,\n"
         "3 -resume_strict and the render could not resume,\n"
         "4 interrupted by a signal (SIGINT, SIGTERM, SIGUSR1): a resumable checkpoint of that\n"
         "  moment was written; rerun with -resume_render,\n"
         "5 interrupted by a signal with no new checkpoint (during scene loading, a second\n"
         "  SIGINT, or the dump failed).\n";
    return s.str();
}

CommandLine parseCommandLine(int argc, const char* const argv[]) {
    const po::options_description description = optionsDescription();
    po::variables_map vm;
    try {
        const int style =
            po::command_line_style::allow_long | po::command_line_style::allow_long_disguise |
            po::command_line_style::long_allow_next | po::command_line_style::allow_short |
            po::command_line_style::allow_dash_for_short | po::command_line_style::short_allow_next;
        po::store(po::command_line_parser(argc, argv)
                      .options(description)
                      .style(style)
                      .extra_style_parser(parseValueOptions)
                      .run(),
                  vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }

    CommandLine cl;
    cl.help = vm.count("help") > 0;
    if (vm.count("in")) cl.inputs = vm["in"].as<std::vector<std::string>>();
    if (vm.count("out")) cl.out = vm["out"].as<std::string>();
    if (vm.count("size")) {
        const auto& v = vm["size"].as<std::vector<std::string>>();
        // Repeated, the values of each -size add up (multitoken): say it was given twice.
        if (v.size() > 2 && v.size() % 2 == 0)
            throw UsageError("option '-size' was given " + std::to_string(v.size() / 2) +
                             " times; give it once: -size WIDTH HEIGHT");
        if (v.size() != 2) throw UsageError("option '-size' needs two values: -size WIDTH HEIGHT");
        cl.size = std::make_pair(parsePositiveInt(v[0], "size"), parsePositiveInt(v[1], "size"));
    }
    if (vm.count("res")) {
        cl.res = vm["res"].as<float>();
        if (!(*cl.res > 0.0f)) throw UsageError("option '-res': the divisor must be positive");
    }
    if (vm.count("threads")) {
        cl.threads = vm["threads"].as<int>();
        if (cl.threads < 1) throw UsageError("option '-threads': must be at least 1");
    }
    if (vm.count("scene_var")) {
        const auto& v = vm["scene_var"].as<std::vector<std::string>>();
        for (size_t i = 0; i + 1 < v.size(); i += 2) cl.sceneVars.emplace_back(v[i], v[i + 1]);
    }
    if (vm.count("frames")) {
        cl.frames = parseFrameSpec(vm["frames"].as<std::string>());
        for (const auto& [name, value] : cl.sceneVars) {
            if (name == "frame") {
                throw UsageError(
                    "option '-frames': -scene_var frame sets one frame; give one or the other");
            }
        }
    }
    if (vm.count("sequence_report")) {
        cl.sequenceReport = vm["sequence_report"].as<std::string>();
        if (cl.frames.empty()) throw UsageError("option '-sequence_report' needs -frames");
    }
    if (vm.count("sequence_deadline")) {
        cl.sequenceDeadline =
            parseDeadline(vm["sequence_deadline"].as<std::string>(), std::time(nullptr));
        if (cl.frames.empty()) throw UsageError("option '-sequence_deadline' needs -frames");
    }
    if (vm.count("sequence_min_spp")) {
        cl.sequenceMinSpp =
            parsePositiveInt(vm["sequence_min_spp"].as<std::string>(), "sequence_min_spp");
        if (!cl.sequenceDeadline) {
            throw UsageError("option '-sequence_min_spp' needs -sequence_deadline");
        }
    }
    if (vm.count("stats")) cl.stats = vm["stats"].as<std::string>();
    if (vm.count("stats_plot")) cl.statsPlot = vm["stats_plot"].as<std::string>();
    cl.info = vm["info"].as<bool>();
    cl.unsafeScene = vm["unsafe_scene"].as<bool>();
    cl.ignoreUnsupportedOutputs = vm["ignore_unsupported_outputs"].as<bool>();
    cl.allowSystemCommands = vm["allow_system_commands"].as<bool>();
    // After the user's -scene_var entries, so that the direct forms win.
    const SceneVarList checkpointVars = checkpointSceneVars(checkpointArgs(vm));
    cl.sceneVars.insert(cl.sceneVars.end(), checkpointVars.begin(), checkpointVars.end());
    const SceneVarList commandVars =
        checkpointCommandSceneVars(optionalValue(vm, "checkpoint_command"));
    cl.sceneVars.insert(cl.sceneVars.end(), commandVars.begin(), commandVars.end());
    const SceneVarList resumeVars = resumeSceneVars(vm);
    cl.sceneVars.insert(cl.sceneVars.end(), resumeVars.begin(), resumeVars.end());
    if (!cl.help && cl.inputs.empty()) throw UsageError("no scene file given: use -in FILE");
    return cl;
}

}  // namespace rt
