#include "admin/WaitingRoomChanges.h"
#include "DisplayFormat.h"

#include "audit/AuditRecord.h"

#include <QColor>
#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTableWidget>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>

namespace usher::ui {

namespace {
constexpr int kPageRows = 500;
constexpr int kRowsMax = 100'000; // the oldest go beyond this
constexpr int kTimeoutMs = 15'000;
constexpr qint64 kReplyBytesMax = 8 << 20;
constexpr int kAtRole = Qt::UserRole + 1;    // qint64 ms
constexpr int kEventRole = Qt::UserRole + 2; // quint64
constexpr int kActorIdRole = Qt::UserRole + 3;

// "Paused", "Drain rate 40/s"... from the change as sent; the JSON itself for anything else.
QString describe(const QJsonValue& change)
{
    if (!change.isObject())
        return change.toString();
    const QJsonObject o = change.toObject();
    QStringList parts;
    if (o.contains(QStringLiteral("paused")))
        parts << (o.value(QStringLiteral("paused")).toBool() ? WaitingRoomChanges::tr("Paused") : WaitingRoomChanges::tr("Resumed"));
    if (o.contains(QStringLiteral("enabled")))
        parts << (o.value(QStringLiteral("enabled")).toBool() ? WaitingRoomChanges::tr("Waiting room on") : WaitingRoomChanges::tr("Waiting room off"));
    if (o.contains(QStringLiteral("drainRatePerSecond")))
        parts << WaitingRoomChanges::tr("Drain rate %1/s").arg(o.value(QStringLiteral("drainRatePerSecond")).toDouble());
    QJsonObject rest = o;
    for (const char* known : { "paused", "enabled", "drainRatePerSecond" })
        rest.remove(QLatin1String(known));
    if (!rest.isEmpty())
        parts << QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact));
    return parts.join(QStringLiteral("; "));
}
} // namespace

WaitingRoomChanges::WaitingRoomChanges(const QUrl& baseUrl, const QByteArray& token, QWidget* parent)
    : QWidget(parent)
    , m_base(baseUrl)
    , m_token(token)
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("waitingRoomChanges"));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("waitingRoomChangesTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Time"), tr("Event"), tr("Who"), tr("Change"), tr("Result"), tr("From") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ChangeColumn, QHeaderView::Stretch);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("waitingRoomChangesStatus"));
    m_status->setText(tr("Waiting-room changes recorded by %1.").arg(baseUrl.toString()));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    connect(m_network, &QNetworkAccessManager::finished, this, &WaitingRoomChanges::onReply);
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &WaitingRoomChanges::pollNow);
    m_timer->start();
    QTimer::singleShot(0, this, &WaitingRoomChanges::pollNow);
}

void WaitingRoomChanges::setPollInterval(int ms)
{
    m_timer->setInterval(ms);
}

QString WaitingRoomChanges::statusText() const
{
    return m_status->text();
}

void WaitingRoomChanges::pollNow()
{
    if (m_inFlight)
        return;
    QUrl url = m_base;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/audit/waiting-room"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(m_last));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPageRows));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setTransferTimeout(kTimeoutMs);
    m_inFlight = true;
    m_network->get(request);
}

void WaitingRoomChanges::onReply(QNetworkReply* reply)
{
    reply->deleteLater();
    m_inFlight = false;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->read(kReplyBytesMax);
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (reply->error() != QNetworkReply::NoError || status != 200 || !answer.value(QStringLiteral("changes")).isArray()) {
        QString message = answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        if (message.isEmpty())
            message = reply->errorString();
        m_status->setText(status > 0 ? tr("usherd's waiting-room changes are not available: HTTP %1: %2").arg(status).arg(message)
                                     : tr("usherd's waiting-room changes are not available: %1").arg(message));
        m_status->setStyleSheet(QStringLiteral("color: #b00020"));
        Q_EMIT polled(0);
        return;
    }
    m_status->setStyleSheet(QString());
    const QJsonArray changes = answer.value(QStringLiteral("changes")).toArray();
    for (const QJsonValue& value : changes) {
        const QJsonObject c = value.toObject();
        const qint64 at = c.value(QStringLiteral("at")).toInteger();
        const quint64 event = quint64(c.value(QStringLiteral("event")).toInteger());
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto* time = new QTableWidgetItem(QLocale().toString(QDateTime::fromMSecsSinceEpoch(at), DisplayFormat::dateTimeFormat(DisplayFormat::Precision::Milliseconds)));
        time->setData(kAtRole, at);
        m_table->setItem(row, TimeColumn, time);
        auto* eventItem = new QTableWidgetItem(QString::number(event));
        eventItem->setData(kEventRole, event);
        m_table->setItem(row, EventColumn, eventItem);
        const QString role = c.value(QStringLiteral("actorRole")).toString();
        const QString name = c.value(QStringLiteral("actorName")).toString();
        auto* actor = new QTableWidgetItem(name.isEmpty() ? tr("%1 %2").arg(role).arg(c.value(QStringLiteral("actorId")).toInteger())
                                                          : tr("%1 %2 (%3)").arg(role).arg(c.value(QStringLiteral("actorId")).toInteger()).arg(name));
        actor->setData(Qt::UserRole, role);
        actor->setData(kActorIdRole, quint64(c.value(QStringLiteral("actorId")).toInteger()));
        m_table->setItem(row, ActorColumn, actor);
        const QJsonValue change = c.value(QStringLiteral("change"));
        auto* changeItem = new QTableWidgetItem(describe(change));
        changeItem->setToolTip(change.isObject() ? QString::fromUtf8(QJsonDocument(change.toObject()).toJson(QJsonDocument::Compact))
                                                 : change.toString());
        m_table->setItem(row, ChangeColumn, changeItem);
        const int httpStatus = c.value(QStringLiteral("status")).toInt();
        auto* result = new QTableWidgetItem(httpStatus == 200 ? tr("Applied") : tr("Refused (HTTP %1)").arg(httpStatus));
        if (httpStatus != 200)
            result->setForeground(QColor(0xb0, 0x00, 0x20));
        m_table->setItem(row, ResultColumn, result);
        m_table->setItem(row, RemoteColumn, new QTableWidgetItem(c.value(QStringLiteral("remote")).toString()));
        m_table->setRowHidden(row, !matches(row));
    }
    while (m_table->rowCount() > kRowsMax)
        m_table->removeRow(0);
    m_last = std::max<quint64>(m_last, quint64(answer.value(QStringLiteral("last")).toInteger()));
    m_status->setText(tr("%Ln waiting-room change(s) recorded by %1.", nullptr, m_table->rowCount()).arg(m_base.toString()));
    if (!changes.isEmpty() && changes.size() >= kPageRows)
        QTimer::singleShot(0, this, &WaitingRoomChanges::pollNow); // more waiting
    Q_EMIT polled(int(changes.size()));
}

void WaitingRoomChanges::setFilter(const audit::AuditFilter& filter)
{
    m_filter = filter;
    applyFilter();
}

bool WaitingRoomChanges::matches(int row) const
{
    const audit::AuditFilter& f = m_filter;
    if (f.event != 0 && m_table->item(row, EventColumn)->data(kEventRole).toULongLong() != f.event)
        return false;
    // Only staff change a waiting room: a filter on buyers, clerks or a type of journal record
    // (or a seat or an order) matches none of them.
    if (f.seat != 0 || f.order != 0 || f.hasKind())
        return false;
    if (f.actorKind != ActorKind::None) {
        if (m_table->item(row, ActorColumn)->data(Qt::UserRole).toString() != QLatin1String(audit::actorKindName(f.actorKind)))
            return false;
        if (f.actorId != 0 && m_table->item(row, ActorColumn)->data(kActorIdRole).toULongLong() != f.actorId)
            return false;
    }
    const bool applied = m_table->item(row, ResultColumn)->text() == tr("Applied");
    if ((f.outcome == audit::AuditOutcome::Ok && !applied) || (f.outcome == audit::AuditOutcome::Rejected && applied))
        return false;
    const qint64 at = m_table->item(row, TimeColumn)->data(kAtRole).toLongLong();
    if ((f.from != 0 && at < f.from) || (f.to != 0 && at >= f.to))
        return false;
    if (!f.text.empty()) {
        QString haystack;
        for (int c = 0; c < ColumnCount; ++c)
            haystack += m_table->item(row, c)->text() + QLatin1Char(' ') + m_table->item(row, c)->toolTip() + QLatin1Char(' ');
        for (const QString& word : QString::fromStdString(f.text).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
    }
    return true;
}

void WaitingRoomChanges::applyFilter()
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->setRowHidden(row, !matches(row));
}

int WaitingRoomChanges::visibleRows() const
{
    int shown = 0;
    for (int row = 0; row < m_table->rowCount(); ++row)
        shown += m_table->isRowHidden(row) ? 0 : 1;
    return shown;
}

} // namespace usher::ui
