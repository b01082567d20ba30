#pragma once

// Streams the rows of an audit filter into a CSV file on a thread of its own: page by page
// (keyset), so memory stays flat for ten million rows. progress() as it goes; cancel() stops it
// and removes the partial file. Every text cell is quoted as RFC 4180 says, and a cell that a
// spreadsheet would take for a formula (= + - @ at the start) gets a leading apostrophe.

#include "audit/AuditQuery.h"
#include "event/EventSpec.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <map>
#include <memory>

class QThread;

namespace usher::ui {

class AuditCsvExport final : public QObject {
    Q_OBJECT

public:
    static constexpr std::size_t kPageRows = 5000;

    AuditCsvExport(QString indexPath, QString path, audit::AuditFilter filter,
                   std::map<EventId, std::shared_ptr<const EventSpec>> specs, QObject* parent = nullptr);
    ~AuditCsvExport() override; // cancels and waits

    void start();
    void cancel() { m_cancel.store(true); }

    // One CSV field (quoted when needed, formula-safe).
    static QString csvField(const QString& text);

Q_SIGNALS:
    void total(qint64 rows);
    void progress(qint64 rows);
    void finished(bool ok, qint64 rows, const QString& message);

private:
    void run(); // on the export thread

    const QString m_indexPath;
    const QString m_path;
    const audit::AuditFilter m_filter;
    const std::map<EventId, std::shared_ptr<const EventSpec>> m_specs;
    std::atomic<bool> m_cancel { false };
    QThread* m_thread = nullptr;
};

} // namespace usher::ui
