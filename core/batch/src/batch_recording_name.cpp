#include "isolens/core/batch/batch_recording_name.hpp"

#include <cctype>
#include <ctime>

namespace isolens {

namespace {

constexpr std::size_t kMaxImagePart = 60;

std::string safePart(std::string_view text)
{
    std::string out;
    for (const char c : text.substr(0, kMaxImagePart)) {
        const auto byte = static_cast<unsigned char>(c);
        out += byte < 0x80 && (std::isalnum(byte) || c == '-' || c == '.') ? c : '_';
    }
    return out;
}

} // namespace

std::string batchRecordingName(std::size_t row, std::size_t repeat, std::string_view image)
{
    const auto number = std::to_string(row);
    return (number.size() < 2 ? "0" + number : number) + "-" + safePart(image) + "-run" +
           std::to_string(repeat) + ".jsonl";
}

std::string batchFolderName(std::int64_t wallClockNanos)
{
    const std::time_t seconds = static_cast<std::time_t>(wallClockNanos / 1'000'000'000);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &seconds);
#else
    localtime_r(&seconds, &local);
#endif
    char name[64];
    std::strftime(name, sizeof name, "isolens-batch-%Y%m%d-%H%M%S", &local);
    return name;
}

} // namespace isolens
