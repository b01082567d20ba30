#include "counter/ReportDocument.h"

#include "counter/CashAmount.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace usher::ui {

namespace {

QString when(Timestamp at)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(at), QLocale::ShortFormat);
}

QString cell(const QString& text, bool number = false)
{
    return (number ? QStringLiteral("<td align=\"right\">") : QStringLiteral("<td>")) + text.toHtmlEscaped()
        + QStringLiteral("</td>");
}

QString headerCell(const QString& text, bool number = false)
{
    return (number ? QStringLiteral("<th align=\"right\">") : QStringLiteral("<th align=\"left\">"))
        + text.toHtmlEscaped() + QStringLiteral("</th>");
}

const QString kTable = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"0\">");

} // namespace

ReportDocument::ReportDocument(const ShiftReport& report, const QString& clerkName, const QString& producedByName)
    : m_report(report)
    , m_clerk(clerkName)
    , m_producedBy(producedByName)
{
}

QString ReportDocument::methodName(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash: return tr("Cash");
    case PaymentMethod::Card: return tr("Card");
    case PaymentMethod::Complimentary: return tr("Complimentary");
    }
    return tr("Other");
}

QString ReportDocument::title() const
{
    return m_report.final ? tr("Z report: shift %1").arg(m_report.shift.id)
                          : tr("X report: shift %1").arg(m_report.shift.id);
}

QString ReportDocument::html() const
{
    const ShiftReport& r = m_report;
    const std::string& c = r.shift.currency;
    auto money = [&c](Amount amount) { return CashAmount::format(amount, c); };
    QString h = QStringLiteral("<html><body style=\"font-size:10pt\">");
    h += QStringLiteral("<h2>") + title().toHtmlEscaped() + QStringLiteral("</h2>");
    h += QStringLiteral("<p>")
        + (r.final ? tr("Closing report: the shift is closed.") : tr("Mid-shift report: the shift stays open."))
              .toHtmlEscaped();
    h += QStringLiteral("<br>") + tr("Clerk: %1").arg(m_clerk).toHtmlEscaped();
    h += QStringLiteral("<br>") + tr("Opened: %1").arg(when(r.shift.openedAt)).toHtmlEscaped();
    if (r.final)
        h += QStringLiteral("<br>") + tr("Closed: %1").arg(when(r.shift.closedAt)).toHtmlEscaped();
    h += QStringLiteral("<br>") + tr("Produced: %1 by %2").arg(when(r.at), m_producedBy).toHtmlEscaped();
    h += QStringLiteral("</p>");

    h += QStringLiteral("<h3>") + tr("By payment method").toHtmlEscaped() + QStringLiteral("</h3>") + kTable;
    h += QStringLiteral("<tr>") + headerCell(tr("Method")) + headerCell(tr("Sales"), true)
        + headerCell(tr("Amount"), true) + headerCell(tr("Refunds"), true) + headerCell(tr("Refunded"), true)
        + headerCell(tr("Net"), true) + QStringLiteral("</tr>");
    for (const MethodTotal& m : r.methods)
        h += QStringLiteral("<tr>") + cell(methodName(m.method)) + cell(QLocale().toString(m.salesCount), true)
            + cell(money(m.sales), true) + cell(QLocale().toString(m.refundsCount), true) + cell(money(m.refunds), true)
            + cell(money(m.sales - m.refunds), true) + QStringLiteral("</tr>");
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h3>") + tr("By category").toHtmlEscaped() + QStringLiteral("</h3>");
    if (r.categories.empty()) {
        h += QStringLiteral("<p>") + tr("No tickets sold or refunded.").toHtmlEscaped() + QStringLiteral("</p>");
    } else {
        h += kTable + QStringLiteral("<tr>") + headerCell(tr("Category")) + headerCell(tr("Tickets sold"), true)
            + headerCell(tr("Sales"), true) + headerCell(tr("Tickets refunded"), true)
            + headerCell(tr("Refunded"), true) + QStringLiteral("</tr>");
        for (const CategoryTotal& t : r.categories)
            h += QStringLiteral("<tr>") + cell(QString::fromStdString(t.category))
                + cell(QLocale().toString(t.ticketsSold), true) + cell(money(t.sales), true)
                + cell(QLocale().toString(t.ticketsRefunded), true) + cell(money(t.refunds), true)
                + QStringLiteral("</tr>");
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h3>") + tr("Tickets and cash").toHtmlEscaped() + QStringLiteral("</h3>") + kTable;
    auto line = [&h](const QString& label, const QString& value, bool strong = false) {
        h += QStringLiteral("<tr>") + cell(label)
            + (strong ? QStringLiteral("<td align=\"right\"><b>") + value.toHtmlEscaped() + QStringLiteral("</b></td>")
                      : cell(value, true))
            + QStringLiteral("</tr>");
    };
    line(tr("Tickets issued"), QLocale().toString(r.ticketsIssued));
    line(tr("Tickets refunded"), QLocale().toString(r.ticketsRefunded));
    line(tr("Float"), money(r.shift.floatAmount));
    line(tr("Cash sales"), money(r.methods[0].sales));
    line(tr("Cash refunds"), money(r.methods[0].refunds));
    line(tr("Cash in"), money(r.cashIn));
    line(tr("Cash out"), money(r.cashOut));
    line(tr("Expected cash in the drawer"), money(r.expectedCash), true);
    if (r.final) {
        line(tr("Counted cash"), money(r.countedCash), true);
        line(r.variance < 0       ? tr("Variance (short)")
                 : r.variance > 0 ? tr("Variance (over)")
                                  : tr("Variance"),
             money(r.variance), true);
    }
    h += QStringLiteral("</table></body></html>");
    return h;
}

void ReportDocument::fill(QTextDocument* document) const
{
    document->setHtml(html());
    document->setDocumentMargin(0);
}

bool ReportDocument::print(QPagedPaintDevice* device) const
{
    QTextDocument document;
    fill(&document);
    document.print(device);
    return true;
}

bool ReportDocument::writePdf(const QString& path, QString* error) const
{
    {
        QFile probe(path); // QPdfWriter reports no error of its own: check the file can be written first
        if (!probe.open(QIODevice::WriteOnly)) {
            *error = tr("Cannot write %1: %2").arg(path, probe.errorString());
            return false;
        }
    }
    QPdfWriter writer(path);
    writer.setTitle(title());
    writer.setCreator(QStringLiteral("Usher"));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    print(&writer);
    if (QFile(path).size() == 0) {
        *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace usher::ui
