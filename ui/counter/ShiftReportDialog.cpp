#include "counter/ShiftReportDialog.h"

#include "counter/AfterSaleTask.h"
#include "counter/ReportDocument.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QKeySequence>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace usher::ui {

ShiftReportDialog::ShiftReportDialog(const ShiftReport& report, const QString& clerkName, const QString& producedByName,
                                     QWidget* parent)
    : QDialog(parent)
    , m_report(report)
    , m_document(std::make_unique<ReportDocument>(report, clerkName, producedByName))
{
    setObjectName(QStringLiteral("shiftReportDialog"));
    setWindowTitle(m_document->title());
    auto* layout = new QVBoxLayout(this);
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("reportTextBrowser"));
    m_view->setHtml(m_document->html());
    m_view->setAccessibleName(m_document->title());
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(this);
    auto* print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    print->setObjectName(QStringLiteral("printButton"));
    print->setToolTip(tr("Print the report (Ctrl+P)"));
    auto* csv = buttons->addButton(tr("Save &CSV…"), QDialogButtonBox::ActionRole);
    csv->setObjectName(QStringLiteral("csvButton"));
    auto* pdf = buttons->addButton(tr("Save P&DF…"), QDialogButtonBox::ActionRole);
    pdf->setObjectName(QStringLiteral("pdfButton"));
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(print, &QPushButton::clicked, this, &ShiftReportDialog::askPrint);
    connect(csv, &QPushButton::clicked, this, &ShiftReportDialog::askCsv);
    connect(pdf, &QPushButton::clicked, this, &ShiftReportDialog::askPdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(new QShortcut(QKeySequence::Print, this), &QShortcut::activated, this, &ShiftReportDialog::askPrint);
    setTabOrder(m_view, print);
    setTabOrder(print, csv);
    setTabOrder(csv, pdf);
    setTabOrder(pdf, close);
    close->setDefault(true);
    m_view->setFocus();
    resize(640, 720);
}

ShiftReportDialog::~ShiftReportDialog() = default;

QString ShiftReportDialog::statusText() const
{
    return m_status->text();
}

QString ShiftReportDialog::suggestedName(const QString& extension) const
{
    const QString name = (m_report.final ? QStringLiteral("z-report-shift-") : QStringLiteral("x-report-shift-"))
        + QString::number(m_report.shift.id) + QLatin1Char('.') + extension;
    return QDir::home().filePath(name);
}

bool ShiftReportDialog::saveCsv(const QString& path, QString* error)
{
    QSaveFile file(path); // all or nothing: a crash or a full disk never leaves half a report
    const QByteArray csv = QByteArray::fromStdString(shiftReportCsv(m_report));
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ShiftReportDialog::savePdf(const QString& path, QString* error)
{
    return m_document->writePdf(path, error);
}

bool ShiftReportDialog::printTo(QPrinter* printer)
{
    return m_document->print(printer);
}

void ShiftReportDialog::showOutcome(bool ok, const QString& done, const QString& error)
{
    m_status->setText(ok ? done : error);
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020"));
}

void ShiftReportDialog::askCsv()
{
    const QString path = AfterSaleHooks::savePath(this, tr("Save the report as CSV"),
                                                  suggestedName(QStringLiteral("csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = saveCsv(path, &error);
    showOutcome(ok, tr("Saved %1.").arg(QDir::toNativeSeparators(path)), error);
}

void ShiftReportDialog::askPdf()
{
    const QString path = AfterSaleHooks::savePath(this, tr("Save the report as PDF"),
                                                  suggestedName(QStringLiteral("pdf")), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = savePdf(path, &error);
    showOutcome(ok, tr("Saved %1.").arg(QDir::toNativeSeparators(path)), error);
}

void ShiftReportDialog::askPrint()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(windowTitle());
    if (!AfterSaleHooks::setUpPrinter(this, &printer))
        return;
    const bool ok = printTo(&printer);
    showOutcome(ok, tr("Sent to the printer %1.").arg(printer.printerName()), tr("Printing failed."));
}

} // namespace usher::ui
