// Issue 20 in the desktop program, as a user reads it (offscreen): the list's Security column
// and the banner say who is authenticated ("✓ mybank.example", "via sendgrid.net"), a failure
// to check is "Not checked" with its cause and a Retry, the security tab starts with a summary
// in plain words, and the technical notes are one click away instead of under the headline.
// Reports are made here directly (the fields the verdict engine fills: authenticatedDomain,
// via, userException, Verdict::NotChecked).

#include "CheckSummary.h"
#include "FindingText.h"
#include "InspectorModel.h"
#include "MessageColumns.h"
#include "SecurityPanel.h"
#include "VerdictBanner.h"
#include "VerdictLabel.h"
#include "VerdictStyle.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QRegularExpression>
#include <QTreeWidget>

using namespace sealcheck::ui;
using namespace verifier;

namespace {

Finding finding(FindingCode code, std::vector<std::string> args, std::string text = {})
{
    Finding f;
    f.code = code;
    f.args = std::move(args);
    f.text = std::move(text);
    return f;
}

Report authenticatedBank()
{
    Report r;
    r.verdict = Verdict::Authenticated;
    r.from.domain = "mybank.example";
    r.from.address = "statements@mybank.example";
    r.from.kind = AddressListKind::One;
    r.authenticatedDomain = "mybank.example";
    r.reasons = {finding(FindingCode::DmarcPassDkim, {"mybank.example"})};
    return r;
}

QString listText(const Report &r, int role = Qt::DisplayRole)
{
    InspectorModel model;
    const qint64 key = model.addMessage(QStringLiteral("x.eml"), QByteArrayLiteral("From: a@b.example\r\n\r\nx"));
    model.setReport(key, r);
    return model.index(0, VerdictColumn).data(role).toString();
}

/// With SEALCHECK_SHOTS=DIR, saves what the widget shows (to look at it, not to compare).
void shot(QWidget &w, const char *name)
{
    const QString dir = qEnvironmentVariable("SEALCHECK_SHOTS");
    if (!dir.isEmpty()) {
        w.resize(720, w.sizeHint().height() + 200);
        w.grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }
}

} // namespace

class tst_VerdictDisplay : public QObject
{
    Q_OBJECT
private slots:
    void authenticatedSaysWho()
    {
        Report r = authenticatedBank();
        QCOMPARE(listText(r), QStringLiteral("✓ mybank.example"));
        VerdictBanner banner;
        banner.showReport(r);
        QCOMPARE(banner.headline(), QStringLiteral("✓ mybank.example — This message really comes from mybank.example."));

        r.via = "sendgrid.net";
        QCOMPARE(listText(r), QStringLiteral("✓ mybank.example via sendgrid.net"));
        banner.showReport(r);
        QVERIFY2(banner.headline().startsWith(QStringLiteral("✓ mybank.example via sendgrid.net — ")),
                 qPrintable(banner.headline()));
        QVERIFY(banner.headline().contains(QStringLiteral("sendgrid.net delivered it on its behalf")));

        // Before the engine fills authenticatedDomain: the From domain.
        r.authenticatedDomain.clear();
        r.via.clear();
        QCOMPARE(listText(r), QStringLiteral("✓ mybank.example"));
    }

    void forgedStaysRed()
    {
        Report r;
        r.verdict = Verdict::Forged;
        r.from.domain = "mybank.example";
        QCOMPARE(listText(r), QStringLiteral("Forged"));
        InspectorModel model;
        model.setReport(model.addMessage(QStringLiteral("x.eml"), QByteArrayLiteral("From: a@b.example\r\n\r\nx")), r);
        QCOMPARE(model.index(0, VerdictColumn).data(Qt::ForegroundRole).value<QColor>(),
                 verdictColor(VerdictState::Forged, QApplication::palette()));
        QCOMPARE(verdictColor(VerdictState::Forged, QApplication::palette()), QColor(0xb7, 0x1c, 0x1c));
    }

    void exceptionIsNeverPlainAuthenticated()
    {
        Report r;
        r.verdict = Verdict::Authenticated;
        r.from.domain = "loose.example";
        r.userException = true;
        DkimResult d;
        d.result = AuthResult::Pass;
        d.domain = "evil.example";
        d.acceptedSigner = true;
        r.dkim = {d};
        r.reasons = {finding(FindingCode::AcceptedSigner, {"evil.example", "loose.example"})};
        QCOMPARE(listText(r), QStringLiteral("✓ signed by evil.example for loose.example — your exception"));
        QVERIFY(!listText(r, Qt::ToolTipRole).contains(QStringLiteral("really comes from")));
        VerdictBanner banner;
        banner.showReport(r);
        QVERIFY(banner.headline().startsWith(QStringLiteral("✓ signed by evil.example for loose.example — your exception")));
        QVERIFY(banner.headline().contains(QStringLiteral("loose.example itself does not confirm this message")));
        // The same report without the flag (the engine before issue 20): still the exception.
        r.userException = false;
        QVERIFY(isUserException(r));
    }

    void notCheckedIsNotAVerdict()
    {
        Report r;
        r.verdict = Verdict::NotChecked;
        r.from.domain = "mybank.example";
        r.reasons = {finding(FindingCode::NotCheckedDns, {"DMARC", "_dmarc.mybank.example", "timeout"})};
        QCOMPARE(listText(r), QStringLiteral("Not checked"));
        QCOMPARE(stateOf(Verdict::NotChecked), VerdictState::NotChecked);
        QCOMPARE(stateFromName(QStringLiteral("not-checked")), VerdictState::NotChecked);
        // Its own icon and colour, not the grey "checking…" nor unauthenticated.
        const QImage own = verdictIcon(VerdictState::NotChecked).pixmap(16, 16).toImage();
        QVERIFY(!own.isNull());
        QVERIFY(own != verdictIcon(VerdictState::Pending).pixmap(16, 16).toImage());
        QVERIFY(own != verdictIcon(VerdictState::Unauthenticated).pixmap(16, 16).toImage());
        const QPalette p = QApplication::palette();
        QVERIFY(verdictColor(VerdictState::NotChecked, p) != verdictColor(VerdictState::Pending, p));
        QVERIFY(verdictColor(VerdictState::NotChecked, p) != verdictColor(VerdictState::Unauthenticated, p));

        VerdictBanner banner;
        banner.show();
        banner.showReport(r);
        QVERIFY2(banner.headline().startsWith(QStringLiteral("Not checked — This message could not be checked now")),
                 qPrintable(banner.headline()));
        QCOMPARE(banner.reasons(), QStringList{QStringLiteral(
                                       "Not checked: the DMARC record of _dmarc.mybank.example could not be looked up "
                                       "(timeout). Try again later.")});
        QVERIFY(banner.retryButton()->isVisible());
        shot(banner, "not-checked");
        QSignalSpy retry(&banner, &VerdictBanner::retryRequested);
        QTest::mouseClick(banner.retryButton(), Qt::LeftButton);
        QCOMPARE(retry.count(), 1);
        banner.showReport(authenticatedBank());
        QVERIFY(!banner.retryButton()->isVisible());
    }

    void technicalNotesAreOneClickAway()
    {
        Report r = authenticatedBank();
        r.warnings = {finding(FindingCode::DnsNotSecure, {}),
                      finding(FindingCode::UntrustedAuthResults, {"2", "mx.other.example"}),
                      finding(FindingCode::Other, {"iprev permerror: no PTR"}, "iprev permerror: no PTR"),
                      finding(FindingCode::KeyChanged, {"mybank.example", "s2026"})};
        VerdictBanner banner;
        banner.show();
        banner.showReport(r);
        // Under the headline: what decides the verdict, and the warning that matters.
        const QString shown = banner.reasons().join(QLatin1Char('\n'));
        QVERIFY2(!shown.contains(QStringLiteral("DNSSEC")) && !shown.contains(QStringLiteral("Authentication-Results"))
                     && !shown.contains(QStringLiteral("reverse DNS")),
                 qPrintable(shown));
        QCOMPARE(banner.technicalNotes().size(), 3);
        QVERIFY(banner.notesButton()->isVisible());
        // "3 technical notes" with the English plural forms (translations/sealcheck_en.ts).
        QVERIFY2(banner.notesButton()->text().startsWith(QStringLiteral("3 technical note")),
                 qPrintable(banner.notesButton()->text()));
        QVERIFY(!banner.notesLabel()->isVisible());
        QTest::mouseClick(banner.notesButton(), Qt::LeftButton);
        QVERIFY(banner.notesLabel()->isVisible());
        QVERIFY(banner.notesLabel()->text().contains(QStringLiteral("not protected by DNSSEC")));
        QVERIFY(banner.notesLabel()->text().contains(QStringLiteral("reverse DNS name does not lead back")));
        QVERIFY(!banner.notesLabel()->text().contains(QStringLiteral("iprev permerror: no PTR")));
        // The key change stays under the headline.
        QVERIFY(findingText(r.warnings[3]).size() > 0);
        QVERIFY(banner.reasons().contains(QStringLiteral("⚠ ") + findingText(r.warnings[3])) ||
                banner.headline().size() > 0);
        r.warnings.clear();
        banner.showReport(r);
        QVERIFY(!banner.notesButton()->isVisible());
    }

    void securitySummaryInPlainWords()
    {
        Report r = authenticatedBank();
        DkimResult d;
        d.result = AuthResult::Pass;
        d.domain = "mybank.example";
        d.aligned = true;
        r.dkim = {d};
        SpfResult spf;
        spf.evaluated = true;
        spf.result = AuthResult::Pass;
        spf.domain = "mybank.example";
        spf.helo = "mail.mybank.example";
        r.spf = spf;
        DmarcResult dm;
        dm.result = AuthResult::PermError;
        dm.domain = "mybank.example";
        r.dmarc = dm;
        SecurityPanel panel;
        panel.show();
        panel.showReport(r, QByteArrayLiteral("From: a@mybank.example\r\n"));
        const QString summary = panel.summaryLabel()->text();
        QVERIFY2(summary.startsWith(QStringLiteral("✓ Signed by mybank.example\n✓ Sending server allowed by mybank.example\n")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("✗ The policy of mybank.example is broken (DMARC permerror), so it protects nothing")),
                 qPrintable(summary));
        // The HELO name is a claim: apart from the verified lines.
        QVERIFY(!summary.contains(QStringLiteral("mail.mybank.example")));
        QVERIFY(panel.claimedLabel()->isVisible());
        QVERIFY(panel.claimedLabel()->text().contains(QStringLiteral("The sending server called itself mail.mybank.example (HELO)")));
        // Details folded below; no bare "permerror".
        QVERIFY(!panel.checksTree()->topLevelItem(0)->isExpanded());
        shot(panel, "summary");
        QVERIFY2(panel.checksText().contains(QStringLiteral("DMARC: permerror (the published record is broken)")),
                 qPrintable(panel.checksText()));
        QVERIFY(!panel.checksText().contains(QRegularExpression(QStringLiteral("permerror$|permerror\n"))));
    }

    void engineSentencesAreTranslatable()
    {
        // Every new code has its own sentence (not the engine's English).
        const Finding dns = finding(FindingCode::NotCheckedDns, {"DKIM key", "s._domainkey.a.example", "timeout"}, "ENGINE");
        const Finding field = finding(FindingCode::FieldReadAsFrom, {"From "}, "ENGINE");
        const Finding mixed = finding(FindingCode::MixedScriptDomain, {"xn--pple-43d.example", "apple.example"}, "ENGINE");
        for (const Finding &f : {dns, field, mixed})
            QVERIFY2(!findingText(f).contains(QStringLiteral("ENGINE")), qPrintable(findingText(f)));
        // The free-form ones by their fixed forms.
        QCOMPARE(otherText(QStringLiteral("uses DomainKeys, a historic method replaced by DKIM")),
                 QStringLiteral("The message uses DomainKeys, a historic method replaced by DKIM; it is not used for the verdict."));
        QVERIFY(otherText(QStringLiteral("DMARC: record has no p= tag")).startsWith(QStringLiteral("The DMARC policy of the sender's domain is broken")));
    }
};

QTEST_MAIN(tst_VerdictDisplay)
#include "tst_verdictdisplay.moc"
