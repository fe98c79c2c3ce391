#pragma once

#include "scripted_http_server.hpp"

#include "isolens/core/transport/endpoint.hpp"

#include <mutex>
#include <string>
#include <vector>

// A Docker engine for one pair, on a unix socket, serving connections side by side as an engine does:
// the image is there, containers are created, started, streamed, inspected, logged and removed, and a
// step fails where the script says. Every request is kept, for the test to read what was asked.
class ScriptedPairEngine {
public:
    struct Script {
        int failCreate = 0;         // the n-th create (from 1) is refused
        int failStart = 0;          // the start of the n-th container created is refused
        bool exitsOnItsOwn = false; // each container's command exits with code 3 after one sample
    };

    // A request as the engine saw it: the path without its /vX.Y and query.
    struct Request {
        std::string method;
        std::string path;
        std::string query;
        std::string body;
    };

    static constexpr const char* kCreateRefusal = "unknown or invalid runtime name: isolens-vm";
    static constexpr const char* kStartRefusal =
        "failed to create task for container: OCI runtime create failed: scripted refusal";
    // What each container's stderr last said, when it exits on its own.
    static constexpr const char* kLastOutput = "it ends here";

    explicit ScriptedPairEngine(Script script);

    isolens::Endpoint endpoint() const { return server_.endpoint(); }
    // The id of the n-th container created (from 1).
    static std::string idOf(int created);

    std::vector<Request> requests() const;
    // Those with this method whose path ends so ("/start", "/containers/create").
    std::vector<Request> requests(const std::string& method, const std::string& suffix) const;
    // The container ids removed, in order, each with the query it was removed with.
    std::vector<std::string> removals() const;

private:
    std::vector<ScriptedHttpServer::Step> answer(const std::string& raw);

    Script script_;
    mutable std::mutex mutex_;
    std::vector<Request> requests_;
    int creates_ = 0;
    ScriptedHttpServer server_; // last: its threads call answer(), so it goes first
};
