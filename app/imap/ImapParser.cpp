#include "ImapParser.h"

#include "ImapSequenceSet.h"
#include "ImapTokenizer.h"

namespace imap {

namespace {

ImapError parseError(const QByteArray &why)
{
    return ImapError{ImapErrorKind::ProtocolError,
                     QStringLiteral("the server sent a response that cannot be parsed (%1)")
                         .arg(QString::fromLatin1(why)),
                     {}, {}};
}

bool isNumericCode(const QByteArray &name)
{
    return name == "UIDVALIDITY" || name == "UIDNEXT" || name == "HIGHESTMODSEQ" || name == "UNSEEN"
        || name == "APPENDUID" || name == "COPYUID";
}

/// resp-text = ["[" resp-text-code "]" SP] text
bool parseRespText(ImapTokenizer &t, const QByteArray &in, ImapResponse &r)
{
    t.consume(' ');
    if (t.consume('[')) {
        ResponseCode code;
        auto name = t.readAtom();
        if (!name)
            return false;
        code.name = name->toUpper();
        if (t.consume(' ')) {
            const qsizetype close = in.indexOf(']', t.offset());
            const qsizetype eol = in.indexOf("\r\n", t.offset());
            if (close < 0 || (eol >= 0 && close > eol)) {
                t.fail("unterminated response code");
                return false;
            }
            code.argument = in.mid(t.offset(), close - t.offset());
            ImapTokenizer arg(code.argument);
            if (isNumericCode(code.name)) {
                code.number = arg.readNumber(0xFFFFFFFFFFFFFFFFull);
                if (!code.number || (code.name != "HIGHESTMODSEQ" && *code.number > 0xFFFFFFFFull)) {
                    t.fail("bad number in response code");
                    return false;
                }
            } else if (code.name == "CAPABILITY") {
                for (const QByteArray &a : code.argument.split(' '))
                    if (!a.isEmpty())
                        code.list.append(a);
            } else if (code.name == "PERMANENTFLAGS") {
                auto flags = arg.readFlagList();
                if (!flags) {
                    t.fail("bad PERMANENTFLAGS");
                    return false;
                }
                code.list = *flags;
            }
            t.skipTo(close + 1);
        } else if (!t.expect(']')) {
            return false;
        }
        r.code = code;
        t.consume(' ');
    }
    r.text = t.readRestOfLine();
    return true;
}

bool parseFetch(ImapTokenizer &t, const QByteArray &in, FetchData &f)
{
    if (!t.expect('('))
        return false;
    if (t.consume(')'))
        return true;
    for (;;) {
        const qsizetype nameStart = t.offset();
        while (!t.atEnd() && isAtomChar(t.peek()) && t.peek() != '[')
            t.consume(t.peek());
        QByteArray name = in.mid(nameStart, t.offset() - nameStart).toUpper();
        if (name.isEmpty()) {
            t.fail("expected a FETCH item");
            return false;
        }
        QByteArray section;
        bool hasSection = false;
        if (t.peek() == '[') {
            hasSection = true;
            const qsizetype start = t.offset();
            bool quoted = false;
            qsizetype i = start + 1;
            for (; i < in.size(); ++i) {
                const char c = in.at(i);
                if (c == '\r' || c == '\n')
                    break;
                if (c == '"')
                    quoted = !quoted;
                else if (c == ']' && !quoted)
                    break;
            }
            if (i >= in.size() || in.at(i) != ']') {
                t.fail("unterminated section");
                return false;
            }
            section = in.mid(start, i - start + 1).toUpper();
            t.skipTo(i + 1);
            if (t.consume('<')) { // <origin>
                if (!t.readNumber() || !t.expect('>'))
                    return false;
            }
        }
        if (!t.expectSpace())
            return false;
        if (name == "UID" && !hasSection) {
            auto v = t.readNumber();
            if (!v || *v == 0) {
                t.fail("bad UID");
                return false;
            }
            f.uid = quint32(*v);
        } else if (name == "FLAGS" && !hasSection) {
            auto flags = t.readFlagList();
            if (!flags)
                return false;
            f.flags = *flags;
        } else if (name == "INTERNALDATE" && !hasSection) {
            auto d = t.readQuoted();
            if (!d)
                return false;
            f.internalDate = *d;
        } else if (name == "RFC822.SIZE" && !hasSection) {
            auto v = t.readNumber(0xFFFFFFFFFFFFFFFFull);
            if (!v)
                return false;
            f.rfc822Size = *v;
        } else if (name == "MODSEQ" && !hasSection) {
            std::optional<quint64> v;
            if (!t.expect('(') || !(v = t.readNumber(0xFFFFFFFFFFFFFFFFull)) || !t.expect(')'))
                return false;
            f.modSeq = *v;
        } else if (((name == "BODY" || name == "BINARY") && hasSection) || name == "RFC822"
                   || name == "RFC822.HEADER" || name == "RFC822.TEXT") {
            auto v = t.readNString();
            if (!v)
                return false;
            f.sections.insert(name + section, *v);
        } else {
            if (!t.skipValue())
                return false; // ENVELOPE, BODYSTRUCTURE, BINARY.SIZE, EMAILID, ...
        }
        if (t.consume(')'))
            return true;
        if (!t.expectSpace())
            return false;
    }
}

bool parseList(ImapTokenizer &t, ListEntry &l)
{
    auto attrs = t.readFlagList();
    if (!attrs || !t.expectSpace())
        return false;
    l.attributes = *attrs;
    bool nil = false;
    if (t.consumeIgnoreCase("NIL")) {
        nil = true;
    } else {
        auto d = t.readQuoted();
        if (!d)
            return false;
        l.delimiter = *d;
    }
    Q_UNUSED(nil);
    if (!t.expectSpace())
        return false;
    auto name = t.readAString();
    if (!name)
        return false;
    l.name = *name;
    while (t.consume(' ')) // LIST-EXTENDED data: ignored
        if (!t.skipValue())
            return false;
    return true;
}

bool parseStatus(ImapTokenizer &t, StatusData &s)
{
    auto name = t.readAString();
    if (!name || !t.expectSpace() || !t.expect('('))
        return false;
    s.mailbox = *name;
    if (t.consume(')'))
        return true;
    for (;;) {
        auto key = t.readAtom();
        std::optional<quint64> v;
        if (!key || !t.expectSpace() || !(v = t.readNumber(0xFFFFFFFFFFFFFFFFull)))
            return false;
        s.values.insert(key->toUpper(), *v);
        if (t.consume(')'))
            return true;
        if (!t.expectSpace())
            return false;
    }
}

bool parseSearch(ImapTokenizer &t, ImapResponse &r)
{
    while (t.consume(' ')) {
        if (t.consume('(')) {
            std::optional<quint64> v;
            if (!t.consumeIgnoreCase("MODSEQ") || !t.expectSpace()
                || !(v = t.readNumber(0xFFFFFFFFFFFFFFFFull)) || !t.expect(')'))
                return false;
            r.searchModSeq = *v;
            continue;
        }
        if (t.atLineEnd()) // "* SEARCH " with trailing space (seen in the wild)
            return true;
        auto n = t.readNumber();
        if (!n || *n == 0) {
            t.fail("bad SEARCH result");
            return false;
        }
        r.numbers.append(quint32(*n));
    }
    return true;
}

bool parseESearch(ImapTokenizer &t, ImapResponse &r)
{
    while (t.consume(' ')) {
        if (t.peek() == '(') { // (TAG "a1")
            if (!t.skipValue())
                return false;
            continue;
        }
        auto key = t.readAtom();
        if (!key)
            return false;
        const QByteArray k = key->toUpper();
        if (k == "UID")
            continue;
        if (!t.expectSpace())
            return false;
        if (k == "ALL") {
            auto set = t.readAtom();
            std::optional<QList<quint32>> nums;
            if (!set || !(nums = parseSequenceSet(*set))) {
                t.fail("bad ESEARCH ALL");
                return false;
            }
            r.numbers = *nums;
        } else if (k == "MODSEQ") {
            auto v = t.readNumber(0xFFFFFFFFFFFFFFFFull);
            if (!v)
                return false;
            r.searchModSeq = *v;
        } else if (!t.skipValue()) {
            return false;
        }
    }
    return true;
}

ImapExpected<ImapResponse> finish(ImapTokenizer &t, ImapResponse r, bool ok)
{
    if (!ok || t.failed())
        return parseError(t.failed() ? t.error() : QByteArray("malformed response"));
    if (!t.expectEnd())
        return parseError(t.error());
    return r;
}

} // namespace

ImapExpected<ImapResponse> ImapParser::parse(const QByteArray &in)
{
    ImapTokenizer t(in);
    ImapResponse r;
    if (!in.endsWith("\r\n"))
        return parseError("response does not end with CRLF");

    if (t.consume('+')) {
        r.kind = ResponseKind::Continuation;
        t.consume(' ');
        r.text = t.readRestOfLine();
        return finish(t, r, true);
    }

    if (t.consume('*')) {
        r.kind = ResponseKind::Untagged;
        if (!t.expectSpace())
            return finish(t, r, false);
        if (t.peek() >= '0' && t.peek() <= '9') {
            auto n = t.readNumber();
            if (!n || !t.expectSpace())
                return finish(t, r, false);
            r.number = quint32(*n);
            auto what = t.readAtom();
            if (!what)
                return finish(t, r, false);
            const QByteArray w = what->toUpper();
            if (w == "EXISTS") {
                r.type = UntaggedType::Exists;
            } else if (w == "RECENT") {
                r.type = UntaggedType::Recent;
            } else if (w == "EXPUNGE") {
                r.type = UntaggedType::Expunge;
                if (r.number == 0)
                    return parseError("EXPUNGE of message 0");
            } else if (w == "FETCH") {
                r.type = UntaggedType::Fetch;
                if (r.number == 0)
                    return parseError("FETCH of message 0");
                const bool ok = t.expectSpace() && parseFetch(t, in, r.fetch);
                return finish(t, r, ok);
            } else {
                return parseError("unknown numbered response " + w.left(40));
            }
            return finish(t, r, true);
        }
        auto name = t.readAtom();
        if (!name)
            return finish(t, r, false);
        const QByteArray n = name->toUpper();
        bool ok = true;
        if (n == "OK" || n == "NO" || n == "BAD" || n == "BYE" || n == "PREAUTH") {
            r.status = n == "OK"   ? ResponseStatus::Ok
                : n == "NO"        ? ResponseStatus::No
                : n == "BAD"       ? ResponseStatus::Bad
                : n == "BYE"       ? ResponseStatus::Bye
                                   : ResponseStatus::PreAuth;
            ok = parseRespText(t, in, r);
        } else if (n == "CAPABILITY" || n == "ENABLED") {
            r.type = n == "CAPABILITY" ? UntaggedType::Capability : UntaggedType::Enabled;
            while (ok && t.consume(' ')) {
                if (t.atLineEnd())
                    break;
                auto a = t.readAStringAtom();
                ok = a.has_value();
                if (ok)
                    r.atoms.append(*a);
            }
        } else if (n == "LIST" || n == "LSUB") {
            r.type = UntaggedType::List;
            ok = t.expectSpace() && parseList(t, r.list);
        } else if (n == "STATUS") {
            r.type = UntaggedType::Status;
            ok = t.expectSpace() && parseStatus(t, r.statusData);
        } else if (n == "FLAGS") {
            r.type = UntaggedType::Flags;
            std::optional<QList<QByteArray>> flags;
            ok = t.expectSpace() && (flags = t.readFlagList()).has_value();
            if (ok)
                r.atoms = *flags;
        } else if (n == "SEARCH") {
            r.type = UntaggedType::Search;
            ok = parseSearch(t, r);
        } else if (n == "ESEARCH") {
            r.type = UntaggedType::ESearch;
            ok = parseESearch(t, r);
        } else if (n == "VANISHED") {
            r.type = UntaggedType::Vanished;
            ok = t.expectSpace();
            if (ok && t.peek() == '(') {
                ok = t.consume('(') && t.consumeIgnoreCase("EARLIER") && t.expect(')') && t.expectSpace();
                r.vanishedEarlier = true;
            }
            std::optional<QByteArray> set;
            std::optional<QList<quint32>> nums;
            if (ok && (set = t.readAtom()) && (nums = parseSequenceSet(*set)))
                r.numbers = *nums;
            else if (ok) {
                t.fail("bad VANISHED set");
                ok = false;
            }
        } else {
            r.type = UntaggedType::Other;
            r.otherName = n;
            // Raw rest, literals included: unknown responses (ID, NAMESPACE, METADATA...) are
            // kept verbatim and never parsed further.
            t.consume(' ');
            r.text = in.mid(t.offset(), in.size() - t.offset() - 2);
            return r;
        }
        return finish(t, r, ok);
    }

    // Tagged: tag SP resp-cond-state
    auto tag = t.readAStringAtom();
    if (!tag || tag->contains('+'))
        return parseError("expected '*', '+' or a tag");
    r.kind = ResponseKind::Tagged;
    r.tag = *tag;
    if (!t.expectSpace())
        return finish(t, r, false);
    if (t.consumeIgnoreCase("OK"))
        r.status = ResponseStatus::Ok;
    else if (t.consumeIgnoreCase("NO"))
        r.status = ResponseStatus::No;
    else if (t.consumeIgnoreCase("BAD"))
        r.status = ResponseStatus::Bad;
    else
        return parseError("tagged response without OK, NO or BAD");
    // parseRespText() fills r: it must run before r is copied into finish() (the order in
    // which function arguments are evaluated is unspecified; clang and gcc differ).
    const bool ok = parseRespText(t, in, r);
    return finish(t, r, ok);
}

std::optional<QByteArray> FetchData::message() const
{
    for (const char *k : {"BODY[]", "RFC822", "BINARY[]"}) {
        auto it = sections.constFind(QByteArray(k));
        if (it != sections.constEnd())
            return *it;
    }
    return std::nullopt;
}

std::optional<QByteArray> FetchData::header() const
{
    for (auto it = sections.constBegin(); it != sections.constEnd(); ++it)
        if (it.key() == "BODY[HEADER]" || it.key() == "RFC822.HEADER" || it.key().startsWith("BODY[HEADER.FIELDS"))
            return it.value();
    return std::nullopt;
}

} // namespace imap
