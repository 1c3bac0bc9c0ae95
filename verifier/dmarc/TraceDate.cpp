#include "TraceDate.h"

#include "Strings.h"

#include <cstdio>
#include <vector>

namespace verifier {

namespace {

// Howard Hinnant's days-from-civil algorithm (public domain description).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civilFromDays(int64_t z, int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool toInt(std::string_view s, int &out)
{
    if (s.empty() || s.size() > 9)
        return false;
    int v = 0;
    for (char c : s) {
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

} // namespace

std::optional<int64_t> parseRfc5322DateTime(std::string_view text)
{
    if (text.size() > 256)
        return std::nullopt;
    // Drop comments, turn ',' into space, split into words.
    std::string flat;
    int depth = 0;
    for (char c : text) {
        if (c == '(') { ++depth; continue; }
        if (c == ')') { if (depth > 0) --depth; continue; }
        if (depth > 0)
            continue;
        flat += (c == ',' || c == '\t' || c == '\r' || c == '\n') ? ' ' : c;
    }
    std::vector<std::string> words;
    for (auto w : split(flat, ' '))
        if (!w.empty())
            words.emplace_back(w);
    size_t i = 0;
    static const char *const dayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    if (i < words.size())
        for (auto d : dayNames)
            if (equalsIgnoreCase(words[i], d) || (words[i].size() > 3 && startsWithIgnoreCase(words[i], d) && isAlpha(words[i][3]))) {
                ++i;
                break;
            }
    if (words.size() < i + 4)
        return std::nullopt;
    int day = 0, year = 0;
    if (!toInt(words[i], day))
        return std::nullopt;
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    int month = 0;
    for (int m = 0; m < 12; ++m)
        if (equalsIgnoreCase(words[i + 1], months[m]))
            month = m + 1;
    if (!month || !toInt(words[i + 2], year))
        return std::nullopt;
    if (words[i + 2].size() == 2)
        year += year < 50 ? 2000 : 1900;
    else if (words[i + 2].size() == 3)
        year += 1900;
    // time: hh:mm[:ss]
    auto hms = split(words[i + 3], ':');
    int hh = 0, mm = 0, ss = 0;
    if (hms.size() < 2 || hms.size() > 3 || !toInt(hms[0], hh) || !toInt(hms[1], mm) ||
        (hms.size() == 3 && !toInt(hms[2], ss)))
        return std::nullopt;
    if (day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60 || year < 1900 || year > 9999)
        return std::nullopt;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > mdays[month - 1])
        return std::nullopt;
    if (month == 2 && day == 29 && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return std::nullopt;
    int offset = 0; // minutes east of UTC
    if (words.size() > i + 4) {
        const std::string &z = words[i + 4];
        if ((z[0] == '+' || z[0] == '-') && z.size() == 5) {
            int v = 0;
            if (!toInt(std::string_view(z).substr(1), v))
                return std::nullopt;
            if (v % 100 > 59)
                return std::nullopt;
            offset = (v / 100) * 60 + v % 100;
            if (z[0] == '-')
                offset = -offset;
        } else {
            struct Zone { const char *name; int hours; };
            static const Zone zones[] = {{"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0}, {"EST", -5}, {"EDT", -4},
                                         {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
            for (const auto &zz : zones)
                if (equalsIgnoreCase(z, zz.name))
                    offset = zz.hours * 60;
            // Military letters and anything else: -0000 (RFC 5322 §4.3).
        }
    }
    const int64_t days = daysFromCivil(year, unsigned(month), unsigned(day));
    return days * 86400 + hh * 3600 + mm * 60 + (ss == 60 ? 59 : ss) - int64_t(offset) * 60;
}

std::string formatRfc3339Utc(int64_t t)
{
    int64_t days = t / 86400;
    int64_t rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[40];
    snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
             static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
    return buf;
}

} // namespace verifier
