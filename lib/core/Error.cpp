#include "core/Error.h"

#include <cstdio>
#include <cstdlib>

namespace rt {

void checkFailed(const char* expr, const char* file, int line) {
    std::fprintf(stderr, "internal error: check '%s' failed at %s:%d\n", expr, file, line);
    std::abort();
}

}  // namespace rt
