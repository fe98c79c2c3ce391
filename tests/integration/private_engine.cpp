#include "private_engine.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>

using namespace isolens;

namespace {

PrivateEngine load()
{
    const char* file = std::getenv("ISOLENS_TEST_ENGINE_ENV");
    if (!file || !*file) {
        std::cerr << "\n*** ISOLENS_TEST_ENGINE_ENV is not set: these tests need the private engine. ***\n"
                     "*** Run them through ctest (the README's test command), which starts it.       ***\n\n";
        std::exit(3);
    }
    std::ifstream in(file);
    if (!in) {
        std::cerr << "\n*** The private engine's file " << file
                  << " does not exist: engine.start failed. ***\n\n";
        std::exit(3);
    }
    PrivateEngine engine;
    std::string line;
    while (std::getline(in, line))
        if (auto eq = line.find('='); eq != std::string::npos)
            engine.vars[line.substr(0, eq)] = line.substr(eq + 1);
    return engine;
}

} // namespace

const PrivateEngine& privateEngine()
{
    static const PrivateEngine engine = load();
    return engine;
}

const std::string& PrivateEngine::var(const std::string& name) const
{
    auto it = vars.find(name);
    if (it == vars.end()) {
        std::cerr << "*** The private engine's file has no " << name << " ***\n";
        std::exit(3);
    }
    return it->second;
}

Endpoint PrivateEngine::unixEndpoint() const
{
    return parseHostUrl(var("ISOLENS_TEST_DOCKER_HOST")).value();
}

Endpoint PrivateEngine::tlsEndpoint(const std::string& caFile, bool withClientCert) const
{
    auto endpoint = parseHostUrl(var("ISOLENS_TEST_TLS_HOST")).value();
    endpoint.tls.enabled = true;
    endpoint.tls.verifyPeer = true;
    endpoint.tls.caFile = caFile;
    if (withClientCert) {
        endpoint.tls.certFile = certDir() + "/cert.pem";
        endpoint.tls.keyFile = certDir() + "/key.pem";
    }
    return endpoint;
}

EngineClient PrivateEngine::client(EngineClientOptions options) const
{
    return EngineClient(unixEndpoint(), std::move(options));
}

std::string uniqueName(const std::string& prefix)
{
    static std::atomic<int> counter{0};
    static const auto run = std::random_device{}();
    return "isolens-test-" + prefix + "-" + std::to_string(run % 100000) + "-" + std::to_string(++counter);
}
