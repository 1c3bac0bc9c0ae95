#pragma once
/// Reconnecting is driven by the owner of an ImapConnection (the account session in the
/// desktop program, the CLI gives up): after a failure it asks shouldRetry(); if yes it waits
/// delayMs(attempt, jitter) and builds a new connection, then resumes the sync from its stored
/// SyncState (UIDVALIDITY + highest UID), which UidFetchTask's in-order delivery makes exact.
/// Pure: no clock, no randomness of its own (the jitter is an input in [0, 1)).

#include "ImapError.h"

namespace imap {

class ImapReconnectPolicy
{
public:
    int baseDelayMs = 1000;
    int maxDelayMs = 5 * 60 * 1000;

    /// Failures that a later attempt can cure (network, timeout, lost connection, BYE). Errors that
    /// need the user (password, certificate, missing STARTTLS, LOGINDISABLED) are not retried.
    static bool shouldRetry(const ImapError &error);
    /// Exponential backoff: base * 2^attempt, capped, scaled into [50 %, 100 %] by @p jitter.
    int delayMs(int attempt, double jitter) const;
};

} // namespace imap
