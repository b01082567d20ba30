#pragma once

// The app's workspaces besides the counter's sales screen, registered with the shell in one
// place, each with the roles that may see it (the shell always lets admins in). main() and the
// role-gate test both call this, so the test checks what the app really shows.

#include <QByteArray>
#include <QString>

namespace usher {
class Engine;
}

namespace usher::ui {

class AppShell;
struct CounterServices;

struct WorkspaceSources {
    QString dataDirectory;  // the engine's (the audit browser reads its journal)
    QString usherd;         // the central usherd's URL; empty: the embedded engine alone
    QByteArray usherdToken; // a promoter or admin token of it
};

void addStandardWorkspaces(AppShell& shell, Engine& engine, CounterServices& services, const WorkspaceSources& sources);

} // namespace usher::ui
