#pragma once
// Running the built sealcheck-cli as a mail program or Thunderbird does (tst_filtercli,
// tst_nativehost): arguments, bytes on standard input, standard input closed, a bounded wait.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace clitest {

struct CliRun
{
    int exitCode = -1; ///< -1: did not start, did not finish in time, or crashed
    QByteArray out;
    QString err;
};

inline CliRun runCli(const QString &program, const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(program, args);
    CliRun r;
    if (!p.waitForStarted(5000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace clitest
