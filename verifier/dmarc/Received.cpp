#include "Received.h"

#include "ProviderProfile.h"

#include "Strings.h"
#include "TraceDate.h"

#include <arpa/inet.h>

#include <algorithm>

namespace verifier {

namespace {

constexpr size_t kMaxValue = 16 * 1024;
constexpr size_t kMaxTokens = 512;
constexpr int kMaxDepth = 16;

struct Token
{
    bool comment = false;
    std::string text;
};

std::vector<Token> tokenize(std::string_view s)
{
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size() && out.size() < kMaxTokens) {
        char c = s[i];
        if (isWsp(c) || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        Token t;
        if (c == '(') {
            t.comment = true;
            int depth = 0;
            size_t start = i + 1;
            for (; i < s.size(); ++i) {
                if (s[i] == '\\') { ++i; continue; }
                if (s[i] == '(' && ++depth > kMaxDepth)
                    break;
                if (s[i] == ')' && --depth == 0)
                    break;
            }
            t.text = std::string(s.substr(start, std::min(i, s.size()) - start));
            ++i;
        } else if (c == '"' || c == '<' || c == '[') {
            const char close = c == '"' ? '"' : c == '<' ? '>' : ']';
            size_t start = i++;
            while (i < s.size() && s[i] != close) {
                if (c == '"' && s[i] == '\\')
                    ++i;
                ++i;
            }
            size_t end = std::min(i + 1, s.size());
            // an address literal or angle-addr may run on ("[1.2.3.4]:25"): take the rest of the word
            while (end < s.size() && !isWsp(s[end]) && s[end] != '(' && s[end] != ';')
                ++end;
            t.text = std::string(s.substr(start, end - start));
            i = end;
        } else {
            size_t start = i;
            while (i < s.size() && !isWsp(s[i]) && s[i] != '(' && s[i] != '\r' && s[i] != '\n')
                ++i;
            t.text = std::string(s.substr(start, i - start));
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::string canonicalIp(std::string_view text)
{
    std::string s(trim(text));
    if (startsWithIgnoreCase(s, "IPv6:"))
        s = s.substr(5);
    if (s.empty() || s.size() > 64)
        return {};
    unsigned char buf[16];
    char out[INET6_ADDRSTRLEN];
    if (inet_pton(AF_INET, s.c_str(), buf) == 1 && inet_ntop(AF_INET, buf, out, sizeof out))
        return out;
    if (inet_pton(AF_INET6, s.c_str(), buf) == 1 && inet_ntop(AF_INET6, buf, out, sizeof out))
        return out;
    return {};
}

std::string stripDot(std::string s)
{
    while (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

bool looksLikeHost(std::string_view w)
{
    if (w.empty() || w.size() > 253 || equalsIgnoreCase(w, "unknown"))
        return false;
    for (char c : w)
        if (!(isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_'))
            return false;
    return true;
}

bool isTlsComment(std::string_view c)
{
    const std::string l = toLower(c);
    return l.find("cipher") != std::string::npos || l.find("version=tls") != std::string::npos ||
           l.find("using tls") != std::string::npos || l.find("tlsv1") != std::string::npos ||
           l.find("tls1") != std::string::npos;
}

enum class Clause { None, From, By, Via, With, Id, For };

Clause keyword(std::string_view w)
{
    if (equalsIgnoreCase(w, "from")) return Clause::From;
    if (equalsIgnoreCase(w, "by")) return Clause::By;
    if (equalsIgnoreCase(w, "via")) return Clause::Via;
    if (equalsIgnoreCase(w, "with")) return Clause::With;
    if (equalsIgnoreCase(w, "id")) return Clause::Id;
    if (equalsIgnoreCase(w, "for")) return Clause::For;
    return Clause::None;
}

bool isLoopback(const std::string &ip)
{
    return ip == "::1" || startsWithIgnoreCase(ip, "127.");
}

// qmail writes "(qmail 857 invoked from network)" or "(qmail 27859 invoked by uid 1001)" just
// above its own SMTP line: a note by the host that wrote the line below, naming no sender.
bool isQmailNote(std::string_view value)
{
    const std::string_view v = trim(value);
    if (!startsWithIgnoreCase(v, "(qmail ") || v.find(')') == std::string_view::npos)
        return false;
    const std::string_view note = v.substr(0, v.find(')'));
    return note.find(" invoked from network") != std::string_view::npos ||
           note.find(" invoked by uid ") != std::string_view::npos ||
           note.find(" invoked by alias") != std::string_view::npos;
}

// A mailbox read by the user's own fetcher (fetchmail, getmail: "by localhost with POP3"): the
// server it read from holds the user's mail, so it is the receiving side.
bool isMailboxRetrieval(const ReceivedHop &hop)
{
    const std::string proto = toLower(hop.with.substr(0, hop.with.find(' ')));
    return proto == "pop3" || proto == "pop3s" || proto == "pop" || proto == "imap" || proto == "imap4" ||
           proto == "imaps";
}

} // namespace

bool matchesRelay(std::string_view hostIn, std::string_view relayIn)
{
    std::string host = stripDot(toLower(trim(hostIn)));
    std::string relay = stripDot(toLower(trim(relayIn)));
    if (host.empty() || relay.empty())
        return false;
    if (host == relay)
        return true;
    return host.size() > relay.size() && endsWithIgnoreCase(host, relay) && host[host.size() - relay.size() - 1] == '.';
}

ReceivedHop parseReceived(std::string_view value)
{
    ReceivedHop hop;
    if (value.size() > kMaxValue)
        value = value.substr(0, kMaxValue);
    size_t semi = value.rfind(';');
    std::string_view clauses = semi == std::string_view::npos ? value : value.substr(0, semi);
    if (semi != std::string_view::npos) {
        if (auto t = parseRfc5322DateTime(value.substr(semi + 1))) {
            hop.time = *t;
            hop.date = formatRfc3339Utc(*t);
        }
    }

    const auto tokens = tokenize(clauses);
    Clause clause = Clause::None;
    bool wantValue = false;
    bool collecting = false; // with/via take several words ("Microsoft SMTP Server")
    std::vector<std::string> fromComments;
    std::string fromWord;
    for (const auto &t : tokens) {
        if (t.comment) {
            collecting = false;
            if (clause == Clause::From && !wantValue)
                fromComments.push_back(t.text);
            if (!hop.tls && isTlsComment(t.text)) {
                hop.tls = true;
                hop.tlsDetail = std::string(trim(t.text));
            } else if (hop.tlsDetail.empty() && isTlsComment(t.text)) {
                hop.tlsDetail = std::string(trim(t.text));
            }
            continue;
        }
        Clause k = keyword(t.text);
        if (k != Clause::None && !wantValue) {
            clause = k;
            wantValue = true;
            collecting = false;
            continue;
        }
        if (wantValue) {
            wantValue = false;
            switch (clause) {
            case Clause::From: fromWord = t.text; break;
            case Clause::By: hop.by = stripDot(t.text); break;
            case Clause::Via: hop.via = t.text; collecting = true; break;
            case Clause::With: hop.with = t.text; collecting = true; break;
            case Clause::Id: hop.id = t.text; break;
            case Clause::For: {
                std::string a = t.text;
                if (a.size() >= 2 && a.front() == '<' && a.back() == '>')
                    a = a.substr(1, a.size() - 2);
                hop.forAddress = a;
                break;
            }
            case Clause::None: break;
            }
            continue;
        }
        if (collecting) {
            std::string &target = clause == Clause::With ? hop.with : hop.via;
            if (target.size() < 128)
                target += " " + t.text;
        }
        // other words (Exim's "tls CIPHER", "envelope-from"...) are ignored
    }

    // The sending host: HELO name, reverse-DNS name, IP.
    std::string helo, rdns, ip;
    bool eximVerifiedName = false;
    if (!fromWord.empty() && fromWord.front() == '[')
        ip = canonicalIp(std::string_view(fromWord).substr(1, fromWord.find(']') == std::string::npos ? std::string::npos : fromWord.find(']') - 1));
    for (size_t ci = 0; ci < fromComments.size(); ++ci) {
        const std::string &c = fromComments[ci];
        if (isTlsComment(c))
            continue;
        std::vector<std::string> words;
        for (auto w : split(c, ' '))
            if (!trim(w).empty())
                words.emplace_back(trim(w));
        for (size_t wi = 0; wi < words.size(); ++wi) {
            std::string w = words[wi];
            if ((equalsIgnoreCase(w, "HELO") || equalsIgnoreCase(w, "EHLO")) && wi + 1 < words.size()) {
                helo = words[++wi];
                continue;
            }
            if (startsWithIgnoreCase(w, "helo=") || startsWithIgnoreCase(w, "ehlo=")) {
                helo = w.substr(5);
                continue;
            }
            if (!w.empty() && w.front() == '[') {
                size_t close = w.find(']');
                if (ip.empty())
                    ip = canonicalIp(w.substr(1, close == std::string::npos ? std::string::npos : close - 1));
                // Exim: "from NAME ([ip]:port ...)" names the host by its verified reverse DNS
                // ($sender_rcvhost); the HELO, when it differs, follows as "helo=". The port
                // form is Exim's alone (sendmail's "HELO ([ip])" puts the HELO outside).
                if (ci == 0 && wi == 0 && close != std::string::npos && close + 2 < w.size() && w[close + 1] == ':' &&
                    std::all_of(w.begin() + long(close) + 2, w.end(), [](char d) { return isDigit(d); }))
                    eximVerifiedName = true;
                continue;
            }
            std::string bare = canonicalIp(w);
            if (!bare.empty()) {
                if (ip.empty())
                    ip = bare;
                continue;
            }
            if (ci == 0 && wi == 0 && looksLikeHost(w) && w.find('.') != std::string::npos)
                rdns = stripDot(w);
        }
    }
    if (!helo.empty()) {
        hop.from = helo;
        if (rdns.empty() && looksLikeHost(fromWord) && fromWord.find('.') != std::string::npos)
            rdns = stripDot(fromWord);
    } else {
        hop.from = fromWord;
    }
    if (eximVerifiedName && rdns.empty() && looksLikeHost(fromWord) && fromWord.find('.') != std::string::npos)
        rdns = stripDot(fromWord);
    hop.fromRdns = rdns;
    hop.ip = ip;

    const std::string proto = toLower(hop.with.substr(0, hop.with.find(' ')));
    if (proto == "esmtps" || proto == "esmtpsa" || proto == "utf8smtps" || proto == "utf8smtpsa" || proto == "lmtps")
        hop.tls = true;
    hop.parsed = !hop.by.empty() || !fromWord.empty();
    return hop;
}

bool isLocalOnlyHop(const ReceivedHop &hop)
{
    const std::string proto = toLower(hop.with.substr(0, hop.with.find(' ')));
    if (proto == "lmtp" || proto == "lmtps" || proto == "lmtpa" || proto == "lmtpsa" || proto == "local")
        return true;
    if (!hop.ip.empty())
        return isLoopback(hop.ip);
    return hop.from.empty() || equalsIgnoreCase(hop.from, "localhost") || equalsIgnoreCase(hop.fromRdns, "localhost");
}

TraceAnalysis analyseTrace(const Message &message, const std::vector<std::string> &trustedRelays)
{
    return analyseTrace(message, trustedRelays, nullptr);
}

TraceAnalysis analyseTrace(const Message &message, const std::vector<std::string> &trustedRelays,
                           const ProviderProfile *provider)
{
    TraceAnalysis a;
    std::vector<bool> qmailNote;
    for (const HeaderField *f : message.fields("Received")) {
        const std::string value = f->value();
        ReceivedHop hop = parseReceived(value);
        hop.fieldIndex = f->index;
        a.hops.push_back(std::move(hop));
        qmailNote.push_back(isQmailNote(value));
    }
    for (size_t i = 0; i + 1 < a.hops.size(); ++i)
        if (a.hops[i].time && a.hops[i + 1].time)
            a.hops[i].delaySeconds = *a.hops[i].time - *a.hops[i + 1].time;

    if (const HeaderField *rp = message.field("Return-Path")) {
        std::string v = rp->value();
        if (v.size() >= 2 && v.front() == '<' && v.back() == '>')
            v = std::string(trim(std::string_view(v).substr(1, v.size() - 2)));
        if (v.size() <= 512) {
            a.mailFrom = v;
            a.haveMailFrom = true;
        } else {
            a.notes.push_back("Return-Path too long: ignored");
        }
    }

    auto isRelay = [&](std::string_view host) {
        for (const auto &r : trustedRelays)
            if (matchesRelay(host, r))
                return true;
        return provider && provider->isProviderHost(host);
    };
    // Is the sender recorded by a trusted hop itself inside the receiving side? Then the hop below
    // was written inside too (chain of custody), whatever name its writer gave itself. The sender
    // is judged by what the receiving hop saw: its IP (a private or loopback address, one of the
    // provider's internal networks, a relay given by address) or its verified reverse-DNS name;
    // the HELO name (chosen by the sender) only when the hop records neither.
    auto senderIsInside = [&](const ReceivedHop &h) {
        // The provider's own outgoing server is a sender, whatever network it sends from. This
        // only ever moves the boundary up (fewer fields trusted), never down.
        if (provider && (provider->isOutboundHost(h.from) || provider->isOutboundHost(h.fromRdns)))
            return false;
        if (isMailboxRetrieval(h))
            return true;
        // No sender at all ("by relay (Postfix, from userid 112)"): a local submission on the
        // writing host, such as a content filter handing the message back. Inside when that host
        // is one of the receiving side's (a relay the user named, or the provider's).
        if (h.from.empty() && h.fromRdns.empty() && h.ip.empty())
            return !h.by.empty() && isRelay(h.by);
        if (!h.ip.empty()) {
            if (isPrivateAddress(h.ip))
                return true;
            // A profile network counts with the provider's own host name on the hop: Microsoft's
            // and Apple's servers that send other customers' mail share those networks.
            if (provider && provider->isInternalAddress(h.ip) &&
                (provider->receivingHosts.empty() || provider->isProviderHost(h.from) ||
                 provider->isProviderHost(h.fromRdns)))
                return true;
            for (const auto &r : trustedRelays)
                if (h.ip == canonicalIp(r))
                    return true;
            return !h.fromRdns.empty() && isRelay(h.fromRdns);
        }
        if (!h.fromRdns.empty())
            return isRelay(h.fromRdns);
        return isRelay(h.from);
    };

    size_t i = 0;
    while (i < a.hops.size() && isLocalOnlyHop(a.hops[i])) {
        a.hops[i].trusted = true;
        ++i;
    }
    if (i > 0)
        a.notes.push_back(std::to_string(i) + " local delivery hop(s) at the top skipped");
    if (i >= a.hops.size()) {
        for (auto &h : a.hops)
            h.trusted = false;
        a.notes.push_back(a.hops.empty() ? "no Received field" : "only local Received fields");
        return a;
    }

    // The topmost hop was written by the receiving side (nothing can be added above it). With
    // relays named by the user, it must be one of them, or the mail took another way in.
    if (!trustedRelays.empty() && !isRelay(a.hops[i].by)) {
        a.notes.push_back("Received hop " + std::to_string(i + 1) + " written by " +
                          (a.hops[i].by.empty() ? std::string("an unnamed host") : escapeForDisplay(a.hops[i].by)) +
                          ", not a trusted relay: no trust boundary");
        for (auto &h : a.hops)
            h.trusted = false;
        return a;
    }
    for (; i < a.hops.size(); ++i) {
        ReceivedHop &h = a.hops[i];
        h.trusted = true;
        // The line below a qmail note was written by the same host: the note names no sender.
        if (qmailNote[i] && i + 1 < a.hops.size())
            continue;
        if (!senderIsInside(h)) {
            a.boundaryHop = int(i);
            break;
        }
    }
    if (a.boundaryHop < 0) {
        for (auto &h : a.hops)
            h.trusted = false;
        a.notes.push_back("every Received hop is inside the receiving side: no trust boundary");
        return a;
    }
    const ReceivedHop &b = a.hops[size_t(a.boundaryHop)];
    a.clientIp = b.ip;
    a.helo = b.from;
    a.source = "Received hop " + std::to_string(a.boundaryHop + 1) + " written by " +
               (b.by.empty() ? std::string("an unnamed host") : escapeForDisplay(b.by));
    if (!b.parsed)
        a.notes.push_back("the boundary Received field could not be read");
    return a;
}

} // namespace verifier
