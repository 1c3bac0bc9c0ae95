// Test text shared by tst_autoconfig and tst_clientconfig: clientConfig documents built from
// parts, and one-line descriptions of what AccountAutoConfig found, so that a row compares a
// string the reader can check at a glance.
#pragma once

#include "AccountAutoConfig.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QVector>

namespace autoconfigtest {

using namespace sealcheck;

inline QByteArray config(const QByteArray &servers)
{
    return "<?xml version=\"1.0\"?>\n<clientConfig version=\"1.1\"><emailProvider id=\"x\"><domain>x</domain>" + servers +
           "</emailProvider></clientConfig>\n";
}

inline QByteArray imapServer(const QByteArray &host, int port, const QByteArray &socketType, const QByteArray &user,
                      const QByteArrayList &auth = {"password-cleartext"})
{
    QByteArray s = "<incomingServer type=\"imap\"><hostname>" + host + "</hostname><port>" + QByteArray::number(port) +
                   "</port><socketType>" + socketType + "</socketType><username>" + user + "</username>";
    for (const QByteArray &a : auth)
        s += "<authentication>" + a + "</authentication>";
    return s + "</incomingServer>";
}

inline QByteArray seedConfig()
{
    QFile f(QStringLiteral(SEALCHECK_TEST_DATA "/autoconfig/config-v1.1.xml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString describe(const AutoConfigCandidate &c)
{
    QString s = autoConfigSourceName(c.source) + QLatin1Char(' ') + c.host + QLatin1Char(':') + QString::number(c.port) +
                (c.security == ConnectionSecurity::ImplicitTls ? QStringLiteral(" tls ") : QStringLiteral(" starttls ")) +
                c.username +
                (c.authentication == AuthenticationMethod::OAuth2 ? QStringLiteral(" oauth2:") + c.oauthProvider
                                                                  : QStringLiteral(" password"));
    if (c.thirdParty)
        s += QStringLiteral(" third-party");
    return s;
}

inline QString describe(const QVector<AutoConfigCandidate> &list)
{
    QStringList out;
    for (const auto &c : list)
        out << describe(c);
    return out.join(QStringLiteral("; "));
}

inline QString describe(const QVector<AutoConfigNote> &notes)
{
    QStringList out;
    for (const auto &n : notes)
        out << autoConfigSourceName(n.source) + QStringLiteral(": ") + n.reason;
    return out.join(QStringLiteral(" | "));
}

} // namespace autoconfigtest
