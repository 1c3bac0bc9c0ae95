// What was signed is shown with the text (issue 20, point 4): text past a DKIM l= and parts
// outside an S/MIME or OpenPGP signed part sit below the signed text under a native banner, and
// every copy of a duplicated Subject is shown, in the message view and in the list. The messages
// are the signed test data of tests/data (dkim, pgp, smime), verified for real (DKIM keys from
// an in-memory zone, gpg in a throw-away GNUPGHOME, the test CA); the l= mapping itself is
// checked on hand-made bodies (app/core/ShownText.h).

#include "InspectorModel.h"
#include "MessageColumns.h"
#include "MessageView.h"
#include "ShownText.h"
#include "Verdict.h"
#include "TestPaths.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include "../dkim/DkimTestDns.h"
#include "../pgp/GpgTestHome.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using sealcheck::BodyCoverage;
using sealcheck::ui::MessageView;

Q_DECLARE_METATYPE(BodyCoverage)

namespace {

QByteArray readData(const QString &name)
{
    const std::string bytes = testpaths::readFile(testpaths::testData(name));
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

/// The DKIM test data's keys, verified at its `now` (tests/data/dkim/expected.txt).
verifier::Report verifyDkim(const QByteArray &raw)
{
    static verifier::ZoneResolver zone;
    static bool loaded = false;
    if (!loaded) {
        dkimtest::loadDnsFile(zone, testpaths::readFile(testpaths::testData(QStringLiteral("dkim/dns.txt"))));
        loaded = true;
    }
    verifier::VerifyContext context;
    context.resolver = &zone;
    context.now = 1790003600;
    context.signatures.useSystemCa = false;
    context.signatures.enableOpenPgp = false;
    auto m = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())));
    if (!m)
        qFatal("test message does not parse");
    return verifier::verify(*m, context);
}

/// SEALCHECK_GRAB_DIR=DIR saves what the view shows, to look at (not compared).
void grab(QWidget &view, const QString &name)
{
    const QString dir = qEnvironmentVariable("SEALCHECK_GRAB_DIR");
    QTest::qWait(50); // the layout, as the event loop would run it
    if (!dir.isEmpty())
        view.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QString plain(QString text) { return text.remove(QLatin1Char('\r')).trimmed(); }

bool hasFinding(const verifier::Report &r, verifier::FindingCode code)
{
    for (const auto &f : r.reasons)
        if (f.code == code)
            return true;
    return false;
}

/// A message whose body is @p body, with @p header lines.
QByteArray message(const QByteArray &header, const QByteArray &body)
{
    return "From: Bank <info@bank.example>\r\nSubject: Statement\r\nMIME-Version: 1.0\r\n" + header + "\r\n" + body;
}

BodyCoverage lengthCoverage(uint64_t l, bool relaxed = false)
{
    BodyCoverage c;
    c.kind = BodyCoverage::Kind::DkimLength;
    c.signer = "bank.example";
    c.signedLength = l;
    c.relaxedBody = relaxed;
    return c;
}

} // namespace

class tst_SignedText : public QObject
{
    Q_OBJECT
private slots:
    /// The l= attack: a DKIM-signed message with text appended after the signed length. The
    /// message view shows the signed text, then the banner and the appended text apart.
    void dkimLengthTailIsMarked()
    {
        QByteArray raw = readData(QStringLiteral("dkim/bodylength-appended.eml"));
        // Past l= anything may be written without breaking the signature.
        raw.replace("Appended by an attacker: call +1 555 0100", "P.S. our bank details changed: IBAN XX00 9999");
        const verifier::Report report = verifyDkim(raw);
        QCOMPARE(report.dkim.size(), size_t(1));
        QCOMPARE(report.dkim[0].result, verifier::AuthResult::Pass);
        QVERIFY(hasFinding(report, verifier::FindingCode::PartialDkimCoverage));

        MessageView view;
        view.resize(800, 600);
        view.show();
        // Before the report: the text as it is, nothing marked.
        view.showMessage(raw, std::nullopt);
        QTRY_VERIFY(!view.bodyLoading());
        QVERIFY(view.bodyView()->toPlainText().contains(QStringLiteral("P.S. our bank details changed")));
        QVERIFY(!view.unsignedBanner()->isVisibleTo(&view));
        // The report arrives: the same message is split.
        view.showMessage(raw, report);
        QTRY_VERIFY(!view.bodyLoading());
        const QString body = view.bodyView()->toPlainText();
        QVERIFY2(body.contains(QStringLiteral("the figures")), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("Regards, Alice")), qPrintable(body));
        QVERIFY2(!body.contains(QStringLiteral("bank details")), qPrintable(body));
        QVERIFY(view.unsignedView()->isVisibleTo(&view));
        QVERIFY(view.unsignedBanner()->isVisibleTo(&view));
        QCOMPARE(view.unsignedBanner()->text().section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("Added after signing — not from example.com"));
        QCOMPARE(view.signedLabel()->text(), QStringLiteral("Signed by example.com"));
        const QString tail = view.unsignedView()->toPlainText();
        QVERIFY2(tail.contains(QStringLiteral("P.S. our bank details changed: IBAN XX00 9999")), qPrintable(tail));
        QVERIFY2(!tail.contains(QStringLiteral("Regards")), qPrintable(tail));
        QCOMPARE(view.shownChars(), view.totalChars());
        grab(view, QStringLiteral("dkim-length"));
    }

    /// A huge appended tail is bounded like the body (issue 24): its first part at once, the
    /// rest with "Show the whole message", after the signed text.
    void hugeTailIsBounded()
    {
        const QByteArray signedBody = "Your statement is ready.\r\n";
        QByteArray tail;
        while (tail.size() < 600 * 1024)
            tail += "P.S. our bank details changed.\r\n";
        const QByteArray raw = message("Content-Type: text/plain\r\n", signedBody + tail);
        verifier::Report report;
        report.verdict = verifier::Verdict::Suspicious;
        verifier::DkimResult k;
        k.result = verifier::AuthResult::Pass;
        k.domain = "bank.example";
        k.bodyLengthLimit = uint64_t(signedBody.size());
        k.bodyLength = uint64_t(signedBody.size() + tail.size());
        k.canonicalization = "simple/simple";
        k.signedHeaders = {"from", "content-type"};
        report.dkim = {k};
        report.reasons.push_back(verifier::makeFinding(verifier::FindingCode::PartialDkimCoverage,
                                                       {"bank.example", std::to_string(tail.size()), ""}));
        MessageView view;
        view.resize(800, 600);
        view.show();
        view.showMessage(raw, report);
        QTRY_VERIFY_WITH_TIMEOUT(!view.bodyLoading(), 20000);
        QCOMPARE(plain(view.bodyView()->toPlainText()), QStringLiteral("Your statement is ready."));
        QVERIFY(view.unsignedView()->toPlainText().size() <= MessageView::kInitialChars);
        QVERIFY(view.shownChars() < view.totalChars());
        QVERIFY(view.showWholeButton()->isVisibleTo(&view));
        QTest::mouseClick(view.showWholeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!view.bodyLoading(), 20000);
        QCOMPARE(view.shownChars(), view.totalChars());
        QCOMPARE(plain(view.bodyView()->toPlainText()), QStringLiteral("Your statement is ready."));
        QCOMPARE(view.unsignedView()->toPlainText().count(QStringLiteral("P.S. our bank details changed.")),
                 int(tail.count("P.S. our bank details changed.")));
        QVERIFY(!view.showWholeButton()->isVisibleTo(&view));
    }

    /// A message signed whole shows no banner, with or without its report.
    void wholeSignatureIsNotMarked()
    {
        const QByteArray raw = readData(QStringLiteral("dkim/good-rsa-relaxed.eml"));
        const verifier::Report report = verifyDkim(raw);
        QCOMPARE(report.dkim.at(0).result, verifier::AuthResult::Pass);
        MessageView view;
        view.show();
        view.showMessage(raw, report);
        QTRY_VERIFY(!view.bodyLoading());
        QVERIFY(!view.unsignedBanner()->isVisibleTo(&view));
        QVERIFY(!view.unsignedView()->isVisibleTo(&view));
        QVERIFY(!view.signedLabel()->isVisibleTo(&view));
        QVERIFY(!view.bodyView()->toPlainText().trimmed().isEmpty());
    }

    /// l= mapped to the displayed text: quoted-printable, base64, a part appended to a
    /// multipart body, a line only partly signed, an unsigned Content-Type.
    void lengthMapping_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<BodyCoverage>("coverage");
        QTest::addColumn<QString>("signedText");
        QTest::addColumn<QString>("unsignedText");

        const QByteArray qpSigned = "Dear customer, your =\r\nstatement is ready.\r\nKind regards\r\n";
        const QByteArray qp = message("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                                      qpSigned + "P.S. new IBAN: M=C3=BCller XX00\r\n");
        QTest::newRow("quoted-printable") << qp << lengthCoverage(uint64_t(qpSigned.size()))
                                          << "Dear customer, your statement is ready.\nKind regards"
                                          << QStringLiteral("P.S. new IBAN: Müller XX00");
        // l= ends inside "P.S.": that line counts as not signed.
        QTest::newRow("line-partly-signed") << qp << lengthCoverage(uint64_t(qpSigned.size() + 4))
                                            << "Dear customer, your statement is ready.\nKind regards"
                                            << QStringLiteral("P.S. new IBAN: Müller XX00");

        // base64 in lines of 76: 57 bytes per line; the signed text ends at its last line break.
        const QByteArray lines = QByteArray("signed line\n").repeated(10);
        const QByteArray b64 = lines.toBase64();
        QByteArray wrapped;
        for (qsizetype i = 0; i < b64.size(); i += 76)
            wrapped += b64.mid(i, 76) + "\r\n";
        const QByteArray base64 = message("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n", wrapped);
        QTest::newRow("base64") << base64 << lengthCoverage(78) // the first line: 57 bytes, 4 whole lines
                                << QString::fromLatin1(QByteArray("signed line\n").repeated(4)).trimmed()
                                << QString::fromLatin1(QByteArray("signed line\n").repeated(6)).trimmed();

        // multipart: the signer's body ended before its closing boundary; a part was appended.
        const QByteArray signedBody = "--b\r\nContent-Type: text/plain\r\n\r\nYour statement is ready.\r\n";
        const QByteArray multipart = message("Content-Type: multipart/mixed; boundary=\"b\"\r\n",
                                             signedBody + "--b\r\nContent-Type: text/html\r\n\r\n<p>Our bank details changed.</p>\r\n--b--\r\n");
        QTest::newRow("multipart-appended-part") << multipart << lengthCoverage(uint64_t(signedBody.size()))
                                                 << "Your statement is ready." << "Our bank details changed.";

        // h= does not sign Content-Type: how the bytes are read is not signed, so none of them are.
        BodyCoverage unsignedType = lengthCoverage(uint64_t(signedBody.size()));
        unsignedType.contentTypeSigned = false;
        QTest::newRow("content-type-not-signed") << multipart << unsignedType << QString()
                                                 << "Your statement is ready.\n\nOur bank details changed.";
    }
    void lengthMapping()
    {
        QFETCH(QByteArray, raw);
        QFETCH(BodyCoverage, coverage);
        QFETCH(QString, signedText);
        QFETCH(QString, unsignedText);
        const sealcheck::ShownText shown = sealcheck::makeShownText(raw, coverage);
        QCOMPARE(plain(shown.text), signedText);
        QCOMPARE(plain(shown.unsignedText), unsignedText);
    }

    /// Which evidence splits the text, from the report alone: the verdict's l= finding; the best
    /// passing signature when nothing authenticates the message; never an l= that the verdict
    /// did not weigh because something else covers everything (aligned SPF).
    void coverageFromReport()
    {
        verifier::DkimResult partial;
        partial.result = verifier::AuthResult::Pass;
        partial.domain = "bank.example";
        partial.bodyLengthLimit = 40;
        partial.bodyLength = 90;
        partial.canonicalization = "relaxed/relaxed";
        partial.signedHeaders = {"from", "subject", "Content-Type"};
        verifier::DkimResult whole = partial;
        whole.domain = "esp.example";
        whole.bodyLengthLimit.reset();

        verifier::Report suspicious;
        suspicious.verdict = verifier::Verdict::Suspicious;
        suspicious.dkim = {partial};
        suspicious.reasons.push_back(verifier::makeFinding(verifier::FindingCode::PartialDkimCoverage, {"bank.example", "50", ""}));
        BodyCoverage c = sealcheck::bodyCoverage(suspicious);
        QCOMPARE(int(c.kind), int(BodyCoverage::Kind::DkimLength));
        QCOMPARE(c.signer, std::string("bank.example"));
        QCOMPARE(c.signedLength, uint64_t(40));
        QVERIFY(c.relaxedBody);
        QVERIFY(c.contentTypeSigned);

        verifier::Report bySpf = suspicious;
        bySpf.verdict = verifier::Verdict::Authenticated;
        bySpf.reasons = {verifier::makeFinding(verifier::FindingCode::DmarcPassSpf, {"bank.example"})};
        QCOMPARE(int(sealcheck::bodyCoverage(bySpf).kind), int(BodyCoverage::Kind::Whole));

        verifier::Report unauthenticated = bySpf;
        unauthenticated.verdict = verifier::Verdict::Unauthenticated;
        unauthenticated.reasons.clear();
        unauthenticated.dkim[0].signedHeaders = {"from"};
        c = sealcheck::bodyCoverage(unauthenticated);
        QCOMPARE(int(c.kind), int(BodyCoverage::Kind::DkimLength));
        QVERIFY(!c.contentTypeSigned);
        unauthenticated.dkim.push_back(whole); // another passing signature covers the body
        QCOMPARE(int(sealcheck::bodyCoverage(unauthenticated).kind), int(BodyCoverage::Kind::Whole));

        verifier::Report wrapped;
        wrapped.verdict = verifier::Verdict::Suspicious;
        verifier::SignatureResult sig;
        sig.result = verifier::AuthResult::Pass;
        sig.signer = "alice@example.com";
        sig.coversWholeBody = false;
        wrapped.pgp = sig;
        c = sealcheck::bodyCoverage(wrapped);
        QCOMPARE(int(c.kind), int(BodyCoverage::Kind::SignedPart));
        QVERIFY(!c.smime);
        QCOMPARE(c.signer, std::string("alice@example.com"));
        wrapped.pgp->coversWholeBody = true;
        QCOMPARE(int(sealcheck::bodyCoverage(wrapped).kind), int(BodyCoverage::Kind::Whole));
    }

    /// A wrapped OpenPGP message (unsigned text before the PGP/MIME part): the signed part is
    /// the message text; the wrapper's text is below it, not covered. Inline PGP with text after
    /// the armor likewise.
    void wrappedOpenPgpShowsSignedPart_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("signedText");
        QTest::addColumn<QString>("unsignedText");
        QTest::newRow("pgp-mime-wrapped") << "pgp/attack-wrap-unsigned-text-before.eml"
                                          << "the meeting is on Tuesday at 10:00." << "Please wire 10,000 EUR";
        QTest::newRow("inline-text-after") << "pgp/attack-inline-text-after.eml" << "the meeting is on Tuesday at 10:00."
                                           << "P.S. the meeting moved to Friday";
    }
    void wrappedOpenPgpShowsSignedPart()
    {
        QFETCH(QString, file);
        QFETCH(QString, signedText);
        QFETCH(QString, unsignedText);
        if (QStandardPaths::findExecutable(QStringLiteral("gpg")).isEmpty())
            QSKIP("gpg is not installed");
        GpgTestHome gpg;
        QVERIFY2(gpg.ok(), qPrintable(gpg.error()));
        const QByteArray raw = readData(file);
        verifier::ZoneResolver zone;
        verifier::VerifyContext context;
        context.resolver = &zone;
        context.now = 1798761600; // 2027-01-01, after the signatures
        context.signatures.useSystemCa = false;
        context.signatures.gnupgHome = gpg.path().toStdString();
        auto m = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())));
        QVERIFY(m);
        const verifier::Report report = verifier::verify(*m, context);
        QVERIFY(report.pgp);
        QCOMPARE(report.pgp->result, verifier::AuthResult::Pass);
        QVERIFY(!report.pgp->coversWholeBody);
        checkSplit(raw, report, signedText, unsignedText, QStringLiteral("Covered by the OpenPGP signature"));
    }

    /// S/MIME: unsigned text after the signed part in multipart/mixed.
    void wrappedSmimeShowsSignedPart()
    {
        const QByteArray raw = readData(QStringLiteral("smime/attack-wrap-unsigned-text-after.eml"));
        verifier::ZoneResolver zone;
        verifier::VerifyContext context;
        context.resolver = &zone;
        context.now = 1798761600; // 2027-01-01, after the signatures
        context.signatures.useSystemCa = false;
        context.signatures.enableOpenPgp = false;
        context.signatures.caFiles = {testpaths::testData(QStringLiteral("smime/certs/ca.pem")).toStdString()};
        auto m = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())));
        QVERIFY(m);
        const verifier::Report report = verifier::verify(*m, context);
        QVERIFY(report.smime);
        QCOMPARE(report.smime->result, verifier::AuthResult::Pass);
        checkSplit(raw, report, QStringLiteral("the meeting is on Tuesday at 10:00."),
                   QStringLiteral("Please wire 10,000 EUR"), QStringLiteral("Covered by the S/MIME signature"));
    }

    /// A second Subject placed above the signed one: the view shows both, with a warning, and the
    /// list shows both in one line, also once the report (which names the first) has arrived.
    void duplicateSubjectShowsBoth()
    {
        const QByteArray raw = readData(QStringLiteral("dkim/added-subject-above.eml"));
        const verifier::Report report = verifyDkim(raw);
        MessageView view;
        view.show();
        view.showMessage(raw, report);
        QTRY_VERIFY(!view.bodyLoading());
        QVERIFY(view.fieldsLabel()->isVisibleTo(&view));
        const QStringList lines = view.fieldsLabel()->text().split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("Subject (1 of 2): Urgent wire transfer")), qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(lines.contains(QStringLiteral("Subject (2 of 2): Quarterly figures")), qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY(lines.contains(QStringLiteral("From: Alice Example <alice@example.com>")));
        QVERIFY(lines.contains(QStringLiteral("\u26A0 This message has 2 Subject fields; mail programs differ in which one they show.")));
        grab(view, QStringLiteral("duplicate-subject"));

        sealcheck::ui::InspectorModel model;
        const qint64 key = model.addMessage(QStringLiteral("added-subject-above.eml"), raw);
        const QString both = QStringLiteral("Urgent wire transfer \u26A0 Quarterly figures");
        QCOMPARE(model.index(0, sealcheck::ui::SubjectColumn).data().toString(), both);
        model.setReport(key, report);
        QCOMPARE(model.index(0, sealcheck::ui::SubjectColumn).data().toString(), both);
    }

    /// A hostile header: eight Subject fields and a To of 5,000 characters stay a few bounded lines.
    void hostileFieldsAreBounded()
    {
        QByteArray header;
        for (int i = 1; i <= 8; ++i)
            header += "Subject: copy " + QByteArray::number(i) + "\r\n";
        const QByteArray raw = "From: a@example.org\r\nTo: " + QByteArray(5000, 'x') + "@example.org\r\n" + header + "\r\nHi.\r\n";
        MessageView view;
        view.show();
        view.showMessage(raw, std::nullopt);
        QTRY_VERIFY(!view.bodyLoading());
        const QStringList lines = view.fieldsLabel()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.filter(QStringLiteral("Subject (")).size(), sealcheck::kMaxShownCopies);
        QVERIFY(lines.contains(QStringLiteral("Subject (5 of 8): copy 5")));
        QVERIFY(lines.contains(QStringLiteral("\u26A0 This message has 8 Subject fields; mail programs differ in which one they show.")));
        const QStringList to = lines.filter(QStringLiteral("To: "));
        QCOMPARE(to.size(), 1);
        QVERIFY(to[0].endsWith(QStringLiteral("\u2026")));
        QVERIFY(to[0].size() < sealcheck::kMaxShownValueChars + 20);

        sealcheck::ui::InspectorModel model;
        model.addMessage(QStringLiteral("hostile.eml"), raw);
        QCOMPARE(model.index(0, sealcheck::ui::SubjectColumn).data().toString(),
                 QStringLiteral("copy 1 \u26A0 copy 2 \u26A0 copy 3 \u26A0 copy 4 \u26A0 copy 5"));
    }

    /// One Subject: one plain line, no warning.
    void singleSubjectIsPlain()
    {
        const QByteArray raw = readData(QStringLiteral("dkim/good-rsa-relaxed.eml"));
        MessageView view;
        view.show();
        view.showMessage(raw, std::nullopt);
        QTRY_VERIFY(!view.bodyLoading());
        const QString fields = view.fieldsLabel()->text();
        QVERIFY2(fields.contains(QStringLiteral("Subject: ")), qPrintable(fields));
        QVERIFY(!fields.contains(QStringLiteral("\u26A0")));
    }

private:
    void checkSplit(const QByteArray &raw, const verifier::Report &report, const QString &signedText,
                    const QString &unsignedText, const QString &label)
    {
        MessageView view;
        view.resize(800, 600);
        view.show();
        view.showMessage(raw, report);
        QTRY_VERIFY(!view.bodyLoading());
        const QString body = view.bodyView()->toPlainText();
        const QString tail = view.unsignedView()->toPlainText();
        QVERIFY2(body.contains(signedText), qPrintable(body));
        QVERIFY2(!body.contains(unsignedText), qPrintable(body));
        QVERIFY2(tail.contains(unsignedText), qPrintable(tail));
        QVERIFY2(!tail.contains(signedText), qPrintable(tail));
        QVERIFY(view.unsignedBanner()->isVisibleTo(&view));
        QCOMPARE(view.unsignedBanner()->text().section(QLatin1Char('\n'), 0, 0), QStringLiteral("Not covered by the signature"));
        QCOMPARE(view.signedLabel()->text(), label);
        grab(view, QString::fromLatin1(QTest::currentTestFunction()) + QLatin1Char('-') +
                       QString::fromLatin1(QTest::currentDataTag() ? QTest::currentDataTag() : "row"));
    }
};

QTEST_MAIN(tst_SignedText)
#include "tst_signedtext.moc"
