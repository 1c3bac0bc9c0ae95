// The recipes of docs/mail-clients.md, run exactly as the document writes them (the blocks are
// read from the document; only the paths and the demo's verifier options are put in):
//  - procmail: `procmail -m` with the recipe, delivering the demo messages into Maildir folders;
//  - Dovecot Sieve: a real dovecot-lda (Pigeonhole with the extprograms plugin) running the
//    documented sieve_before script, which pipes each message through `sealcheck-cli filter`.
//  - mutt: the documented macro, in a real mutt in a terminal (`script`), on one message.
// Forged mail must land in Forged with Sealcheck's fields, planted copies of them gone;
// authenticated mail in INBOX. Skipped when procmail, dovecot-lda or Pigeonhole are absent, or
// not running as root (Dovecot delivers as the mail user nobody).
#include "DovecotServer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

using dovecottest::Dovecot;
using dovecottest::kUser;

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");
const QString kDemo = QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo");
const QString kDoc = QStringLiteral(SEALCHECK_SOURCE_DIR "/docs/mail-clients.md");

QString s(const char *text) { return QString::fromUtf8(text); }

QString readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll());
}

QByteArray demo(const char *name)
{
    QFile f(kDemo + s("/messages/") + s(name));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

/// The fenced code blocks of the document section that starts with @p heading.
QStringList blocksOf(const QString &heading)
{
    const QString doc = readFile(kDoc);
    const qsizetype start = doc.indexOf(heading);
    if (start < 0)
        return {};
    qsizetype end = doc.indexOf(QRegularExpression(s("\n#{2,3} ")), start + heading.size());
    const QString section = doc.mid(start, end < 0 ? -1 : end - start);
    QStringList blocks;
    QRegularExpression fence(s("```[a-z-]*\n(.*?)```"), QRegularExpression::DotMatchesEverythingOption);
    for (auto it = fence.globalMatch(section); it.hasNext();)
        blocks << it.next().captured(1);
    return blocks;
}

/// The demo's verifier options (resources/demo/README.md), for the filter command lines.
QString demoOptions()
{
    return s("--dns-zone %1/demo.zone --now %2 --trusted-relay mx.sealcheck-demo.example --known-domain mybank.example")
        .arg(kDemo, readFile(kDemo + s("/NOW")).trimmed());
}

/// A forged message with fields planted to look checked by us.
QByteArray plantedForgery()
{
    return "X-Sealcheck-Verdict: authenticated; domain=mybank.example\n"
           "Authentication-Results: mail.home.example; x-sealcheck=authenticated\n"
        + demo("02-forged-bank-spoof.eml");
}

bool run(const QString &program, const QStringList &args, const QByteArray &input,
         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(), QString *err = nullptr)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return false;
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/// The one message file in a Maildir folder's new/ (empty when there is not exactly one).
QByteArray onlyMessage(const QString &maildir)
{
    const QStringList files = QDir(maildir + s("/new")).entryList(QDir::Files);
    if (files.size() != 1)
        return {};
    QFile f(maildir + s("/new/") + files.first());
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class tst_MailRecipes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kCli), qPrintable(s("build sealcheck-cli first: ") + kCli));
        QVERIFY2(QFile::exists(kDoc), qPrintable(kDoc));
    }

    void procmailRecipe()
    {
        const QString procmail = QStandardPaths::findExecutable(s("procmail"));
        if (procmail.isEmpty())
            QSKIP("procmail is not installed (apt install procmail)");
        const QStringList blocks = blocksOf(s("### procmail"));
        QCOMPARE(blocks.size(), 1);
        QString recipe = blocks.first();
        QVERIFY(recipe.contains(s("| sealcheck-cli filter ")));
        recipe.replace(s("| sealcheck-cli filter "), s("| %1 filter %2 ").arg(kCli, demoOptions()));
        QTemporaryDir dir;
        const QString rc = dir.filePath(s("procmailrc"));
        QFile f(rc);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("MAILDIR=%1\nDEFAULT=%1/inbox/\nLOGFILE=%1/log\nSHELL=/bin/sh\n").arg(dir.path()).toUtf8()
                + recipe.toUtf8());
        f.close();
        QString err;
        QVERIFY2(run(procmail, {s("-m"), rc}, plantedForgery(), QProcessEnvironment::systemEnvironment(), &err),
                 qPrintable(err + readFile(dir.filePath(s("log")))));
        QVERIFY2(run(procmail, {s("-m"), rc}, demo("01-authenticated-bank.eml")), qPrintable(readFile(dir.filePath(s("log")))));
        QVERIFY2(run(procmail, {s("-m"), rc}, demo("05-suspicious-lookalike.eml")), qPrintable(readFile(dir.filePath(s("log")))));

        const QByteArray forged = onlyMessage(dir.filePath(s("Forged")));
        QVERIFY2(forged.contains("\nX-Sealcheck-Verdict: forged; domain=mybank.example\n"), forged.constData());
        QVERIFY(forged.contains("x-sealcheck=forged"));
        QVERIFY(!forged.contains("x-sealcheck=authenticated") && !forged.contains("Verdict: authenticated"));
        QVERIFY(forged.contains("\n" + demo("02-forged-bank-spoof.eml"))); // procmail may add a final empty line
        const QByteArray suspicious = onlyMessage(dir.filePath(s("Suspicious")));
        QVERIFY2(suspicious.contains("\nX-Sealcheck-Verdict: suspicious; domain=rnybank.example\n"), suspicious.constData());
        const QByteArray inbox = onlyMessage(dir.filePath(s("inbox")));
        QVERIFY2(inbox.contains("\nX-Sealcheck-Verdict: authenticated; domain=mybank.example\n"), inbox.constData());
    }

    // The mutt macro: mutt itself (read-only, in a terminal that `script` gives it) opens an mbox,
    // the macro's key is pressed (a `push` in the muttrc), and what the person sees on the screen
    // must name the verdict.
    void muttMacro_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("forged") << s("02-forged-bank-spoof.eml") << s("Verdict:  FORGED");
        QTest::newRow("authenticated") << s("01-authenticated-bank.eml") << s("Verdict:  AUTHENTICATED");
    }

    void muttMacro()
    {
        QFETCH(QString, message);
        QFETCH(QString, verdict);
        const QString mutt = QStandardPaths::findExecutable(s("mutt"));
        const QString script = QStandardPaths::findExecutable(s("script"));
        if (mutt.isEmpty() || script.isEmpty())
            QSKIP("mutt or script is not installed (apt install mutt bsdutils)");
        const QStringList blocks = blocksOf(s("### mutt / neomutt"));
        QVERIFY(!blocks.isEmpty());
        QString macro = blocks.first().trimmed();
        QVERIFY2(macro.startsWith(s("macro index,pager \\cv \"<pipe-message>sealcheck-cli verify ")), qPrintable(macro));
        macro.replace(s("sealcheck-cli verify "), s("%1 verify %2 ").arg(kCli, demoOptions()));
        QTemporaryDir dir;
        QFile box(dir.filePath(s("box.mbox")));
        QVERIFY(box.open(QIODevice::WriteOnly));
        box.write("From sender@example.org Fri Nov 20 10:00:00 2026\n" + demo(message.toUtf8().constData()) + "\n");
        box.close();
        QFile rc(dir.filePath(s("muttrc")));
        QVERIFY(rc.open(QIODevice::WriteOnly));
        // The key the macro binds, then "x" twice: one for "Press any key", one to leave mutt.
        rc.write(QStringLiteral("set folder=%1\nset spoolfile=%2\nset mbox_type=mbox\n%3\npush \"\\cvxx\"\n")
                     .arg(dir.path(), box.fileName(), macro)
                     .toUtf8());
        rc.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(s("HOME"), dir.path());
        env.insert(s("TERM"), s("xterm"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(script, {s("-qfec"), s("%1 -n -R -F %2 -f %3").arg(mutt, rc.fileName(), box.fileName()), s("/dev/null")});
        QVERIFY(p.waitForStarted(5000));
        p.closeWriteChannel();
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished(5000);
            QFAIL(qPrintable(s("mutt did not finish: ") + QString::fromUtf8(p.readAll())));
        }
        const QString screen = QString::fromUtf8(p.readAll());
        QVERIFY2(screen.contains(verdict), qPrintable(screen));
        QVERIFY2(screen.contains(QRegularExpression(s("From: +\"My Bank"))), qPrintable(screen));
    }

    void sieveRecipe()
    {
        const QString lda = s("/usr/lib/dovecot/dovecot-lda");
        if (!QFile::exists(lda))
            QSKIP("dovecot-lda is not installed (apt install dovecot-core)");
        if (!QFile::exists(s("/usr/lib/dovecot/modules/sieve/lib90_sieve_extprograms_plugin.so")))
            QSKIP("Pigeonhole is not installed (apt install dovecot-sieve dovecot-lmtpd)");
        Dovecot dovecot;
        const QString skip = dovecot.setUp();
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));

        const QStringList blocks = blocksOf(s("### Dovecot Sieve"));
        QCOMPARE(blocks.size(), 3); // the configuration, the filter program, the Sieve script
        const QString filterDir = dovecot.path(s("sieve-filter"));
        const QString script = dovecot.path(s("sieve/sealcheck.sieve"));
        QDir().mkpath(filterDir);
        QDir().mkpath(dovecot.path(s("sieve")));
        QString conf = blocks[0];
        conf.replace(s("/usr/local/lib/dovecot/sieve-filter"), filterDir);
        conf.replace(s("/etc/dovecot/sieve/sealcheck.sieve"), script);
        QFile c(dovecot.conf);
        QVERIFY(c.open(QIODevice::Append));
        c.write("\n" + conf.toUtf8());
        c.close();
        QString program = blocks[1];
        QVERIFY(program.contains(s("exec sealcheck-cli filter ")));
        program.replace(s("exec sealcheck-cli filter "), s("exec %1 filter %2 ").arg(kCli, demoOptions()));
        QFile p(filterDir + s("/sealcheck"));
        QVERIFY(p.open(QIODevice::WriteOnly));
        p.write(program.toUtf8());
        p.close();
        p.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                         | QFile::ReadOther | QFile::ExeOther);
        QFile sv(script);
        QVERIFY(sv.open(QIODevice::WriteOnly));
        sv.write(blocks[2].toUtf8());
        sv.close();
        // Compiled here, as root: the mail user cannot write beside the script.
        QString err;
        QVERIFY2(run(s("sievec"), {s("-c"), dovecot.conf, script}, {}, QProcessEnvironment::systemEnvironment(), &err),
                 qPrintable(err));

        auto deliver = [&](const QByteArray &msg) {
            QString e;
            const bool ok = run(lda, {s("-c"), dovecot.conf, s("-d"), kUser, s("-f"), s("bounce@mybank.example")}, msg,
                                QProcessEnvironment::systemEnvironment(), &e);
            if (!ok)
                qWarning("dovecot-lda: %s\n%s", qPrintable(e), qPrintable(readFile(dovecot.path(s("dovecot.log")))));
            return ok;
        };
        QVERIFY(deliver(plantedForgery()));
        QVERIFY(deliver(demo("01-authenticated-bank.eml")));
        QVERIFY(deliver(toCrlf(demo("05-suspicious-lookalike.eml"))));

        auto headers = [&](const QString &mailbox) {
            QByteArray out;
            dovecot.doveadm({s("fetch"), s("-u"), kUser, s("hdr"), s("mailbox"), mailbox}, &out);
            return out;
        };
        const QByteArray forged = headers(s("Forged"));
        QVERIFY2(forged.contains("X-Sealcheck-Verdict: forged; domain=mybank.example"),
                 (forged + readFile(dovecot.path(s("dovecot.log"))).toUtf8()).constData());
        QVERIFY(forged.contains("x-sealcheck=forged"));
        QVERIFY2(!forged.contains("Verdict: authenticated") && !forged.contains("x-sealcheck=authenticated"), forged.constData());
        const QByteArray suspicious = headers(s("Suspicious"));
        QVERIFY2(suspicious.contains("X-Sealcheck-Verdict: suspicious; domain=rnybank.example"), suspicious.constData());
        const QByteArray inbox = headers(s("INBOX"));
        QVERIFY2(inbox.contains("X-Sealcheck-Verdict: authenticated; domain=mybank.example"), inbox.constData());
        QCOMPARE(inbox.count("X-Sealcheck-Verdict"), 1);
        dovecot.stop();
    }

private:
    static QByteArray toCrlf(QByteArray lf) { return lf.replace("\n", "\r\n"); }
};

QTEST_GUILESS_MAIN(tst_MailRecipes)
#include "tst_mailrecipes.moc"
