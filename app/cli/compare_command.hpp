#pragma once

#include "cli_context.hpp"
#include "hardening_options.hpp"

#include <string>

struct CompareOptions {
    std::string image;
    std::string command;  // split on spaces
    std::string workload; // split on spaces; run in both at the same moment
    std::string modes;    // "hyperv,process" (Windows)
    std::string runtimes; // "runc,kata" (Linux)
    std::string groups;   // "LABEL=V1,V2": compare two sets of running containers instead
    int durationSeconds = 60;
    std::string recordFile;
    std::string csvFile;
    bool keep = false;
    HardeningOptions hardening;
};

// isolens-cli compare: one paired run from start to summary.
int runCompareCommand(const CliContext& context, const CompareOptions& options);
