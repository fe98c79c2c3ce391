#pragma once

#include "http_script.hpp"

#include "isolens/core/transport/endpoint.hpp"

#include <windows.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

// A fake engine on a Windows named pipe, the pipe twin of ScriptedHttpServer: for each connection
// it reads one request, then plays a script of byte runs and pauses, then closes or holds the pipe.
class ScriptedPipeServer {
public:
    using Step = http_script::Step;
    enum class Ending { Close, HoldOpen };

    explicit ScriptedPipeServer(std::vector<Step> script, Ending ending = Ending::Close,
                                DWORD maxInstances = 4);
    ~ScriptedPipeServer();
    ScriptedPipeServer(const ScriptedPipeServer&) = delete;
    ScriptedPipeServer& operator=(const ScriptedPipeServer&) = delete;

    isolens::Endpoint endpoint() const;
    std::string lastRequest() const;
    int connections() const { return connections_.load(); }
    bool sawClientClose() const { return clientClosed_.load(); }

private:
    void serve();
    void handle(HANDLE pipe);

    std::vector<Step> script_;
    Ending ending_;
    DWORD maxInstances_;
    std::wstring name_;
    std::string url_;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    std::atomic<bool> clientClosed_{false};
    mutable CRITICAL_SECTION lock_;
    std::string lastRequest_;
    HANDLE listening_ = INVALID_HANDLE_VALUE;
    std::thread thread_;
};
