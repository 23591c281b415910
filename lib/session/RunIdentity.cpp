#include "session/RunIdentity.h"

#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>

namespace rt {

std::string makeRenderId() {
    std::random_device device;
    const uint64_t now =
        static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    const uint64_t id = (static_cast<uint64_t>(device()) << 32 ^ device()) ^ now ^
                        (static_cast<uint64_t>(::getpid()) << 16);
    char text[17];
    std::snprintf(text, sizeof text, "%016" PRIx64, id);
    return text;
}

std::string hostName() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0) return "unknown";
    return name;
}

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace rt
