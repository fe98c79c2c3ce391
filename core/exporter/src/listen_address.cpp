#include "isolens/core/exporter/listen_address.hpp"

#include "isolens/core/base/text.hpp"

#include <charconv>

namespace isolens {

namespace {

Error refused(std::string message, std::string hint)
{
    Error error = makeError(ErrorKind::InvalidInput, std::move(message));
    error.hint = std::move(hint);
    return error;
}

bool isDottedQuad(std::string_view text)
{
    int parts = 0;
    for (const auto& part : splitWords(text, '.')) {
        int value = -1;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (error != std::errc{} || end != part.data() + part.size() || value < 0 || value > 255 ||
            part.size() > 3)
            return false;
        ++parts;
    }
    return parts == 4 && text.front() != '.' && text.back() != '.' &&
           text.find("..") == std::string_view::npos;
}

} // namespace

bool ListenAddress::loopback() const
{
    return address.rfind("127.", 0) == 0;
}

std::string ListenAddress::text() const
{
    return address + ":" + std::to_string(port);
}

Result<ListenAddress> parseListenAddress(std::string_view text)
{
    const std::string example = "write ADDRESS:PORT, e.g. 127.0.0.1:9464 (this machine only) or 0.0.0.0:9464 "
                                "(every network this machine is on)";
    if (!text.empty() && text.front() == '[')
        return refused("IPv6 listen addresses are not supported: \"" + std::string(text) + "\"",
                       "Listen on an IPv4 address instead: " + example + ".");
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
        return refused("\"" + std::string(text) + "\" is not ADDRESS:PORT",
                       "To listen elsewhere, " + example + ".");
    ListenAddress listen;
    listen.address = std::string(text.substr(0, colon));
    if (toLowerAscii(listen.address) == "localhost")
        listen.address = "127.0.0.1";
    if (listen.address.find(':') != std::string::npos)
        return refused("IPv6 listen addresses are not supported: \"" + std::string(text) + "\"",
                       "Listen on an IPv4 address instead: " + example + ".");
    if (!isDottedQuad(listen.address))
        return refused("\"" + listen.address + "\" is not an IPv4 address",
                       "Name the address of one of this machine's networks, or 0.0.0.0 for all of them: " +
                           example + ".");
    const auto portText = text.substr(colon + 1);
    unsigned port = 0;
    const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (error != std::errc{} || end != portText.data() + portText.size() || port > 65535)
        return refused("\"" + std::string(portText) + "\" is not a TCP port",
                       "Give a port from 1 to 65535 (0 picks any free port): " + example + ".");
    listen.port = static_cast<std::uint16_t>(port);
    return listen;
}

} // namespace isolens
