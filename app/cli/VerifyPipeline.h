#pragma once
// `sealcheck-cli verify` on every core (issue 22): messages are read one at a time from each
// input (MessageStream: mapped or streamed, never the whole mailbox), verified on a pool of
// threads, and written in input order as each is done. At most a window of messages is in
// flight (by count and by bytes), so memory is bounded by the window, not by the input.

#include "VerifyCommand.h"

#include <QStringList>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace sealcheck::cli {

struct PipelineSettings
{
    int jobs = 1;              ///< verifying threads; 1 = verify on the calling thread
    size_t window = 0;         ///< messages in flight; 0 = 16 per job
    size_t windowBytes = 256u * 1024 * 1024; ///< bytes in flight (one message always may be)
};

/// What a run did: every message is either reported or counted as an input error.
struct VerifyTally
{
    uint64_t reported = 0;
    uint64_t inputErrors = 0; ///< files or messages that could not be read or verified
    /// Reports per verdict, indexed by int(verifier::Verdict).
    std::array<uint64_t, 8> verdicts{};
};

/// Verifies every message of @p files ("-" = standard input) with @p context (its `source` is
/// set per message) and writes each report to @p out, errors to @p err ("sealcheck-cli verify:
/// SOURCE: what"). With a --memory path in @p options, each thread opens its own connection.
VerifyTally runVerifyPipeline(const QStringList &files, const CommonOptions &options,
                              const verifier::VerifyContext &context, const PipelineSettings &settings, FILE *out,
                              FILE *err);

/// The number of cores this process may use (sched_getaffinity), at least 1.
int availableCores();

} // namespace sealcheck::cli
