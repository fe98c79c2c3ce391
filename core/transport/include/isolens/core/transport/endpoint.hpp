#pragma once

#include "isolens/core/base/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace isolens {

enum class EndpointScheme { Unix, NamedPipe, Tcp };

struct TlsSettings {
    bool enabled = false;
    bool verifyPeer = true; // false only when a context says SkipTLSVerify
    std::string caFile;     // empty: the system's trust store
    std::string certFile;   // client certificate, optional
    std::string keyFile;
};

// Where the engine listens, parsed from a docker host URL.
struct Endpoint {
    EndpointScheme scheme = EndpointScheme::Unix;
    std::string address; // socket path, Windows pipe name (\\.\pipe\x), or host name
    std::uint16_t port = 0;
    TlsSettings tls;
    std::string url; // as the user wrote it, for messages

    // The Host header value sent with each request.
    std::string hostHeader() const;
    // Whether the engine runs on the machine IsoLens runs on: a unix socket, a local pipe (\\.\pipe\...),
    // or TCP to a loopback address. Only then are this PC's processes, VM workers and memory the engine's.
    bool isOnThisMachine() const;
};

// The engine's default address on this platform.
std::string_view defaultHostUrl();

// Parses unix://PATH, npipe://PATH and tcp://HOST[:PORT] the way the docker CLI does.
// tcp:// without a port gets 2375 (2376 when tlsDefaultPort is set).
Result<Endpoint> parseHostUrl(std::string_view url, bool tlsDefaultPort = false);

} // namespace isolens
