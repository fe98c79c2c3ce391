#pragma once

#include "isolens/core/base/error.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace isolens {

// Receives one complete line; returns false to stop reading.
using LineHandler = std::function<bool(std::string_view line)>;

// Splits a byte stream that arrives in arbitrary pieces into newline-delimited lines (NDJSON).
// A trailing '\r' is dropped and empty lines are skipped. A line longer than the cap is an error,
// so a broken engine cannot make us buffer without bound.
class LineSplitter {
public:
    explicit LineSplitter(std::size_t maxLineBytes)
        : maxLineBytes_(maxLineBytes)
    {}

    // Delivers every line completed by this piece. Stops early (returning true in *stopped) when the
    // handler returns false.
    Result<void> feed(std::string_view piece, const LineHandler& handler, bool* stopped = nullptr);

    // Delivers a last line that had no newline (a stream may end without one).
    Result<void> finish(const LineHandler& handler);

    std::size_t pendingBytes() const { return pending_.size(); }

private:
    std::size_t maxLineBytes_;
    std::string pending_;
};

} // namespace isolens
