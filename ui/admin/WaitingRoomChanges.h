#pragma once

// The audit browser's "Waiting room" tab: the waiting-room changes usherd recorded (pause, resume,
// drain rate, onsale time...; made from the dashboard or any other client), read from
// GET /api/audit/waiting-room and followed live (a poll every interval, from the last seq seen).
// They are not journal records (the waiting room is not part of an event's ledger), so they have
// a list of their own; the browser's event, user, time-range and text filters apply to it too.

#include "audit/AuditQuery.h"

#include <QByteArray>
#include <QUrl>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QNetworkReply;
class QTableWidget;
class QTimer;

namespace usher::ui {

class WaitingRoomChanges final : public QWidget {
    Q_OBJECT

public:
    // `baseUrl` such as http://127.0.0.1:8080; `token`: an admin's bearer token.
    WaitingRoomChanges(const QUrl& baseUrl, const QByteArray& token, QWidget* parent = nullptr);

    void setFilter(const audit::AuditFilter& filter);
    void setPollInterval(int ms);
    void pollNow();

    QTableWidget* table() const { return m_table; }
    int visibleRows() const;
    quint64 lastSeq() const { return m_last; }
    QString statusText() const;

    enum Column { TimeColumn, EventColumn, ActorColumn, ChangeColumn, ResultColumn, RemoteColumn, ColumnCount };

Q_SIGNALS:
    void polled(int added); // after each answer (0 when none was new or the request failed)

private:
    void onReply(QNetworkReply* reply);
    bool matches(int row) const;
    void applyFilter();

    QUrl m_base;
    QByteArray m_token;
    QNetworkAccessManager* m_network = nullptr;
    QTimer* m_timer = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_status = nullptr;
    audit::AuditFilter m_filter;
    quint64 m_last = 0;
    bool m_inFlight = false;
};

} // namespace usher::ui
