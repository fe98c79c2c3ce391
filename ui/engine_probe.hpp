#pragma once

#include <QObject>

#include <atomic>
#include <memory>

// Only forward declarations here: moc cannot parse the C++20 standard headers the core pulls in.
namespace isolens {
class EngineClient;
struct EndpointRequest;
struct EngineFacts;
struct Error;
} // namespace isolens
Q_MOC_INCLUDE("isolens/core/engine/engine_facts.hpp")

// Connects to the engine off the GUI thread and reports back on it: the engine's facts, or
// what was tried and why it failed.
class EngineProbe : public QObject {
    Q_OBJECT
public:
    explicit EngineProbe(const isolens::EndpointRequest& request, QObject* parent = nullptr);
    ~EngineProbe() override;

    // Starts one probe; a probe already running is superseded (its result is dropped).
    void start();
    bool isRunning() const { return running_; }

signals:
    void probing(const QString& endpointDescription);
    // client: connected to the engine, for the dashboard's work from now on.
    void factsReady(const QString& endpointDescription, const isolens::EngineFacts& facts,
                    const QStringList& warnings, std::shared_ptr<isolens::EngineClient> client);
    void probeFailed(const QString& endpointDescription, const isolens::Error& error);

private:
    std::unique_ptr<isolens::EndpointRequest> request_;
    bool running_ = false;
    std::shared_ptr<std::atomic<int>> generation_;
};
