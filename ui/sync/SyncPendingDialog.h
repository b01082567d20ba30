#pragma once

// The box office's outbox for the clerk: every operation made here with its seq, id, kind, event,
// seats, when and state (pending, acknowledged, rejected by usherd with the reason, void), pending
// ones only by default; and its export as CSV (all operations). The outbox is read through a
// function (SyncClient::listOutbox in the app, a script in tests). The file dialog sits behind a
// seam (setNextExportPath) so that a test never blocks.

#include "sync/SyncOutbox.h"

#include <QDialog>

#include <functional>
#include <string>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace usher::ui {

class SyncPendingDialog final : public QDialog {
    Q_OBJECT

public:
    // Entries from `fromSeq`, at most `max`, in seq order; false with *error.
    using Lister = std::function<bool(std::uint64_t fromSeq, std::size_t max, std::vector<SyncOutboxEntry>* out,
                                      std::string* error)>;
    static constexpr int kRowsShownMax = 5000;

    explicit SyncPendingDialog(Lister lister, QWidget* parent = nullptr);

    void reload();
    // Writes every op as CSV to `path` (atomically). False with *error (translated).
    bool exportCsv(const QString& path, QString* error);
    // The path the next export uses instead of asking (tests).
    void setNextExportPath(const QString& path) { m_nextExportPath = path; }

    QTableWidget* table() const { return m_table; }
    QCheckBox* pendingOnly() const { return m_pendingOnly; }
    QLabel* message() const { return m_message; }
    QPushButton* exportButton() const { return m_export; }
    // The state column's text for one entry.
    static QString stateText(const SyncOutboxEntry& entry);

private:
    void exportClicked();
    bool readAll(std::vector<SyncOutboxEntry>* out, std::size_t max, bool pendingOnly, QString* error);

    Lister m_lister;
    QTableWidget* m_table = nullptr;
    QCheckBox* m_pendingOnly = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_export = nullptr;
    QString m_nextExportPath;
};

} // namespace usher::ui
