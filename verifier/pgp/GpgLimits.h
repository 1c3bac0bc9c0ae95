#pragma once
/// Bounds on one gpg run (issue 24 item 5). A signature can be a compressed packet that inflates
/// to gigabytes (an OpenPGP "compression bomb": 34 KB cost 112 s of gpg CPU); gpg's own
/// --max-output does not apply to what a verification only hashes, and GPGME's synchronous calls
/// cannot be interrupted while gpg computes without writing. So GPGME runs gpg through a tiny
/// wrapper script that sets the CPU-time limit (`ulimit -t`, inherited by gpg; the kernel stops
/// gpg at the limit) and passes --max-output for what gpg does write. The wrapper lives in a
/// private temporary folder (mode 0700) made once per process and removed at exit.
///
/// Inputs are bounded before gpg sees them: the signature at kMaxSignatureBytes.

#include <cstddef>
#include <string>

namespace verifier {

struct GpgLimits
{
    static constexpr size_t kMaxSignatureBytes = 1024 * 1024; ///< one signature part or inline block
    static constexpr long long kMaxOutputBytes = 64LL * 1024 * 1024; ///< gpg --max-output
};

/// The wrapper for @p cpuSeconds (> 0) around the gpg GPGME would run, made on first use; empty
/// when it cannot be made (then gpg runs unbounded and @p error says why).
std::string boundedGpgEngine(int cpuSeconds, std::string *error);

} // namespace verifier
