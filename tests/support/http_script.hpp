#pragma once

#include <chrono>
#include <cstdio>
#include <string>

// Pieces of scripted HTTP replies for the fake engines (unix socket and named pipe).
namespace http_script {

struct Step {
    std::string bytes;
    std::chrono::milliseconds pauseAfter{0};
};

inline const std::string kChunkedHead =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

// A whole reply with Content-Length and the headers an engine sends.
inline std::string reply(int status, const std::string& body, const std::string& extraHeaders = {},
                         const std::string& osType = "linux", const std::string& apiVersion = "1.41")
{
    return "HTTP/1.1 " + std::to_string(status) +
           " X\r\nContent-Type: application/json\r\nApi-Version: " + apiVersion + "\r\n" +
           "Ostype: " + osType + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
           extraHeaders + "\r\n" + body;
}

// One chunk of a chunked body.
inline std::string chunk(const std::string& data)
{
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    return size + data + "\r\n";
}

} // namespace http_script
