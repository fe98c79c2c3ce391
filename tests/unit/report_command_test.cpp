#include "pair_recordings.hpp"
#include "run_command.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace {

CommandRun report(const std::string& arguments)
{
    return runCommand(std::string(ISOLENS_CLI_PATH) + " report " + arguments);
}

} // namespace

class ReportCommand : public PairRecordings {};

TEST_F(ReportCommand, WritesTheReportAndSaysWhere)
{
    const auto recording = record("a.jsonl", "busybox", 1 << 20, 1 << 19);
    const auto out = folder / "out.html";
    const auto run = report(recording.string() + " --report " + out.string());
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("Wrote the report of 1 recording to"), std::string::npos) << run.output;
    EXPECT_TRUE(fs::exists(out));
}

TEST_F(ReportCommand, RefusesWithWhatHappenedAndWhatToDo)
{
    const auto recording = record("a.jsonl", "busybox", 1 << 20, 1 << 19);
    std::ofstream(folder / "taken.html") << "mine";
    std::ofstream(folder / "notes.txt") << "not a recording\n";
    struct Case {
        std::string arguments;
        std::string message;
        std::string hint;
    };
    const Case cases[] = {
        {(folder / "missing.jsonl").string() + " --report " + (folder / "o1.html").string(),
         "There is no recording", "Check the file's name"},
        {(folder / "notes.txt").string() + " --report " + (folder / "o2.html").string(),
         "is not an IsoLens recording", "Name recordings of pairs"},
        {recording.string() + " --report " + (folder / "taken.html").string(), "Will not overwrite",
         "Choose another file"},
        {recording.string() + " --report " + (folder / "o3.pdf").string(), "A report is HTML or Markdown",
         "FILE.html"},
        {recording.string() + " " + recording.string() + " --report " + (folder / "o4.html").string(),
         "a.jsonl is named twice", "Name each recording once"},
    };
    for (const auto& c : cases) {
        const auto run = report(c.arguments);
        EXPECT_EQ(run.exitCode, 1) << c.arguments << "\n" << run.output;
        EXPECT_NE(run.output.find(c.message), std::string::npos) << run.output;
        EXPECT_NE(run.output.find(c.hint), std::string::npos) << run.output;
    }
    EXPECT_FALSE(fs::exists(folder / "o1.html"));
    EXPECT_FALSE(fs::exists(folder / "o2.html"));
    EXPECT_FALSE(fs::exists(folder / "o3.pdf"));
    EXPECT_FALSE(fs::exists(folder / "o4.html"));
}
