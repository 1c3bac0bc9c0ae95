// `sealcheck-cli filter [OPTIONS]`: one message on standard input, the same message on standard
// output with Sealcheck's Authentication-Results and X-Sealcheck-Verdict fields prepended and any
// earlier copies of them removed (SealcheckFields.h). For procmail (`:0 fw`), maildrop `xfilter`,
// Dovecot Sieve `filter` (vnd.dovecot.filter) and Evolution's "pipe to program".
//
// A message that cannot be verified (larger than the bound, or not readable as a message) is still
// marked, "not-checked", with planted copies of our fields removed: a filter hook that failed
// would deliver the original with them. Never loses mail: whatever else goes wrong (a bad option,
// DNS cannot be set up, an allocation fails, ...) the input comes out unchanged, with a non-zero
// status, so that the calling filter keeps the original (procmail `w`, Sieve filter and maildrop
// all do so on a non-zero status).
//
// Exit status (docs/mail-clients.md): 0 when the marked message was written, whatever the verdict
// (filter hooks discard the output of a filter that fails, so the verdict is in the fields);
// 75 (EX_TEMPFAIL) when the message passed unchanged; 2 for a usage error (passed unchanged).
// With --exit-code, the verdict's code of ExitCodes.h instead of 0 (2 for a non-message).

#include "AuthResultsWriter.h"
#include "CliContext.h"
#include "ExitCodes.h"
#include "Message.h"
#include "RememberedVerification.h"
#include "SealcheckFields.h"
#include "VerifyCommand.h"

#include <cerrno>
#include <new>
#include <string>

#include <unistd.h>

namespace sealcheck::cli {

namespace {

/// The largest message the filter verifies (the verifier's own limit, docs/LIMITS.md); a larger
/// one passes unchanged, streamed, so memory stays bounded.
constexpr size_t kMaxFilterBytes = 64u * 1024 * 1024;

void complain(const std::string &what) { std::fprintf(stderr, "sealcheck-cli filter: %s\n", what.c_str()); }

bool writeAll(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

/// Reads standard input into @p bytes, at most @p limit + 1 bytes (so that "too large" shows).
/// False on a read error.
bool readInput(std::string &bytes, size_t limit)
{
    char buffer[65536];
    while (bytes.size() <= limit) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        bytes.append(buffer, size_t(n));
    }
    return true;
}

/// Writes @p already and then the rest of standard input unchanged. False if output failed.
bool passThrough(const std::string &already)
{
    if (!writeAll(already.data(), already.size()))
        return false;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n == 0;
        if (!writeAll(buffer, size_t(n)))
            return false;
    }
}

/// Unchanged: the original comes out and @p status is returned (75 when even that failed).
int unchanged(const std::string &input, int status)
{
    return passThrough(input) ? status : exitcode::kNotChecked;
}

/// Marked "not-checked" for @p why, the rest of standard input following the bytes read.
bool markNotChecked(const std::string &input, const std::string &authservId, const std::string &why)
{
    verifier::Report report; // only the verdict: no method was evaluated, so only its resinfo is kept
    report.verdict = verifier::Verdict::NotChecked;
    report.reasons.push_back(verifier::Finding{verifier::FindingCode::NotCheckedLimit, {why}, why});
    std::string value = verifier::formatAuthenticationResults(report, authservId);
    value = value.substr(0, value.find(";\r\n    dkim="));
    const MarkedMessage marked = markMessage(input, authservId, value, verdictFieldValue(report));
    return passThrough(marked.bytes);
}

} // namespace

int runFilter(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read one message on standard input and write it on standard output with Sealcheck's "
        "Authentication-Results and X-Sealcheck-Verdict fields prepended (earlier copies removed). "
        "The message is otherwise unchanged, byte for byte. Exit status 0 when the marked message was "
        "written, 75 when it passed unchanged (not checked: try again), 2 for a usage error; with "
        "--exit-code, the verdict (docs/mail-clients.md)."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("exit-code"),
                      QStringLiteral("Exit with the verdict: 0 authenticated, 10 unauthenticated, 11 suspicious, "
                                     "12 forged, 75 not checked.")});
    std::string input;
    if (!parser.parse(arguments)) {
        complain(parser.errorText().toStdString());
        return unchanged(input, exitcode::kUsageOrInput);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(commandHelp(parser, QStringLiteral("filter"))), stdout);
        return 0;
    }
    CommonOptions options;
    QString error;
    if (!readCommonOptions(parser, options, error)) {
        complain(error.toStdString());
        return unchanged(input, exitcode::kUsageOrInput);
    }
    if (!parser.positionalArguments().isEmpty()) {
        complain("the message is read from standard input; no file arguments");
        return unchanged(input, exitcode::kUsageOrInput);
    }
    const bool verdictStatus = parser.isSet(QStringLiteral("exit-code"));

    try {
        if (!readInput(input, kMaxFilterBytes)) {
            complain("cannot read standard input");
            return unchanged(input, exitcode::kNotChecked);
        }
        if (input.size() > kMaxFilterBytes) {
            const std::string why = "the message is larger than " + std::to_string(kMaxFilterBytes) + " bytes";
            complain(why + ": marked not-checked");
            if (!markNotChecked(input, options.authservId, why))
                return exitcode::kNotChecked;
            return verdictStatus ? exitcode::kNotChecked : 0;
        }
        auto message = verifier::Message::parse(input);
        if (!message) {
            complain("not a message: " + message.error().message + ": marked not-checked");
            if (!markNotChecked(input, options.authservId, "not readable as a message: " + message.error().message))
                return exitcode::kNotChecked;
            return verdictStatus ? exitcode::kUsageOrInput : 0;
        }
        auto resolver = makeResolver(options.resolver);
        if (!resolver) {
            complain(resolver.error().message);
            return unchanged(input, exitcode::kNotChecked);
        }
        verifier::VerifyContext context = makeVerifyContext(options, resolver->get());
        context.source = "stdin";
        RememberedVerification memory;
        if (!options.memoryPath.isEmpty())
            (void)memory.open(options.memoryPath); // checked by readCommonOptions
        std::string memoryError;
        const verifier::Report report = memory.verify(*message, context, &memoryError);
        if (!memoryError.empty())
            complain("--memory: " + memoryError);
        const MarkedMessage marked =
            markMessage(input, options.authservId, verifier::formatAuthenticationResults(report, options.authservId),
                        verdictFieldValue(report));
        if (marked.removedFields > 0)
            complain(std::to_string(marked.removedFields) + " earlier Sealcheck field(s) removed");
        if (!writeAll(marked.bytes.data(), marked.bytes.size()))
            return exitcode::kNotChecked; // the output is gone: nothing more can be written
        return verdictStatus ? exitCodeFor(report.verdict) : 0;
    } catch (const std::bad_alloc &) {
        complain("out of memory: passed unchanged");
    } catch (...) {
        complain("internal error: passed unchanged");
    }
    return unchanged(input, exitcode::kNotChecked);
}

} // namespace sealcheck::cli
