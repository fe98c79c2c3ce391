#include "engine_queries.hpp"

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/session/container_ledger.hpp"
#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/session/orphan_search.hpp"
#include "isolens/core/session/preflight.hpp"

using namespace isolens;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

EngineQueries::EngineQueries(EngineJobs& jobs, QObject* parent)
    : QObject(parent)
    , jobs_(jobs)
    , inbox_(this)
    , preflightGeneration_(std::make_shared<std::atomic<int>>(0))
{}

EngineQueries::~EngineQueries() = default;

void EngineQueries::listImages()
{
    if (!client_)
        return;
    jobs_.start([this, inbox = inbox_, client = client_] {
        auto images = client->listImages();
        if (!images)
            return;
        QStringList names;
        for (const auto& image : images.value())
            for (const auto& tag : image.repoTags)
                if (tag != "<none>:<none>")
                    names << fromStd(tag);
        names.sort();
        inbox.post([this, names] { emit imagesListed(names); });
    });
}

void EngineQueries::preflight(const QString& image, const std::array<IsolationMode, 2>& modes)
{
    auto reference = parseImageReference(image.toStdString());
    if (!reference)
        return;
    const int generation = ++*preflightGeneration_;
    preflightJobs_.start([this, inbox = inbox_, generations = preflightGeneration_, client = client_,
                          reference = reference.value(), image, modes, generation] {
        auto report = runPreflight(reference, {}, client.get());
        if (generation != *generations)
            return; // the user has moved on to another image
        inbox.post([this, report = std::move(report), image, modes, generation] {
            if (generation != *preflightGeneration_)
                return;
            for (int side = 0; side < 2; ++side)
                emit preflightReady(image, side, preflightOfMode(report, modes[side].label));
        });
    });
}

void EngineQueries::findLeftovers()
{
    if (!client_)
        return;
    jobs_.start([this, inbox = inbox_, client = client_] {
        auto found = findOrphans(*client, ContainerLedger(ContainerLedger::defaultFile()));
        if (!found) {
            inbox.post([this, message = fromStd(found.error().describe())] { emit problem(message); });
            return;
        }
        QStringList names;
        for (const auto& orphan : found.value().ours)
            names << QStringLiteral("%1 (%2)").arg(fromStd(orphan.name), fromStd(orphan.verdict.reason));
        if (const auto others = found.value().otherHosts.size(); others > 0)
            names << tr("%n container(s) of other machines' sessions are kept (isolens-cli cleanup "
                        "--include-other-hosts removes them)",
                        nullptr, static_cast<int>(others));
        auto shown = std::make_shared<const std::vector<OrphanedContainer>>(std::move(found.value().ours));
        inbox.post([this, shown, detail = names.join(QLatin1Char('\n'))] {
            shownLeftovers_ = shown;
            emit leftoversFound(static_cast<int>(shown->size()), detail);
        });
    });
}

void EngineQueries::removeLeftovers()
{
    if (!client_ || !shownLeftovers_)
        return;
    jobs_.start([this, inbox = inbox_, client = client_, shown = std::exchange(shownLeftovers_, nullptr)] {
        QStringList failures;
        for (const auto& orphan : *shown)
            if (auto removed = removeOrphan(*client, orphan); !removed)
                failures << fromStd(orphan.name + ": " + removed.error().message);
        inbox.post([this, failures] {
            if (!failures.isEmpty())
                emit problem(
                    tr("Some leftovers could not be removed:\n%1").arg(failures.join(QLatin1Char('\n'))));
            findLeftovers();
        });
    });
}
