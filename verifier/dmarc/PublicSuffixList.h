#pragma once
/// The public suffix list (libpsl) for the RFC 7489 §3.2 reading of the organisational domain.
/// RFC 9989 replaced it with the DNS tree walk (OrgDomain); Sealcheck still computes the old
/// reading to say where the two disagree. Immutable after construction; thread-safe to read.

#include "Expected.h"

#include <memory>
#include <string>
#include <string_view>

struct psl_ctx_st;

namespace verifier {

class PublicSuffixList
{
public:
    /// Debian's list: psl_latest(nullptr) (the newer of libpsl's built-in list and the
    /// publicsuffix package's /usr/share/publicsuffix/public_suffix_list.dafsa), else the
    /// built-in list. Loaded once.
    static const PublicSuffixList &system();
    /// A list file in the PSL text format (.dat) or libpsl's DAFSA format.
    static Expected<PublicSuffixList> loadFile(const std::string &path);

    /// RFC 7489 §3.2: the public suffix of @p domain plus one label; @p domain itself when it
    /// is a public suffix or has no label beyond one. @p domain: A-labels, any case, no
    /// trailing dot. Returns lower case.
    std::string organisationalDomain(std::string_view domain) const;
    bool isPublicSuffix(std::string_view domain) const;

private:
    PublicSuffixList() = default;
    std::shared_ptr<const psl_ctx_st> m_ctx;
};

} // namespace verifier
