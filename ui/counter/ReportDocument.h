#pragma once

// An X or Z report laid out as a document: shown in the report dialog, printed (QPrinter) and
// written to PDF (QPdfWriter, A4) from the same layout, so paper and screen always agree.

#include "boxoffice/CashDrawer.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;
class QTextDocument;

namespace usher::ui {

class ReportDocument {
    Q_DECLARE_TR_FUNCTIONS(ReportDocument)

public:
    // `clerkName` and `producedByName` name the shift's clerk and who produced the report.
    ReportDocument(const ShiftReport& report, const QString& clerkName, const QString& producedByName);

    QString title() const; // "X report: shift 3" / "Z report: shift 3"
    QString html() const;
    // A4 portrait, 15 mm margins. False with *error when the file cannot be written.
    bool writePdf(const QString& path, QString* error) const;
    bool print(QPagedPaintDevice* device) const;
    // "Cash", "Card", "Complimentary".
    static QString methodName(PaymentMethod method);

private:
    void fill(QTextDocument* document) const;

    ShiftReport m_report;
    QString m_clerk;
    QString m_producedBy;
};

} // namespace usher::ui
