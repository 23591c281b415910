#pragma once
// Film::sampleStats in parallel (oneTBB): snapshots compute it while sampling waits, so
// at 1920x1080 its time is the render's time.
#include "film/Film.h"

namespace rt {

Film::SampleStats parallelSampleStats(const Film& film);

}  // namespace rt
