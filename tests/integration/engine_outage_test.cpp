#include "private_engine.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using namespace isolens;

namespace {

// A second private engine of the test's own, so stopping it disturbs no other test.
class DisposableEngine {
public:
    DisposableEngine()
        : envFile_(std::filesystem::temp_directory_path() /
                   ("isolens-disposable-" + std::to_string(std::random_device{}()) + ".env"))
    {
        started_ = run("start") == 0;
    }
    ~DisposableEngine() { stop(); }

    bool started() const { return started_; }
    int stop() { return std::filesystem::exists(envFile_) ? run("stop") : 0; }

    Endpoint endpoint() const
    {
        std::ifstream in(envFile_);
        std::string line;
        while (std::getline(in, line))
            if (line.starts_with("ISOLENS_TEST_DOCKER_HOST="))
                return parseHostUrl(line.substr(line.find('=') + 1)).value();
        return {};
    }

private:
    int run(const std::string& command) const
    {
        return std::system((std::string(ISOLENS_PRIVATE_ENGINE_SCRIPT) + " " + command + " " +
                            envFile_.string() + " >/dev/null 2>&1")
                               .c_str());
    }

    std::filesystem::path envFile_;
    bool started_ = false;
};

} // namespace

TEST(EngineOutage, AnEngineThatStoppedIsReportedAsUnreachableWithAHint)
{
    DisposableEngine engine;
    ASSERT_TRUE(engine.started()) << "could not start a second private engine";
    const auto endpoint = engine.endpoint();
    EngineClient client(endpoint);
    ASSERT_TRUE(client.ping());

    ASSERT_EQ(engine.stop(), 0);
    auto info = client.info();
    ASSERT_FALSE(info);
    EXPECT_EQ(info.error().kind, ErrorKind::EngineUnreachable);
    EXPECT_NE(info.error().message.find("Cannot connect to the Docker engine at " + endpoint.url),
              std::string::npos)
        << info.error().message;
    EXPECT_NE(info.error().hint.find("Start the Docker engine"), std::string::npos);
}
