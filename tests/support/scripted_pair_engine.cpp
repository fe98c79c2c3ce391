#include "scripted_pair_engine.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

using namespace std::chrono_literals;
using Step = ScriptedHttpServer::Step;

namespace {

ScriptedPairEngine::Request parseRequest(const std::string& request)
{
    const auto line = request.substr(0, request.find("\r\n"));
    const auto space = line.find(' ');
    ScriptedPairEngine::Request seen;
    seen.method = line.substr(0, space);
    auto target = line.substr(space + 1, line.rfind(' ') - space - 1);
    if (target.starts_with("/v") && target.find('/', 1) != std::string::npos)
        target = target.substr(target.find('/', 1));
    const auto question = target.find('?');
    seen.path = target.substr(0, question);
    if (question != std::string::npos)
        seen.query = target.substr(question + 1);
    if (const auto head = request.find("\r\n\r\n"); head != std::string::npos)
        seen.body = request.substr(head + 4);
    return seen;
}

// The engine's stats line for the n-th second of a run (20 % of one CPU).
std::string statsLine(int second)
{
    char read[32];
    char preread[32];
    std::snprintf(read, sizeof read, "2026-11-28T01:%02d:%02dZ", (second + 1) / 60 % 60, (second + 1) % 60);
    std::snprintf(preread, sizeof preread, "2026-11-28T01:%02d:%02dZ", second / 60 % 60, second % 60);
    return std::string(R"({"read":")") + read + R"(","preread":")" + preread +
           R"(","cpu_stats":{"cpu_usage":{"total_usage":2},"system_cpu_usage":10,"online_cpus":1},)"
           R"("precpu_stats":{"cpu_usage":{"total_usage":1},"system_cpu_usage":5},"memory_stats":{"usage":100}})"
           "\n";
}

// One frame of the engine's multiplexed log stream, on stderr.
std::string stderrFrame(const std::string& text)
{
    std::string frame{'\x02', '\0', '\0', '\0'};
    for (int shift = 24; shift >= 0; shift -= 8)
        frame += static_cast<char>((text.size() >> shift) & 0xff);
    return frame + text;
}

} // namespace

ScriptedPairEngine::ScriptedPairEngine(Script script)
    : script_(script)
    , server_([this](const std::string& request) { return answer(request); },
              ScriptedHttpServer::Connections::Concurrent)
{}

std::string ScriptedPairEngine::idOf(int created)
{
    return std::string(64, static_cast<char>('a' + created - 1));
}

std::vector<ScriptedPairEngine::Request> ScriptedPairEngine::requests() const
{
    std::lock_guard lock(mutex_);
    return requests_;
}

std::vector<ScriptedPairEngine::Request> ScriptedPairEngine::requests(const std::string& method,
                                                                      const std::string& suffix) const
{
    std::vector<Request> matching;
    for (const auto& request : requests())
        if (request.method == method && request.path.ends_with(suffix))
            matching.push_back(request);
    return matching;
}

std::vector<std::string> ScriptedPairEngine::removals() const
{
    std::vector<std::string> removed;
    for (const auto& request : requests())
        if (request.method == "DELETE")
            removed.push_back(request.path.substr(std::string("/containers/").size()) + "?" + request.query);
    return removed;
}

std::vector<Step> ScriptedPairEngine::answer(const std::string& raw)
{
    const auto seen = parseRequest(raw);
    int created = 0;
    {
        std::lock_guard lock(mutex_);
        requests_.push_back(seen);
        if (seen.method == "POST" && seen.path == "/containers/create")
            created = ++creates_;
    }
    const auto reply = [](int status, const std::string& body) {
        return std::vector<Step>{{http_script::reply(status, body)}};
    };
    if (seen.method == "GET" && seen.path.starts_with("/images/") && seen.path.ends_with("/json"))
        return reply(200, R"({"Id":"sha256:)" + std::string(64, '9') + R"(","Os":"linux"})");
    if (created > 0) {
        if (created == script_.failCreate)
            return reply(400, std::string(R"({"message":")") + kCreateRefusal + "\"}");
        return reply(201, R"({"Id":")" + idOf(created) + R"(","Warnings":[]})");
    }
    if (!seen.path.starts_with("/containers/"))
        return reply(404, R"({"message":"page not found"})");
    const auto rest = seen.path.substr(std::string("/containers/").size());
    const auto id = rest.substr(0, rest.find('/'));
    const auto action = rest.substr(id.size());
    if (seen.method == "POST" && action == "/start") {
        if (script_.failStart > 0 && id == idOf(script_.failStart))
            return reply(500, std::string(R"({"message":")") + kStartRefusal + "\"}");
        return reply(204, "");
    }
    if (seen.method == "GET" && action == "/stats") {
        std::vector<Step> stream{{http_script::kChunkedHead}};
        // A running container's stream goes on for longer than any test here; an exiting one's ends.
        const int samples = script_.exitsOnItsOwn ? 1 : 300;
        for (int second = 0; second < samples; ++second)
            stream.push_back({http_script::chunk(statsLine(second)), 100ms});
        if (script_.exitsOnItsOwn)
            stream.push_back({"0\r\n\r\n"});
        return stream;
    }
    if (seen.method == "GET" && action == "/json") {
        const bool running = !script_.exitsOnItsOwn;
        nlohmann::json details = {
            {"Id", id},
            {"Name", "/" + id.substr(0, 12)},
            {"State",
             {{"Status", running ? "running" : "exited"},
              {"Running", running},
              {"ExitCode", running ? 0 : 3},
              {"StartedAt", "2026-11-28T01:00:00.000000000Z"},
              {"FinishedAt", running ? "0001-01-01T00:00:00Z" : "2026-11-28T01:00:01.500000000Z"}}},
            {"Config", {{"Image", "busybox:1.36"}}},
            {"HostConfig", nlohmann::json::object()}};
        return reply(200, details.dump());
    }
    if (seen.method == "GET" && action == "/logs")
        return reply(200, stderrFrame(std::string(kLastOutput) + "\n"));
    if (seen.method == "DELETE" && action.empty())
        return reply(204, "");
    return reply(404, R"({"message":"page not found"})");
}
