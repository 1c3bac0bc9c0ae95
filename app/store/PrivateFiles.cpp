#include "PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sealcheck {

namespace {

std::string errnoText() { return std::strerror(errno); }

/// Creates @p dir and the missing folders above it, each new one 0700 (mkdir under any umask
/// gives at most 0700 here, and chmod makes it exactly that).
bool makeFolders(const QString &dir, std::string &error)
{
    if (QFileInfo(dir).isDir())
        return true;
    const QString parent = QFileInfo(dir).absolutePath();
    if (parent != dir && !makeFolders(parent, error))
        return false;
    const QByteArray local = QFile::encodeName(dir);
    if (::mkdir(local.constData(), 0700) != 0 && errno != EEXIST) {
        error = "cannot create the folder " + dir.toStdString() + ": " + errnoText();
        return false;
    }
    ::chmod(local.constData(), 0700);
    return true;
}

/// chmod 0600 when the file exists and allows more.
bool tighten(const QString &path, std::string &error)
{
    const QByteArray local = QFile::encodeName(path);
    struct stat st;
    if (::stat(local.constData(), &st) != 0)
        return true; // absent: nothing to fix
    if ((st.st_mode & 0077) == 0)
        return true;
    if (::chmod(local.constData(), 0600) != 0) {
        error = "cannot make " + path.toStdString() + " private (mode 0600): " + errnoText();
        return false;
    }
    return true;
}

} // namespace

verifier::Expected<bool> preparePrivateFile(const QString &path, const QString &defaultFolder)
{
    if (path.isEmpty() || path == QLatin1String(":memory:"))
        return true;
    std::string error;
    const QString folder = QFileInfo(path).absolutePath();
    if (!makeFolders(folder, error))
        return verifier::makeError(error);
    if (!defaultFolder.isEmpty() && QFileInfo(folder) == QFileInfo(defaultFolder)) {
        const QByteArray local = QFile::encodeName(folder);
        struct stat st;
        if (::stat(local.constData(), &st) == 0 && (st.st_mode & 0077) != 0 && ::chmod(local.constData(), 0700) != 0)
            return verifier::makeError("cannot make the folder " + folder.toStdString() + " private (mode 0700): "
                                       + errnoText());
    }
    // O_CREAT with 0600: a new file is private from its first byte, whatever the umask.
    const QByteArray local = QFile::encodeName(path);
    const int fd = ::open(local.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    // (If it cannot be opened, SQLite reports why in a moment.)
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        if (!tighten(path + QLatin1String(suffix), error))
            return verifier::makeError(error);
    }
    return true;
}

} // namespace sealcheck
