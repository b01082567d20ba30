#include "counter/CounterMoney.h"

#include "boxoffice/Money.h"
#include "event/EventSpec.h"

#include <QRegularExpression>

namespace usher::ui {

QString counterMoney(Amount minor, const std::string& currency)
{
    return QString::fromStdString(formatMoney(minor, currency));
}

QString counterMoneyPlain(Amount minor, const std::string& currency)
{
    return QString::fromStdString(formatMinorUnits(minor, currency));
}

bool parseCounterMoney(const QString& text, const std::string& currency, Amount* minor)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,13})(?:[.,](\\d*))?\\s*([A-Za-z]{3})?\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    if (!match.captured(3).isEmpty() && match.captured(3).toUpper().toStdString() != currency)
        return false;
    int exponent = currencyExponent(currency);
    if (exponent < 0)
        exponent = 2;
    QString fraction = match.captured(2);
    if (fraction.size() > exponent)
        return false;
    fraction = fraction.leftJustified(exponent, QLatin1Char('0'));
    Amount value = match.captured(1).toLongLong();
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    if (exponent > 0)
        value += fraction.toLongLong();
    *minor = value;
    return true;
}

} // namespace usher::ui
