#pragma once
// A scriptable DNS server on 127.0.0.1 for tests that need a resolver to misbehave (issue 24): UDP
// and TCP on one free port, answering from rules per name and type. A rule gives the records of a
// small zone, or SERVFAIL, REFUSED, no answer at all, an answer after a delay, or a truncated UDP
// answer (TC=1, the full answer over TCP). Names not in the zone get NXDOMAIN; a name in the zone
// asked for another type gets NODATA. A rule name "*.x.example" matches every name below
// x.example. It runs on its own thread; the real UnboundResolver talks to it through
// `forwarder()` (`ub_ctx_set_fwd`, PITFALLS.md "unbound on loopback"), so tests pass
// `trustAnchorFile = ""` (the fake server does not sign).
//
// Wire format: RFC 1035 §4 (header, question, answers with a compression pointer to the question),
// RFC 6891 (an OPT record is echoed when the query had one), RFC 7766 (two-byte length over TCP).
// Header-only like the other helpers in tests/common; no Qt.

#include "Resolver.h"
#include "ZoneResolver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dnstest {

class FakeDnsServer
{
public:
    enum class Action { Answer, ServFail, Refused, NoAnswer, Truncate };

    FakeDnsServer() = default;
    ~FakeDnsServer() { stop(); }
    FakeDnsServer(const FakeDnsServer &) = delete;
    FakeDnsServer &operator=(const FakeDnsServer &) = delete;

    /// Binds UDP and TCP on one free loopback port and starts answering. False when no port.
    bool start()
    {
        for (int attempt = 0; attempt < 20 && m_udp < 0; ++attempt) {
            const int udp = ::socket(AF_INET, SOCK_DGRAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            socklen_t len = sizeof addr;
            if (udp < 0 || ::bind(udp, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
                ::getsockname(udp, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
                if (udp >= 0)
                    ::close(udp);
                continue;
            }
            const int tcp = ::socket(AF_INET, SOCK_STREAM, 0);
            const int one = 1;
            ::setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (tcp < 0 || ::bind(tcp, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(tcp, 16) != 0) {
                ::close(udp);
                if (tcp >= 0)
                    ::close(tcp);
                continue; // the TCP port of that number is taken: try another
            }
            m_udp = udp;
            m_tcp = tcp;
            m_port = ntohs(addr.sin_port);
        }
        if (m_udp < 0)
            return false;
        if (::pipe(m_wake) != 0)
            return false;
        m_thread = std::thread([this] { run(); });
        return true;
    }

    void stop()
    {
        if (!m_thread.joinable())
            return;
        m_stopping = true;
        const char c = 0;
        (void)!::write(m_wake[1], &c, 1);
        m_thread.join();
        for (int fd : {m_udp, m_tcp, m_wake[0], m_wake[1]})
            if (fd >= 0)
                ::close(fd);
        m_udp = m_tcp = m_wake[0] = m_wake[1] = -1;
    }

    uint16_t port() const { return m_port; }
    /// For UnboundOptions::forwarder.
    std::string forwarder() const { return "127.0.0.1@" + std::to_string(m_port); }

    /// Adds a record to the zone. @p text: A/AAAA an address; TXT the text (split into
    /// character-strings of 255); MX "PREF NAME"; CNAME/NS/PTR a name.
    void add(const std::string &name, verifier::RrType type, const std::string &text, uint32_t ttl = 300)
    {
        std::lock_guard lock(m_mutex);
        m_zone[lower(name)].push_back({type, text, ttl});
    }

    /// Serves the names of an RFC 1035 master file too (after the records given with add()).
    bool loadZone(const std::string &text)
    {
        auto zone = std::make_shared<verifier::ZoneResolver>();
        if (!zone->loadMasterFile(text).ok())
            return false;
        std::lock_guard lock(m_mutex);
        m_file = std::move(zone);
        return true;
    }

    /// How the server treats @p name (a "*.suffix" pattern allowed) for @p type (any type when
    /// @p anyType). Later rules win over earlier ones.
    void rule(const std::string &name, Action action, int delayMs = 0, bool anyType = true,
              verifier::RrType type = verifier::RrType::A)
    {
        std::lock_guard lock(m_mutex);
        m_rules.push_back({lower(name), anyType, type, action, delayMs});
    }

    /// Queries received (UDP and TCP) for @p name, any type.
    int queries(const std::string &name) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_counts.find(lower(name));
        return it == m_counts.end() ? 0 : it->second;
    }
    int totalQueries() const { return m_total.load(); }

private:
    struct Record
    {
        verifier::RrType type;
        std::string text;
        uint32_t ttl;
    };
    struct Rule
    {
        std::string name;
        bool anyType;
        verifier::RrType type;
        Action action;
        int delayMs;
    };
    struct Delayed
    {
        std::chrono::steady_clock::time_point due;
        std::string reply;
        sockaddr_in to;
    };

    static std::string lower(std::string s)
    {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        while (!s.empty() && s.back() == '.')
            s.pop_back();
        return s;
    }

    static void put16(std::string &out, unsigned v)
    {
        out += char((v >> 8) & 0xff);
        out += char(v & 0xff);
    }
    static void put32(std::string &out, uint32_t v)
    {
        put16(out, v >> 16);
        put16(out, v & 0xffff);
    }
    static void putName(std::string &out, const std::string &name)
    {
        size_t start = 0;
        const std::string n = lower(name);
        while (start < n.size()) {
            size_t dot = n.find('.', start);
            if (dot == std::string::npos)
                dot = n.size();
            out += char(dot - start);
            out += n.substr(start, dot - start);
            start = dot + 1;
        }
        out += '\0';
    }

    static std::string rdata(const Record &r)
    {
        std::string out;
        switch (r.type) {
        case verifier::RrType::A:
        case verifier::RrType::AAAA: {
            unsigned char buf[16];
            const bool v4 = r.type == verifier::RrType::A;
            if (::inet_pton(v4 ? AF_INET : AF_INET6, r.text.c_str(), buf) == 1)
                out.assign(reinterpret_cast<const char *>(buf), v4 ? 4 : 16);
            break;
        }
        case verifier::RrType::TXT:
        case verifier::RrType::SPF:
            for (size_t i = 0; i < r.text.size() || i == 0; i += 255) {
                const std::string part = r.text.substr(i, 255);
                out += char(part.size());
                out += part;
            }
            break;
        case verifier::RrType::MX: {
            const size_t space = r.text.find(' ');
            put16(out, unsigned(std::stoul(r.text.substr(0, space))));
            putName(out, r.text.substr(space + 1));
            break;
        }
        case verifier::RrType::CNAME:
        case verifier::RrType::NS:
        case verifier::RrType::PTR:
            putName(out, r.text);
            break;
        case verifier::RrType::SOA:
        case verifier::RrType::SRV:
        case verifier::RrType::TLSA:
            break; // not served: empty rdata
        }
        return out;
    }

    /// Builds the reply to @p query; empty when nothing is to be sent. @p delayMs receives the
    /// rule's delay. Over TCP a Truncate rule answers in full.
    std::string answer(const std::string &query, bool tcp, int *delayMs)
    {
        *delayMs = 0;
        if (query.size() < 12 || (uint8_t(query[2]) & 0x80))
            return {};
        // The question: one name (no compression in queries), type, class.
        size_t pos = 12;
        std::string name;
        while (pos < query.size() && query[pos] != 0) {
            const size_t n = uint8_t(query[pos]);
            if (n > 63 || pos + 1 + n > query.size())
                return {};
            if (!name.empty())
                name += '.';
            name += query.substr(pos + 1, n);
            pos += 1 + n;
        }
        if (pos + 5 > query.size())
            return {};
        pos += 1;
        const auto qtype = verifier::RrType((uint8_t(query[pos]) << 8) | uint8_t(query[pos + 1]));
        pos += 4;
        const std::string question = query.substr(12, pos - 12);
        const bool edns = uint16_t((uint8_t(query[10]) << 8) | uint8_t(query[11])) > 0;
        name = lower(name);

        Action action = Action::Answer;
        std::vector<Record> records;
        bool known = false;
        {
            std::lock_guard lock(m_mutex);
            ++m_counts[name];
            for (const Rule &r : m_rules) {
                const bool nameMatches = r.name == name ||
                    (r.name.rfind("*.", 0) == 0 && name.size() > r.name.size() - 1 &&
                     name.compare(name.size() - (r.name.size() - 1), std::string::npos, r.name, 1) == 0);
                if (nameMatches && (r.anyType || r.type == qtype)) {
                    action = r.action;
                    *delayMs = r.delayMs;
                }
            }
            const auto it = m_zone.find(name);
            if (it != m_zone.end()) {
                known = true;
                for (const Record &r : it->second)
                    if (r.type == qtype || (r.type == verifier::RrType::CNAME && qtype != verifier::RrType::CNAME))
                        records.push_back(r);
            } else if (m_file) {
                const verifier::DnsAnswer a = m_file->query(name, qtype);
                known = a.status != verifier::DnsStatus::NxDomain;
                for (const verifier::DnsRecord &r : a.records)
                    records.push_back({qtype, qtype == verifier::RrType::MX ? std::to_string(r.preference) + ' ' + r.text : r.text,
                                       300});
            }
        }
        ++m_total;
        if (action == Action::NoAnswer)
            return {};

        std::string out = query.substr(0, 2);
        unsigned flags = 0x8000 | (uint8_t(query[2]) & 0x79) << 8 | 0x0400 | 0x0080; // QR, opcode+RD, AA, RA
        unsigned rcode = 0;
        if (action == Action::ServFail)
            rcode = 2;
        else if (action == Action::Refused)
            rcode = 5;
        else if (!known)
            rcode = 3;
        const bool truncated = action == Action::Truncate && !tcp;
        if (truncated)
            flags |= 0x0200;
        if (rcode != 0 || truncated)
            records.clear();
        put16(out, flags | rcode);
        put16(out, 1);
        put16(out, unsigned(records.size()));
        put16(out, 0);
        put16(out, edns ? 1 : 0);
        out += question;
        for (const Record &r : records) {
            put16(out, 0xc00c);
            put16(out, unsigned(r.type));
            put16(out, 1);
            put32(out, r.ttl);
            const std::string data = rdata(r);
            put16(out, unsigned(data.size()));
            out += data;
        }
        if (edns) {
            out += '\0';
            put16(out, 41);   // OPT
            put16(out, 4096); // UDP payload size
            put32(out, 0);
            put16(out, 0);
        }
        return out;
    }

    void serveTcp(int fd)
    {
        // One connection at a time, each read bounded by a short poll: enough for tests.
        std::string buffer;
        for (;;) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 1000) <= 0)
                break;
            char chunk[4096];
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            if (n <= 0)
                break;
            buffer.append(chunk, size_t(n));
            while (buffer.size() >= 2) {
                const size_t len = (uint8_t(buffer[0]) << 8) | uint8_t(buffer[1]);
                if (buffer.size() < 2 + len)
                    break;
                int delay = 0;
                const std::string reply = answer(buffer.substr(2, len), true, &delay);
                buffer.erase(0, 2 + len);
                if (reply.empty())
                    continue;
                if (delay > 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
                std::string framed;
                put16(framed, unsigned(reply.size()));
                framed += reply;
                (void)!::send(fd, framed.data(), framed.size(), MSG_NOSIGNAL); // the client may have given up
            }
        }
        ::close(fd);
    }

    void run()
    {
        std::vector<Delayed> delayed;
        while (!m_stopping) {
            int waitMs = 200;
            const auto now = std::chrono::steady_clock::now();
            for (auto it = delayed.begin(); it != delayed.end();) {
                if (it->due <= now) {
                    ::sendto(m_udp, it->reply.data(), it->reply.size(), 0, reinterpret_cast<const sockaddr *>(&it->to),
                             sizeof it->to);
                    it = delayed.erase(it);
                } else {
                    waitMs = std::min<int>(waitMs,
                        int(std::chrono::duration_cast<std::chrono::milliseconds>(it->due - now).count()) + 1);
                    ++it;
                }
            }
            pollfd fds[3] = {{m_udp, POLLIN, 0}, {m_tcp, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
            if (::poll(fds, 3, waitMs) <= 0)
                continue;
            if (fds[0].revents & POLLIN) {
                char buf[4096];
                sockaddr_in from{};
                socklen_t fromLen = sizeof from;
                const ssize_t n = ::recvfrom(m_udp, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &fromLen);
                if (n > 0) {
                    int delay = 0;
                    std::string reply = answer(std::string(buf, size_t(n)), false, &delay);
                    if (!reply.empty())
                        delayed.push_back({std::chrono::steady_clock::now() + std::chrono::milliseconds(delay),
                                           std::move(reply), from});
                }
            }
            if (fds[1].revents & POLLIN) {
                const int conn = ::accept(m_tcp, nullptr, nullptr);
                if (conn >= 0)
                    serveTcp(conn);
            }
        }
    }

    int m_udp = -1;
    int m_tcp = -1;
    int m_wake[2] = {-1, -1};
    uint16_t m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_total{0};
    mutable std::mutex m_mutex;
    std::map<std::string, std::vector<Record>> m_zone;
    std::vector<Rule> m_rules;
    std::shared_ptr<verifier::ZoneResolver> m_file;
    std::map<std::string, int> m_counts;
};

} // namespace dnstest
