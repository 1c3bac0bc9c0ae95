#include "ShownFields.h"

#include "Rfc2047.h"
#include "Strings.h"

namespace sealcheck {

namespace {

QString valueOf(const verifier::HeaderField &field, bool decode)
{
    std::string value = field.value();
    const bool cut = value.size() > size_t(kMaxShownValueChars) * 4;
    if (cut)
        value.resize(size_t(kMaxShownValueChars) * 4); // UTF-8: at most 4 bytes a character
    const std::string shown = verifier::escapeForDisplay(decode ? verifier::decodeEncodedWords(value) : value);
    QString text = QString::fromUtf8(shown.data(), qsizetype(shown.size()));
    if (cut || text.size() > kMaxShownValueChars) {
        text.truncate(kMaxShownValueChars);
        if (text.size() && text.back().isHighSurrogate())
            text.chop(1);
        text += QStringLiteral("\u2026");
    }
    return text;
}

} // namespace

QList<ShownField> shownFields(const verifier::Message &message)
{
    QList<ShownField> out;
    for (const char *name : {"From", "To", "Cc", "Subject", "Date"}) {
        const auto fields = message.fields(name);
        int copy = 0;
        for (const verifier::HeaderField *f : fields) {
            if (copy == kMaxShownCopies)
                break;
            out.append({QString::fromLatin1(name), valueOf(*f, std::string_view(name) != "Date"), ++copy, int(fields.size())});
        }
    }
    return out;
}

QString shownFieldValue(const verifier::Message &message, std::string_view name)
{
    QStringList values;
    for (const verifier::HeaderField *f : message.fields(name)) {
        if (values.size() == kMaxShownCopies)
            break;
        values << valueOf(*f, name != "Date");
    }
    // The separator is a sign, not a word: the list shows it in every language.
    return values.join(QStringLiteral(" \u26A0 "));
}

} // namespace sealcheck
