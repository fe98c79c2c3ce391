#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace isolens {

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string encodeQueryComponent(std::string_view text);

// Like encodeQueryComponent; keeps '/' when the value is a multi-segment name (image references).
std::string encodePathSegment(std::string_view text, bool keepSlashes = false);

// Builds "?a=1&b=2" from pairs, encoding each key and value; empty when no pairs.
class QueryString {
public:
    QueryString& add(std::string_view key, std::string_view value);
    const std::string& str() const { return text_; }

private:
    std::string text_;
};

} // namespace isolens
