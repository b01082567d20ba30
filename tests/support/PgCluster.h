#pragma once

// A private, throw-away PostgreSQL cluster for the tests and the benchmark: initdb into a temporary
// directory, the server on a free loopback port with its Unix socket in that directory, removed with
// everything in it when the object goes away. Needs the server binaries (Debian: postgresql-15);
// found in $USHER_PG_BINDIR or the newest /usr/lib/postgresql/<15 or later>/bin.
//
// initdb refuses to run as root: when the process is root, every server program runs as the
// `postgres` user (runuser -u postgres), in a directory that user owns.
//
// The tests FAIL when the cluster cannot start; USHER_SKIP_PG=1 makes them skip instead.

#include <QProcess>
#include <QStringList>

#include <string>
#include <vector>

namespace usher::test {

// A loopback port nobody listens on now (the kernel's pick for an ephemeral bind); 0 on error.
int freeLoopbackPort();

class PgCluster {
public:
    PgCluster() = default;
    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // USHER_SKIP_PG=1 in the environment.
    static bool skipRequested();

    // initdb and start. `durable` false turns fsync off (quicker tests; never for benchmarks).
    bool start(std::string* error, bool durable = true);
    // pg_ctl stop (fast, or immediate: like a crash), and start again on the same port and data.
    bool stop(bool immediate, std::string* error);
    bool restart(std::string* error);
    bool isRunning() const { return m_running; }

    // A new UTF-8 database.
    bool createDatabase(const std::string& name, std::string* error);
    // A libpq keyword/value connection string for a database of this cluster.
    std::string conninfo(const std::string& database) const;
    // The same as a postgresql:// URI (what usherd --store takes).
    std::string uri(const std::string& database) const;
    // Runs SQL with psql; the output (unaligned, tuples only) in *output. False with *output = the error.
    bool psql(const std::string& database, const std::string& sql, std::string* output) const;

    const std::string& directory() const { return m_dir; }
    int port() const { return m_port; }
    std::string serverLog() const;

private:
    bool run(const std::string& program, const std::vector<std::string>& args, bool asServerUser, std::string* output,
             int timeoutMs = 120'000) const;
    std::string binary(const std::string& name) const;

    std::string m_binDir;
    std::string m_dir;  // socket directory and parent of the data directory
    std::string m_data; // the data directory
    int m_port = 0;
    bool m_asPostgres = false;
    bool m_running = false;
};

} // namespace usher::test
