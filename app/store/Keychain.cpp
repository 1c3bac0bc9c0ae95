#include "Keychain.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace sealcheck {

namespace {

std::string describe(QKeychain::Error error, const QString &text)
{
    switch (error) {
    case QKeychain::NoError: return {};
    case QKeychain::EntryNotFound: return "no password is stored for this account";
    case QKeychain::CouldNotDeleteEntry: return "the keychain could not delete the entry";
    case QKeychain::AccessDeniedByUser: return "access to the keychain was denied";
    case QKeychain::AccessDenied: return "access to the keychain was denied";
    case QKeychain::NoBackendAvailable:
        return "no keychain is available (is a Secret Service such as gnome-keyring running?)";
    case QKeychain::NotImplemented: return "the keychain does not support this";
    case QKeychain::OtherError: break;
    }
    return "keychain error: " + text.toStdString();
}

} // namespace

QString Keychain::service() { return QStringLiteral("Sealcheck"); }

QString Keychain::imapKey(const QString &user, const QString &host, int port)
{
    return QStringLiteral("imap:%1@%2:%3").arg(user, host.toLower()).arg(port);
}

QString Keychain::oauthKey(const QString &user, const QString &host, int port)
{
    return QStringLiteral("oauth:%1@%2:%3").arg(user, host.toLower()).arg(port);
}

void Keychain::readPassword(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (r->error() != QKeychain::NoError)
            done(verifier::makeError(describe(r->error(), r->errorString())));
        else
            done(r->textData());
    });
    job->start();
}

void Keychain::writePassword(const QString &key, const QString &secret, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(verifier::makeError(describe(j->error(), j->errorString())));
        else
            done(true);
    });
    job->start();
}

void Keychain::deletePassword(const QString &key, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(verifier::makeError(describe(j->error(), j->errorString())));
        else
            done(true);
    });
    job->start();
}

verifier::Expected<QString> Keychain::readPasswordBlocking(const QString &key)
{
    QObject context;
    QEventLoop loop;
    verifier::Expected<QString> result = verifier::makeError("the keychain did not answer");
    readPassword(key, &context, [&](verifier::Expected<QString> r) {
        result = std::move(r);
        loop.quit();
    });
    loop.exec();
    return result;
}

verifier::Expected<bool> Keychain::writePasswordBlocking(const QString &key, const QString &secret)
{
    QObject context;
    QEventLoop loop;
    verifier::Expected<bool> result = verifier::makeError("the keychain did not answer");
    writePassword(key, secret, &context, [&](verifier::Expected<bool> r) {
        result = std::move(r);
        loop.quit();
    });
    loop.exec();
    return result;
}

verifier::Expected<bool> Keychain::deletePasswordBlocking(const QString &key)
{
    QObject context;
    QEventLoop loop;
    verifier::Expected<bool> result = verifier::makeError("the keychain did not answer");
    deletePassword(key, &context, [&](verifier::Expected<bool> r) {
        result = std::move(r);
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace sealcheck
