#include "isolens/core/recording/recording_csv.hpp"

#include "isolens/core/base/text.hpp"
#include "isolens/core/base/timestamp.hpp"
#include "isolens/core/recording/recording.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>

namespace isolens {

namespace {

std::string optionalNumber(const std::optional<std::int64_t>& value)
{
    return value ? std::to_string(*value) : std::string{};
}

// Collects rows and hands them to the sink a piece at a time; remembers the first failure.
class CsvBuffer {
public:
    explicit CsvBuffer(const CsvSink& sink)
        : sink_(sink)
    {}

    void add(std::string_view text)
    {
        if (!failure_)
            pending_ += text;
        if (pending_.size() >= kPieceBytes)
            flush();
    }

    Result<void> finish()
    {
        flush();
        if (failure_)
            return *failure_;
        return success();
    }

    bool failed() const { return failure_.has_value(); }

private:
    static constexpr std::size_t kPieceBytes = 64 * 1024;

    void flush()
    {
        if (failure_ || pending_.empty())
            return;
        if (auto written = sink_(pending_); !written)
            failure_ = written.error();
        pending_.clear();
    }

    const CsvSink& sink_;
    std::string pending_;
    std::optional<Error> failure_;
};

} // namespace

std::string_view csvHeaderLine()
{
    return "time,mode,cpu_percent,cpu_host_percent,cpu_allotment_percent,mem_bytes,commit_bytes,"
           "net_rx_bytes,net_tx_bytes,block_read_bytes,block_write_bytes,pids\n";
}

std::string csvRow(const std::string& mode, const StatsSample& s)
{
    if (!s.valid)
        return {};
    char cpu[96];
    std::snprintf(cpu, sizeof cpu, "%.4f,%.4f,%.4f", s.cpuPercent, s.cpuHostPercent, s.cpuAllotmentPercent);
    return formatRfc3339Millis(s.timeNanos) + "," + csvField(mode) + "," + cpu + "," +
           std::to_string(s.memBytes) + "," + optionalNumber(s.commitBytes) + "," +
           std::to_string(s.netRxBytes) + "," + std::to_string(s.netTxBytes) + "," +
           std::to_string(s.blockReadBytes) + "," + std::to_string(s.blockWriteBytes) + "," +
           optionalNumber(s.pids) + "\n";
}

Result<void> exportRecordingCsv(const std::filesystem::path& path,
                                const std::vector<std::pair<std::string, StatsSample>>& notRecorded,
                                const CsvSink& sink)
{
    CsvBuffer out(sink);
    out.add(csvHeaderLine());
    RecordingVisitor visitor;
    visitor.sample = [&](const std::string& mode, StatsSample&& sample) { out.add(csvRow(mode, sample)); };
    if (auto read = visitRecording(path, visitor); !read)
        return read.error();
    for (const auto& [mode, sample] : notRecorded)
        out.add(csvRow(mode, sample));
    return out.finish();
}

} // namespace isolens
