#pragma once

// The box office's link to usherd in the status bar: offline, connecting, online or syncing, with
// the number and age of the pending operations, the rejected ones, and why usherd refused the box
// office (a version or token refusal) or why it cannot be reached. The tooltip says what a clerk
// can sell meanwhile. Clicking it asks for the pending-operations view (pendingRequested).
// It only shows a SyncClientStatus: SyncClient::statusChanged feeds it, tests script it.

#include "syncclient/SyncClient.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace usher::ui {

class SyncStatusWidget final : public QWidget {
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget* parent = nullptr);

    void setStatus(const SyncClientStatus& status);
    const SyncClientStatus& status() const { return m_status; }
    QString text() const;
    QLabel* label() const { return m_label; }
    QToolButton* pendingButton() const { return m_pending; }

    // "12 s", "3 min", "2 h 5 min" (translated).
    static QString ageText(std::int64_t ms);
    // The one-line summary the label shows.
    static QString summary(const SyncClientStatus& status);
    // The longer explanation of the tooltip: the server, the last error, what can be sold.
    static QString details(const SyncClientStatus& status);

Q_SIGNALS:
    void pendingRequested();

private:
    QLabel* m_dot = nullptr;
    QLabel* m_label = nullptr;
    QToolButton* m_pending = nullptr;
    SyncClientStatus m_status;
};

} // namespace usher::ui
