#pragma once
// Thread-safe logging to stderr. Verbose messages appear only with -info.
#include <string>

namespace rt::log {

enum class Level { Verbose, Info, Warning, Error };

void setVerbose(bool on);
bool verbose();
void write(Level level, const std::string& message);

inline void info(const std::string& m) {
    write(Level::Info, m);
}
inline void detail(const std::string& m) {
    write(Level::Verbose, m);
}
inline void warning(const std::string& m) {
    write(Level::Warning, m);
}
inline void error(const std::string& m) {
    write(Level::Error, m);
}

// Number of warnings written so far (lets tests check that a warning was issued).
int warningCount();

}  // namespace rt::log
