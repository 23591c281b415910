#pragma once
// Seconds since the process started (measured from static initialisation, before main),
// for start-up timings such as "sampling starts 0.8 s after process start".
namespace rt {

double secondsSinceProcessStart();

}  // namespace rt
