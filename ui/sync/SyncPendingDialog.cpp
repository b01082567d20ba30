#include "sync/SyncPendingDialog.h"
#include "DisplayFormat.h"

#include "syncclient/SyncClient.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace usher::ui {

namespace {

constexpr std::size_t kPage = 1000;

QString seatsText(const SyncOp& op)
{
    if (op.area != 0)
        //: A sync operation's GA places: %n places of the standing area with the id %1.
        return QCoreApplication::translate("SyncPendingDialog", "%n place(s) of area %1", nullptr, int(op.quantity))
            .arg(op.area);
    QStringList seats;
    for (SeatId s : op.seats)
        seats << QString::number(s);
    return seats.join(QStringLiteral(", "));
}

} // namespace

SyncPendingDialog::SyncPendingDialog(Lister lister, QWidget* parent)
    : QDialog(parent)
    , m_lister(std::move(lister))
{
    setObjectName(QStringLiteral("syncPendingDialog"));
    setWindowTitle(tr("Operations for usherd"));
    m_pendingOnly = new QCheckBox(tr("&Pending only"), this);
    m_pendingOnly->setObjectName(QStringLiteral("pendingOnlyCheckBox"));
    m_pendingOnly->setChecked(true);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Seq"), tr("Operation"), tr("Kind"), tr("Event"), tr("Seats"), tr("When"), tr("State") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("outboxMessage"));
    m_message->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("&Export CSV…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    QPushButton* refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pendingOnly);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &SyncPendingDialog::exportClicked);
    connect(refresh, &QPushButton::clicked, this, &SyncPendingDialog::reload);
    connect(m_pendingOnly, &QCheckBox::toggled, this, &SyncPendingDialog::reload);
    resize(860, 480);
    reload();
}

QString SyncPendingDialog::stateText(const SyncOutboxEntry& e)
{
    if (e.local == SyncLocalState::Intent)
        return tr("not applied here yet");
    if (e.local == SyncLocalState::Void)
        return e.acked ? tr("void (refused here), acknowledged") : tr("void (refused here), pending");
    if (!e.acked)
        return tr("pending");
    if (e.central && *e.central != Status::Ok)
        //: %1 says why, e.g. "the seat is no longer available".
        return tr("rejected by usherd: %1").arg(DisplayFormat::status(*e.central));
    return tr("acknowledged");
}

bool SyncPendingDialog::readAll(std::vector<SyncOutboxEntry>* out, std::size_t max, bool pendingOnly, QString* error)
{
    out->clear();
    for (std::uint64_t from = 1; out->size() < max;) {
        std::vector<SyncOutboxEntry> page;
        std::string problem;
        if (!m_lister(from, kPage, &page, &problem)) {
            *error = QString::fromStdString(problem);
            return false;
        }
        if (page.empty())
            return true;
        from = page.back().op.seq + 1;
        const bool last = page.size() < kPage;
        for (SyncOutboxEntry& e : page) {
            if (pendingOnly && e.acked && e.local != SyncLocalState::Intent)
                continue;
            out->push_back(std::move(e));
        }
        if (last)
            return true;
    }
    return true;
}

void SyncPendingDialog::reload()
{
    std::vector<SyncOutboxEntry> entries;
    QString error;
    m_table->setRowCount(0);
    if (!readAll(&entries, kRowsShownMax + 1, m_pendingOnly->isChecked(), &error)) {
        //: %1 is the reason.
        m_message->setText(tr("Could not read the outbox: %1").arg(error));
        return;
    }
    const bool truncated = entries.size() > std::size_t(kRowsShownMax);
    if (truncated)
        entries.resize(kRowsShownMax);
    m_table->setRowCount(int(entries.size()));
    const QLocale locale;
    for (int row = 0; row < int(entries.size()); ++row) {
        const SyncOutboxEntry& e = entries[std::size_t(row)];
        const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(e.createdAt), QLocale::ShortFormat);
        const QStringList cells = { QString::number(e.op.seq),
                                    QString::fromStdString(e.op.id),
                                    QString::fromLatin1(syncOpKindName(e.op.kind)),
                                    QString::number(e.op.event),
                                    seatsText(e.op),
                                    when,
                                    stateText(e) };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_table->resizeColumnsToContents();
    if (entries.empty())
        m_message->setText(m_pendingOnly->isChecked() ? tr("Nothing is waiting for usherd.")
                                                      : tr("No operation was made here yet."));
    else if (truncated)
        //: %1 is a number of rows.
        m_message->setText(tr("The first %1 are shown; the export has all of them.").arg(kRowsShownMax));
    else
        m_message->setText(tr("%n operations shown.", nullptr, int(entries.size())));
}

bool SyncPendingDialog::exportCsv(const QString& path, QString* error)
{
    std::vector<SyncOutboxEntry> entries;
    if (!readAll(&entries, SIZE_MAX, false, error))
        return false;
    QByteArray csv = syncOutboxCsvHeader();
    for (const SyncOutboxEntry& e : entries)
        csv += syncOutboxCsvLine(e);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        //: %1 is a file, %2 the reason.
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void SyncPendingDialog::exportClicked()
{
    QString path = std::exchange(m_nextExportPath, QString());
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export the operations"),
                                            QDir::home().filePath(QStringLiteral("usher-outbox.csv")),
                                            tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(path, &error))
        //: %1 is a file.
        m_message->setText(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
    else
        m_message->setText(error);
}

} // namespace usher::ui
