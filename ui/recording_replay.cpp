#include "recording_replay.hpp"

#include "path_text.hpp"

#include "isolens/core/engine/container_exit.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"

#include <QObject>

using namespace isolens;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

QString replayRecording(const QString& path, ReplayedSession& session)
{
    auto store = std::make_shared<SeriesStore>();
    auto replayed = replayFile(pathFromQString(path), *store);
    if (!replayed)
        return fromStd(replayed.error().describe());
    const auto& header = replayed.value().info.header;
    std::array<QString, 2> keys{QObject::tr("mode A"), QObject::tr("mode B")};
    for (std::size_t side = 0; side < 2; ++side)
        if (const auto label = header.modeLabel(side); !label.empty())
            keys[side] = fromStd(label);
    session.store = std::move(store);
    session.modeKeys = keys;
    for (int side = 0; side < 2; ++side) {
        session.startup[side] = startupFromEvents(replayed.value().events, keys[side].toStdString());
    }
    session.title = fromStd(header.image);
    session.hardening = fromStd(header.hardeningDescription());
    session.exits.clear();
    for (const auto& event : replayed.value().events)
        if (event.kind == EventKind::Exited && event.data.is_object()) {
            const auto exit = exitFromJson(event.data);
            session.exits.push_back(
                {fromStd(event.mode), fromStd(exitSentence(exit)), fromStd(describeExit(exit))});
        }
    session.problems.clear();
    if (replayed.value().info.truncatedTail)
        session.problems << QObject::tr("The recording's last line was cut off (the session ended abruptly); "
                                        "everything before it is shown.");
    if (const auto& refused = replayed.value().info.refused; refused.count > 0)
        session.problems << QObject::tr(
                                "%n line(s) of the recording were over a reading limit and are not shown "
                                "(first: %1).",
                                nullptr, static_cast<int>(refused.count))
                                .arg(fromStd(refused.lines.front().reason));
    return {};
}
