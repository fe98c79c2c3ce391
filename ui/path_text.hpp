#pragma once

// A QString names a file as text; the core takes a std::filesystem::path. Both ways go through the core's
// UTF-8 conversion (isolens/core/platform/system_text.hpp), so a folder named "José" or "テスト" survives on
// Windows.
#include "isolens/core/platform/system_text.hpp"

#include <QString>

#include <filesystem>

inline std::filesystem::path pathFromQString(const QString& path)
{
    return isolens::pathFromUtf8(path.toStdString());
}

inline QString qStringFromPath(const std::filesystem::path& path)
{
    return QString::fromStdString(isolens::utf8FromPath(path));
}
