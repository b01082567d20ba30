#include "support/PgCluster.h"

#include <QDir>
#include <QFile>

#include <arpa/inet.h>
#include <cstdlib>
#include <filesystem>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace usher::test {

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t length = sizeof(addr);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

namespace {

std::string findBinDir()
{
    if (const char* dir = std::getenv("USHER_PG_BINDIR"); dir != nullptr && *dir != '\0')
        return dir;
    std::string best;
    int bestVersion = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
        const int version = std::atoi(entry.path().filename().c_str());
        if (version >= 15 && version > bestVersion && std::filesystem::exists(entry.path() / "bin" / "initdb", ec)) {
            bestVersion = version;
            best = (entry.path() / "bin").string();
        }
    }
    return best;
}

} // namespace

PgCluster::~PgCluster()
{
    std::string ignored;
    if (m_running)
        stop(true, &ignored);
    if (!m_dir.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
}

bool PgCluster::skipRequested()
{
    const char* skip = std::getenv("USHER_SKIP_PG");
    return skip != nullptr && std::string(skip) == "1";
}

std::string PgCluster::binary(const std::string& name) const
{
    return m_binDir + "/" + name;
}

bool PgCluster::run(const std::string& program, const std::vector<std::string>& args, bool asServerUser, std::string* output,
                    int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QString command = QString::fromStdString(program);
    QStringList arguments;
    for (const std::string& arg : args)
        arguments << QString::fromStdString(arg);
    if (asServerUser && m_asPostgres) {
        arguments = QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), command }
            + arguments;
        command = QStringLiteral("runuser");
    }
    process.start(command, arguments);
    if (!process.waitForStarted(30'000)) {
        *output = "cannot run " + command.toStdString() + ": " + process.errorString().toStdString();
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        *output = command.toStdString() + " did not finish in " + std::to_string(timeoutMs / 1000) + " s";
        return false;
    }
    *output = process.readAll().toStdString();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *output = program + " failed (exit " + std::to_string(process.exitCode()) + "): " + *output;
        return false;
    }
    return true;
}

bool PgCluster::start(std::string* error, bool durable)
{
    m_binDir = findBinDir();
    if (m_binDir.empty()) {
        *error = "no PostgreSQL server binaries (initdb) under /usr/lib/postgresql/<15 or later>/bin; install "
                 "postgresql-15 or set USHER_PG_BINDIR (or USHER_SKIP_PG=1 to skip the PostgreSQL tests)";
        return false;
    }
    m_asPostgres = ::geteuid() == 0;
    char pattern[] = "/tmp/usher-pg-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) {
        *error = "cannot create a temporary directory";
        return false;
    }
    m_dir = pattern;
    m_data = m_dir + "/data";
    if (m_asPostgres) {
        const passwd* user = ::getpwnam("postgres");
        if (user == nullptr || ::chown(m_dir.c_str(), user->pw_uid, user->pw_gid) != 0) {
            *error = "running as root, the server must run as the postgres user, and there is none (or chown of "
                + m_dir + " failed); install postgresql-15";
            return false;
        }
    }
    std::string output;
    if (!run(binary("initdb"),
             { "-D", m_data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
               "--no-sync" },
             true, &output)) {
        *error = "initdb: " + output;
        return false;
    }
    // Settings for a small private server on loopback only.
    QFile conf(QString::fromStdString(m_data + "/postgresql.conf"));
    if (!conf.open(QIODevice::Append | QIODevice::Text)) {
        *error = "cannot append to " + conf.fileName().toStdString();
        return false;
    }
    std::string settings = "listen_addresses = '127.0.0.1'\nunix_socket_directories = '" + m_dir
        + "'\nmax_connections = 50\nshared_buffers = 128MB\nlog_min_messages = warning\n";
    if (!durable)
        settings += "fsync = off\nfull_page_writes = off\n";
    conf.write(settings.data(), qint64(settings.size()));
    conf.close();
    return restart(error);
}

bool PgCluster::restart(std::string* error)
{
    std::string output;
    // A port another process took since is retried with a new one.
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        if (m_port == 0 || attempt > 0)
            m_port = freeLoopbackPort();
        if (run(binary("pg_ctl"),
                { "start", "-w", "-t", "60", "-D", m_data, "-l",
                  m_dir + "/server.log", "-o", "-p " + std::to_string(m_port) },
                true, &output))
            m_running = true;
    }
    if (!m_running)
        *error = "pg_ctl start: " + output + "\nserver log:\n" + serverLog();
    return m_running;
}

bool PgCluster::stop(bool immediate, std::string* error)
{
    std::string output;
    const bool ok = run(binary("pg_ctl"),
                        { "stop", "-w", "-t", "60", "-m", immediate ? "immediate" : "fast", "-D",
                          m_data },
                        true, &output);
    if (!ok)
        *error = "pg_ctl stop: " + output;
    m_running = false;
    return ok;
}

bool PgCluster::createDatabase(const std::string& name, std::string* error)
{
    std::string output;
    if (!run(binary("createdb"),
             { "-h", m_dir, "-p", std::to_string(m_port), "-U", "postgres", "-E", "UTF8",
               "-T", "template0", name },
             false, &output)) {
        *error = "createdb " + name + ": " + output;
        return false;
    }
    return true;
}

std::string PgCluster::conninfo(const std::string& database) const
{
    return "host=" + m_dir + " port=" + std::to_string(m_port) + " user=postgres dbname=" + database;
}

std::string PgCluster::uri(const std::string& database) const
{
    return "postgresql://postgres@127.0.0.1:" + std::to_string(m_port) + "/" + database;
}

bool PgCluster::psql(const std::string& database, const std::string& sql, std::string* output) const
{
    const bool ok = run(binary("psql"),
                        { "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", m_dir, "-p",
                          std::to_string(m_port), "-U", "postgres", "-d", database, "-c",
                          sql },
                        false, output);
    while (ok && !output->empty() && output->back() == '\n')
        output->pop_back();
    return ok;
}

std::string PgCluster::serverLog() const
{
    QFile log(QString::fromStdString(m_dir + "/server.log"));
    if (!log.open(QIODevice::ReadOnly))
        return "(no server log)";
    return log.readAll().right(4000).toStdString();
}

} // namespace usher::test
