#include "engine_probe.hpp"

#include "isolens/core/endpoint_resolver.hpp"
#include "isolens/core/engine_facts.hpp"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

using namespace isolens;

EngineProbe::EngineProbe(const EndpointRequest& request, QObject* parent)
    : QObject(parent)
    , request_(std::make_unique<EndpointRequest>(request))
    , generation_(std::make_shared<std::atomic<int>>(0))
{}

EngineProbe::~EngineProbe()
{
    ++*generation_;
}

void EngineProbe::start()
{
    running_ = true;
    const int generation = ++*generation_;
    QPointer<EngineProbe> self(this);
    auto generations = generation_;
    auto request = *request_;
    QThreadPool::globalInstance()->start([self, generations, generation, request] {
        auto resolved = resolveEndpoint(request, processEnvironment());
        QString where = resolved ? QString::fromStdString(resolved.value().endpoint.url + " (from " +
                                                          resolved.value().source + ")")
                                 : QStringLiteral("(no usable endpoint)");
        Result<EngineFacts> facts = resolved.has_error()
                                        ? Result<EngineFacts>(resolved.error())
                                        : Result<EngineFacts>(makeError(ErrorKind::Other, ""));
        QStringList warnings;
        std::shared_ptr<EngineClient> client;
        if (resolved) {
            for (const auto& warning : resolved.value().warnings)
                warnings << QString::fromStdString(warning);
            EngineClientOptions options;
            options.pinnedApiVersion = resolved.value().pinnedApiVersion;
            client = std::make_shared<EngineClient>(resolved.value().endpoint, options);
            facts = probeEngine(*client, options.pinnedApiVersion.has_value());
        }
        // Back on the GUI thread; a newer probe or a destroyed probe drops this result.
        QMetaObject::invokeMethod(
            qApp,
            [self, generations, generation, where, facts = std::move(facts), warnings, client] {
                if (!self || generations->load() != generation)
                    return;
                self->running_ = false;
                if (facts)
                    emit self->factsReady(where, facts.value(), warnings, client);
                else
                    emit self->probeFailed(where, facts.error());
            },
            Qt::QueuedConnection);
    });
    emit probing(QString::fromStdString(request_->hostFlag.value_or(request_->contextFlag.value_or(""))));
}
