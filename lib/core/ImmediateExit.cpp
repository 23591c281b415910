#include "core/ImmediateExit.h"

#include <unistd.h>

#include <cstdio>
#include <mutex>

namespace rt {
namespace {

// Recursive: a commit may nest (commitParts inside a larger commit).
std::recursive_mutex& exitMutex() {
    static std::recursive_mutex mutex;
    return mutex;
}

}  // namespace

NoImmediateExit::NoImmediateExit() {
    exitMutex().lock();
}

NoImmediateExit::~NoImmediateExit() {
    exitMutex().unlock();
}

void exitImmediately(int code) {
    exitMutex().lock();  // never released: the process ends holding it
    std::fflush(stderr);
    ::_exit(code);
}

}  // namespace rt
