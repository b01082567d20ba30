#pragma once

// A QR code symbol made by libqrencode: the module matrix, ready to paint.

#include <QByteArray>

#include <vector>

class QPainter;
class QRectF;

class QrCode {
public:
    // Error correction level M, the smallest version that fits; libqrencode picks the densest modes
    // (a ticket code, upper-case base32, goes alphanumeric: version 2). Null on failure
    // (text too long for any version, out of memory).
    static QrCode encode(const QByteArray& text);

    bool isNull() const { return m_size == 0; }
    int version() const { return m_version; }
    int size() const { return m_size; } // modules per side (4 * version + 17)
    bool isDark(int x, int y) const { return m_modules[static_cast<std::size_t>(y * m_size + x)] != 0; }
    const std::vector<unsigned char>& modules() const { return m_modules; }

    // Paints the symbol with its 4-module quiet zone into `target` (a square is used, centred).
    // Returns the rectangle the modules themselves occupy.
    QRectF paint(QPainter& painter, const QRectF& target) const;

private:
    int m_version = 0;
    int m_size = 0;
    std::vector<unsigned char> m_modules; // row-major, 1 = dark
};
