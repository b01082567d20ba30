#pragma once

// The Help menu of the app's windows: User guide (F1, the embedded docs/user-guide.md in a browser
// window) and About Usher. The guide's action is also added to `window` itself, so F1 works in every
// workspace of the shell, also where the menu bar is not shown.

#include <QMenu>

class QAction;

namespace usher::ui {

class HelpMenu final : public QMenu {
    Q_OBJECT

public:
    HelpMenu(QWidget* window, QWidget* parent = nullptr);
    QAction* userGuideAction() const { return m_guide; }
    QAction* aboutAction() const { return m_about; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QWidget* m_window = nullptr;
    QAction* m_guide = nullptr;
    QAction* m_about = nullptr;
};

} // namespace usher::ui
