#pragma once

#include "isolens/core/session/pair_session.hpp"

#include <chrono>
#include <string>
#include <vector>

// What Session → Compare several images… runs: the same pair (command, workload, modes, hardening) for
// each image in turn, repeats times each, every run measured for duration and then stopped and removed.
struct BatchPlan {
    isolens::PairRequest pair; // all but the image
    std::vector<std::string> images;
    int repeats = 1;
    std::chrono::milliseconds duration{30000};
};

inline constexpr int kMaxBatchRepeats = 10;
