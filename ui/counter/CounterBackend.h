#pragma once

// The box office's services as the app runs them: boxoffice.db next to the engine's usher.db,
// staff accounts, the cash drawer and the card terminal (a real one over TCP, or the simulated one
// in process for the demo and the tests). It owns them; the counter window borrows them through
// CounterServices.

#include "counter/CounterServices.h"

#include <QString>

#include <memory>
#include <string>

namespace usher {
class FakeTerminalServer;
class TcpCardTerminal;
} // namespace usher

namespace usher::ui {

struct CounterBackendOptions {
    std::string dataDirectory;    // boxoffice.db goes here
    StaffAccountOptions accounts; // tests lower the argon2id cost
    // The card terminal: "" for none, "fake" for a simulated terminal on loopback in this process,
    // or "host:port" for a terminal that speaks the line protocol (docs/design/card-terminal.md).
    QString terminal;
    int terminalPayTimeoutMs = 60'000;
    int terminalRequestTimeoutMs = 3000;
    ChannelId channel = 2;       // the box office's sales channel
    Clock clock = systemClockNow; // boxoffice.db timestamps and hold countdowns
};

class CounterBackend {
public:
    CounterBackend();
    ~CounterBackend();
    CounterBackend(const CounterBackend&) = delete;
    CounterBackend& operator=(const CounterBackend&) = delete;

    // Opens boxoffice.db and connects the terminal (a terminal is only reached when a card is paid).
    // False with a message in *error.
    bool open(Engine& engine, const CounterBackendOptions& options, QString* error);

    CounterServices& services() { return m_services; }
    BoxOfficeDb& db() { return *m_db; }
    StaffAccounts& accounts() { return *m_accounts; }
    CashDrawer& drawer() { return *m_drawer; }
    // The simulated terminal's port (0 when the terminal is not the in-process fake).
    std::uint16_t fakeTerminalPort() const;

private:
    std::unique_ptr<BoxOfficeDb> m_db;
    std::unique_ptr<StaffAccounts> m_accounts;
    std::unique_ptr<CashDrawer> m_drawer;
    std::unique_ptr<FakeTerminalServer> m_fakeTerminal;
    std::unique_ptr<TcpCardTerminal> m_terminal;
    CounterServices m_services;
};

} // namespace usher::ui
