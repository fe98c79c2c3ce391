#include "isolens/core/base/line_splitter.hpp"

namespace isolens {

namespace {

std::string_view withoutCarriageReturn(std::string_view line)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return line;
}

Error lineTooLong(std::size_t cap)
{
    return makeError(ErrorKind::ProtocolError, "The engine sent a line longer than " + std::to_string(cap) +
                                                   " bytes; stopped reading it");
}

} // namespace

Result<void> LineSplitter::feed(std::string_view piece, const LineHandler& handler, bool* stopped)
{
    if (stopped)
        *stopped = false;
    while (!piece.empty()) {
        const auto newline = piece.find('\n');
        if (newline == std::string_view::npos) {
            if (pending_.size() + piece.size() > maxLineBytes_)
                return lineTooLong(maxLineBytes_);
            pending_.append(piece);
            return success();
        }
        std::string_view line;
        if (pending_.empty()) {
            line = piece.substr(0, newline);
        } else {
            pending_.append(piece.substr(0, newline));
            line = pending_;
        }
        if (line.size() > maxLineBytes_ + 1) // +1: a '\r' before the newline does not count
            return lineTooLong(maxLineBytes_);
        line = withoutCarriageReturn(line);
        piece.remove_prefix(newline + 1);
        const bool keepGoing = line.empty() || handler(line);
        pending_.clear();
        if (!keepGoing) {
            if (stopped)
                *stopped = true;
            return success();
        }
    }
    return success();
}

Result<void> LineSplitter::finish(const LineHandler& handler)
{
    const auto line = withoutCarriageReturn(pending_);
    if (!line.empty())
        handler(line);
    pending_.clear();
    return success();
}

} // namespace isolens
