#pragma once

#include "http_script.hpp"

#include "isolens/core/endpoint.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// A fake engine on a unix socket for transport tests: for each connection it reads one request,
// then plays a script of byte runs and pauses. It can misbehave on purpose (drip, never end, close early).
class ScriptedHttpServer {
public:
    using Step = http_script::Step;
    enum class Ending { Close, HoldOpen };

    explicit ScriptedHttpServer(std::vector<Step> script, Ending ending = Ending::Close);
    ~ScriptedHttpServer();
    ScriptedHttpServer(const ScriptedHttpServer&) = delete;
    ScriptedHttpServer& operator=(const ScriptedHttpServer&) = delete;

    isolens::Endpoint endpoint() const;
    std::string lastRequest() const;
    int connections() const { return connections_.load(); }
    // True once the client closed its end while the server held the connection open.
    bool sawClientClose() const { return clientClosed_.load(); }

private:
    void serve();
    void handle(int client);

    std::vector<Step> script_;
    Ending ending_;
    std::filesystem::path dir_;
    std::filesystem::path socketPath_;
    int listener_ = -1;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    std::atomic<bool> clientClosed_{false};
    mutable std::mutex mutex_;
    std::string lastRequest_;
    std::thread thread_;
};
