// Whatever bytes an engine sends back: HTTP heads, content-length and chunked bodies, NDJSON streams.
// Each input is served by a fake engine on a unix socket and read through the real transport.
#include "isolens/core/transport/http_transport.hpp"

#include "scripted_http_server.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    ScriptedHttpServer server({{std::string(reinterpret_cast<const char*>(data), size)}});
    isolens::RequestOptions options;
    options.connectTimeout = std::chrono::milliseconds(500);
    options.responseTimeout = std::chrono::milliseconds(500);
    options.maxLineBytes = 4096;
    options.maxBodyBytes = 65536;
    const isolens::HttpRequest request{isolens::HttpMethod::Get, "/events", std::nullopt};
    std::size_t lines = 0;
    (void)isolens::streamRequest(
        server.endpoint(), request,
        [&](std::string_view line) {
            if (line.size() > options.maxLineBytes)
                __builtin_trap(); // the cap must hold
            return ++lines < 1000;
        },
        options);
    (void)isolens::sendRequest(server.endpoint(), request, options); // a second connection: the whole reply
    return 0;
}
