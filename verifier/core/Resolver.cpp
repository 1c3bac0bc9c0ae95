#include "Resolver.h"

namespace verifier {

std::string_view rrTypeName(RrType type)
{
    switch (type) {
    case RrType::A: return "A";
    case RrType::NS: return "NS";
    case RrType::CNAME: return "CNAME";
    case RrType::SOA: return "SOA";
    case RrType::PTR: return "PTR";
    case RrType::MX: return "MX";
    case RrType::TXT: return "TXT";
    case RrType::AAAA: return "AAAA";
    case RrType::SRV: return "SRV";
    case RrType::TLSA: return "TLSA";
    case RrType::SPF: return "SPF";
    }
    return "?";
}

std::string_view dnsStatusName(DnsStatus status)
{
    switch (status) {
    case DnsStatus::Ok: return "ok";
    case DnsStatus::NxDomain: return "nxdomain";
    case DnsStatus::NoData: return "nodata";
    case DnsStatus::ServFail: return "servfail";
    case DnsStatus::Timeout: return "timeout";
    }
    return "?";
}

} // namespace verifier
