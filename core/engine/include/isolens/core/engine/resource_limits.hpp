#pragma once

#include "isolens/core/base/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace isolens {

// The engine refuses a memory limit under 6 MiB ("Minimum memory limit allowed is 6MB").
inline constexpr std::int64_t kMinMemoryLimitBytes = 6 * 1024 * 1024;
// docker's --cpus takes hundredths of a CPU at the least.
inline constexpr double kMinCpuLimit = 0.01;

// A memory limit as docker run's --memory takes it: a number and an optional unit b, k, m, g or t
// (powers of 1024, with an optional i and b: 512m, 1.5g, 256MiB). An InvalidInput error names the
// text and says what to write. `name` is where the text came from, as the error names it: the option, or
// a batch file's key ("\"memory\"").
Result<std::int64_t> parseMemoryLimit(std::string_view text, std::string_view name = "--memory");
// A CPU limit as docker run's --cpus takes it (1.5: one and a half CPUs), in the engine's NanoCpus.
Result<std::int64_t> parseCpuLimit(std::string_view text, std::string_view name = "--cpus");

// "512 MiB", "1.5 CPUs": a limit in words, as the reports show it.
std::string describeMemoryLimit(std::int64_t bytes);
std::string describeCpuLimit(std::int64_t nanoCpus);

} // namespace isolens
