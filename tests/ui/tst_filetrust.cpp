// Issue 20, point 8 (offscreen): opened files have trust settings too (Settings › Opened files).
// A saved message carries its provider's Authentication-Results field reporting dmarc=fail under
// p=reject for shop.example.org, whose DMARC record the demo zone does not have: unauthenticated
// while nobody trusts that field, forged — verified again at once — when the user names the
// provider's authentication server for opened files, and unauthenticated again when it is removed.
// The setting is kept (QSettings, "files/").

#include "DesktopTestSupport.h"
#include "FileTrust.h"
#include "FileTrustPage.h"
#include "InspectorModel.h"
#include "MainWindow.h"
#include "MessageView.h"
#include "SettingsDialog.h"
#include "VerdictBanner.h"
#include "VerdictStyle.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace sealcheck;
using namespace sealcheck::ui;
using desktoptest::demoSettings;

namespace {

const QByteArray kProvider = "mx.files.example";

QByteArray providerFailed()
{
    return "Authentication-Results: " + kProvider + "; dmarc=fail policy.dmarc=reject header.from=shop.example.org\r\n"
           "Received: from mail.shop.example.org (mail.shop.example.org [192.0.2.10]) by " + kProvider
        + " with ESMTPS id 1; 23 Nov 2026 10:00:01 +0000\r\n"
          "From: Shop <orders@shop.example.org>\r\nTo: alice@example.org\r\nSubject: Your order\r\n"
          "Message-ID: <1.order@shop.example.org>\r\nDate: 23 Nov 2026 10:00:00 +0000\r\n\r\nYour order.\r\n";
}

VerdictState stateOf(MainWindow &w)
{
    return VerdictState(w.inspectorModel()->index(0, 0).data(VerdictStateRole).toInt());
}

/// Opens Settings from the menu, runs @p interact on its "Opened files" page, then presses OK.
bool editFileTrust(MainWindow &w, const std::function<void(FileTrustPage &)> &interact)
{
    bool onPage = false;
    const bool ran = desktoptest::withSettingsDialog(
        w,
        [&](SettingsDialog &d) {
            for (int i = 0; i < d.pages()->count(); ++i) {
                if (d.pages()->tabText(i) == QStringLiteral("Opened files"))
                    d.pages()->setCurrentIndex(i);
            }
            onPage = d.pages()->currentWidget() == d.fileTrustPage();
            if (onPage)
                interact(*d.fileTrustPage());
        },
        desktoptest::SettingsButton::Ok);
    return ran && onPage;
}

} // namespace

class tst_FileTrust : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QSettings qs;
        FileTrust().store(qs); // nothing trusted from an earlier run
    }

    void trustedAuthservIdChangesTheVerdict()
    {
        const QString file = m_dir.filePath(QStringLiteral("order.eml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(providerFailed());
        f.close();

        MainWindow w;
        // The demo zone, with nothing trusted: what the program verifies files with by default.
        VerificationSettings base = demoSettings();
        base.trust = {};
        w.setVerificationSettings(base);
        w.show();
        w.openFiles({file});
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled() && w.inspectorModel()->rowCount() == 1, 30000);
        QCOMPARE(stateOf(w), VerdictState::Unauthenticated); // the provider's field is not believed

        QVERIFY(editFileTrust(w, [](FileTrustPage &page) {
            QVERIFY(page.authservEdit()->isVisible());
            page.authservEdit()->setPlainText(QString::fromLatin1(kProvider));
        }));
        // Verified again at once with the new trust: the provider saw p=reject fail.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(w), VerdictState::Forged, 30000);
        w.messageList()->setCurrentIndex(w.messageList()->model()->index(0, 0));
        QTRY_VERIFY(w.messageView()->banner()->headline().startsWith(QStringLiteral("Forged")));
        {
            QSettings qs;
            QCOMPARE(FileTrust::load(qs).authservIds, QStringList{QString::fromLatin1(kProvider)});
        }

        // The page shows what is kept; emptied, the field is no longer believed.
        QString shown;
        QVERIFY(editFileTrust(w, [&shown](FileTrustPage &page) {
            shown = page.authservEdit()->toPlainText();
            page.authservEdit()->clear();
        }));
        QCOMPARE(shown, QString::fromLatin1(kProvider));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(w), VerdictState::Unauthenticated, 30000);
    }

    void filesTrustIsNotAnAccountsTrust()
    {
        // The lists for files are added to what files are verified with, and to nothing else.
        FileTrust t;
        t.authservIds = {QStringLiteral("MX.Files.Example"), QStringLiteral("mx.files.example")};
        t.arcSealers = {QStringLiteral("google.com")};
        const VerificationSettings s = t.applyTo(demoSettings());
        QCOMPARE(s.trust.authservIds, (std::vector<std::string>{"mx.sealcheck-demo.example", "mx.files.example"}));
        QCOMPARE(s.trust.arcSealers, std::vector<std::string>{"google.com"});
        QVERIFY(!s.trust.provider);
    }
};

QTEST_MAIN(tst_FileTrust)
#include "tst_filetrust.moc"
