#pragma once

#include "cli_context.hpp"
#include "hardening_options.hpp"

#include <optional>
#include <string>

struct CompareOptions {
    std::string image;
    std::string command;               // split on spaces
    std::string workload;              // split on spaces; run in both at the same moment
    std::string modes;                 // "hyperv,process" (Windows)
    std::string runtimes;              // "runc,kata" (Linux)
    std::string groups;                // "LABEL=V1,V2": compare two sets of running containers instead
    std::string images;                // "A,B,C": a batch, a pair per image one after another
    std::string batchFile;             // a batch file: JSON Lines, a row per image
    int repeat = 1;                    // runs per image in a batch
    std::string recordDir;             // where a batch's recordings go (default: a new folder here)
    std::string tableCsvFile;          // a batch's table as CSV
    std::string reportFile;            // a batch\'s report: .html (self-contained) or .md
    std::optional<std::string> memory; // "512m": both containers' memory limit
    std::optional<std::string> cpus;   // "1.5": both containers' CPU limit
    int durationSeconds = 60;
    std::string recordFile;
    std::string csvFile;
    bool keep = false;
    HardeningOptions hardening;
};

// isolens-cli compare: one paired run from start to summary, or a batch of them (--images, --batch).
int runCompareCommand(const CliContext& context, const CompareOptions& options);
