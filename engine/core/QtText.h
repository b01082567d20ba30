#pragma once

// UTF-8 bytes as a QString, for the places where engine text (std::string, std::string_view) meets
// Qt: JSON, the views, the command lines. The one spelling of QString::fromUtf8 with a size.

#include <QString>

#include <string_view>

namespace usher {

inline QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

} // namespace usher
