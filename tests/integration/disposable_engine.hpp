#pragma once

#include "isolens/core/transport/endpoint.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#ifndef ISOLENS_PRIVATE_ENGINE_SCRIPT
#error "ISOLENS_PRIVATE_ENGINE_SCRIPT must name tests/engine/private-engine.sh"
#endif

// A second private engine of the test's own, so stopping it disturbs no other test.
class DisposableEngine {
public:
    explicit DisposableEngine(bool liveRestore = false)
        : envFile_(std::filesystem::temp_directory_path() /
                   ("isolens-disposable-" + std::to_string(std::random_device{}()) + ".env"))
    {
        started_ = run("start", liveRestore) == 0;
    }
    ~DisposableEngine() { stop(); }

    bool started() const { return started_; }
    int stop() { return std::filesystem::exists(envFile_) ? run("stop") : 0; }
    int engineDown() { return run("engine-down"); }
    int engineUp() { return run("engine-up"); }

    isolens::Endpoint endpoint() const
    {
        std::ifstream in(envFile_);
        std::string line;
        while (std::getline(in, line))
            if (line.starts_with("ISOLENS_TEST_DOCKER_HOST="))
                return isolens::parseHostUrl(line.substr(line.find('=') + 1)).value();
        return {};
    }

private:
    int run(const std::string& command, bool liveRestore = false) const
    {
        const std::string environment = liveRestore ? "ISOLENS_ENGINE_LIVE_RESTORE=1 " : "";
        return std::system((environment + ISOLENS_PRIVATE_ENGINE_SCRIPT + " " + command + " " +
                            envFile_.string() + " >/dev/null 2>&1")
                               .c_str());
    }

    std::filesystem::path envFile_;
    bool started_ = false;
};
