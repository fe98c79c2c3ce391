#include "isolens/core/engine/command_line.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace isolens {

namespace {

// Boost.Program_options has split_unix and split_winmain, but split_unix lets either quote end the
// other ('echo "a  b"' loses its double quotes and blanks) and split_winmain exists only in Windows
// builds of the library, while a Linux dashboard may watch a Windows engine. The rules are short.

constexpr std::string_view kPosixBlanks = " \t\n";
constexpr std::string_view kWindowsBlanks = " \t";

bool isOneOf(char c, std::string_view set)
{
    return set.find(c) != std::string_view::npos;
}

Error operatorError(char c, CommandSyntax syntax)
{
    auto error = makeError(ErrorKind::InvalidInput,
                           std::string("The command has an unquoted '") + c +
                               "', which a shell would treat as an operator; IsoLens passes words straight "
                               "to the container, with no shell in between");
    error.hint =
        syntax == CommandSyntax::Windows
            ? "Run it through a shell, e.g. cmd /c \"ping -n 3 localhost & echo done\", or quote the "
              "character"
            : "Run it through a shell, e.g. sh -c 'sleep 1; echo done', or quote the character";
    return error;
}

Error unterminatedError(char quote)
{
    auto error = makeError(ErrorKind::InvalidInput,
                           std::string("The command has an unterminated ") + quote + " quote");
    error.hint = "Close the quote, or give the command as a JSON array, e.g. [\"sh\",\"-c\",\"sleep 1\"]";
    return error;
}

Result<std::vector<std::string>> splitPosix(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    bool inWord = false; // '' makes an empty word
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isOneOf(c, kPosixBlanks)) {
            if (inWord)
                words.push_back(std::exchange(word, {}));
            inWord = false;
            continue;
        }
        if (isOneOf(c, ";|&<>()`$"))
            return operatorError(c, CommandSyntax::Posix);
        inWord = true;
        if (c == '\\') {
            if (++i == text.size())
                word += '\\'; // as sh does with a backslash at the very end
            else if (text[i] != '\n')
                word += text[i]; // backslash-newline continues the line
        } else if (c == '\'') {
            const auto end = text.find('\'', i + 1);
            if (end == std::string_view::npos)
                return unterminatedError('\'');
            word.append(text.substr(i + 1, end - i - 1));
            i = end;
        } else if (c == '"') {
            for (++i;; ++i) {
                if (i == text.size())
                    return unterminatedError('"');
                if (text[i] == '"')
                    break;
                if (text[i] == '\\' && i + 1 < text.size() && isOneOf(text[i + 1], "$`\"\\\n")) {
                    if (text[++i] != '\n')
                        word += text[i];
                } else {
                    word += text[i];
                }
            }
        } else {
            word += c;
        }
    }
    if (inWord)
        words.push_back(std::move(word));
    return words;
}

Result<std::vector<std::string>> splitWindows(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    bool inWord = false;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!quoted && isOneOf(c, kWindowsBlanks)) {
            if (inWord)
                words.push_back(std::exchange(word, {}));
            inWord = false;
            continue;
        }
        if (!quoted && isOneOf(c, "&|<>"))
            return operatorError(c, CommandSyntax::Windows);
        inWord = true;
        if (c == '\\') {
            std::size_t count = 0;
            while (i < text.size() && text[i] == '\\') {
                ++count;
                ++i;
            }
            if (i < text.size() && text[i] == '"') {
                word.append(count / 2, '\\');
                if (count % 2 == 1) {
                    word += '"';
                    continue;
                }
            } else {
                word.append(count, '\\');
                --i;
                continue;
            }
        }
        if (text[i] == '"') {
            // "" inside quotes is one quote, and ends the quotes: CommandLineToArgvW's rule, which Go's
            // parser (the docker CLI's) follows too; the C runtime since 2008 keeps the quotes open.
            if (quoted && i + 1 < text.size() && text[i + 1] == '"') {
                word += '"';
                ++i;
            }
            quoted = !quoted;
            continue;
        }
        word += text[i];
    }
    if (inWord)
        words.push_back(std::move(word));
    return words;
}

std::optional<std::size_t> firstVisible(std::string_view text)
{
    const auto at = text.find_first_not_of(" \t\r\n");
    return at == std::string_view::npos ? std::nullopt : std::optional(at);
}

Result<std::vector<std::string>> parseExecForm(std::string_view text)
{
    const auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    auto error =
        makeError(ErrorKind::InvalidInput,
                  "A command that starts with '[' is read as a JSON array of strings (the exec form), "
                  "and this one is not");
    error.hint = "Write it as [\"sh\",\"-c\",\"sleep 1\"], or as plain words without the brackets";
    if (!parsed.is_array())
        return error;
    std::vector<std::string> words;
    for (const auto& item : parsed) {
        if (!item.is_string())
            return error;
        words.push_back(item.get<std::string>());
    }
    return words;
}

} // namespace

CommandSyntax commandSyntaxFor(std::string_view engineOsType)
{
    return engineOsType == "windows" ? CommandSyntax::Windows : CommandSyntax::Posix;
}

Result<std::vector<std::string>> parseCommandLine(std::string_view text, CommandSyntax syntax)
{
    const auto start = firstVisible(text);
    if (!start)
        return std::vector<std::string>{};
    if (text[*start] == '[')
        return parseExecForm(text);
    return syntax == CommandSyntax::Windows ? splitWindows(text) : splitPosix(text);
}

} // namespace isolens
