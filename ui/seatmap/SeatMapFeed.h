#pragma once

// Feeds a SeatMapModel from an event shard: reads the whole state once, then follows the shard's
// published deltas. The shard calls the subscriber on an engine thread; it only copies the deltas
// into an inbox and posts one queued drain per burst, so a flash sale of 10,000 changes a second
// costs the GUI thread one apply and one repaint per event-loop turn. The shard must outlive the feed.

#include "SeatMapModel.h"
#include "PublishedInbox.h"
#include "runtime/EventShard.h"

#include <QObject>

#include <memory>
#include <vector>

namespace usher::ui {

class SeatMapFeed final : public QObject {
    Q_OBJECT

public:
    // Pending deltas beyond this collapse into a reload: a stalled GUI must not grow the inbox forever.
    static constexpr std::size_t kInboxDeltasMax = 1'000'000;

    SeatMapFeed(EventShard& shard, SeatMapModel& model, QObject* parent = nullptr);
    ~SeatMapFeed() override;

    bool isLoaded() const { return m_loaded; }
    Seq lastSeq() const { return m_seq; }

private:
    void receive(const Published& published); // engine thread
    void drain();                             // GUI thread
    bool load();

    EventShard& m_shard;
    SeatMapModel& m_model;
    std::shared_ptr<PublishedInbox> m_inbox;
    Seq m_seq = 0;
    bool m_loaded = false;
    int m_subscription = 0;
};

} // namespace usher::ui
