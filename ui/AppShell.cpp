#include "AppShell.h"

#include "counter/CounterWindow.h"
#include "counter/CounterWorker.h"
#include "help/AppIcon.h"
#include "help/HelpMenu.h"
#include "settings/SettingsDialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace usher::ui {

namespace {

const QString kSales = QStringLiteral("sales");

} // namespace

AppShell::AppShell(CounterWindow* counter, QWidget* parent)
    : QMainWindow(parent)
    , m_counter(counter)
{
    Q_ASSERT(counter != nullptr);
    setObjectName(QStringLiteral("appShell"));
    setWindowIcon(appIcon());
    auto* central = new QWidget(this);
    auto* row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);

    m_side = new QWidget(central);
    m_side->setObjectName(QStringLiteral("shellSide"));
    m_side->setFixedWidth(176);
    m_side->setAutoFillBackground(true);
    auto* side = new QVBoxLayout(m_side);
    side->setContentsMargins(8, 10, 8, 10);
    m_brand = new QLabel(m_side);
    QFont font = m_brand->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    m_brand->setFont(font);
    side->addWidget(m_brand);
    m_who = new QLabel(m_side);
    m_who->setObjectName(QStringLiteral("shellWhoLabel"));
    m_who->setWordWrap(true);
    side->addWidget(m_who);
    side->addSpacing(6);
    m_navigation = new QListWidget(m_side);
    m_navigation->setObjectName(QStringLiteral("shellNavigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    side->addWidget(m_navigation, 1);
    m_signOut = new QPushButton(m_side);
    m_signOut->setObjectName(QStringLiteral("shellSignOutButton"));
    m_signOut->setIcon(QIcon::fromTheme(QStringLiteral("system-log-out")));
    side->addWidget(m_signOut);
    m_settings = new QPushButton(m_side);
    m_settings->setObjectName(QStringLiteral("shellSettingsButton"));
    m_settings->setIcon(QIcon::fromTheme(QStringLiteral("preferences-system")));
    side->addWidget(m_settings);
    m_preferences = new QAction(this);
    m_preferences->setShortcut(QKeySequence::Preferences);
    m_preferences->setShortcutContext(Qt::WindowShortcut);
    addAction(m_preferences);

    m_stack = new QStackedWidget(central);
    m_counter->setParent(m_stack);
    m_counter->setWindowFlags(Qt::Widget); // a page of the shell, with its own menus and status bar
    // Help, last in the counter's menu bar; its F1 is the shell's, so it works in every workspace.
    m_help = new HelpMenu(this, m_counter->menuBar());
    m_counter->menuBar()->addMenu(m_help);
    m_stack->addWidget(m_counter);
    m_nothing = new QLabel(m_stack);
    m_nothing->setObjectName(QStringLiteral("shellNothingLabel"));
    m_nothing->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_nothing);
    row->addWidget(m_side);
    row->addWidget(m_stack, 1);
    setCentralWidget(central);
    m_side->hide();
    m_workspaces.push_back(
        Workspace { kSales, tr("Sales"), QIcon::fromTheme(QStringLiteral("view-list-details")), sellers(), m_counter });

    connect(m_counter, &CounterWindow::staffSignedIn, this, &AppShell::signedIn);
    connect(m_counter, &CounterWindow::staffSignedOut, this, &AppShell::signedOut);
    connect(m_signOut, &QPushButton::clicked, m_counter, &CounterWindow::signOut);
    connect(m_settings, &QPushButton::clicked, this, &AppShell::openSettings);
    connect(m_preferences, &QAction::triggered, this, &AppShell::openSettings);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int current) {
        if (current >= 0)
            showWorkspace(m_navigation->item(current)->data(Qt::UserRole).toString());
    });
    retranslate();
    // Room for the dashboard's charts; the counter's own size plus the navigation at least.
    resize(std::max(1600, m_counter->width() + m_side->width()), std::max(940, m_counter->height()));
}

AppShell::~AppShell()
{
    // The workspaces go first (the dashboard stops its feed; views let go of engine subscriptions).
    for (Workspace& workspace : m_workspaces)
        if (workspace.widget != m_counter)
            delete workspace.widget;
}

bool AppShell::allows(const Workspace& workspace, StaffRole role)
{
    return role == StaffRole::Admin
        || std::find(workspace.roles.begin(), workspace.roles.end(), role) != workspace.roles.end();
}

void AppShell::addWorkspace(const QString& id, const QString& title, const QIcon& icon, std::vector<StaffRole> roles,
                            QWidget* widget)
{
    Q_ASSERT(widget != nullptr && workspace(id) == nullptr);
    m_stack->addWidget(widget);
    m_workspaces.push_back(Workspace { id, title, icon, std::move(roles), widget });
    if (m_signedIn)
        rebuildNavigation();
}

QWidget* AppShell::workspace(const QString& id) const
{
    for (const Workspace& workspace : m_workspaces)
        if (workspace.id == id)
            return workspace.widget;
    return nullptr;
}

QStringList AppShell::visibleWorkspaces() const
{
    QStringList ids;
    if (!m_signedIn)
        return ids;
    for (const Workspace& workspace : m_workspaces)
        if (allows(workspace, m_role))
            ids << workspace.id;
    return ids;
}

QString AppShell::currentWorkspace() const
{
    if (!m_signedIn)
        return QString();
    for (const Workspace& workspace : m_workspaces)
        if (workspace.widget == m_stack->currentWidget())
            return workspace.id;
    return QString();
}

bool AppShell::showWorkspace(const QString& id)
{
    if (!visibleWorkspaces().contains(id))
        return false;
    QWidget* widget = workspace(id);
    if (m_stack->currentWidget() != widget)
        m_stack->setCurrentWidget(widget);
    for (int row = 0; row < m_navigation->count(); ++row)
        if (m_navigation->item(row)->data(Qt::UserRole).toString() == id && m_navigation->currentRow() != row) {
            QSignalBlocker blocker(m_navigation);
            m_navigation->setCurrentRow(row);
        }
    Q_EMIT workspaceChanged(id);
    return true;
}

void AppShell::rebuildNavigation()
{
    QSignalBlocker blocker(m_navigation);
    m_navigation->clear();
    for (const Workspace& workspace : m_workspaces) {
        if (!allows(workspace, m_role))
            continue;
        auto* item = new QListWidgetItem(workspace.icon, workspace.title, m_navigation);
        item->setData(Qt::UserRole, workspace.id);
        item->setSizeHint(QSize(0, 34));
    }
}

void AppShell::signedIn(const StaffAccount& account)
{
    m_signedIn = true;
    m_role = account.role;
    m_who->setText(QString::fromStdString(account.displayName));
    rebuildNavigation();
    m_side->show();
    const QStringList visible = visibleWorkspaces();
    if (!visible.isEmpty())
        showWorkspace(visible.front());
    else
        m_stack->setCurrentWidget(m_nothing);
}

void AppShell::signedOut()
{
    m_signedIn = false;
    {
        QSignalBlocker blocker(m_navigation);
        m_navigation->clear();
    }
    m_side->hide();
    m_stack->setCurrentWidget(m_counter); // its sign-in page
    Q_EMIT workspaceChanged(QString());
}

void AppShell::openSettings()
{
    if (findChild<SettingsDialog*>() != nullptr)
        return;
    auto* settings = new QSettings(this);
    auto* dialog = new SettingsDialog(*settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, settings, &QObject::deleteLater);
    dialog->open();
}

void AppShell::retranslate()
{
    setWindowTitle(tr("Usher"));
    m_brand->setText(tr("Usher"));
    m_signOut->setText(tr("Sign &out"));
    m_settings->setText(tr("Se&ttings…"));
    m_preferences->setText(tr("Settings"));
    m_nothing->setText(tr("There is nothing here for your role yet. Sign out, or ask an admin."));
    m_workspaces.front().title = tr("Sales"); // the others' titles come from whoever registered them
    if (!m_signedIn)
        return;
    const QString current = currentWorkspace();
    rebuildNavigation();
    QSignalBlocker blocker(m_navigation);
    for (int row = 0; row < m_navigation->count(); ++row)
        if (m_navigation->item(row)->data(Qt::UserRole).toString() == current)
            m_navigation->setCurrentRow(row);
}

void AppShell::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void AppShell::closeEvent(QCloseEvent* event)
{
    if (m_counter->worker() != nullptr && m_counter->worker()->isBusy()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace usher::ui
