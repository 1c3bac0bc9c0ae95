// `sealcheck-cli scan --set-keywords` against a real Dovecot (tests/common/DovecotServer.h)
// holding the demo mailbox: each message gets its verdict's keyword ($Sealcheck-Forged,
// $Sealcheck-Suspicious, $Sealcheck-Authenticated; none for unauthenticated), read back with
// doveadm; \Seen stays unset; without the option nothing is written.
#include "DovecotServer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

using dovecottest::Dovecot;
using dovecottest::kPassword;
using dovecottest::kUser;

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");
const QString kDemo = QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo");

QString s(const char *text) { return QString::fromUtf8(text); }

} // namespace

class tst_ScanKeywords : public QObject
{
    Q_OBJECT
    Dovecot m_dovecot;
    QString m_skip;
    QStringList m_files;

    /// UID -> the flags doveadm reports.
    QMap<int, QString> flags()
    {
        QByteArray out;
        m_dovecot.doveadm({s("fetch"), s("-u"), kUser, s("uid flags"), s("mailbox"), s("INBOX")}, &out);
        QMap<int, QString> map;
        // "uid: 1\nflags: \Recent $Sealcheck-Forged\n"
        const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
        int uid = 0;
        for (const QString &l : lines) {
            if (l.startsWith(s("uid: ")))
                uid = l.mid(5).trimmed().toInt();
            else if (l.startsWith(s("flags:")))
                map.insert(uid, l.mid(6).trimmed());
        }
        return map;
    }

    /// Runs scan; @p verdicts receives UID -> the verdict of its JSON line.
    int scan(bool setKeywords, QString *err = nullptr, QMap<int, QString> *verdicts = nullptr)
    {
        QFile now(kDemo + s("/NOW"));
        now.open(QIODevice::ReadOnly);
        QStringList args{s("scan"), s("imaps://%1@127.0.0.1:%2/INBOX").arg(kUser).arg(m_dovecot.port),
                         s("--password-file"), m_dovecot.path(s("password")), s("--ca-file"),
                         m_dovecot.path(s("ca.pem")), s("--json"), s("--dns-zone"), kDemo + s("/demo.zone"),
                         s("--now"), QString::fromLatin1(now.readAll().trimmed()), s("--trusted-relay"),
                         s("mx.sealcheck-demo.example"), s("--known-domain"), s("mybank.example")};
        if (setKeywords)
            args << s("--set-keywords");
        QProcess p;
        p.start(kCli, args);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000))
            return -1;
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString source = o.value(s("source")).toString();
            if (verdicts && source.contains(s(";UID=")))
                verdicts->insert(source.section(s(";UID="), 1).toInt(), o.value(s("verdict")).toString());
        }
        return p.exitCode();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kCli), qPrintable(s("build sealcheck-cli first: ") + kCli));
        m_skip = m_dovecot.setUp();
        if (!m_skip.isEmpty())
            return;
        m_files = QDir(kDemo + s("/messages")).entryList({s("*.eml")}, QDir::Files, QDir::Name);
        for (const QString &f : m_files) {
            QFile file(kDemo + s("/messages/") + f);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(m_dovecot.deliver(file.readAll()));
        }
        m_files << s("(unauthenticated: example.com publishes no DMARC in the demo zone)");
        QVERIFY(m_dovecot.deliver(dovecottest::message(1)));
        QFile pw(m_dovecot.path(s("password")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(kPassword.toUtf8() + "\n");
    }

    void cleanupTestCase() { m_dovecot.stop(); }

    void nothingWithoutTheOption()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        QString err;
        QCOMPARE(scan(false, &err), 0);
        const auto f = flags();
        QCOMPARE(f.size(), int(m_files.size()));
        for (auto it = f.cbegin(); it != f.cend(); ++it)
            QVERIFY2(!it->contains(s("$")) && !it->contains(s("\\Seen")), qPrintable(it.value()));
    }

    void keywordsByVerdict()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        QString err;
        QMap<int, QString> verdicts;
        QVERIFY2(scan(true, &err, &verdicts) == 0, qPrintable(err));
        QCOMPARE(verdicts.size(), int(m_files.size()));
        // The demo holds every verdict but not-checked (resources/demo/README.md).
        for (const char *v : {"forged", "suspicious", "authenticated", "unauthenticated"})
            QVERIFY2(verdicts.values().contains(s(v)), v);
        const QMap<QString, QString> keywordOf{{s("forged"), s("$Sealcheck-Forged")},
                                               {s("suspicious"), s("$Sealcheck-Suspicious")},
                                               {s("authenticated"), s("$Sealcheck-Authenticated")}};
        const auto f = flags();
        QCOMPARE(f.size(), int(m_files.size()));
        for (int i = 0; i < m_files.size(); ++i) {
            const QString name = m_files[i] + s(" (") + verdicts.value(i + 1) + s(")");
            const QString flagsOf = f.value(i + 1);
            const QString want = keywordOf.value(verdicts.value(i + 1));
            const QStringList keywords = flagsOf.split(QLatin1Char(' '), Qt::SkipEmptyParts).filter(QRegularExpression(s("^\\$")));
            QVERIFY2(keywords == (want.isEmpty() ? QStringList() : QStringList{want}), qPrintable(name + s(": ") + flagsOf));
            QVERIFY2(!flagsOf.contains(s("\\Seen")), qPrintable(name + s(": ") + flagsOf));
        }
        // Scanning again adds nothing new: a keyword is a set member, not a counter.
        QCOMPARE(scan(true), 0);
        QCOMPARE(flags(), f);
    }
};

QTEST_GUILESS_MAIN(tst_ScanKeywords)
#include "tst_scankeywords.moc"
