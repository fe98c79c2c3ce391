#pragma once

#include "engine_jobs.hpp"
#include "gui_inbox.hpp"

#include <QObject>
#include <QStringList>

#include <array>
#include <atomic>
#include <memory>
#include <vector>

// Only forward declarations of the core: moc cannot parse its C++20 headers.
namespace isolens {
class EngineClient;
struct IsolationMode;
struct ModePreflight;
struct OrphanedContainer;
} // namespace isolens

// What the dashboard asks the engine besides running a pair: the local images, the preflight of an image
// for both modes, and the containers of ended sessions (and their removal). Off the GUI thread; the answers
// arrive as signals, on it.
Q_MOC_INCLUDE("isolens/core/session/preflight.hpp")

class EngineQueries : public QObject {
    Q_OBJECT
public:
    // Images and leftovers go through jobs (in order with the pair's start and stop); preflights have a
    // queue of their own.
    explicit EngineQueries(EngineJobs& jobs, QObject* parent = nullptr);
    ~EngineQueries() override;

    void setClient(std::shared_ptr<isolens::EngineClient> client) { client_ = std::move(client); }

    void listImages();
    void preflight(const QString& image, const std::array<isolens::IsolationMode, 2>& modes);
    void findLeftovers();
    // Removes exactly the leftovers the last findLeftovers() reported (never their volumes).
    void removeLeftovers();

signals:
    void imagesListed(const QStringList& images);
    void preflightReady(const QString& image, int side, const isolens::ModePreflight& preflight);
    void leftoversFound(int count, const QString& detail);
    void problem(const QString& message);

private:
    EngineJobs& jobs_;
    GuiInbox inbox_;
    std::shared_ptr<isolens::EngineClient> client_;
    std::shared_ptr<const std::vector<isolens::OrphanedContainer>> shownLeftovers_; // GUI thread
    std::shared_ptr<std::atomic<int>> preflightGeneration_;
    EngineJobs preflightJobs_; // the latest image only
};
