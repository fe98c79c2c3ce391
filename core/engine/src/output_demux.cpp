#include "isolens/core/engine/output_demux.hpp"

#include <algorithm>
#include <cstdint>

namespace isolens {

Result<DemuxedOutput> demultiplexOutput(std::string_view raw)
{
    DemuxedOutput output;
    while (raw.size() >= 8) {
        const auto streamId = static_cast<unsigned char>(raw[0]);
        if (streamId > 3 || raw[1] != 0 || raw[2] != 0 || raw[3] != 0)
            return makeError(ErrorKind::ProtocolError,
                             "The engine's output stream has an invalid frame header");
        std::uint32_t length = 0;
        for (int i = 4; i < 8; ++i)
            length = (length << 8) | static_cast<unsigned char>(raw[static_cast<std::size_t>(i)]);
        raw.remove_prefix(8);
        const auto take = std::min<std::size_t>(length, raw.size());
        (streamId == 2 ? output.err : output.out).append(raw.substr(0, take));
        output.both.append(raw.substr(0, take));
        raw.remove_prefix(take);
    }
    if (!raw.empty())
        return makeError(ErrorKind::ProtocolError, "The engine's output stream ended inside a frame header");
    return output;
}

} // namespace isolens
