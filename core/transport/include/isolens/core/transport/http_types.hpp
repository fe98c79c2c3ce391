#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace isolens {

enum class HttpMethod { Get, Head, Post, Put, Delete };

struct HttpRequest {
    HttpMethod method = HttpMethod::Get;
    std::string target;              // path and query, already encoded
    std::optional<std::string> body; // sent as application/json when present
};

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers; // names in lower case
    std::string body;                           // empty for streamed responses that succeeded

    bool ok() const { return status >= 200 && status < 300; }
    std::string header(const std::string& lowerCaseName) const;
};

// Time-outs and size caps for one request. Zero idle time-out means "wait as long as it takes".
struct RequestOptions {
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds responseTimeout{60000}; // until the whole reply, or a stream's headers
    std::chrono::milliseconds streamIdleTimeout{0};   // a stream's longest silence between bytes
    std::size_t maxHeaderBytes = 64 * 1024;
    std::size_t maxBodyBytes = 64 * 1024 * 1024;
    std::size_t maxLineBytes = 4 * 1024 * 1024;
};

} // namespace isolens
