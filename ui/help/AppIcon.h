#pragma once

#include <QIcon>

namespace usher::ui {

// The app's icon (org.usher.Usher, resources/icons) in every hicolor size, embedded under :/icons.
QIcon appIcon();

} // namespace usher::ui
