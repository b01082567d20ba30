#include "syncclient/DeviceCredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace usher {

namespace {

constexpr const char* kFormat = "usher-sync-device";
constexpr int kVersion = 1;

QString tr(const char* text)
{
    return QCoreApplication::translate("DeviceCredentials", text);
}

std::string fileError(const char* text, const std::string& path, const QString& why = {})
{
    QString message = tr(text).arg(QDir::toNativeSeparators(QString::fromStdString(path)));
    if (!why.isEmpty())
        message = message.arg(why);
    return message.toStdString();
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool isSyncScheme(const QString& scheme)
{
    return scheme == QLatin1String("ws") || scheme == QLatin1String("wss") || scheme == QLatin1String("http")
        || scheme == QLatin1String("https");
}

bool secureScheme(const QString& scheme)
{
    return scheme == QLatin1String("wss") || scheme == QLatin1String("https");
}

QUrl withScheme(const DeviceCredentials& credentials, bool websocket)
{
    QUrl url(QString::fromStdString(credentials.server), QUrl::StrictMode);
    if (!url.isValid() || !isSyncScheme(url.scheme()) || url.host().isEmpty())
        return {};
    const bool secure = secureScheme(url.scheme());
    url.setScheme(websocket ? (secure ? QStringLiteral("wss") : QStringLiteral("ws"))
                            : (secure ? QStringLiteral("https") : QStringLiteral("http")));
    url.setPath(websocket ? QStringLiteral("/sync") : QString());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

// Reads at most kDeviceCredentialsBytesMax + 1 bytes of an open descriptor.
bool readAll(int fd, QByteArray* out)
{
    out->clear();
    char buffer[4096];
    while (std::size_t(out->size()) <= kDeviceCredentialsBytesMax) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        out->append(buffer, n);
    }
    return true;
}

bool writeAll(int fd, const QByteArray& data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, std::size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

CredentialsStatus parse(const QByteArray& bytes, const std::string& path, DeviceCredentials* out, std::string* error)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        //: %1 is a file, %2 what the JSON parser says.
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "The device file %1 is not a JSON object: %2"), path,
                           parseError.errorString());
        return CredentialsStatus::Malformed;
    }
    const QJsonObject o = document.object();
    auto bad = [&](const char* field) {
        //: %1 is a file, %2 a field name.
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "The device file %1 has a missing or invalid “%2”."),
                           path, QString::fromLatin1(field));
        return CredentialsStatus::Malformed;
    };
    if (o.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return bad("format");
    if (o.value(QLatin1String("version")).toInt(-1) != kVersion)
        return bad("version");
    DeviceCredentials c;
    for (const char* field : { "server", "device", "token" }) {
        if (!o.value(QLatin1String(field)).isString())
            return bad(field);
    }
    c.server = o.value(QLatin1String("server")).toString().toStdString();
    c.device = o.value(QLatin1String("device")).toString().toStdString();
    c.token = o.value(QLatin1String("token")).toString().toStdString();
    const double channel = o.value(QLatin1String("channel")).toDouble(-1);
    if (channel < 1 || channel > 65535 || channel != double(std::int64_t(channel)))
        return bad("channel");
    c.channel = ChannelId(channel);
    if (const std::string problem = deviceCredentialsProblem(c); !problem.empty()) {
        //: %1 is a file, %2 what is wrong.
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "The device file %1 is not valid: %2"), path,
                           QString::fromStdString(problem));
        return CredentialsStatus::Malformed;
    }
    *out = std::move(c);
    return CredentialsStatus::Ok;
}

// Owned by us, a regular file; group/other bits repaired. Unsafe with *error otherwise.
CredentialsStatus checkOwnership(int fd, const std::string& path, std::string* error, std::string* warning)
{
    struct stat st { };
    if (::fstat(fd, &st) != 0) {
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "Could not read the device file %1: %2"), path,
                           errnoText(errno));
        return CredentialsStatus::IoError;
    }
    if (!S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) {
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials",
                                             "The device file %1 is not a regular file owned by this user: "
                                             "refusing to use its token."),
                           path);
        return CredentialsStatus::Unsafe;
    }
    if ((st.st_mode & 077) == 0)
        return CredentialsStatus::Ok;
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials",
                                             "The device file %1 is readable by other users and its permissions "
                                             "could not be set to 0600 (%2): refusing to use its token."),
                           path, errnoText(errno));
        return CredentialsStatus::Unsafe;
    }
    *warning = fileError(QT_TRANSLATE_NOOP("DeviceCredentials",
                                           "The device file %1 was readable by other users; its permissions are now "
                                           "0600. Its token may have been read: consider enrolling the device again."),
                         path);
    return CredentialsStatus::Ok;
}

} // namespace

std::string deviceCredentialsPath(const std::string& dataDirectory)
{
    return QDir(QString::fromStdString(dataDirectory))
        .filePath(QString::fromLatin1(kDeviceCredentialsFileName))
        .toStdString();
}

std::string deviceCredentialsProblem(const DeviceCredentials& c)
{
    if (!syncEndpointUrl(c).isValid())
        // QT_TRANSLATE_NOOP: lupdate misreads this function's context (the std:: of its return type).
        return tr(QT_TRANSLATE_NOOP("DeviceCredentials",
                                    "the server must be a ws://, wss://, http:// or https:// address with a host, "
                                    "such as wss://tickets.example.org:8443"))
            .toStdString();
    if (c.device.empty() || c.device.size() > kDeviceTextBytesMax)
        return tr(QT_TRANSLATE_NOOP("DeviceCredentials", "the device name must have 1 to 1,024 bytes")).toStdString();
    if (c.token.empty() || c.token.size() > kDeviceTextBytesMax)
        return tr(QT_TRANSLATE_NOOP("DeviceCredentials", "the token must have 1 to 1,024 bytes")).toStdString();
    if (c.channel == 0)
        return tr(QT_TRANSLATE_NOOP("DeviceCredentials", "the channel must be a number from 1 to 65535")).toStdString();
    return {};
}

CredentialsStatus loadDeviceCredentials(const std::string& path, DeviceCredentials* out, std::string* error,
                                        std::string* warning)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (e == ENOENT) {
            *error = fileError(
                QT_TRANSLATE_NOOP("DeviceCredentials", "This box office is not enrolled with usherd (no %1)."), path);
            return CredentialsStatus::Missing;
        }
        if (e == ELOOP) {
            *error = fileError(
                QT_TRANSLATE_NOOP("DeviceCredentials", "The device file %1 is a symbolic link: refusing to use it."),
                path);
            return CredentialsStatus::Unsafe;
        }
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "Could not read the device file %1: %2"), path,
                           errnoText(e));
        return CredentialsStatus::IoError;
    }
    CredentialsStatus status = checkOwnership(fd, path, error, warning);
    QByteArray bytes;
    if (status == CredentialsStatus::Ok && !readAll(fd, &bytes)) {
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "Could not read the device file %1: %2"), path,
                           errnoText(errno));
        status = CredentialsStatus::IoError;
    }
    ::close(fd);
    if (status != CredentialsStatus::Ok)
        return status;
    if (std::size_t(bytes.size()) > kDeviceCredentialsBytesMax) {
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "The device file %1 is larger than 64 KiB."), path);
        return CredentialsStatus::Malformed;
    }
    return parse(bytes, path, out, error);
}

bool saveDeviceCredentials(const std::string& path, const DeviceCredentials& c, std::string* error)
{
    if (const std::string problem = deviceCredentialsProblem(c); !problem.empty()) {
        *error = problem;
        return false;
    }
    QJsonObject o;
    o.insert(QLatin1String("format"), QLatin1String(kFormat));
    o.insert(QLatin1String("version"), kVersion);
    o.insert(QLatin1String("server"), QString::fromStdString(c.server));
    o.insert(QLatin1String("device"), QString::fromStdString(c.device));
    o.insert(QLatin1String("token"), QString::fromStdString(c.token));
    o.insert(QLatin1String("channel"), int(c.channel));
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);

    const std::string temporary = path + ".tmp";
    ::unlink(temporary.c_str()); // a leftover of a crash; O_EXCL below refuses anything in its place
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "Could not write the device file %1: %2"), path,
                           errnoText(errno));
        return false;
    }
    // The mode given to open() is masked by the umask; make it exactly 0600.
    int e = 0;
    errno = 0;
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0 || !writeAll(fd, bytes) || ::fsync(fd) != 0)
        e = errno != 0 ? errno : EIO;
    if (::close(fd) != 0 && e == 0)
        e = errno;
    if (e == 0 && ::rename(temporary.c_str(), path.c_str()) != 0)
        e = errno;
    if (e != 0) {
        ::unlink(temporary.c_str());
        *error = fileError(QT_TRANSLATE_NOOP("DeviceCredentials", "Could not write the device file %1: %2"), path,
                           errnoText(e));
        return false;
    }
    // The rename is durable once the directory is.
    const std::string directory = QFileInfo(QString::fromStdString(path)).absolutePath().toStdString();
    if (const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

QUrl syncEndpointUrl(const DeviceCredentials& credentials)
{
    return withScheme(credentials, true);
}

QUrl httpBaseUrl(const DeviceCredentials& credentials)
{
    return withScheme(credentials, false);
}

} // namespace usher
