#pragma once

// Counts the rows of an audit filter on a thread of its own, so the browser's GUI thread only ever
// reads one short page. A text count walks the full-text index's whole doclist (a common surname
// in a 10M-row log: ~14,500 entries, up to 0.7 s when the file is cold); on the GUI thread that
// came on top of the first page. Requests carry a ticket; one still queued when a newer one
// arrives is skipped, and the widget ignores an answer that is not for its newest ticket.

#include "audit/AuditQuery.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <string>

namespace usher::ui {

class AuditCounter final : public QObject {
    Q_OBJECT

public:
    AuditCounter(std::string indexPath, std::uint64_t cap);
    ~AuditCounter() override;

    // Thread-safe. Queue a request with request(); answers come as counted().
    void request(const audit::AuditFilter& filter, quint64 ticket);
    // Thread-safe: skips every request still queued (the browser closing).
    void cancel() { m_latestTicket.store(~quint64(0)); }

Q_SIGNALS:
    // !ok: the count failed (the label says "Count unavailable"; `error` says why, in English).
    void counted(quint64 ticket, quint64 count, bool capped, bool ok, const QString& error);

private:
    void run(const audit::AuditFilter& filter, quint64 ticket); // on this object's thread

    std::string m_indexPath;
    std::uint64_t m_cap;
    std::unique_ptr<audit::AuditQuery> m_query; // opened on first use, on this object's thread
    std::atomic<quint64> m_latestTicket { 0 };
};

} // namespace usher::ui
