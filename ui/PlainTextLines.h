#pragma once
// The entries of a one-per-line list field (trusted authserv-ids, relays, ARC sealers): trimmed,
// without empty lines, each once (case-insensitive), in the order typed.

#include <QPlainTextEdit>
#include <QStringList>

namespace sealcheck::ui {

inline QStringList plainTextLines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &l : edit->toPlainText().split(QLatin1Char('\n'))) {
        const QString t = l.trimmed();
        if (!t.isEmpty() && !out.contains(t, Qt::CaseInsensitive))
            out << t;
    }
    return out;
}

} // namespace sealcheck::ui
