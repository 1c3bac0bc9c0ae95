#include "UnboundResolver.h"

#include "DnsName.h"
#include "Strings.h"

#include <arpa/inet.h>
#include <poll.h>
#include <unistd.h>
#include <unbound.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <utility>

namespace verifier {

namespace {

constexpr size_t kMaxRecords = 4096;
constexpr auto kPollSlice = std::chrono::milliseconds(100);
constexpr auto kUnknownServerWait = std::chrono::milliseconds(1500);

uint16_t read16(const unsigned char *p) { return uint16_t((p[0] << 8) | p[1]); }
uint32_t read32(const unsigned char *p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

std::string libError(const char *what, int rc)
{
    return std::string(what) + ": " + ub_strerror(rc);
}

/// True for "ADDR" or "ADDR@PORT" with a literal IPv4/IPv6 address and a port in 1..65535.
bool validForwarder(const std::string &spec)
{
    const size_t at = spec.find('@');
    const std::string addr = spec.substr(0, at);
    unsigned char buf[16];
    if (inet_pton(AF_INET, addr.c_str(), buf) != 1 && inet_pton(AF_INET6, addr.c_str(), buf) != 1)
        return false;
    if (at == std::string::npos)
        return true;
    const std::string port = spec.substr(at + 1);
    if (port.empty() || port.size() > 5)
        return false;
    unsigned v = 0;
    for (char c : port) {
        if (!isDigit(c))
            return false;
        v = v * 10 + unsigned(c - '0');
    }
    return v >= 1 && v <= 65535;
}

struct Pending
{
    bool done = false;
    DnsAnswer answer;
};

} // namespace

struct UnboundResolver::Impl
{
    ub_ctx *ctx = nullptr;
    bool validating = false;
    std::chrono::milliseconds timeout{5000};

    // Guards the fields below and every Pending.
    std::mutex mutex;
    std::condition_variable cv;
    bool pumping = false;
    std::string fatal;

    ~Impl()
    {
        if (ctx)
            ub_ctx_delete(ctx);
    }
};

namespace {

struct CallbackBox
{
    std::shared_ptr<Pending> pending;
    UnboundResolver::Impl *impl = nullptr;
    RrType type = RrType::A;
};

DnsAnswer convert(int err, ub_result *result, RrType type)
{
    DnsAnswer answer;
    answer.status = DnsStatus::ServFail;
    if (err != 0 || !result) {
        answer.why = libError("libunbound", err);
        return answer;
    }
    answer.ttl = result->ttl > 0 ? uint32_t(result->ttl) : 0;
    if (result->bogus) {
        answer.bogus = true;
        answer.why = std::string("DNSSEC validation failed") +
                     (result->why_bogus ? std::string(": ") + result->why_bogus : std::string());
        answer.ttl = 0;
        return answer;
    }
    answer.secure = result->secure != 0;
    switch (result->rcode) {
    case 0: break;
    case 3:
        answer.status = DnsStatus::NxDomain;
        return answer;
    case 2:
        answer.why = "server failure (SERVFAIL)";
        answer.secure = false;
        return answer;
    default:
        answer.why = "server answered rcode " + std::to_string(result->rcode);
        answer.secure = false;
        return answer;
    }
    if (!result->havedata || !result->data || !result->data[0]) {
        answer.status = DnsStatus::NoData;
        return answer;
    }
    size_t malformed = 0;
    for (size_t i = 0; result->data[i] && i < kMaxRecords; ++i) {
        const int len = result->len ? result->len[i] : -1;
        DnsRecord record;
        if (len < 0 ||
            !UnboundResolver::parseRdata(type, reinterpret_cast<const unsigned char *>(result->data[i]), size_t(len), record)) {
            ++malformed;
            continue;
        }
        record.ttl = answer.ttl;
        answer.records.push_back(std::move(record));
    }
    if (answer.records.empty()) {
        answer.status = DnsStatus::ServFail;
        answer.secure = false;
        answer.why = "malformed " + std::string(rrTypeName(type)) + " data in the answer";
        return answer;
    }
    answer.status = DnsStatus::Ok;
    if (malformed)
        answer.why = std::to_string(malformed) + " malformed record(s) dropped";
    return answer;
}

void onResult(void *arg, int err, ub_result *result)
{
    std::unique_ptr<CallbackBox> box(static_cast<CallbackBox *>(arg));
    DnsAnswer answer = convert(err, result, box->type);
    if (result)
        ub_resolve_free(result);
    {
        std::lock_guard lock(box->impl->mutex);
        box->pending->answer = std::move(answer);
        box->pending->done = true;
    }
    box->impl->cv.notify_all();
}

} // namespace

Expected<std::unique_ptr<UnboundResolver>> UnboundResolver::create(const UnboundOptions &options)
{
    auto impl = std::make_unique<Impl>();
    impl->timeout = std::max(options.timeout, std::chrono::milliseconds(1));
    impl->ctx = ub_ctx_create();
    if (!impl->ctx)
        return makeError("libunbound: could not create a context");
    ub_ctx *ctx = impl->ctx;

    int rc = ub_ctx_async(ctx, 1); // threads, not a forked process
    if (rc)
        return makeError(libError("libunbound async mode", rc));
    rc = ub_ctx_set_option(ctx, "do-not-query-localhost:", "no");
    if (rc)
        return makeError(libError("libunbound do-not-query-localhost", rc));
    // One message's dead name servers must not cost the next message its answers (issue 24):
    // libunbound keeps a timeout count and a backed-off RTT per server in its infra cache, and
    // after about five timed-out queries in a row (names whose servers never answer) it marks
    // the forwarder itself down and answers SERVFAIL at once for every later name. Measured
    // with tests/common/FakeDnsServer.h: with infra-host-ttl 0 the server's entry lives at
    // most a second, so the next message starts fresh; keep-probing keeps asking a server that
    // looks down. The first wait for an unknown server (376 ms by default) is raised so that a
    // resolver answering in 1-2 s is not asked again and again and then given up on.
    const std::string unknownWait =
        std::to_string(std::clamp<int64_t>(impl->timeout.count() / 3, 50, kUnknownServerWait.count()));
    for (const auto &[option, value] : {std::pair<const char *, std::string>{"infra-host-ttl:", "0"},
                                        {"infra-keep-probing:", "yes"},
                                        {"unknown-server-time-limit:", unknownWait}}) {
        rc = ub_ctx_set_option(ctx, option, value.c_str());
        if (rc)
            return makeError(libError((std::string("libunbound ") + option).c_str(), rc));
    }

    if (!options.forwarder.empty()) {
        if (!validForwarder(options.forwarder))
            return makeError("bad DNS forwarder '" + options.forwarder + "' (expected ADDR or ADDR@PORT)");
        rc = ub_ctx_set_fwd(ctx, options.forwarder.c_str());
        if (rc)
            return makeError(libError(("DNS forwarder '" + options.forwarder + "'").c_str(), rc));
    } else {
        if (access(options.resolvConfPath.c_str(), R_OK) != 0)
            return makeError("cannot read " + options.resolvConfPath + ": " + std::strerror(errno));
        rc = ub_ctx_resolvconf(ctx, options.resolvConfPath.c_str());
        if (rc)
            return makeError(libError(options.resolvConfPath.c_str(), rc));
    }

    if (!options.trustAnchorFile.empty() && access(options.trustAnchorFile.c_str(), F_OK) == 0) {
        if (access(options.trustAnchorFile.c_str(), R_OK) != 0)
            return makeError("cannot read trust anchor " + options.trustAnchorFile + ": " + std::strerror(errno));
        rc = ub_ctx_add_ta_file(ctx, options.trustAnchorFile.c_str());
        if (rc)
            return makeError(libError(("trust anchor " + options.trustAnchorFile).c_str(), rc));
        impl->validating = true;
    }
    return std::unique_ptr<UnboundResolver>(new UnboundResolver(std::move(impl)));
}

UnboundResolver::UnboundResolver(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

UnboundResolver::~UnboundResolver() = default;

bool UnboundResolver::validating() const
{
    return m_impl->validating;
}

DnsAnswer UnboundResolver::query(std::string_view name, RrType type) const
{
    using Clock = std::chrono::steady_clock;
    Impl &d = *m_impl;
    DnsAnswer failed;
    failed.status = DnsStatus::ServFail;

    if (name.empty() || name.size() > 254 || name.find('\0') != std::string_view::npos) {
        failed.why = "invalid domain name";
        return failed;
    }
    const std::string qname(name);
    const auto deadline = Clock::now() + d.timeout;

    auto pending = std::make_shared<Pending>();
    auto *box = new CallbackBox{pending, &d, type};
    int asyncId = 0;
    int rc = ub_resolve_async(d.ctx, qname.c_str(), int(type), 1 /* IN */, box, onResult, &asyncId);
    if (rc) {
        delete box; // the callback will never run
        failed.why = libError("libunbound", rc);
        return failed;
    }

    std::unique_lock lock(d.mutex);
    while (!pending->done && d.fatal.empty()) {
        const auto now = Clock::now();
        if (now >= deadline)
            break;
        if (d.pumping) {
            d.cv.wait_until(lock, std::min(deadline, now + kPollSlice));
            continue;
        }
        // Take the polling role: wait for the result pipe, then deliver every finished query.
        d.pumping = true;
        lock.unlock();
        const auto remaining = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
        pollfd pfd{ub_fd(d.ctx), POLLIN, 0};
        const int ready = ::poll(&pfd, 1, int(std::clamp<int64_t>(remaining.count(), 1, kPollSlice.count())));
        int processRc = 0;
        if (ready > 0)
            processRc = ub_process(d.ctx);
        lock.lock();
        d.pumping = false;
        if (processRc)
            d.fatal = libError("libunbound", processRc);
        d.cv.notify_all();
    }
    if (pending->done)
        return std::move(pending->answer);
    const std::string fatal = d.fatal;
    lock.unlock();

    // Past the deadline. If ub_cancel succeeds the callback will never run and the box is ours;
    // otherwise the answer is being delivered and the callback frees the box.
    if (ub_cancel(d.ctx, asyncId) == UB_NOERROR)
        delete box;
    lock.lock();
    if (pending->done) // delivered while we were cancelling
        return std::move(pending->answer);
    lock.unlock();
    if (!fatal.empty()) {
        failed.why = fatal;
        return failed;
    }
    DnsAnswer timedOut;
    timedOut.status = DnsStatus::Timeout;
    timedOut.why = "no answer within " + std::to_string(d.timeout.count()) + " ms";
    return timedOut;
}

bool UnboundResolver::parseRdata(RrType type, const unsigned char *data, size_t length, DnsRecord &out)
{
    if (!data && length)
        return false;
    size_t pos = 0;
    DnsName::Labels labels;
    auto name = [&](std::string &text) {
        if (!DnsName::fromWire(data, length, pos, labels))
            return false;
        text = DnsName::toText(labels);
        return true;
    };
    switch (type) {
    case RrType::A:
    case RrType::AAAA: {
        const bool v4 = type == RrType::A;
        if (length != (v4 ? 4u : 16u))
            return false;
        char buf[INET6_ADDRSTRLEN];
        if (!inet_ntop(v4 ? AF_INET : AF_INET6, data, buf, sizeof buf))
            return false;
        out.text = buf;
        return true;
    }
    case RrType::TXT:
    case RrType::SPF:
        // RFC 1035 §3.3.14: one or more <character-string>s, each a length octet and data.
        if (length == 0)
            return false;
        while (pos < length) {
            const size_t n = data[pos++];
            if (pos + n > length)
                return false;
            out.strings.emplace_back(reinterpret_cast<const char *>(data + pos), n);
            out.text.append(reinterpret_cast<const char *>(data + pos), n);
            pos += n;
        }
        return true;
    case RrType::MX:
        if (length < 3)
            return false;
        out.preference = read16(data);
        pos = 2;
        return name(out.text) && pos == length;
    case RrType::CNAME:
    case RrType::PTR:
    case RrType::NS:
        return name(out.text) && pos == length;
    case RrType::SRV:
        // RFC 2782: priority, weight, port, target.
        if (length < 7)
            return false;
        out.preference = read16(data);
        out.weight = read16(data + 2);
        out.port = read16(data + 4);
        pos = 6;
        return name(out.text) && pos == length;
    case RrType::TLSA:
        // RFC 6698 §2.1: usage, selector, matching type, association data.
        if (length < 4)
            return false;
        out.text = std::to_string(data[0]) + ' ' + std::to_string(data[1]) + ' ' + std::to_string(data[2]) + ' ' +
                   hexEncode(std::string_view(reinterpret_cast<const char *>(data + 3), length - 3));
        return true;
    case RrType::SOA: {
        std::string mname, rname;
        if (!name(mname) || !name(rname) || length - pos != 20)
            return false;
        out.text = mname + ' ' + rname;
        for (int i = 0; i < 5; ++i)
            out.text += ' ' + std::to_string(read32(data + pos + size_t(i) * 4));
        return true;
    }
    }
    return false;
}

} // namespace verifier
