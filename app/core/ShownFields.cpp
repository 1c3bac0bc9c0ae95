#include "ShownFields.h"

#include "Rfc2047.h"
#include "Strings.h"

namespace sealcheck {

namespace {

QString valueOf(const verifier::HeaderField &field, bool decode)
{
    const std::string value = field.value();
    const std::string shown = verifier::escapeForDisplay(decode ? verifier::decodeEncodedWords(value) : value);
    return QString::fromUtf8(shown.data(), qsizetype(shown.size()));
}

} // namespace

QList<ShownField> shownFields(const verifier::Message &message)
{
    QList<ShownField> out;
    for (const char *name : {"From", "To", "Cc", "Subject", "Date"}) {
        const auto fields = message.fields(name);
        int copy = 0;
        for (const verifier::HeaderField *f : fields)
            out.append({QString::fromLatin1(name), valueOf(*f, std::string_view(name) != "Date"), ++copy, int(fields.size())});
    }
    return out;
}

QString shownFieldValue(const verifier::Message &message, std::string_view name)
{
    QStringList values;
    for (const verifier::HeaderField *f : message.fields(name))
        values << valueOf(*f, name != "Date");
    // The separator is a sign, not a word: the list shows it in every language.
    return values.join(QStringLiteral(" \u26A0 "));
}

} // namespace sealcheck
