#include "isolens/core/report/report_file.hpp"

#include "isolens/core/base/text.hpp"
#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/report/html_report.hpp"
#include "isolens/core/report/markdown_report.hpp"
#include "isolens/core/report/run_charts.hpp"

namespace isolens {

Result<ReportFormat> reportFormatFor(const std::filesystem::path& file)
{
    const auto extension = toLowerAscii(utf8FromPath(file.extension()));
    if (extension == ".html" || extension == ".htm")
        return ReportFormat::Html;
    if (extension == ".md")
        return ReportFormat::Markdown;
    auto error = makeError(ErrorKind::InvalidInput,
                           "A report is HTML or Markdown, and " + utf8FromPath(file.filename()) +
                               (extension.empty() ? " has no extension" : " ends in " + extension));
    error.hint =
        "Name the report FILE.html (one self-contained page) or FILE.md (Markdown, charts beside it)";
    return error;
}

Result<void> writeNewFiles(const std::vector<NewFile>& files)
{
    std::vector<ExclusiveFile> created;
    for (const auto& file : files) {
        auto opened = ExclusiveFile::create(file.path, FileAccess::Readable);
        if (!opened)
            return opened.error(); // those created so far are removed with `created`
        created.push_back(std::move(opened.value()));
        if (auto written = created.back().write(file.content); !written)
            return written.error();
        if (auto closed = created.back().close(); !closed)
            return closed.error();
    }
    for (auto& file : created)
        file.keep();
    return success();
}

Result<void> writeReport(const BatchTable& table, const ReportContext& context,
                         const std::filesystem::path& file)
{
    auto format = reportFormatFor(file);
    if (!format)
        return format.error();
    auto document = reportDocument(table, context);
    if (!document)
        return document.error();
    if (format.value() == ReportFormat::Html)
        return writeNewFiles({{file, htmlReport(document.value())}});

    const auto names = chartFileNames(document.value(), utf8FromPath(file.stem()), "svg");
    std::vector<NewFile> files{{file, markdownReport(document.value(), names)}};
    const auto folder = file.parent_path();
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto charts = runCharts(document.value().runs[i], table.labels);
        for (std::size_t side = 0; side < 2; ++side) {
            files.push_back({folder / pathFromUtf8(names[i].cpu[side]),
                             svgChart(charts.cpu[side], SvgPlacement::StandaloneFile)});
            files.push_back({folder / pathFromUtf8(names[i].memory[side]),
                             svgChart(charts.memory[side], SvgPlacement::StandaloneFile)});
        }
    }
    return writeNewFiles(files);
}

} // namespace isolens
