#include "engine_probe.hpp"

#include "isolens/core/engine/engine_connection.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

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
        auto connection = connectToEngine(request);
        QString where = connection
                            ? QString::fromStdString(connection.value().resolved.endpoint.url + " (from " +
                                                     connection.value().resolved.source + ")")
                            : QStringLiteral("(no usable endpoint)");
        Result<EngineFacts> facts = connection.has_error()
                                        ? Result<EngineFacts>(connection.error())
                                        : Result<EngineFacts>(makeError(ErrorKind::Other, ""));
        QStringList warnings;
        std::shared_ptr<EngineClient> client;
        if (connection) {
            for (const auto& warning : connection.value().resolved.warnings)
                warnings << QString::fromStdString(warning);
            client = connection.value().client;
            facts = probeEngine(*client, connection.value().resolved.pinnedApiVersion.has_value());
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
