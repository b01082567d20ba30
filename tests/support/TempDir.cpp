#include "support/TempDir.h"

#include "core/Assert.h"

#include <QDir>

namespace usher::test {

TempDir::TempDir()
    : m_dir(QDir::tempPath() + QStringLiteral("/usher-test-XXXXXX"))
{
    USHER_ASSERT(m_dir.isValid());
}

std::string TempDir::path() const
{
    return m_dir.path().toStdString();
}

std::string TempDir::filePath(const std::string& name) const
{
    USHER_ASSERT(!name.empty());
    return m_dir.filePath(QString::fromStdString(name)).toStdString();
}

} // namespace usher::test
