// AuditLogWidget: the detail pane and the CSV export.

#include "AuditCsvExport.h"
#include "AuditLogModel.h"
#include "AuditLogWidget.h"
#include "DisplayFormat.h"
#include "audit/AuditIndex.h"

#include <QFileDialog>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QTreeWidget>

namespace usher::ui {

using audit::AuditRow;

namespace {

QTreeWidgetItem* addField(QTreeWidgetItem* parent, const QString& name, const QString& value)
{
    auto* item = new QTreeWidgetItem(parent, { name, value });
    item->setToolTip(1, value);
    return item;
}

QString hex(std::uint64_t value)
{
    return QStringLiteral("%1").arg(value, 16, 16, QLatin1Char('0'));
}

QString eventTypeText(EventType type)
{
    return QString::fromLatin1(eventTypeName(type));
}

} // namespace

void AuditLogWidget::showDetail(const AuditRow& row)
{
    m_detail->clear();
    auto* record = new QTreeWidgetItem(m_detail, { tr("Record"), m_model->kindText(row.kind) });
    const EventSpec* spec = m_model->spec(row.event);
    addField(record, tr("Event"), tr("%1 (id %2)").arg(m_model->eventText(row.event)).arg(row.event));
    addField(record, tr("Seq"), QString::number(row.seq));
    addField(record, tr("Time (UTC)"), m_model->timeText(row.at));
    addField(
        record, tr("Type"),
        QStringLiteral("%1 (%2)").arg(m_model->kindText(row.kind), QString::fromLatin1(commandKindName(row.kind))));
    addField(record, tr("Outcome"), m_model->outcomeText(row.status));
    addField(record, tr("Clerk or user"), m_model->actorText(row.actor));
    addField(record, tr("Channel"), row.channel != 0 ? m_model->channelText(row) : tr("None"));
    if (row.hold != 0)
        addField(record, tr("Hold"), QString::number(row.hold));
    if (row.order != 0)
        addField(record, tr("Order"), QString::number(row.order));
    if (row.status == Status::SeatUnavailable && row.detail != 0)
        addField(record, tr("Seat not available"), m_model->seatLabel(row.event, row.detail));
    else if (row.kind == CommandKind::Expire)
        addField(record, tr("Holds released"), QString::number(row.detail));
    addField(record, tr("Journal position"), tr("batch at seq %1, byte %2").arg(row.batchSeq).arg(row.offset));

    audit::AuditRecord full;
    std::string error;
    const Status status = m_journal != nullptr ? audit::readAuditRecord(*m_journal, row.event, row.seq, &full, &error)
                                               : Status::StorageUnavailable;
    if (status != Status::Ok) {
        addField(record, tr("Journal"), tr("Cannot be read: %1").arg(QString::fromStdString(error)));
        m_detail->expandAll();
        return;
    }
    addField(record, tr("Idempotency key"), hex(full.header.key.hi) + hex(full.header.key.lo));
    addField(record, tr("Fingerprint"), hex(full.header.fingerprint));
    auto* events = new QTreeWidgetItem(m_detail, { tr("Events"), QString::number(full.events.size()) });
    int number = 0;
    for (const audit::AuditEvent& ae : full.events) {
        const JournalEvent& e = ae.event;
        auto* item = new QTreeWidgetItem(events, { QString::number(++number), eventTypeText(e.type) });
        if (e.seat != 0)
            addField(item, tr("Seat"),
                     QStringLiteral("%1 (id %2)").arg(m_model->seatLabel(row.event, e.seat)).arg(e.seat));
        if (e.toSeat != 0)
            addField(item, tr("New seat"),
                     QStringLiteral("%1 (id %2)").arg(m_model->seatLabel(row.event, e.toSeat)).arg(e.toSeat));
        if (e.area != 0)
            addField(item, tr("GA area"), QString::number(e.area));
        if (e.channel != 0)
            addField(item, tr("Pool or channel"),
                     spec != nullptr ? DisplayFormat::channelName(*spec, e.channel) : QString::number(e.channel));
        if (e.quantity != 0)
            addField(item, tr("Quantity"), QString::number(e.quantity));
        if (e.hold != 0)
            addField(item, tr("Hold"), QString::number(e.hold));
        if (e.order != 0)
            addField(item, tr("Order"), QString::number(e.order));
        if (e.ticket != 0)
            addField(item, tr("Ticket"), QString::number(e.ticket));
        if (e.expiresAt != 0)
            addField(item, tr("Expires (UTC)"), m_model->timeText(e.expiresAt));
        if (e.amount != 0 && e.amount != kExchangeAmountAsSold)
            addField(item, tr("Amount"),
                     spec != nullptr ? DisplayFormat::money(e.amount, *spec) : QString::number(e.amount));
        if (e.difference != 0)
            addField(item, tr("Difference"),
                     spec != nullptr ? DisplayFormat::money(e.difference, *spec) : QString::number(e.difference));
        if (e.type == EventType::SeatReleased || e.type == EventType::AreaReleased)
            addField(item, tr("Reason"), QString::fromLatin1(releaseReasonName(ReleaseReason(e.reason))));
        if (e.type == EventType::SeatConfirmed || e.type == EventType::AreaConfirmed
            || e.type == EventType::TicketExchanged || e.type == EventType::TicketReissued) {
            const bool named = spec != nullptr && e.priceType < spec->priceTypes.size();
            addField(item, tr("Price type"),
                     named ? QString::fromStdString(spec->priceTypes[e.priceType].name) : QString::number(e.priceType));
        }
        if (e.code != TicketCode {})
            addField(item, tr("Ticket code"), QString::fromStdString(ticketCodeText(e.code)));
        if (!ae.text.empty())
            addField(item, tr("Text"), QString::fromStdString(ae.text));
        if (!ae.buyerName.empty())
            addField(item, tr("Buyer"), QString::fromStdString(ae.buyerName));
        if (!ae.buyerEmail.empty())
            addField(item, tr("E-mail"), QString::fromStdString(ae.buyerEmail));
        if (!ae.buyerPhone.empty())
            addField(item, tr("Phone"), QString::fromStdString(ae.buyerPhone));
    }
    m_detail->expandAll();
}

void AuditLogWidget::exportCsv()
{
    if (!isOpen() || m_export != nullptr)
        return;
    QString path = m_nextExportPath;
    m_nextExportPath.clear();
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export the audit log"), QStringLiteral("audit-log.csv"),
                                            tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const std::string indexPath = audit::AuditIndex::optionsFor(m_dataDirectory.toStdString()).indexPath;
    m_export = new AuditCsvExport(QString::fromStdString(indexPath), path, m_filter, m_specs, this);
    m_exportProgress = new QProgressDialog(tr("Exporting the audit log…"), tr("Cancel"), 0, 0, this);
    m_exportProgress->setObjectName(QStringLiteral("auditExportProgress"));
    m_exportProgress->setWindowTitle(tr("Export"));
    m_exportProgress->setMinimumDuration(300);
    m_exportProgress->setAutoClose(false);
    m_exportProgress->setAutoReset(false);
    connect(m_exportProgress, &QProgressDialog::canceled, this, &AuditLogWidget::cancelExport);
    connect(m_export, &AuditCsvExport::total, m_exportProgress,
            [this](qint64 rows) { m_exportProgress->setMaximum(int(std::min<qint64>(rows, INT32_MAX))); });
    connect(m_export, &AuditCsvExport::progress, m_exportProgress, [this](qint64 rows) {
        m_exportProgress->setValue(int(std::min<qint64>(rows, m_exportProgress->maximum())));
    });
    connect(m_export, &AuditCsvExport::finished, this, [this](bool ok, qint64 rows, const QString& message) {
        m_exportProgress->deleteLater();
        m_exportProgress = nullptr;
        m_export->deleteLater();
        m_export = nullptr;
        m_exportButton->setEnabled(true);
        m_statusLabel->setText(ok ? message : tr("Export failed: %1").arg(message));
        Q_EMIT exportFinished(ok, rows, message);
    });
    m_exportButton->setEnabled(false);
    m_export->start();
}

void AuditLogWidget::cancelExport()
{
    if (m_export != nullptr)
        m_export->cancel();
}

} // namespace usher::ui
