#pragma once

#include <QTemporaryDir>

#include <string>

namespace usher::test {

// A fresh directory under the system's temporary directory, removed with everything in it when
// the object goes away.
class TempDir {
public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    bool isValid() const { return m_dir.isValid(); }
    std::string path() const;
    std::string filePath(const std::string& name) const;

private:
    QTemporaryDir m_dir;
};

} // namespace usher::test
