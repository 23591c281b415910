#include "core/ProcessClock.h"

#include <chrono>

namespace rt {
namespace {

const std::chrono::steady_clock::time_point kProcessStart = std::chrono::steady_clock::now();

}  // namespace

double secondsSinceProcessStart() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - kProcessStart).count();
}

}  // namespace rt
