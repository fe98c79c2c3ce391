#pragma once

#include "isolens/core/batch/batch_table.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace isolens {

// A row's status: "measured" (every run), "partly measured", "failed" (no run), "cancelled", "not run".
std::string rowStatus(const BatchRow& row);

// The table as JSON (the keys are listed in the README, "Several images in one run"):
//   {"modes":[A,B],"cancelled":false,"rows":[{"image","command","workload","memory_bytes","nano_cpus",
//    "status","reason","hint","runs":[{"repeat","outcome","reason","hint","recording","figures":{...}}],
//    "spread":{"runs","memory_difference_percent":{"count","min","median","max"},"sides":[{"label",
//    "mem_bytes_mean","cpu_percent_mean","cpu_percent_p95","create_to_running_ms",
//    "start_to_first_sample_ms"}]}}]}
nlohmann::json batchTableToJson(const BatchTable& table);

// The table as CSV, one line per row: image, status, reason, runs, measured runs, then for each figure
// its median, min and max (per side, named by the side's label), empty where unknown.
std::string batchTableCsv(const BatchTable& table);

} // namespace isolens
