#include "AuditCounter.h"

namespace usher::ui {

AuditCounter::AuditCounter(std::string indexPath, std::uint64_t cap)
    : m_indexPath(std::move(indexPath))
    , m_cap(cap)
{
}

AuditCounter::~AuditCounter() = default;

void AuditCounter::request(const audit::AuditFilter& filter, quint64 ticket)
{
    m_latestTicket.store(ticket);
    QMetaObject::invokeMethod(
        this, [this, filter, ticket] { run(filter, ticket); }, Qt::QueuedConnection);
}

void AuditCounter::run(const audit::AuditFilter& filter, quint64 ticket)
{
    if (ticket != m_latestTicket.load())
        return; // a newer filter is queued: its count is the one wanted
    std::string error;
    if (m_query == nullptr)
        m_query = audit::AuditQuery::open(m_indexPath, &error);
    std::uint64_t count = 0;
    bool capped = false;
    if (m_query == nullptr || m_query->count(filter, m_cap, &count, &capped, &error) != Status::Ok) {
        Q_EMIT counted(ticket, 0, false, false, QString::fromStdString(error));
        return;
    }
    Q_EMIT counted(ticket, count, capped, true, QString());
}

} // namespace usher::ui
