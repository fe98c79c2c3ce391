#pragma once

#include "http_script.hpp"

#include "isolens/core/transport/endpoint.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// A fake engine on a unix socket for transport tests: for each connection it reads one request,
// then plays a script of byte runs and pauses. It can misbehave on purpose (drip, never end, close early).
// With a responder, the script is the responder's for each request (head and body as received), so one
// server can answer /_ping, /version and /v1.52/info each in its own way. Connections are served one at
// a time, unless asked to serve each at once as an engine does (two stats streams open side by side).
class ScriptedHttpServer {
public:
    using Step = http_script::Step;
    using Responder = std::function<std::vector<Step>(const std::string& request)>;
    enum class Ending { Close, HoldOpen };
    enum class Connections { OneAtATime, Concurrent };

    explicit ScriptedHttpServer(std::vector<Step> script, Ending ending = Ending::Close);
    explicit ScriptedHttpServer(Responder responder, Connections connections = Connections::OneAtATime);
    ~ScriptedHttpServer();
    ScriptedHttpServer(const ScriptedHttpServer&) = delete;
    ScriptedHttpServer& operator=(const ScriptedHttpServer&) = delete;

    isolens::Endpoint endpoint() const;
    std::string lastRequest() const;
    // The request lines ("GET /v1.52/info HTTP/1.1") of every request so far, in order.
    std::vector<std::string> requestLines() const;
    int connections() const { return connections_.load(); }
    // True once the client closed its end while the server held the connection open.
    bool sawClientClose() const { return clientClosed_.load(); }

private:
    void serve();
    void handle(int client);

    std::vector<Step> script_;
    Responder responder_;
    Ending ending_;
    Connections serving_ = Connections::OneAtATime;
    std::filesystem::path dir_;
    std::filesystem::path socketPath_;
    int listener_ = -1;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    std::atomic<bool> clientClosed_{false};
    mutable std::mutex mutex_;
    std::string lastRequest_;
    std::vector<std::string> requestLines_;
    std::thread thread_;
    std::vector<std::thread> handlers_; // with Connections::Concurrent; joined on destruction
};
