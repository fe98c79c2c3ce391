#include "scripted_http_server.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>

namespace fs = std::filesystem;

ScriptedHttpServer::ScriptedHttpServer(std::vector<Step> script, Ending ending)
    : script_(std::move(script))
    , ending_(ending)
{
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("isolens-fake-" + std::to_string(random()));
    fs::create_directories(dir_);
    socketPath_ = dir_ / "engine.sock";

    listener_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socketPath_.c_str(), sizeof address.sun_path - 1);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 8) != 0)
        throw std::runtime_error("cannot listen on " + socketPath_.string());
    thread_ = std::thread([this] { serve(); });
}

ScriptedHttpServer::ScriptedHttpServer(Responder responder, Connections connections)
    : ScriptedHttpServer(std::vector<Step>{})
{
    std::lock_guard lock(mutex_);
    responder_ = std::move(responder);
    serving_ = connections;
}

ScriptedHttpServer::~ScriptedHttpServer()
{
    stop_ = true;
    thread_.join();
    for (auto& handler : handlers_) // only the serving thread adds to them, and it has ended
        handler.join();
    ::close(listener_);
    fs::remove_all(dir_);
}

isolens::Endpoint ScriptedHttpServer::endpoint() const
{
    return isolens::parseHostUrl("unix://" + socketPath_.string()).value();
}

std::string ScriptedHttpServer::lastRequest() const
{
    std::lock_guard lock(mutex_);
    return lastRequest_;
}

std::vector<std::string> ScriptedHttpServer::requestLines() const
{
    std::lock_guard lock(mutex_);
    return requestLines_;
}

void ScriptedHttpServer::serve()
{
    while (!stop_) {
        pollfd waiting{listener_, POLLIN, 0};
        if (::poll(&waiting, 1, 20) <= 0)
            continue;
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0)
            continue;
        ++connections_;
        bool concurrent = false;
        {
            std::lock_guard lock(mutex_);
            concurrent = serving_ == Connections::Concurrent;
        }
        if (concurrent) {
            handlers_.emplace_back([this, client] {
                handle(client);
                ::close(client);
            });
            continue;
        }
        handle(client);
        ::close(client);
    }
}

namespace {

// The body's length announced by a request head, 0 when none is.
std::size_t announcedLength(const std::string& head)
{
    std::string lower = head;
    for (auto& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = lower.find("\r\ncontent-length:");
    if (at == std::string::npos)
        return 0;
    return static_cast<std::size_t>(std::strtoull(head.c_str() + at + 17, nullptr, 10));
}

} // namespace

void ScriptedHttpServer::handle(int client)
{
    // Read the request head (and a body announced by Content-Length).
    std::string request;
    char buffer[4096];
    auto headEnd = std::string::npos;
    while (headEnd == std::string::npos && !stop_) {
        pollfd readable{client, POLLIN, 0};
        if (::poll(&readable, 1, 20) <= 0)
            continue;
        const auto n = ::read(client, buffer, sizeof buffer);
        if (n <= 0)
            return;
        request.append(buffer, static_cast<std::size_t>(n));
        headEnd = request.find("\r\n\r\n");
    }
    if (headEnd == std::string::npos)
        return;
    const auto complete = headEnd + 4 + announcedLength(request.substr(0, headEnd + 2));
    while (request.size() < complete && !stop_) {
        pollfd readable{client, POLLIN, 0};
        if (::poll(&readable, 1, 20) <= 0)
            continue;
        const auto n = ::read(client, buffer, sizeof buffer);
        if (n <= 0)
            return;
        request.append(buffer, static_cast<std::size_t>(n));
    }
    std::vector<Step> script;
    {
        std::lock_guard lock(mutex_);
        lastRequest_ = request;
        requestLines_.push_back(request.substr(0, request.find("\r\n")));
        script = responder_ ? responder_(request) : script_;
    }
    for (const auto& step : script) {
        if (stop_)
            return;
        std::size_t sent = 0;
        while (sent < step.bytes.size()) {
            const auto n = ::send(client, step.bytes.data() + sent, step.bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                return; // the client went away
            sent += static_cast<std::size_t>(n);
        }
        const auto until = std::chrono::steady_clock::now() + step.pauseAfter;
        while (!stop_ && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (ending_ == Ending::HoldOpen) {
        while (!stop_) {
            pollfd readable{client, POLLIN, 0};
            if (::poll(&readable, 1, 20) > 0 && ::read(client, buffer, sizeof buffer) <= 0) {
                clientClosed_ = true;
                return;
            }
        }
    }
}
