#include "isolens/core/base/url_encoding.hpp"

namespace isolens {

namespace {

bool isUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

std::string percentEncode(std::string_view text, bool keepSlashes)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (isUnreserved(c) || (keepSlashes && c == '/')) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

} // namespace

std::string encodeQueryComponent(std::string_view text)
{
    return percentEncode(text, false);
}

std::string encodePathSegment(std::string_view text, bool keepSlashes)
{
    return percentEncode(text, keepSlashes);
}

QueryString& QueryString::add(std::string_view key, std::string_view value)
{
    text_ += text_.empty() ? '?' : '&';
    text_ += encodeQueryComponent(key);
    text_ += '=';
    text_ += encodeQueryComponent(value);
    return *this;
}

} // namespace isolens
