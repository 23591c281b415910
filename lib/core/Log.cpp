#include "core/Log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace rt::log {
namespace {
std::atomic<bool> g_verbose{false};
std::atomic<int> g_warnings{0};
std::mutex g_mutex;
}  // namespace

void setVerbose(bool on) {
    g_verbose = on;
}
bool verbose() {
    return g_verbose;
}
int warningCount() {
    return g_warnings;
}

void write(Level level, const std::string& message) {
    if (level == Level::Verbose && !g_verbose) return;
    const char* prefix = "";
    switch (level) {
        case Level::Verbose:
        case Level::Info:
            prefix = "";
            break;
        case Level::Warning:
            prefix = "warning: ";
            ++g_warnings;
            break;
        case Level::Error:
            prefix = "error: ";
            break;
    }
    std::lock_guard<std::mutex> lock(g_mutex);
    std::fprintf(stderr, "%s%s\n", prefix, message.c_str());
    std::fflush(stderr);
}

}  // namespace rt::log
