#pragma once

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/transport/endpoint.hpp"

#include <map>
#include <string>

// The private engine started by tests/engine/private-engine.sh, as described by its env file.
struct PrivateEngine {
    std::map<std::string, std::string> vars;

    const std::string& var(const std::string& name) const;
    isolens::Endpoint unixEndpoint() const;
    isolens::Endpoint tlsEndpoint(const std::string& caFile, bool withClientCert = true) const;
    isolens::EngineClient client(isolens::EngineClientOptions options = {}) const;
    std::string testImage() const { return var("ISOLENS_TEST_IMAGE"); }
    std::string registry() const { return var("ISOLENS_TEST_REGISTRY"); }
    // isolens/batch:a, :b or :c in the local registry; only the batch tests pull them.
    std::string batchImage(const std::string& tag) const { return registry() + "/isolens/batch:" + tag; }
    // A manifest list with only an arm64 entry: pulling it fails with "no matching manifest".
    std::string foreignImage() const { return registry() + "/isolens/foreign:arm64-only"; }
    std::string secondRuntime() const { return var("ISOLENS_TEST_SECOND_RUNTIME"); }
    std::string certDir() const { return var("ISOLENS_TEST_CERT_DIR"); }
};

// Loads the engine named by ISOLENS_TEST_ENGINE_ENV; aborts the test program loudly when there is none,
// because these tests must never pass without a real engine.
const PrivateEngine& privateEngine();

// A container name no other test uses.
std::string uniqueName(const std::string& prefix);
