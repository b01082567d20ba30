#pragma once

// Shows an X or Z report and prints it or exports it to CSV (shiftReportCsv) or PDF.
// Keys: Ctrl+P print, Alt+C CSV, Alt+D PDF, Esc close.

#include "boxoffice/CashDrawer.h"

#include <QDialog>

class QLabel;
class QPrinter;
class QPushButton;
class QTextBrowser;

namespace usher::ui {

class ReportDocument;

class ShiftReportDialog : public QDialog {
    Q_OBJECT

public:
    ShiftReportDialog(const ShiftReport& report, const QString& clerkName, const QString& producedByName,
                      QWidget* parent = nullptr);
    ~ShiftReportDialog() override;

    const ShiftReport& report() const { return m_report; }
    // The exports behind the buttons (the buttons ask for the path through AfterSaleHooks).
    bool saveCsv(const QString& path, QString* error);
    bool savePdf(const QString& path, QString* error);
    bool printTo(QPrinter* printer);
    QString statusText() const;

private:
    void askCsv();
    void askPdf();
    void askPrint();
    void showOutcome(bool ok, const QString& done, const QString& error);
    QString suggestedName(const QString& extension) const;

    ShiftReport m_report;
    std::unique_ptr<ReportDocument> m_document;
    QTextBrowser* m_view = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace usher::ui
