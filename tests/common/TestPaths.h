#pragma once
// Where tests find their data. The shared conformance suites can be moved with the environment
// variable SEALCHECK_CONFORMANCE_DIR; a test whose suite is absent skips with a clear message:
//
//   const QString dir = conformanceDir("openspf-rfc7208");
//   if (dir.isEmpty()) QSKIP("conformance data absent: ...");

#include <QDir>
#include <QFile>
#include <QString>
#include <QtGlobal>

#include <string>

namespace testpaths {

inline QString conformanceRoot()
{
    const QByteArray env = qgetenv("SEALCHECK_CONFORMANCE_DIR");
    return env.isEmpty() ? QString::fromUtf8(SEALCHECK_CONFORMANCE_DIR_DEFAULT) : QString::fromLocal8Bit(env);
}

/// The folder of one suite, or an empty string when it is absent.
inline QString conformanceDir(const QString &suite)
{
    const QString dir = conformanceRoot() + QLatin1Char('/') + suite;
    return QDir(dir).exists() ? QDir(dir).canonicalPath() : QString();
}

inline QString testData(const QString &relative)
{
    return QString::fromUtf8(SEALCHECK_TEST_DATA) + QLatin1Char('/') + relative;
}

inline std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

} // namespace testpaths

#define SEALCHECK_REQUIRE_SUITE(var, suite)                                                         \
    const QString var = testpaths::conformanceDir(QStringLiteral(suite));                           \
    if (var.isEmpty())                                                                              \
        QSKIP(qPrintable(QStringLiteral("conformance suite '%1' not found under %2 (set "          \
                                        "SEALCHECK_CONFORMANCE_DIR to its folder)")                 \
                             .arg(QStringLiteral(suite), testpaths::conformanceRoot())))
