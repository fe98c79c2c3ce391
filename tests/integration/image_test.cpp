#include "private_engine.hpp"

#include "isolens/core/transport/http_transport.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace isolens;

namespace {

bool hasTag(EngineClient& client, const std::string& tag)
{
    auto images = client.listImages();
    EXPECT_TRUE(images);
    for (const auto& image : images.value())
        if (std::find(image.repoTags.begin(), image.repoTags.end(), tag) != image.repoTags.end())
            return true;
    return false;
}

void removeImage(const std::string& reference)
{
    // Through the engine API directly: the client has no image removal yet (nothing needs it).
    auto endpoint = privateEngine().unixEndpoint();
    (void)sendRequest(endpoint,
                      HttpRequest{HttpMethod::Delete, "/images/" + reference + "?force=1", std::nullopt});
}

} // namespace

TEST(Images, TheImportedTestImageIsListedAndInspectable)
{
    auto client = privateEngine().client();
    EXPECT_TRUE(hasTag(client, privateEngine().testImage()));
    auto details = client.inspectImage(privateEngine().testImage());
    ASSERT_TRUE(details) << details.error().describe();
    EXPECT_EQ(details.value().os, "linux");
    EXPECT_FALSE(details.value().id.empty());
}

TEST(Images, ReferencesAreEncodedNotInterpreted)
{
    auto client = privateEngine().client();
    // Unencoded, '?' would start a query; encoded, the engine looks for an image of exactly that name.
    auto details = client.inspectImage("isolens-test/missing?all=1");
    ASSERT_FALSE(details);
    EXPECT_NE(details.error().message.find("no such image: isolens-test/missing?all=1"), std::string::npos)
        << details.error().message; // unencoded, the engine would answer "page not found"
}

TEST(Images, InspectingAMissingImageIsImageNotFound)
{
    auto client = privateEngine().client();
    auto details = client.inspectImage("isolens-test/missing:0");
    ASSERT_FALSE(details);
    EXPECT_EQ(details.error().kind, ErrorKind::ImageNotFound);
    EXPECT_NE(details.error().message.find("No such image"), std::string::npos);
}

TEST(Images, PullOneTagFromTheLocalRegistryWithPerLayerProgress)
{
    auto client = privateEngine().client();
    const auto reference = privateEngine().registry() + "/isolens/layered:1.0";
    removeImage(reference);
    ASSERT_FALSE(hasTag(client, reference));

    std::vector<PullEvent> events;
    PullProgressTracker tracker;
    std::vector<double> fractions;
    auto pulled = client.pullImage(parseImageReference(reference).value(), {}, [&](const PullEvent& event) {
        events.push_back(event);
        tracker.apply(event);
        fractions.push_back(tracker.fraction());
    });
    ASSERT_TRUE(pulled) << pulled.error().describe();
    EXPECT_TRUE(hasTag(client, reference));
    ASSERT_FALSE(events.empty());
    EXPECT_NE(events.front().status.find("Pulling from isolens/layered"), std::string::npos);
    EXPECT_NE(events.back().status.find("Downloaded newer image"), std::string::npos) << events.back().status;
    bool sawLayer = false;
    for (const auto& event : events)
        sawLayer = sawLayer || event.status == "Pull complete";
    EXPECT_TRUE(sawLayer) << "expected a 'Pull complete' event for the layer";
    EXPECT_EQ(tracker.layersDone(), 1);
    EXPECT_DOUBLE_EQ(tracker.fraction(), 1.0);
    EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end())) << "progress must never go backwards";
    removeImage(reference);
}

TEST(Images, PullOfAnImageWhoseLayersAreHereFinishesAtOnce)
{
    auto client = privateEngine().client();
    const auto reference =
        privateEngine().registry() + "/isolens/busybox:1.0"; // same layer as the test image
    removeImage(reference);
    PullProgressTracker tracker;
    std::vector<std::string> statuses;
    auto pulled = client.pullImage(parseImageReference(reference).value(), {}, [&](const PullEvent& event) {
        tracker.apply(event);
        statuses.push_back(event.status);
    });
    ASSERT_TRUE(pulled) << pulled.error().describe();
    EXPECT_TRUE(tracker.finished());
    EXPECT_DOUBLE_EQ(tracker.fraction(), 1.0);
    // At once: the layer is taken from what is here, nothing is downloaded or extracted.
    std::string seen;
    for (const auto& status : statuses)
        seen += status + "; ";
    for (const char* work : {"Downloading", "Extracting", "Pull complete"})
        EXPECT_EQ(std::find(statuses.begin(), statuses.end(), work), statuses.end()) << work << ": " << seen;
    removeImage(reference);
}

TEST(Images, PullAllTagsBringsEveryTag)
{
    auto client = privateEngine().client();
    const auto repository = privateEngine().registry() + "/isolens/busybox";
    removeImage(repository + ":1.0");
    removeImage(repository + ":2.0");
    PullOptions options;
    options.allTags = true;
    auto pulled = client.pullImage(parseImageReference(repository).value(), options, nullptr);
    ASSERT_TRUE(pulled) << pulled.error().describe();
    EXPECT_TRUE(hasTag(client, repository + ":1.0"));
    EXPECT_TRUE(hasTag(client, repository + ":2.0"));
    removeImage(repository + ":1.0");
    removeImage(repository + ":2.0");
}

TEST(Images, PullingAMissingTagIsImageNotFound)
{
    auto client = privateEngine().client();
    auto pulled = client.pullImage(
        parseImageReference(privateEngine().registry() + "/isolens/busybox:9.9").value(), {}, nullptr);
    ASSERT_FALSE(pulled);
    EXPECT_EQ(pulled.error().kind, ErrorKind::ImageNotFound);
    EXPECT_NE(pulled.error().message.find("not found"), std::string::npos) << pulled.error().message;
}

TEST(Images, NoMatchingManifestArrivesInsideA200StreamAndIsExplained)
{
    // A manifest list with only an arm64 entry: the engine on amd64 finds nothing for itself,
    // as a Windows host finds nothing in an image list built for newer Windows builds.
    auto client = privateEngine().client();
    std::vector<PullEvent> events;
    auto pulled = client.pullImage(
        parseImageReference(privateEngine().registry() + "/isolens/foreign:arm64-only").value(), {},
        [&](const PullEvent& event) { events.push_back(event); });
    ASSERT_FALSE(pulled);
    EXPECT_EQ(pulled.error().kind, ErrorKind::NoMatchingManifest);
    EXPECT_EQ(pulled.error().httpStatus, 200);
    EXPECT_NE(
        pulled.error().message.find("no matching manifest for linux/amd64 in the manifest list entries"),
        std::string::npos)
        << pulled.error().message;
    // The engine looked for linux/amd64: the hint is about the platform, not about Windows builds.
    EXPECT_NE(pulled.error().hint.find("no variant for the engine's platform"), std::string::npos)
        << pulled.error().hint;
    EXPECT_EQ(pulled.error().hint.find("Windows"), std::string::npos) << pulled.error().hint;
    ASSERT_FALSE(events.empty());
    EXPECT_TRUE(events.back().error);
}

TEST(Images, PullFromAnUnreachableRegistryIsReported)
{
    auto client = privateEngine().client();
    auto pulled = client.pullImage(parseImageReference("127.0.0.1:1/isolens/nothing:1").value(), {}, nullptr);
    ASSERT_FALSE(pulled);
    EXPECT_NE(pulled.error().message.find("127.0.0.1:1"), std::string::npos) << pulled.error().message;
}

TEST(Images, RegistryPlatformsComeFromTheManifestList)
{
    auto client = privateEngine().client();
    auto platforms = client.imagePlatforms(
        parseImageReference(privateEngine().registry() + "/isolens/foreign:arm64-only").value());
    ASSERT_TRUE(platforms) << platforms.error().describe();
    ASSERT_EQ(platforms.value().size(), 1u);
    EXPECT_EQ(platforms.value()[0].os, "linux");
    EXPECT_EQ(platforms.value()[0].architecture, "arm64");
}
