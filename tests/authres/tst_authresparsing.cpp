// The Authentication-Results parser against the shared conformance suite
// ../shared/conformance/authres-parsing/ar-parse-cases.normalized.json (134 cases taken from
// python authres, dkim_verifier and Mail::AuthenticationResults). Every case is one row; the
// expected outcome (ok/error, authserv-id, methods, results, reasons, properties) must match,
// except for the cases listed in DEVIATIONS.md beside this file, which must NOT match and must
// show the outcome that file states. Rows are named after the case id.

#include "AuthResultsParser.h"
#include "TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <map>

using namespace verifier;

namespace {

struct Deviation
{
    bool expectedOk = false;
    bool oursOk = false;
};

// DEVIATIONS.md lines: "- `case-id` (expected ok|error, ours ok|error): reason"
std::map<QString, Deviation> readDeviations(QString *problem)
{
    std::map<QString, Deviation> out;
    QFile f(QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/authres/DEVIATIONS.md"));
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot open DEVIATIONS.md");
        return out;
    }
    static const QRegularExpression line(
        QStringLiteral("^- `([A-Za-z0-9-]+)` \\(expected (ok|error), ours (ok|error)\\): \\S"));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (const QString &l : lines) {
        if (!l.startsWith(QLatin1String("- `")))
            continue;
        const auto m = line.match(l);
        if (!m.hasMatch()) {
            *problem = QStringLiteral("malformed DEVIATIONS.md line: ") + l;
            continue;
        }
        if (out.count(m.captured(1)))
            *problem = QStringLiteral("case listed twice in DEVIATIONS.md: ") + m.captured(1);
        out[m.captured(1)] = {m.captured(2) == QLatin1String("ok"), m.captured(3) == QLatin1String("ok")};
    }
    return out;
}

// The JSON holds the header as the source test had it. dkim_verifier's internationalised cases
// are JavaScript "binary strings" (one UTF-8 byte per code unit, e.g. "Ã©" for "é"): when every
// code point is below 256 and those bytes are valid UTF-8, they are the bytes; otherwise the
// string is text and is encoded as UTF-8.
QByteArray headerBytes(const QString &s)
{
    bool narrow = true;
    for (QChar c : s)
        narrow = narrow && c.unicode() < 256;
    if (narrow) {
        const QByteArray latin = s.toLatin1();
        if (QString::fromUtf8(latin).toUtf8() == latin && !QString::fromUtf8(latin).contains(QChar::ReplacementCharacter))
            return latin;
    }
    return s.toUtf8();
}

QByteArray fieldValue(const QByteArray &header)
{
    static const QByteArray name("authentication-results:");
    if (header.left(name.size()).toLower() == name)
        return header.mid(name.size());
    return header;
}

QString describe(const Expected<ParsedAuthResults> &r)
{
    if (!r)
        return QStringLiteral("error: ") + QString::fromStdString(r.error().message);
    QString s = QStringLiteral("ok id=") + QString::fromUtf8(r->authservId.c_str()) + QLatin1Char(' ');
    for (const AuthMethodResult &m : r->methods) {
        s += QStringLiteral("[%1=%2").arg(QString::fromStdString(m.method), QString::fromStdString(m.result));
        if (!m.reason.empty())
            s += QStringLiteral(" reason=%1").arg(QString::fromUtf8(m.reason.c_str()));
        for (const auto &[k, v] : m.properties)
            s += QStringLiteral(" %1=%2").arg(QString::fromStdString(k), QString::fromUtf8(v.c_str()));
        s += QStringLiteral("] ");
    }
    return s;
}

// Empty when @p actual matches @p expect, else what differs.
QString compare(const QJsonObject &expect, const Expected<ParsedAuthResults> &actual)
{
    const bool expectOk = expect.value(QLatin1String("ok")).toBool();
    if (expectOk != actual.ok())
        return QStringLiteral("accept/reject differs");
    if (!expectOk)
        return {};
    const QString id = expect.value(QLatin1String("authserv_id")).toString();
    if (id != QString::fromUtf8(actual->authservId.c_str()))
        return QStringLiteral("authserv-id differs: expected ") + id;
    const QJsonArray results = expect.value(QLatin1String("results")).toArray();
    if (size_t(results.size()) != actual->methods.size())
        return QStringLiteral("expected %1 results").arg(results.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject e = results[i].toObject();
        const AuthMethodResult &a = actual->methods[size_t(i)];
        if (e.value(QLatin1String("method")).toString() != QString::fromStdString(a.method))
            return QStringLiteral("method %1 differs").arg(i);
        if (e.value(QLatin1String("result")).toString() != QString::fromStdString(a.result))
            return QStringLiteral("result %1 differs").arg(i);
        if (e.value(QLatin1String("reason")).toString() != QString::fromUtf8(a.reason.c_str()))
            return QStringLiteral("reason %1 differs").arg(i);
        const QJsonObject props = e.value(QLatin1String("props")).toObject();
        if (size_t(props.size()) != a.properties.size())
            return QStringLiteral("properties of result %1 differ").arg(i);
        for (const auto &[k, v] : a.properties) {
            const QString key = QString::fromStdString(k);
            if (!props.contains(key) || props.value(key).toString() != QString::fromUtf8(v.c_str()))
                return QStringLiteral("property %1 of result %2 differs").arg(key).arg(i);
        }
    }
    return {};
}

QJsonArray loadCases(const QString &dir)
{
    QFile f(dir + QStringLiteral("/ar-parse-cases.normalized.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("cases")).toArray();
}

} // namespace

class tst_AuthResultsParsing : public QObject
{
    Q_OBJECT
private slots:
    void conformance_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QJsonObject>("expect");
        QTest::addColumn<bool>("deviates");
        QTest::addColumn<bool>("oursOk");

        SEALCHECK_REQUIRE_SUITE(dir, "authres-parsing");
        const QJsonArray cases = loadCases(dir);
        QCOMPARE(cases.size(), 134);
        QString problem;
        const auto deviations = readDeviations(&problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            const QString id = c.value(QLatin1String("id")).toString();
            const QString modeName = c.value(QLatin1String("mode")).toString();
            // The sources' tolerant modes (dkim_verifier "relaxed", Mail::AuthenticationResults
            // "lenient") are read with our Relaxed mode; "strict" and "strict+internationalized"
            // with Strict (UTF-8 is always accepted, RFC 6532).
            const AuthResultsMode mode = (modeName == QLatin1String("relaxed") || modeName == QLatin1String("lenient"))
                                             ? AuthResultsMode::Relaxed
                                             : AuthResultsMode::Strict;
            const auto dev = deviations.find(id);
            const bool deviates = dev != deviations.end();
            if (deviates) {
                QCOMPARE(dev->second.expectedOk, c.value(QLatin1String("expect")).toObject().value(QLatin1String("ok")).toBool());
            }
            QTest::newRow(qPrintable(id)) << fieldValue(headerBytes(c.value(QLatin1String("header")).toString()))
                                          << int(mode) << c.value(QLatin1String("expect")).toObject() << deviates
                                          << (deviates && dev->second.oursOk);
        }
    }
    void conformance()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, mode);
        QFETCH(QJsonObject, expect);
        QFETCH(bool, deviates);
        QFETCH(bool, oursOk);
        const auto actual = parseAuthenticationResults(std::string_view(value.constData(), size_t(value.size())),
                                                       AuthResultsMode(mode));
        const QString diff = compare(expect, actual);
        if (deviates) {
            QVERIFY2(!diff.isEmpty(), "listed in DEVIATIONS.md but matches the expectation: remove the line");
            QVERIFY2(actual.ok() == oursOk, qPrintable(QStringLiteral("DEVIATIONS.md states another outcome; got ") +
                                                      describe(actual)));
        } else {
            QVERIFY2(diff.isEmpty(), qPrintable(diff + QStringLiteral("; got ") + describe(actual)));
        }
    }

    // Every DEVIATIONS.md entry names a case of the suite, and the figures are reported.
    void deviationsAreCases()
    {
        SEALCHECK_REQUIRE_SUITE(dir, "authres-parsing");
        const QJsonArray cases = loadCases(dir);
        QString problem;
        const auto deviations = readDeviations(&problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QStringList ids;
        for (const QJsonValue &v : cases)
            ids << v.toObject().value(QLatin1String("id")).toString();
        for (const auto &[id, d] : deviations)
            QVERIFY2(ids.contains(id), qPrintable(QStringLiteral("DEVIATIONS.md names an unknown case ") + id));
        qInfo("authres-parsing: %lld cases, %zu deviations, %lld as expected", qlonglong(cases.size()),
              deviations.size(), qlonglong(cases.size()) - qlonglong(deviations.size()));
    }

    // Cases of our own: the grammar corners the suite does not reach.
    void ownCases_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected"); // describe() output, or a substring of the error
        auto strict = int(AuthResultsMode::Strict);
        auto relaxed = int(AuthResultsMode::Relaxed);
        QTest::newRow("version 2 refused") << QByteArray("example.com 2; none") << strict
                                           << QStringLiteral("error: Authentication-Results: at offset 12: unsupported");
        QTest::newRow("method version") << QByteArray("example.com; dkim/1=pass header.d=a.example") << strict
                                        << QStringLiteral("ok id=example.com [dkim=pass header.d=a.example] ");
        QTest::newRow("duplicate property") << QByteArray("x.example; dkim=pass header.d=a.example header.d=b.example")
                                            << strict << QStringLiteral("appears twice");
        QTest::newRow("duplicate property relaxed") << QByteArray("x.example; dkim=pass header.d=a.example header.D=b.example")
                                                    << relaxed << QStringLiteral("appears twice");
        QTest::newRow("none then result") << QByteArray("x.example; none; dkim=pass") << strict
                                          << QStringLiteral("error: ");
        QTest::newRow("none as method") << QByteArray("x.example; none=pass") << strict
                                        << QStringLiteral("ok id=x.example [none=pass] ");
        QTest::newRow("bare LF fold") << QByteArray("x.example;\n\tspf=pass smtp.mailfrom=a.example") << strict
                                      << QStringLiteral("ok id=x.example [spf=pass smtp.mailfrom=a.example] ");
        QTest::newRow("line break not a fold") << QByteArray("x.example;\r\nspf=pass") << strict
                                               << QStringLiteral("not a folded line");
        QTest::newRow("nul byte") << QByteArray("x.example; spf=pass\0", 20) << strict
                                  << QStringLiteral("control character");
        QTest::newRow("invalid utf8") << QByteArray("x.example (\xC0\xAF); none") << strict
                                      << QStringLiteral("invalid UTF-8");
        QTest::newRow("deep comments") << (QByteArray("x.example ") + QByteArray(40, '(') + QByteArray(40, ')') + "; none")
                                       << strict << QStringLiteral("nested too deeply");
        QTest::newRow("unclosed quote") << QByteArray("x.example; dkim=pass reason=\"abc") << strict
                                        << QStringLiteral("quoted string not closed");
        QTest::newRow("quoted pair") << QByteArray("x.example; dkim=fail reason=\"a \\\"b\\\" c\"") << strict
                                     << QStringLiteral("ok id=x.example [dkim=fail reason=a \"b\" c] ");
        QTest::newRow("smuggled result in quotes") << QByteArray("x.example; spf=fail smtp.mailfrom=\"a; dmarc=pass\"")
                                                   << strict
                                                   << QStringLiteral("ok id=x.example [spf=fail smtp.mailfrom=a; dmarc=pass] ");
        QTest::newRow("too long") << (QByteArray("x.example (") + QByteArray(70000, 'a') + ") ; none") << strict
                                  << QStringLiteral("longer than");
        QTest::newRow("empty") << QByteArray("") << strict << QStringLiteral("expected the authserv-id");
        QTest::newRow("id only") << QByteArray("x.example") << strict << QStringLiteral("expected ';'");
        QTest::newRow("empty quoted id") << QByteArray("\"\"; none") << strict << QStringLiteral("empty authserv-id");
        QTest::newRow("hardfail relaxed") << QByteArray("x.example; dkim=hardfail") << relaxed
                                          << QStringLiteral("ok id=x.example [dkim=hardfail] ");
        QTest::newRow("hardfail strict") << QByteArray("x.example; spf=hardfail") << strict
                                         << QStringLiteral("is not defined for method \"spf\"");
        QTest::newRow("reason after props strict") << QByteArray("x.example; dkim=fail header.d=a.example reason=x")
                                                   << strict << QStringLiteral("has no ptype");
        QTest::newRow("quoted local part") << QByteArray("x.example; spf=pass smtp.mailfrom=\"a b\"@c.example") << strict
                                           << QStringLiteral("ok id=x.example [spf=pass smtp.mailfrom=\"a b\"@c.example] ");
        QTest::newRow("comment everywhere") << QByteArray("(a)x.example(b)1(c);(d)spf(e)=(f)pass(g)smtp(h).(i)mailfrom(j)=(k)a.example(l)")
                                            << strict << QStringLiteral("ok id=x.example [spf=pass smtp.mailfrom=a.example] ");
    }
    void ownCases()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, mode);
        QFETCH(QString, expected);
        const auto r = parseAuthenticationResults(std::string_view(value.constData(), size_t(value.size())),
                                                  AuthResultsMode(mode));
        const QString got = describe(r);
        if (expected.startsWith(QLatin1String("ok ")))
            QCOMPARE(got, expected);
        else
            QVERIFY2(!r.ok() && got.contains(expected), qPrintable(got));
    }
    void methodVersionRecorded()
    {
        const auto r = parseAuthenticationResults("x.example 1; dkim / 1 = pass; spf=none");
        QVERIFY(r.ok());
        QCOMPARE(r->version.value_or(0), 1);
        QCOMPARE(r->methodVersions.size(), size_t(2));
        QCOMPARE(r->methodVersions[0], 1);
        QCOMPARE(r->methodVersions[1], 0);
    }
    // Bounded and total: every prefix of a valid field either parses or is an error, never a crash.
    void everyPrefix()
    {
        const std::string v = "mx.example.net 1 (c (n)); dkim/1=pass reason=\"good \\\"sig\\\"\" header.d=example.com "
                              "header.i=Pel\xC3\xA9@example.com; spf=softfail smtp.mailfrom=\"x y\"@example.org";
        QVERIFY(parseAuthenticationResults(v).ok());
        for (size_t n = 0; n < v.size(); ++n) {
            (void)parseAuthenticationResults(std::string_view(v).substr(0, n));
            (void)parseAuthenticationResults(std::string_view(v).substr(0, n), AuthResultsMode::Relaxed);
        }
    }
};

QTEST_APPLESS_MAIN(tst_AuthResultsParsing)
#include "tst_authresparsing.moc"
