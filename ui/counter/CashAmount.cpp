#include "counter/CashAmount.h"

#include "boxoffice/Money.h"
#include "event/EventSpec.h"

namespace usher::ui {

bool CashAmount::parse(const QString& input, const std::string& currency, Amount* amount, const QLocale& locale)
{
    int exponent = currencyExponent(currency);
    if (exponent < 0)
        exponent = 2;
    QString text = input.trimmed();
    text.remove(locale.groupSeparator());
    text.replace(locale.decimalPoint(), QStringLiteral("."));
    if (text.isEmpty() || text.size() > 20)
        return false;
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    if (fraction.size() > exponent || (whole.isEmpty() && fraction.isEmpty()))
        return false;
    for (const QChar c : whole + fraction) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    while (fraction.size() < exponent)
        fraction += QLatin1Char('0');
    bool ok = true;
    const qint64 units = whole.isEmpty() ? 0 : whole.toLongLong(&ok);
    if (!ok || units > kAmountMax / 10'000)
        return false;
    Amount scale = 1;
    for (int i = 0; i < exponent; ++i)
        scale *= 10;
    *amount = units * scale + (fraction.isEmpty() ? 0 : fraction.toLongLong());
    return true;
}

QString CashAmount::format(Amount amount, const std::string& currency)
{
    return QString::fromStdString(formatMoney(amount, currency));
}

} // namespace usher::ui
