#include "AuditCsvExport.h"

#include "AuditLogModel.h"

#include <QFile>
#include <QSaveFile>
#include <QThread>

namespace usher::ui {

AuditCsvExport::AuditCsvExport(QString indexPath, QString path, audit::AuditFilter filter,
                               std::map<EventId, std::shared_ptr<const EventSpec>> specs, QObject* parent)
    : QObject(parent)
    , m_indexPath(std::move(indexPath))
    , m_path(std::move(path))
    , m_filter(std::move(filter))
    , m_specs(std::move(specs))
{
}

AuditCsvExport::~AuditCsvExport()
{
    if (m_thread != nullptr) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void AuditCsvExport::start()
{
    Q_ASSERT(m_thread == nullptr);
    m_thread = QThread::create([this] { run(); });
    m_thread->start();
}

QString AuditCsvExport::csvField(const QString& text)
{
    QString value = text;
    if (!value.isEmpty() && QStringLiteral("=+-@").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\''));
    if (!quote)
        return value;
    value.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

void AuditCsvExport::run()
{
    std::string error;
    auto query = audit::AuditQuery::open(m_indexPath.toStdString(), &error);
    if (query == nullptr) {
        Q_EMIT finished(false, 0, QString::fromStdString(error));
        return;
    }
    std::uint64_t count = 0;
    bool capped = false;
    if (query->count(m_filter, std::uint64_t(1) << 40, &count, &capped, &error) == Status::Ok)
        Q_EMIT total(qint64(count));
    // Formatting as the table does; this model lives on this thread and only formats.
    AuditLogModel format(*query);
    format.setEvents(m_specs);
    // QSaveFile: the file appears whole or not at all (a cancel or a full disk leaves nothing behind).
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        Q_EMIT finished(false, 0, file.errorString());
        return;
    }
    QStringList header;
    for (int c = 0; c < AuditLogModel::ColumnCount; ++c)
        header << csvField(format.headerData(c, Qt::Horizontal).toString());
    header << csvField(tr("Event id")) << csvField(tr("Hold")) << csvField(tr("Journal batch"))
           << csvField(tr("Offset"));
    file.write((header.join(QLatin1Char(',')) + QLatin1Char('\n')).toUtf8());
    qint64 written = 0;
    audit::AuditKey from = audit::kAuditKeyMin;
    std::vector<audit::AuditRow> rows;
    for (;;) {
        if (m_cancel.load()) {
            file.cancelWriting();
            Q_EMIT finished(false, written, tr("Export cancelled."));
            return;
        }
        if (query->page(m_filter, audit::AuditDirection::Forward, from, kPageRows, &rows, &error) != Status::Ok) {
            file.cancelWriting();
            Q_EMIT finished(false, written, QString::fromStdString(error));
            return;
        }
        QByteArray chunk;
        for (const audit::AuditRow& row : rows) {
            QStringList cells;
            for (int c = 0; c < AuditLogModel::ColumnCount; ++c)
                cells << csvField(format.cellText(row, c));
            cells << QString::number(row.event) << QString::number(row.hold) << QString::number(row.batchSeq)
                  << QString::number(row.offset);
            chunk += (cells.join(QLatin1Char(',')) + QLatin1Char('\n')).toUtf8();
        }
        if (file.write(chunk) != chunk.size()) {
            const QString why = file.errorString();
            file.cancelWriting();
            Q_EMIT finished(false, written, why);
            return;
        }
        written += qint64(rows.size());
        Q_EMIT progress(written);
        if (rows.size() < kPageRows)
            break;
        from = rows.back().key;
    }
    if (!file.commit()) {
        Q_EMIT finished(false, written, file.errorString());
        return;
    }
    Q_EMIT finished(true, written, tr("%n row(s) exported.", nullptr, int(std::min<qint64>(written, INT32_MAX))));
}

} // namespace usher::ui
