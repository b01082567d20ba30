#pragma once

// The app's shell: the box-office counter (with its sign-in page) plus, once somebody signs in,
// a navigation list of the workspaces their role may see. Sign-out (from the list or the
// counter's menu) returns to the sign-in page. Role gates (issue 8): a clerk or supervisor sees
// the sales screen only; a promoter sees event setup and the venue designer; an admin sees
// everything. A workspace is registered once, with the roles that may see it:
//
//     shell.addWorkspace(QStringLiteral("dashboard"), tr("Dashboard"), icon, AppShell::adminOnly(), widget);
//
// See docs/design/admin-views.md.

#include "boxoffice/StaffAccounts.h"

#include <QIcon>
#include <QMainWindow>

#include <initializer_list>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace usher::ui {

class CounterWindow;
class HelpMenu;

class AppShell final : public QMainWindow {
    Q_OBJECT

public:
    struct Workspace {
        QString id;
        QString title;
        QIcon icon;
        std::vector<StaffRole> roles; // who may see it (Admin is always added)
        QWidget* widget = nullptr;
    };

    // The sales workspace ("sales") is the counter itself, for clerks, supervisors and admins.
    // Takes ownership of `counter`.
    explicit AppShell(CounterWindow* counter, QWidget* parent = nullptr);
    ~AppShell() override;

    static std::vector<StaffRole> adminOnly() { return { StaffRole::Admin }; }
    static std::vector<StaffRole> promoters() { return { StaffRole::Promoter, StaffRole::Admin }; }
    static std::vector<StaffRole> sellers() { return { StaffRole::Clerk, StaffRole::Supervisor, StaffRole::Admin }; }

    // Registers a workspace; the shell takes ownership of `widget`. Ids are unique.
    void addWorkspace(const QString& id, const QString& title, const QIcon& icon, std::vector<StaffRole> roles,
                      QWidget* widget);
    // The ids the signed-in account may see, in navigation order (empty when nobody is signed in).
    QStringList visibleWorkspaces() const;
    // Switches to a workspace the account may see; false otherwise.
    bool showWorkspace(const QString& id);
    QString currentWorkspace() const; // "" on the sign-in page
    QWidget* workspace(const QString& id) const;

    CounterWindow* counter() const { return m_counter; }
    QListWidget* navigation() const { return m_navigation; }
    QPushButton* signOutButton() const { return m_signOut; }
    QPushButton* settingsButton() const { return m_settings; }
    HelpMenu* helpMenu() const { return m_help; } // User guide (F1), About
    // Opens the settings dialog (the language chooser) window-modal, without blocking; also on
    // the Preferences shortcut (Ctrl+,), which works on the sign-in page too.
    void openSettings();
    // Whether a role may see a workspace (Admin always may).
    static bool allows(const Workspace& workspace, StaffRole role);

Q_SIGNALS:
    void workspaceChanged(const QString& id);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override; // retranslates the shell's own texts and its Help menu

private:
    void retranslate();
    void signedIn(const StaffAccount& account);
    void signedOut();
    void rebuildNavigation();

    CounterWindow* m_counter = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_side = nullptr;
    QListWidget* m_navigation = nullptr;
    QLabel* m_brand = nullptr;
    QLabel* m_who = nullptr;
    QLabel* m_nothing = nullptr; // a role without any workspace
    QPushButton* m_signOut = nullptr;
    QPushButton* m_settings = nullptr;
    HelpMenu* m_help = nullptr;
    QAction* m_preferences = nullptr;
    std::vector<Workspace> m_workspaces;
    bool m_signedIn = false;
    StaffRole m_role = StaffRole::Clerk;
};

} // namespace usher::ui
