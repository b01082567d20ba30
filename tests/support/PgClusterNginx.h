#pragma once

// nginx (Debian's package) in front of the usherd nodes of a PostgreSQL cluster test or benchmark
// (issue 9), with the packaged config (packaging/nginx/usherd-cluster.conf): its upstream servers
// become the nodes' loopback ports, its `listen 8080` a free loopback port. nginx runs as a child
// process with its own prefix, main config, pid file, logs and temp directories in a temporary
// directory (never port 80, never /etc/nginx), and is stopped gracefully (SIGQUIT) at the end.
// Found in $USHER_NGINX or /usr/sbin/nginx.

#include <string>
#include <vector>

namespace usher::test {

class PgClusterNginx {
public:
    struct Node {
        int port = 0;
        bool down = false; // out of rotation (a drained node): `server ... down`
    };

    PgClusterNginx() = default;
    ~PgClusterNginx();
    PgClusterNginx(const PgClusterNginx&) = delete;
    PgClusterNginx& operator=(const PgClusterNginx&) = delete;

    // The nginx binary; empty when there is none.
    static std::string binary();
    // Writes the config from `templatePath` and starts nginx; returns once it accepts connections.
    bool start(const std::string& templatePath, const std::vector<Node>& nodes, std::string* error);
    // Rewrites the upstream servers and reloads (nginx -s reload): new workers take the new list,
    // the old ones finish the requests and connections they have, then exit (connection draining).
    bool reload(const std::vector<Node>& nodes, std::string* error);
    // Graceful stop (SIGQUIT), SIGKILL after 10 s.
    void stop();

    int port() const { return m_port; }
    int pid() const { return m_pid; } // the master process (its workers are its children)
    std::string errorLog() const;

private:
    bool writeConfig(const std::vector<Node>& nodes, std::string* error);

    std::string m_binary;
    std::string m_template; // the packaged config's text
    std::string m_dir;      // prefix: nginx.conf, usherd-cluster.conf, logs, temp
    int m_port = 0;
    int m_pid = 0;
};

} // namespace usher::test
