#include "counter/CounterBackend.h"

#include "boxoffice/FakeTerminalServer.h"
#include "boxoffice/TcpCardTerminal.h"

#include <QCoreApplication>
#include <QDir>

namespace usher::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("usher::ui::CounterBackend", text); // lupdate's context
}

// "host:port" with a port of 1..65535.
bool parseHostPort(const QString& text, std::string* host, std::uint16_t* port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value == 0 || value > 65535)
        return false;
    *host = text.left(colon).toStdString();
    *port = static_cast<std::uint16_t>(value);
    return true;
}

} // namespace

CounterBackend::CounterBackend() = default;

CounterBackend::~CounterBackend()
{
    m_terminal.reset();
    if (m_fakeTerminal)
        m_fakeTerminal->stop();
}

bool CounterBackend::open(Engine& engine, const CounterBackendOptions& options, QString* error)
{
    const std::string path = QDir(QString::fromStdString(options.dataDirectory))
                                 .filePath(QStringLiteral("boxoffice.db"))
                                 .toStdString();
    std::string problem;
    m_db = BoxOfficeDb::open(path, &problem);
    if (m_db == nullptr) {
        //: %1 is a file, %2 the reason.
        *error = tr("Could not open the box-office database %1: %2")
                     .arg(QDir::toNativeSeparators(QString::fromStdString(path)), QString::fromStdString(problem));
        return false;
    }
    m_accounts = std::make_unique<StaffAccounts>(*m_db, options.accounts);
    m_drawer = std::make_unique<CashDrawer>(*m_db);

    TcpCardTerminalOptions terminal;
    terminal.payTimeoutMs = options.terminalPayTimeoutMs;
    terminal.requestTimeoutMs = options.terminalRequestTimeoutMs;
    if (options.terminal == QLatin1String("fake")) {
        m_fakeTerminal = std::make_unique<FakeTerminalServer>(FakeTerminalOptions {});
        if (!m_fakeTerminal->start(&problem)) {
            //: %1 is the reason.
            *error = tr("Could not start the simulated card terminal: %1").arg(QString::fromStdString(problem));
            return false;
        }
        terminal.port = m_fakeTerminal->port();
        m_terminal = std::make_unique<TcpCardTerminal>(terminal);
    } else if (!options.terminal.isEmpty()) {
        if (!parseHostPort(options.terminal, &terminal.host, &terminal.port)) {
            //: %1 is what was given; host:port must stay as it is.
            *error = tr("The card terminal must be given as host:port, not “%1”.").arg(options.terminal);
            return false;
        }
        m_terminal = std::make_unique<TcpCardTerminal>(terminal);
    }

    m_services.engine = &engine;
    m_services.db = m_db.get();
    m_services.drawer = m_drawer.get();
    m_services.accounts = m_accounts.get();
    m_services.terminal = m_terminal.get();
    m_services.channel = options.channel;
    m_services.clock = options.clock ? options.clock : Clock(systemClockNow);
    return true;
}

std::uint16_t CounterBackend::fakeTerminalPort() const
{
    return m_fakeTerminal ? m_fakeTerminal->port() : 0;
}

} // namespace usher::ui
