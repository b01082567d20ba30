#include "support/PgClusterNginx.h"

#include "support/PgCluster.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace usher::test {

namespace {

bool accepts(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(std::uint16_t(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    ::close(fd);
    return ok;
}

bool writeFile(const std::string& path, const std::string& text, std::string* error)
{
    std::ofstream out(path, std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        *error = "cannot write " + path;
        return false;
    }
    return true;
}

// Runs nginx with `arguments` and returns its pid (0 on error).
int spawn(const std::string& binary, const std::vector<std::string>& arguments)
{
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execv(binary.c_str(), argv.data());
        ::_exit(127);
    }
    return pid > 0 ? int(pid) : 0;
}

} // namespace

PgClusterNginx::~PgClusterNginx()
{
    stop();
    if (!m_dir.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
}

std::string PgClusterNginx::binary()
{
    if (const char* path = std::getenv("USHER_NGINX"); path != nullptr && *path != '\0')
        return ::access(path, X_OK) == 0 ? path : "";
    return ::access("/usr/sbin/nginx", X_OK) == 0 ? "/usr/sbin/nginx" : "";
}

std::string PgClusterNginx::errorLog() const
{
    std::ifstream in(m_dir + "/error.log");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The packaged file with its upstream servers and listen port replaced; the main config (a
// foreground master, its files in the prefix) includes it in its http block.
bool PgClusterNginx::writeConfig(const std::vector<Node>& nodes, std::string* error)
{
    // Line by line rather than with <regex>: GCC 12 warns (maybe-uninitialized, an error here)
    // inside std::regex's internals under the sanitizer build.
    const auto isBlank = [](char c) { return c == ' ' || c == '\t'; };
    // Where the line's text starts (after its indent).
    const auto indentEnd = [&](const std::string& line) {
        std::size_t i = 0;
        while (i < line.size() && isBlank(line[i]))
            ++i;
        return i;
    };
    // `word` at i followed by blanks: where the next token starts, or npos.
    const auto afterWord = [&](const std::string& line, std::size_t i, const std::string& word) {
        if (line.compare(i, word.size(), word) != 0 || i + word.size() >= line.size() || !isBlank(line[i + word.size()]))
            return std::string::npos;
        i += word.size();
        while (i < line.size() && isBlank(line[i]))
            ++i;
        return i;
    };
    // "server 127.0.0.1:PORT<options>;<rest>" after the indent: true with the options and the rest.
    const auto upstreamLine = [&](const std::string& line, std::string* options, std::string* rest) {
        std::size_t i = afterWord(line, indentEnd(line), "server");
        if (i == std::string::npos || line.compare(i, 10, "127.0.0.1:") != 0)
            return false;
        i += 10;
        const std::size_t digits = i;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9')
            ++i;
        const std::size_t semicolon = line.find(';', i);
        if (i == digits || semicolon == std::string::npos)
            return false;
        *options = line.substr(i, semicolon - i); // e.g. " max_fails=2 fail_timeout=5s"
        *rest = line.substr(semicolon + 1);
        return true;
    };
    // "listen 8080;" alone after the indent: true with the indent.
    const auto listenLine = [&](const std::string& line, std::string* indent) {
        const std::size_t start = indentEnd(line);
        *indent = line.substr(0, start);
        const std::size_t i = afterWord(line, start, "listen");
        return i != std::string::npos && line.compare(i, std::string::npos, "8080;") == 0;
    };
    // "upstream usherd-127.0.0.1-PORT { server 127.0.0.1:PORT; ... }" (a node's redirect target):
    // true with the port.
    const auto nodeUpstreamLine = [&](const std::string& line, std::string* port) {
        std::size_t i = indentEnd(line);
        const std::string prefix = "upstream usherd-127.0.0.1-";
        if (line.compare(i, prefix.size(), prefix) != 0)
            return false;
        i += prefix.size();
        const std::size_t digits = i;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9')
            ++i;
        *port = line.substr(digits, i - digits);
        return !port->empty() && line.find("server 127.0.0.1:" + *port + ";") != std::string::npos;
    };
    std::string conf;
    bool servers = false;
    bool nodeUpstreams = false;
    bool listen = false;
    std::size_t from = 0;
    while (from <= m_template.size()) {
        std::size_t to = m_template.find('\n', from);
        if (to == std::string::npos)
            to = m_template.size();
        const std::string line = m_template.substr(from, to - from);
        std::string options;
        std::string rest;
        std::string indent;
        std::string port;
        if (nodeUpstreamLine(line, &port)) {
            if (!nodeUpstreams) { // the first stands for one per node (down or not: it may own events)
                for (const Node& node : nodes) {
                    std::string each = line;
                    const std::string nodePort = std::to_string(node.port);
                    for (const std::string& pattern : { "-" + port + " ", ":" + port + ";" }) {
                        const std::size_t at = each.find(pattern);
                        if (at != std::string::npos)
                            each.replace(at + 1, port.size(), nodePort);
                    }
                    conf += each + "\n";
                }
            }
            nodeUpstreams = true;
        } else if (upstreamLine(line, &options, &rest)) {
            if (!servers) { // the first upstream line stands for all of them; the others go
                for (std::size_t n = 0; n < nodes.size(); ++n)
                    conf += std::string(n == 0 ? "" : "\n") + "    server 127.0.0.1:" + std::to_string(nodes[n].port)
                        + (nodes[n].down ? " down" : options) + ";" + (n + 1 == nodes.size() ? rest : "");
                conf += '\n';
            }
            servers = true;
        } else if (listenLine(line, &indent)) {
            conf += indent + "listen 127.0.0.1:" + std::to_string(m_port) + ";\n";
            listen = true;
        } else if (to < m_template.size() || !line.empty()) {
            conf += line + (to < m_template.size() ? "\n" : "");
        }
        from = to + 1;
    }
    if (!servers || !listen) {
        *error = "the nginx config has no 'server 127.0.0.1:PORT ...;' upstream line or no 'listen 8080;'";
        return false;
    }
    const std::string main = std::string(::geteuid() == 0 ? "user root;\n" : "") + "daemon off;\n"
        + "worker_processes 2;\n" + "pid " + m_dir + "/nginx.pid;\n" + "error_log " + m_dir + "/error.log warn;\n"
        + "events { worker_connections 4096; }\n" + "http {\n" + "    access_log off;\n" + "    client_body_temp_path "
        + m_dir + "/client_body;\n" + "    proxy_temp_path " + m_dir + "/proxy;\n" + "    fastcgi_temp_path " + m_dir
        + "/fastcgi;\n" + "    uwsgi_temp_path " + m_dir + "/uwsgi;\n" + "    scgi_temp_path " + m_dir + "/scgi;\n"
        + "    include " + m_dir + "/usherd-cluster.conf;\n" + "}\n";
    return writeFile(m_dir + "/usherd-cluster.conf", conf, error) && writeFile(m_dir + "/nginx.conf", main, error);
}

bool PgClusterNginx::start(const std::string& templatePath, const std::vector<Node>& nodes, std::string* error)
{
    m_binary = binary();
    if (m_binary.empty()) {
        *error = "no nginx (set USHER_NGINX, or install Debian's nginx: scripts/install-deps)";
        return false;
    }
    std::ifstream in(templatePath);
    std::stringstream text;
    text << in.rdbuf();
    m_template = text.str();
    if (!in || m_template.empty()) {
        *error = "cannot read " + templatePath;
        return false;
    }
    char dir[] = "/tmp/usher-nginx-XXXXXX";
    if (::mkdtemp(dir) == nullptr) {
        *error = "cannot create a temporary directory";
        return false;
    }
    m_dir = dir;
    m_port = freeLoopbackPort();
    if (m_port == 0 || !writeConfig(nodes, error))
        return false;
    m_pid = spawn(m_binary, { "-p", m_dir + "/", "-c", m_dir + "/nginx.conf", "-e", m_dir + "/error.log" });
    if (m_pid == 0) {
        *error = "cannot start " + m_binary;
        return false;
    }
    for (int i = 0; i < 200; ++i) {
        if (accepts(m_port))
            return true;
        int status = 0;
        if (::waitpid(pid_t(m_pid), &status, WNOHANG) == m_pid) {
            m_pid = 0;
            *error = "nginx exited: " + errorLog();
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    *error = "nginx does not accept connections on port " + std::to_string(m_port) + ": " + errorLog();
    return false;
}

bool PgClusterNginx::reload(const std::vector<Node>& nodes, std::string* error)
{
    if (m_pid == 0) {
        *error = "nginx is not running";
        return false;
    }
    if (!writeConfig(nodes, error))
        return false;
    if (::kill(pid_t(m_pid), SIGHUP) != 0) { // what `nginx -s reload` sends
        *error = "cannot signal nginx";
        return false;
    }
    return true;
}

void PgClusterNginx::stop()
{
    if (m_pid == 0)
        return;
    ::kill(pid_t(m_pid), SIGQUIT); // graceful: the workers finish their requests
    for (int i = 0; i < 200; ++i) {
        int status = 0;
        if (::waitpid(pid_t(m_pid), &status, WNOHANG) == m_pid) {
            m_pid = 0;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid_t(m_pid), SIGKILL);
    int status = 0;
    ::waitpid(pid_t(m_pid), &status, 0);
    m_pid = 0;
}

} // namespace usher::test
