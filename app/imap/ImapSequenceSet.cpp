#include "ImapSequenceSet.h"

#include <algorithm>

namespace imap {

QByteArray formatSequenceSet(QList<quint32> numbers)
{
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    numbers.removeAll(0u);
    QByteArray out;
    qsizetype i = 0;
    while (i < numbers.size()) {
        qsizetype j = i;
        while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1)
            ++j;
        if (!out.isEmpty())
            out.append(',');
        out.append(QByteArray::number(numbers[i]));
        if (j > i)
            out.append(':').append(QByteArray::number(numbers[j]));
        i = j + 1;
    }
    return out;
}

static std::optional<quint32> parseNz(const QByteArray &s)
{
    if (s.isEmpty() || s.size() > 10)
        return std::nullopt;
    quint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + quint64(c - '0');
    }
    if (v == 0 || v > 0xFFFFFFFFull)
        return std::nullopt;
    return quint32(v);
}

std::optional<QList<quint32>> parseSequenceSet(const QByteArray &text, qsizetype maxCount)
{
    QList<quint32> out;
    if (text.isEmpty())
        return std::nullopt;
    for (const QByteArray &part : text.split(',')) {
        const qsizetype colon = part.indexOf(':');
        if (colon < 0) {
            const auto n = parseNz(part);
            if (!n || out.size() >= maxCount)
                return std::nullopt;
            out.append(*n);
            continue;
        }
        auto a = parseNz(part.left(colon));
        auto b = parseNz(part.mid(colon + 1));
        if (!a || !b)
            return std::nullopt;
        if (*a > *b)
            std::swap(a, b);
        if (qint64(*b - *a) + 1 > maxCount - out.size())
            return std::nullopt;
        for (quint64 v = *a; v <= *b; ++v)
            out.append(quint32(v));
    }
    return out;
}

} // namespace imap
