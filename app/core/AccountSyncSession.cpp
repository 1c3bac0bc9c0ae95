#include "AccountSyncSession.h"

#include "ShownFields.h"

#include "ProviderProfiles.h"
#include "MailDate.h"
#include "VerdictKeywords.h"

#include "RememberedVerification.h"
#include "OverLimit.h"
#include "ResolverSetup.h"

#include "ImapCertificatePin.h"
#include "ImapSyncClient.h"
#include "Keychain.h"
#include "ListTask.h"
#include "Message.h"
#include "OAuthImapLogin.h"
#include "OAuthTokenEndpoint.h"
#include "OAuthTokenStore.h"
#include "Rfc2047.h"
#include "Strings.h"
#include "Verifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QPointer>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <map>

namespace sealcheck {

namespace {

QString fromStd(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

/// The list row from a fetched header: what the list shows until the report arrives.
MessageRow rowFromHeader(qint64 mailboxId, const imap::FetchData &data)
{
    MessageRow row;
    row.mailboxId = mailboxId;
    row.uid = data.uid.value_or(0);
    row.size = qint64(data.rfc822Size.value_or(0));
    if (data.flags) {
        QList<QByteArray> flags = *data.flags;
        row.flags = QString::fromLatin1(flags.join(' '));
    }
    QByteArray header = data.header().value_or(data.message().value_or(QByteArray()));
    auto m = verifier::Message::parse(std::string(header.constData(), size_t(header.size())));
    if (m) {
        if (const auto *f = m->field("From")) {
            row.fromHeader = fromStd(verifier::escapeForDisplay(verifier::decodeEncodedWords(f->value())));
            const QString v = fromStd(f->value()).simplified();
            const qsizetype lt = v.lastIndexOf(QLatin1Char('<'));
            const qsizetype gt = v.lastIndexOf(QLatin1Char('>'));
            row.fromAddress = (lt >= 0 && gt > lt ? v.mid(lt + 1, gt - lt - 1) : v).trimmed().toLower();
        }
        row.subject = shownFieldValue(*m, "Subject"); // every copy: a second one may be injected
        if (const auto *f = m->field("Date"))
            row.date = parseMailDate(fromStd(f->value())); // obsolete zones too (GMT, UT)
        if (const auto *f = m->field("Message-ID"))
            row.messageId = fromStd(f->value()).trimmed();
    }
    if (!row.date.isValid() && !data.internalDate.isEmpty()) // "17-Jul-1996 02:44:25 -0700"
        row.date = QDateTime::fromString(QString::fromLatin1(data.internalDate).simplified(),
                                         QStringLiteral("d-MMM-yyyy HH:mm:ss t"));
    return row;
}

} // namespace

std::optional<imap::ImapError> AccountSyncSession::run(bool &loggedIn, QString &storeError)
{
    emit q->phaseChanged(AccountSync::Phase::Connecting);
    imap::ImapSyncClient client(AccountSync::connectionSettings(account, options.extraCaCertificates));
    if (account.authentication == AuthenticationKind::OAuth) {
        if (auto e = oauthLogin(client))
            return e;
    } else if (auto r = client.connectAndLogin(account.username, password); !r) {
        return r.error();
    }
    loggedIn = true;
    auto id = store.mailbox(account.id, options.mailbox);
    if (!id) {
        storeError = QString::fromStdString(id.error().message);
        return std::nullopt;
    }
    mailboxId = *id;
    emit q->mailboxReady(mailboxId);
    for (;;) {
        if (auto e = round(client, storeError))
            return e;
        if (!storeError.isEmpty() || stopFlag || !options.watch)
            break;
        emit q->phaseChanged(AccountSync::Phase::Watching);
        bool more = false;
        QElapsedTimer sinceRound; // a round every pollIntervalMs also picks up flag changes and new folders
        sinceRound.start();
        while (!stopFlag && !more) {
            auto w = client.waitForNewMail(options.waitChunkMs, options.pollIntervalMs);
            if (!w)
                return w.error();
            more = w->newMail || sinceRound.elapsed() >= options.pollIntervalMs;
        }
        if (stopFlag)
            break;
    }
    client.logout();
    return std::nullopt;
}

std::optional<imap::ImapError> AccountSyncSession::listMailboxes(imap::ImapSyncClient &client, QString &storeError)
{
    auto list = client.listMailboxes();
    if (!list) {
        if (list.error().kind == imap::ImapErrorKind::CommandFailed)
            return std::nullopt;
        return list.error();
    }
    const QStringList names = imap::ListTask::displayNames(*list);
    for (const QString &name : names) {
        if (auto id = store.mailbox(account.id, name); !id) {
            storeError = QString::fromStdString(id.error().message);
            return std::nullopt;
        }
    }
    emit q->mailboxesListed(names);
    return std::nullopt;
}

std::optional<imap::ImapError> AccountSyncSession::updateChangedFlags(imap::ImapSyncClient &client, quint64 modSeq)
{
    auto changes = client.flagChangesSince(modSeq);
    if (!changes)
        return changes.error();
    QList<qint64> changed;
    for (const imap::FetchData &d : *changes) {
        if (!d.uid || !d.flags)
            continue;
        const auto id = store.messageId(mailboxId, *d.uid);
        if (!id)
            continue; // not stored yet: the header fetch brings its flags
        auto row = store.message(*id);
        const QString flags = QString::fromLatin1(d.flags->join(' '));
        if (!row || row->flags == flags)
            continue;
        row->flags = flags;
        if (store.saveMessage(*row))
            changed.push_back(*id);
        // An answer to authenticated mail teaches a known domain (KnownDomains::learn).
        if (openMemory() && flags.contains(QLatin1String("\\Answered"), Qt::CaseInsensitive)) {
            if (const auto report = store.report(*id))
                memory->knownDomains()->learn(*report, flags, QDateTime::currentSecsSinceEpoch());
        }
    }
    if (!changed.isEmpty())
        emit q->flagsChanged(mailboxId, changed);
    return std::nullopt;
}

/// OAuth login (OAuthImapLogin): refresh when due or refused, save refreshed tokens to the
/// keychain (from the owner's thread), and map "sign in again" to an AuthenticationFailed error
/// whose message run() shows as is.
std::optional<imap::ImapError> AccountSyncSession::oauthLogin(imap::ImapSyncClient &client)
{
    const QString label = account.name.isEmpty() ? account.username : account.name;
    auto provider = oauth::OAuthProvider::find(account.oauthProvider, account.oauthOverrides.toUtf8());
    auto tokens = oauth::OAuthTokens::fromJson(password.toUtf8());
    if (!provider || !tokens) {
        const QString why = provider ? QStringLiteral("the saved sign-in is unreadable") : provider.error().message;
        emit q->signInRequired(account.id, QStringLiteral("Sign in again: %1.").arg(why));
        return imap::ImapError{imap::ImapErrorKind::AuthenticationFailed, QStringLiteral("Sign in again: %1.").arg(why), {}, {}};
    }
    const oauth::OAuthLoginResult r = oauth::OAuthImapLogin::login(client, *provider, account.username, account.host,
                                                                    quint16(account.port), *tokens,
                                                                    QDateTime::currentSecsSinceEpoch());
    if (r.refreshed) {
        password = QString::fromUtf8(r.tokens.toJson());
        const QString key = oauth::OAuthTokenStore::key(account.username, account.host, account.port);
        const oauth::OAuthTokens fresh = r.tokens;
        AccountSync *owner = q;
        QMetaObject::invokeMethod(
            q, [owner, key, fresh] {
                oauth::OAuthTokenStore::save(key, fresh, owner, [owner](oauth::OAuthExpected<bool> saved) {
                    if (saved)
                        emit owner->tokensRefreshed();
                    else
                        qWarning("the renewed sign-in could not be saved: %s", qPrintable(saved.error().message));
                });
            },
            Qt::QueuedConnection);
    }
    if (r.imapError)
        return r.imapError;
    if (r.oauthError) {
        const bool later = r.oauthError->kind == oauth::OAuthErrorKind::Network
            || r.oauthError->kind == oauth::OAuthErrorKind::ServerError;
        if (!later)
            emit q->signInRequired(account.id, r.message(label));
        return imap::ImapError{later ? imap::ImapErrorKind::Network : imap::ImapErrorKind::AuthenticationFailed,
                               r.message(label), {}, {}};
    }
    return std::nullopt;
}

std::optional<verifier::Verdict> AccountSyncSession::verifyAndSave(qint64 id, quint32 uid, const QByteArray &raw)
{
    std::string limit;
    auto message = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())), {}, &limit);
    if (!message && !limit.empty()) {
        // Over a limit: stored as not checked (issue 24 item 13), never left without a verdict.
        const verifier::Report report =
            verifier::overLimitReport(QStringLiteral("imap:%1/%2").arg(options.mailbox).arg(uid).toStdString(), limit);
        store.saveReport(id, report);
        return report.verdict;
    }
    if (!message)
        return std::nullopt;
    openMemory();
    const verifier::VerifyContext context = settings.contextFor(QStringLiteral("imap:%1/%2").arg(options.mailbox).arg(uid));
    const verifier::Report report = memory ? memory->verify(*message, context) : verifier::verify(*message, context);
    store.saveReport(id, report);
    if (memory) {
        if (const auto row = store.message(id))
            memory->knownDomains()->learn(report, row->flags, context.now);
    }
    return report.verdict;
}

bool AccountSyncSession::openMemory()
{
    if (!memoryTried) {
        memoryTried = true;
        if (!settings.memoryStorePath.isEmpty()) {
            memory = std::make_unique<RememberedVerification>();
            if (!memory->open(settings.memoryStorePath))
                memory.reset();
            else
                (void)memory->knownDomains()->addAccountDomain(account.username, QDateTime::currentSecsSinceEpoch());
        }
    }
    return memory != nullptr;
}

std::optional<imap::ImapError> AccountSyncSession::recheckStale(imap::ImapSyncClient &client)
{
    const int batch = std::max(1, options.staleBatchSize);
    QHash<quint32, qint64> idOfUid;
    QList<quint32> uids;
    QList<qint64> rechecked;
    for (qint64 id : store.staleMessages(mailboxId, batch + int(staleSkipped.size()))) {
        if (uids.size() >= batch || stopFlag)
            break;
        if (staleSkipped.contains(id))
            continue;
        auto m = store.message(id);
        if (!m)
            continue;
        // Still cached (the re-check after the settings change did not finish): verified from
        // the copy, nothing is fetched.
        if (const auto raw = store.raw(id)) {
            if (verifyAndSave(id, m->uid, *raw))
                rechecked.push_back(id);
            else
                staleSkipped.insert(id);
            continue;
        }
        {
            idOfUid.insert(m->uid, id);
            uids.push_back(m->uid);
        }
    }
    if (uids.isEmpty()) {
        if (!rechecked.isEmpty())
            emit q->staleRechecked(mailboxId, rechecked);
        return std::nullopt;
    }
    std::sort(uids.begin(), uids.end());
    emit q->phaseChanged(AccountSync::Phase::Bodies);
    emit q->progress(0, int(uids.size()));
    QSet<qint64> delivered;
    int done = 0;
    auto f = client.fetchMessages(
        uids, imap::FetchParts::FullMessage,
        [&](const imap::FetchData &d) {
            ++done;
            const qint64 id = idOfUid.value(d.uid.value_or(0));
            const auto raw = d.message();
            if (id == 0 || !raw || stopFlag)
                return;
            store.saveRaw(id, *raw); // subject to the cache's cap, like any fetched message
            if (verifyAndSave(id, *d.uid, *raw)) {
                delivered.insert(id);
                rechecked.push_back(id);
            }
            if (done % 10 == 0 || done == int(uids.size()))
                emit q->progress(done, int(uids.size()));
        },
        options.fetchBatchSize);
    if (f && !stopFlag) {
        for (qint64 id : std::as_const(idOfUid)) {
            if (!delivered.contains(id))
                staleSkipped.insert(id);
        }
    }
    if (!rechecked.isEmpty())
        emit q->staleRechecked(mailboxId, rechecked);
    if (!f)
        return f.error();
    return std::nullopt;
}

std::optional<imap::ImapError> AccountSyncSession::round(imap::ImapSyncClient &client, QString &storeError)
{
    // The key memory is read afresh each round: the user may have pinned a key since.
    memory.reset();
    memoryTried = false;
    if (auto e = listMailboxes(client, storeError))
        return e;
    if (!storeError.isEmpty())
        return std::nullopt;
    auto box = client.examine(options.mailbox);
    if (!box)
        return box.error();
    const auto record = store.mailboxRecord(mailboxId);
    imap::SyncState known;
    if (record) {
        known.uidValidity = record->uidValidity;
        known.highestModSeq = record->highestModSeq;
    }
    known.highestUid = store.highestUid(mailboxId);
    if (known.uidValidity == 0 && known.highestUid > 0)
        known.uidValidity = box->uidValidity; // headers stored by an interrupted first round
    auto delta = client.incrementalSync(known);
    if (!delta)
        return delta.error();
    if (delta->uidValidityChanged && !store.clearMailbox(mailboxId)) {
        storeError = store.lastError();
        return std::nullopt;
    }
    // 0. Flag changes of stored messages (RFC 7162 §3.1.4.1), before the stored HIGHESTMODSEQ moves on.
    if (!delta->uidValidityChanged && known.highestModSeq > 0 && delta->mailbox.highestModSeq > known.highestModSeq) {
        if (auto e = updateChangedFlags(client, known.highestModSeq))
            return e;
    }

    // 1. Headers of the new messages: the list fills before any body is downloaded.
    emit q->phaseChanged(AccountSync::Phase::Headers);
    const int newCount = int(delta->newUids.size());
    int headerDone = 0;
    QVector<MessageRow> batch;
    auto flushBatch = [&] {
        if (batch.isEmpty())
            return;
        if (auto s = store.saveMessages(batch); !s)
            storeError = QString::fromStdString(s.error().message);
        headerDone += int(batch.size());
        batch.clear();
        emit q->progress(headerDone, newCount);
    };
    if (newCount > 0) {
        auto f = client.fetchMessages(
            delta->newUids, imap::FetchParts::Headers,
            [&](const imap::FetchData &d) {
                batch.push_back(rowFromHeader(mailboxId, d));
                if (batch.size() >= options.fetchBatchSize)
                    flushBatch();
            },
            options.fetchBatchSize);
        flushBatch(); // what arrived stays valid even when the fetch failed
        if (!f)
            return f.error();
    }
    if (!storeError.isEmpty())
        return std::nullopt;

    // 1b. Messages deleted on the server (by the user's mail client). The store then holds more
    // or fewer messages than EXISTS says; only then is the complete UID list asked for (one UID
    // SEARCH), and the local rows the server no longer has are removed. Nothing is written to the
    // server.
    if (!delta->uidValidityChanged && store.messageCount(mailboxId) != int(delta->mailbox.exists)) {
        auto all = client.listUids(1);
        if (!all)
            return all.error();
        auto removed = store.removeExpunged(mailboxId, *all);
        if (!removed) {
            storeError = QString::fromStdString(removed.error().message);
            return std::nullopt;
        }
        if (!removed->isEmpty())
            emit q->expunged(mailboxId, QList<qint64>(removed->cbegin(), removed->cend()));
    }

    // 2. Bodies of every message without a report, newest first (also resumes an interrupted round).
    emit q->phaseChanged(AccountSync::Phase::Bodies);
    const QVector<qint64> pending = store.unverified(mailboxId, 1000000);
    QHash<quint32, qint64> idOfUid;
    QList<quint32> uids;
    for (qint64 id : pending) {
        if (auto m = store.message(id)) {
            idOfUid.insert(m->uid, id);
            uids.push_back(m->uid);
        }
    }
    QList<QPair<quint32, verifier::Verdict>> verdicts; // new messages, for the opt-in keywords
    int bodyDone = 0;
    const int bodyTotal = int(uids.size());
    if (bodyTotal > 0) {
        emit q->progress(0, bodyTotal);
        auto f = client.fetchMessages(
            uids, imap::FetchParts::FullMessage,
            [&](const imap::FetchData &d) {
                ++bodyDone;
                const qint64 id = idOfUid.value(d.uid.value_or(0));
                const auto raw = d.message();
                if (id == 0 || !raw || stopFlag)
                    return;
                store.saveRaw(id, *raw);
                if (const auto verdict = verifyAndSave(id, *d.uid, *raw))
                    verdicts.push_back({*d.uid, *verdict});
                if (bodyDone % 10 == 0 || bodyDone == bodyTotal)
                    emit q->progress(bodyDone, bodyTotal);
            },
            options.fetchBatchSize);
        if (!f)
            return f.error();
    }
    if (stopFlag)
        return std::nullopt;

    // 2b. Stale reports (made under trust settings or a key memory changed since, raw copy evicted):
    // fetched again read-only (BODY.PEEK[], no flag changes; their verdicts take no part in the
    // opt-in keyword write) and verified with today's settings, at most staleBatchSize per round so
    // a huge mailbox never stalls new mail. A UID the server no longer has delivers nothing: it
    // is not asked for again on this connection, and step 1b of the next round removes it.
    if (auto e = recheckStale(client))
        return e;
    if (stopFlag)
        return std::nullopt;

    // 3. The one opt-in write.
    // (keywords only, on the new messages verified in this round: $Phishing on forged ones, and
    // the verdict keywords of VerdictKeywords.h; nothing else is ever written).
    QList<QPair<quint32, QByteArray>> marks;
    for (const auto &v : verdicts) {
        if (account.setPhishingKeyword && v.second == verifier::Verdict::Forged)
            marks.push_back({v.first, QByteArrayLiteral("$Phishing")});
        if (account.setVerdictKeywords && !verdictKeyword(v.second).isEmpty())
            marks.push_back({v.first, verdictKeyword(v.second)});
    }
    if (!marks.isEmpty()) {
        client.setKeywordWritesEnabled(true);
        const auto m = client.addKeywords(marks);
        client.setKeywordWritesEnabled(false);
        if (!m)
            return m.error();
    }

    const imap::MailboxState &state = delta->mailbox;
    store.setMailboxState(mailboxId, state.uidValidity, state.uidNext, state.highestModSeq);
    emit q->synced(mailboxId, newCount);
    return std::nullopt;
}

} // namespace sealcheck
