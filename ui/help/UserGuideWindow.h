#pragma once

// Help > User guide (F1): docs/user-guide.md with its screenshots, embedded in the app under
// :/guide (ui/CMakeLists.txt), shown as Markdown in a browser window with back, forward and
// contents. Screenshots wider than the page are scaled down to fit. Links to the web open in the
// desktop's browser; links to documents the app does not carry say so in the status line.

#include <QTextBrowser>
#include <QUrl>
#include <QWidget>

class QLabel;
class QToolButton;

namespace usher::ui {

class UserGuideBrowser final : public QTextBrowser {
    Q_OBJECT

public:
    explicit UserGuideBrowser(QWidget* parent = nullptr);
    QVariant loadResource(int type, const QUrl& name) override;
    // GitHub's anchor of a heading ("The seat map" -> "the-seat-map"), which the guide's links use.
    static QString headingAnchor(const QString& heading);

    static constexpr int kImageWidthMax = 960; // px: wider screenshots are scaled down

protected:
    void doSetSource(const QUrl& name, QTextDocument::ResourceType type) override;
};

class UserGuideWindow final : public QWidget {
    Q_OBJECT

public:
    static QUrl guideUrl() { return QUrl(QStringLiteral("qrc:/guide/user-guide.md")); }

    explicit UserGuideWindow(QWidget* parent = nullptr);
    UserGuideBrowser* browser() const { return m_browser; }
    QLabel* statusLabel() const { return m_status; }

    // Shows the guide window of `owner` (a top-level window), creating it on first use; it stays a
    // separate window and closes with its owner.
    static UserGuideWindow* showFor(QWidget* owner);

protected:
    void changeEvent(QEvent* event) override;

private:
    void follow(const QUrl& url);
    void retranslate();

    UserGuideBrowser* m_browser = nullptr;
    QToolButton* m_back = nullptr;
    QToolButton* m_forward = nullptr;
    QToolButton* m_home = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace usher::ui
