#include "isolens/core/transport/endpoint.hpp"

#include "isolens/core/base/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace isolens {

namespace {

constexpr std::string_view kUnixPrefix = "unix://";
constexpr std::string_view kPipePrefix = "npipe://";
constexpr std::string_view kTcpPrefix = "tcp://";

Error invalidEndpoint(std::string_view url, std::string_view why)
{
    return makeError(ErrorKind::InvalidEndpoint,
                     "Cannot use engine address '" + std::string(url) + "': " + std::string(why));
}

Result<Endpoint> parseTcp(std::string_view url, std::string_view rest, bool tlsDefaultPort)
{
    // Drop any path: tcp://host:port/ is accepted by the docker CLI.
    if (auto slash = rest.find('/'); slash != std::string_view::npos)
        rest = rest.substr(0, slash);

    std::string_view host = rest;
    std::string_view portText;
    if (!rest.empty() && rest.front() == '[') { // [IPv6]:port
        auto close = rest.find(']');
        if (close == std::string_view::npos)
            return invalidEndpoint(url, "unclosed '[' in IPv6 address");
        host = rest.substr(1, close - 1);
        auto after = rest.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':')
                return invalidEndpoint(url, "expected ':' after ']'");
            portText = after.substr(1);
        }
    } else if (auto colon = rest.rfind(':'); colon != std::string_view::npos) {
        host = rest.substr(0, colon);
        portText = rest.substr(colon + 1);
    }

    Endpoint endpoint;
    endpoint.scheme = EndpointScheme::Tcp;
    endpoint.url = std::string(url);
    endpoint.address = host.empty() ? "127.0.0.1" : std::string(host);
    endpoint.port = tlsDefaultPort ? 2376 : 2375;
    if (!portText.empty()) {
        unsigned value = 0;
        auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), value);
        if (ec != std::errc{} || end != portText.data() + portText.size() || value == 0 || value > 65535)
            return invalidEndpoint(url, "the port must be a number from 1 to 65535");
        endpoint.port = static_cast<std::uint16_t>(value);
    }
    return endpoint;
}

} // namespace

std::string_view defaultHostUrl()
{
#ifdef _WIN32
    return "npipe:////./pipe/docker_engine";
#else
    return "unix:///var/run/docker.sock";
#endif
}

std::string Endpoint::hostHeader() const
{
    // Local transports have no host name; the docker CLI sends a placeholder too.
    if (scheme != EndpointScheme::Tcp)
        return "docker";
    const bool ipv6 = address.find(':') != std::string::npos;
    return (ipv6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

bool Endpoint::isOnThisMachine() const
{
    switch (scheme) {
    case EndpointScheme::Unix:
        return true;
    case EndpointScheme::NamedPipe: {
        // \\SERVER\pipe\NAME: "." (or localhost) is this machine.
        std::string name = address;
        std::replace(name.begin(), name.end(), '/', '\\');
        if (name.rfind("\\\\", 0) != 0)
            return true;
        const auto server = toLowerAscii(name.substr(2, name.find('\\', 2) - 2));
        return server == "." || server == "localhost";
    }
    case EndpointScheme::Tcp: {
        auto host = toLowerAscii(address);
        if (host.size() > 2 && host.front() == '[' && host.back() == ']')
            host = host.substr(1, host.size() - 2);
        const bool loopbackV4 =
            host.rfind("127.", 0) == 0 && std::all_of(host.begin(), host.end(), [](char c) {
                return c == '.' || std::isdigit(static_cast<unsigned char>(c));
            });
        return host == "localhost" || host == "::1" || loopbackV4;
    }
    }
    return false;
}

Result<Endpoint> parseHostUrl(std::string_view url, bool tlsDefaultPort)
{
    auto trimmed = url;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
        trimmed.remove_suffix(1);
    if (trimmed.empty())
        return invalidEndpoint(url, "the address is empty");

    if (trimmed.starts_with(kUnixPrefix)) {
        auto path = trimmed.substr(kUnixPrefix.size());
        if (path.empty())
            return invalidEndpoint(url, "unix:// needs a socket path, e.g. unix:///var/run/docker.sock");
        Endpoint endpoint;
        endpoint.scheme = EndpointScheme::Unix;
        endpoint.address = std::string(path);
        endpoint.url = std::string(trimmed);
        return endpoint;
    }
    if (trimmed.starts_with(kPipePrefix)) {
        auto path = trimmed.substr(kPipePrefix.size());
        if (path.empty())
            return invalidEndpoint(url, "npipe:// needs a pipe path, e.g. npipe:////./pipe/docker_engine");
        Endpoint endpoint;
        endpoint.scheme = EndpointScheme::NamedPipe;
        endpoint.address = std::string(path);
        std::replace(endpoint.address.begin(), endpoint.address.end(), '/', '\\');
        endpoint.url = std::string(trimmed);
        return endpoint;
    }
    if (trimmed.starts_with(kTcpPrefix))
        return parseTcp(trimmed, trimmed.substr(kTcpPrefix.size()), tlsDefaultPort);
    if (trimmed.starts_with("ssh://"))
        return invalidEndpoint(url, "ssh:// endpoints are not supported; forward the engine socket "
                                    "(ssh -L) and use unix:// or tcp:// with TLS");
    if (trimmed.starts_with("fd://"))
        return invalidEndpoint(url, "fd:// is a daemon listen address, not one a client can connect to");
    return invalidEndpoint(url, "unknown scheme; use unix://, npipe:// or tcp://");
}

} // namespace isolens
