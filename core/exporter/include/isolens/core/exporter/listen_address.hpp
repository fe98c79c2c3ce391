#pragma once

#include "isolens/core/base/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace isolens {

// Where the exporter listens: an IPv4 address (or "localhost") and a TCP port (0: any free port).
struct ListenAddress {
    std::string address = "127.0.0.1";
    std::uint16_t port = 9464;

    bool loopback() const;    // 127.0.0.0/8: reachable from this machine only
    std::string text() const; // "127.0.0.1:9464"
    bool operator==(const ListenAddress&) const = default;
};

// The exporter's default: this machine only, on the port the exporter's conventional range uses.
inline const ListenAddress kDefaultListenAddress{};

// "ADDRESS:PORT". An IPv6 address, a host name other than localhost, a missing or out-of-range port
// are refused with a message that says what to write instead.
Result<ListenAddress> parseListenAddress(std::string_view text);

} // namespace isolens
