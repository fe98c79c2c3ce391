#pragma once

#include "isolens/core/base/error.hpp"

#include <string>
#include <string_view>

namespace isolens {

struct DemuxedOutput {
    std::string out;
    std::string err;
    std::string both; // stdout and stderr as they came, interleaved
};

// Splits the engine's multiplexed attach/exec stream (8-byte frame headers: stream id, 3 zero bytes,
// big-endian length) into stdout and stderr. A truncated final frame keeps what arrived.
Result<DemuxedOutput> demultiplexOutput(std::string_view raw);

} // namespace isolens
