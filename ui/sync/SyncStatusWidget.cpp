#include "sync/SyncStatusWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace usher::ui {

namespace {

// The dot's colour per state; the text says the same, the colour is only a quicker read.
QString dotColor(const SyncClientStatus& s)
{
    if (!s.sync.refusal.empty())
        return QStringLiteral("#c62828");
    switch (s.sync.state) {
    case SyncState::Offline: return QStringLiteral("#9e9e9e");
    case SyncState::Connecting: return QStringLiteral("#f9a825");
    case SyncState::Online: return QStringLiteral("#2e7d32");
    case SyncState::Syncing: return QStringLiteral("#1565c0");
    }
    return QStringLiteral("#9e9e9e");
}

} // namespace

SyncStatusWidget::SyncStatusWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("syncStatusWidget"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_dot = new QLabel(this);
    m_dot->setObjectName(QStringLiteral("syncStatusDot"));
    m_dot->setFixedSize(12, 12);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("syncStatusLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_pending = new QToolButton(this);
    m_pending->setObjectName(QStringLiteral("syncPendingButton"));
    m_pending->setText(tr("Pending…"));
    m_pending->setAutoRaise(true);
    m_pending->setToolTip(tr("Show the operations waiting for usherd"));
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    layout->addWidget(m_pending);
    connect(m_pending, &QToolButton::clicked, this, &SyncStatusWidget::pendingRequested);
    setStatus(m_status);
}

QString SyncStatusWidget::ageText(std::int64_t ms)
{
    const std::int64_t seconds = std::max<std::int64_t>(0, ms / 1000);
    if (seconds < 60)
        //: An age in seconds.
        return tr("%n s", nullptr, int(seconds));
    const std::int64_t minutes = seconds / 60;
    if (minutes < 60)
        //: An age in minutes.
        return tr("%n min", nullptr, int(minutes));
    const std::int64_t hours = minutes / 60;
    if (hours < 48)
        //: An age in hours and minutes; %1 is the minutes part ("5 min").
        return tr("%n h %1", nullptr, int(hours)).arg(tr("%n min", nullptr, int(minutes % 60)));
    //: An age in days.
    return tr("%n days", nullptr, int(hours / 24));
}

QString SyncStatusWidget::summary(const SyncClientStatus& s)
{
    if (!s.running)
        return tr("Not syncing");
    QString text;
    if (!s.sync.refusal.empty())
        text = tr("Refused by usherd");
    else if (!s.enabled)
        text = tr("Offline (paused)");
    else {
        switch (s.sync.state) {
        case SyncState::Offline: text = tr("Offline"); break;
        case SyncState::Connecting: text = tr("Connecting…"); break;
        case SyncState::Online: text = tr("Online"); break;
        case SyncState::Syncing: text = tr("Syncing"); break;
        }
    }
    if (s.sync.pending > 0)
        //: %1 is the state, %n the number of operations, %2 the age of the oldest ("3 min").
        text = tr("%1 · %n pending, oldest %2", nullptr, int(std::min<std::uint64_t>(s.sync.pending, INT32_MAX)))
                   .arg(text, ageText(s.sync.oldestPendingAgeMs));
    if (s.sync.rejected > 0)
        //: %1 is the rest of the status line, %n the number of operations usherd refused.
        text = tr("%1 · %n rejected", nullptr, int(std::min<std::uint64_t>(s.sync.rejected, INT32_MAX))).arg(text);
    return text;
}

QString SyncStatusWidget::details(const SyncClientStatus& s)
{
    QStringList lines;
    if (!s.server.empty())
        //: %1 is an address such as wss://tickets.example.org:8443/sync.
        lines << tr("usherd: %1").arg(QString::fromStdString(s.server));
    if (!s.sync.refusal.empty())
        lines << QString::fromStdString(s.sync.refusal);
    if (!s.transportError.empty() && s.sync.state != SyncState::Online && s.sync.state != SyncState::Syncing)
        lines << QString::fromStdString(s.transportError);
    if (!s.downloadError.empty())
        lines << QString::fromStdString(s.downloadError);
    if (s.sync.failures > 0)
        lines << tr("%n connection attempts failed in a row.", nullptr, int(s.sync.failures));
    if (s.sync.state == SyncState::Online || s.sync.state == SyncState::Syncing)
        lines << tr("Every seat can be sold: this box office's allocation here, the rest through usherd.");
    else
        lines << tr("usherd is unreachable: only the seats allocated to this box office can be sold. They upload "
                    "when the connection is back.");
    if (s.sync.rejected > 0)
        lines << tr("usherd refused %n operations: open the pending operations to see them.", nullptr,
                    int(std::min<std::uint64_t>(s.sync.rejected, INT32_MAX)));
    if (s.anomalies > 0)
        lines << tr("%n allocation changes from usherd could not be applied here: tell an administrator.", nullptr,
                    int(std::min<std::uint64_t>(s.anomalies, INT32_MAX)));
    return lines.join(QLatin1Char('\n'));
}

void SyncStatusWidget::setStatus(const SyncClientStatus& status)
{
    m_status = status;
    m_label->setText(summary(status));
    m_dot->setStyleSheet(QStringLiteral("background:%1;border-radius:6px;").arg(dotColor(status)));
    const QString tip = details(status);
    setToolTip(tip);
    m_label->setToolTip(tip);
    m_label->setAccessibleDescription(tip);
    m_pending->setEnabled(status.running);
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

} // namespace usher::ui
