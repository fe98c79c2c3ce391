#pragma once

#include "isolens/core/recording/recording.hpp"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

// A folder of its own for a test, and pairs' recordings written into it: each side's memory goes up by
// its step every second for three seconds (mean: twice the step), with a gap after the second second
// when asked.
class PairRecordings : public ::testing::Test {
protected:
    static constexpr std::int64_t kSecond = 1'000'000'000;
    static constexpr std::int64_t kStart = 1'795'826'344 * kSecond;
    static constexpr std::int64_t kMiB = 1024 * 1024;

    // A report's file, whole.
    static std::string readAll(const std::filesystem::path& path)
    {
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                   ("isolens-pair-recordings-" + std::to_string(std::random_device{}()));
    void SetUp() override { std::filesystem::create_directories(folder); }
    void TearDown() override { std::filesystem::remove_all(folder); }

    std::filesystem::path record(const std::string& name, const std::string& image, std::int64_t memoryStepA,
                                 std::int64_t memoryStepB, bool gap = false)
    {
        const std::array<std::string, 2> labels{"runc", "isolens-vm"};
        isolens::RecordingHeader header;
        header.image = image;
        header.appVersion = "0.1.0";
        header.hostDescription = "Debian GNU/Linux 12 (bookworm)";
        header.engine = {"linux", "20.10.24", "unix:///var/run/docker.sock"};
        header.invocation = {"isolens-cli", "compare", "--image", image, "--runtimes", "runc,isolens-vm"};
        header.modes = {isolens::IsolationMode{labels[0], "", labels[0]},
                        isolens::IsolationMode{labels[1], "", labels[1]}};
        const auto path = folder / name;
        auto writer = isolens::RecordingWriter::create(path, header);
        EXPECT_TRUE(writer) << writer.error().message;
        for (int second = 1; second <= 3; ++second) {
            for (std::size_t side = 0; side < 2; ++side) {
                isolens::StatsSample s;
                s.valid = true;
                s.name = labels[side];
                s.timeNanos = kStart + second * kSecond;
                s.cpuPercent = 10.0 * static_cast<double>(side + 1) * second;
                s.memBytes = (side == 0 ? memoryStepA : memoryStepB) * second;
                EXPECT_TRUE(writer.value()->sample(labels[side], s));
                if (gap && second == 2) {
                    EXPECT_TRUE(writer.value()->event(labels[side], s.timeNanos + kSecond / 2,
                                                      isolens::EventKind::Gap, "no sample for 2 s"));
                }
            }
        }
        EXPECT_TRUE(writer.value()->close());
        return path;
    }
};
