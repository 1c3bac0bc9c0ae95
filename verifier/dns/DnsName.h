#pragma once
/// Domain names as label sequences, for the master-file reader and the libunbound rdata parser.
/// Both produce names in the one textual form the rest of the verifier compares
/// (Resolver.h DnsRecord): lower-case ASCII, no trailing dot, the root name as "".
/// Presentation escapes follow RFC 1035 §5.1: "\X" for a special character, "\DDD" (decimal)
/// for a byte outside the printable ASCII range.

#include "Expected.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

class DnsName final
{
public:
    using Labels = std::vector<std::string>;

    /// RFC 1035 §2.3.4 / RFC 2181 §11: a label holds 1 to 63 octets, a name at most 255 octets
    /// in wire form (length bytes and the root label included).
    static constexpr size_t kMaxLabel = 63;
    static constexpr size_t kMaxWire = 255;

    /// Parses presentation text ("mail.example.com.", "a\.b.example", "\065bc") into labels.
    /// @p absolute is set when the name ends in an unescaped dot ("." alone is the root).
    /// Empty labels, over-long labels and bad escapes are errors.
    static Expected<Labels> fromText(std::string_view text, bool *absolute);

    /// @p name followed by @p origin; an error when the result exceeds 255 wire octets.
    static Expected<Labels> concat(const Labels &name, const Labels &origin);

    /// Reads an uncompressed wire-format name (RFC 1035 §3.1) at @p pos of @p data, advancing
    /// @p pos. Compression pointers (RFC 1035 §4.1.4) are refused: rdata handed out by
    /// libunbound is already decompressed. Returns false on any malformation or overrun.
    static bool fromWire(const unsigned char *data, size_t length, size_t &pos, Labels &out);

    /// The canonical text: labels joined by '.', ASCII lower-cased, '.', '\\', '"', '(', ')',
    /// ';', '@', '$' escaped as "\X", bytes outside 0x21..0x7E as "\DDD"; root = "".
    static std::string toText(const Labels &labels);

    /// The form the verifier's query names take (Resolver::query): labels joined by '.', ASCII
    /// lower-cased, nothing escaped ("\032" in a zone file is a space here). Labels holding a
    /// '.' cannot be told apart in this form; nothing the verifier asks has them.
    static std::string toQueryText(const Labels &labels);

    /// Wire length of @p labels (length octets and the terminating root label included).
    static size_t wireLength(const Labels &labels);
};

} // namespace verifier
