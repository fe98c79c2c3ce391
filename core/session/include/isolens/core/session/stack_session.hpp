#pragma once

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/stack_membership.hpp"
#include "isolens/core/stats/group_sum.hpp"
#include "isolens/core/stats/stats_collector.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace isolens {

// How often the members are listed again, for a start or stop the event stream missed (it was
// reconnecting, or the container started between the subscription and the first listing).
inline constexpr std::chrono::milliseconds kStackRelistInterval = std::chrono::seconds(5);

// A member of a running stack with its newest figures.
struct StackMemberFigures {
    StackMember member;
    StatsSample sample; // invalid when none has arrived yet
    bool fresh = false; // heard from within the stale time
};

// Two stacks watched side by side (StackRequest): the containers of each group are followed through the
// engine's events (start joins, die and destroy leave) and a listing every relistEvery; each gets a stats
// stream. Each second the group's sum goes to the series store under the group's value, and each member's
// samples under stackMemberKey; all of it to the recording too, when given. IsoLens did not create these
// containers: it never stops or removes them.
class StackSession {
public:
    // Members joining and leaving, a listing that failed: called on the session's threads, under its lock,
    // so it must be quick and not call the session.
    using Log = std::function<void(const std::string&)>;

    StackSession(std::shared_ptr<EngineClient> client, EngineInfo engine, StackRequest request,
                 SeriesStore& store, RecordingWriter* recorder, Log log = {},
                 std::chrono::milliseconds relistEvery = kStackRelistInterval);
    // Stops (see stop()).
    ~StackSession();
    StackSession(const StackSession&) = delete;
    StackSession& operator=(const StackSession&) = delete;

    // Checks the request and starts following the stacks on the session's own threads; returns at once.
    Result<void> start();
    // Ends the event stream at once and waits for the threads: a listing under way is waited for (up to
    // the engine's response time-out), so call it off the GUI thread. Nothing is written after it returns.
    void stop();

    const StackRequest& request() const { return request_; }
    // The members now, each side in name order: a copy, from any thread.
    std::array<std::vector<StackMemberFigures>, 2> members() const;
    // How many members each side has now, without waiting for a member that is joining or leaving (for
    // the GUI thread: a leaving member's stream is waited for under the session's lock).
    std::array<std::size_t, 2> memberCounts() const
    {
        return {memberCounts_[0].load(), memberCounts_[1].load()};
    }

private:
    struct Target {
        std::size_t side = 0;
        std::string seriesKey;
    };
    bool waitOrStop(std::chrono::milliseconds pause);
    void followEvents();
    void tickUntilStopped();
    bool relist();
    void join(const std::string& containerId);
    void countMembers();
    void joined(const StackMember& member, const ContainerDetails* details);
    void left(const StackMember& member);
    void leaveStopped();
    void onCollectorEvent(const CollectorEvent& event);
    void record(const std::string& mode, EventKind kind, const std::string& detail);

    std::shared_ptr<EngineClient> client_;
    EngineInfo engine_;
    StackRequest request_;
    SeriesStore& store_;
    RecordingWriter* recorder_;
    Log log_;
    std::chrono::milliseconds relistEvery_;
    GroupAccumulator groups_;

    mutable std::mutex mutex_;                               // membership_, collector_, stopping_, started_
    std::array<std::atomic<std::size_t>, 2> memberCounts_{}; // membership_'s sizes, set under mutex_
    StackMembership membership_;
    std::unique_ptr<StatsCollector> collector_;
    bool stopping_ = false;
    bool started_ = false;
    std::condition_variable wake_;

    // The collector's threads look members up here and note stopped ones, never under mutex_ (which is held
    // while a stream is unwatched, and unwatching waits for the stream's thread).
    mutable std::mutex targetsMutex_;
    std::map<std::string, Target> targets_; // container id -> where its samples go
    std::mutex stoppedMutex_;
    std::vector<std::string> stoppedMembers_; // whose stats stream ended with the container, to leave

    CancelToken eventsCancel_; // the event stream
    CancelToken joinCancel_;   // a start event's inspect (a token holds one request at a time)
    std::thread events_;
    std::thread ticker_;
};

// The header of a stacks recording: the app version, start time, the engine and host, the two groups as
// its modes, the label as its stacks field, and what recorded it. No image or command: IsoLens did not
// start these containers.
RecordingHeader stackRecordingHeader(const StackRequest& request, const EngineInfo& engine,
                                     const std::string& endpoint, const std::string& recordedBy);

} // namespace isolens
