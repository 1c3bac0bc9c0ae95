#include "GpgLimits.h"

#include <gpgme++/engineinfo.h>
#include <gpgme++/global.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

namespace verifier {

namespace {

struct Wrappers
{
    std::mutex mutex;
    std::string dir;
    std::map<int, std::string> byLimit;

    ~Wrappers()
    {
        for (const auto &entry : byLimit)
            ::unlink(entry.second.c_str());
        if (!dir.empty())
            ::rmdir(dir.c_str());
    }
};

Wrappers &wrappers()
{
    static Wrappers w;
    return w;
}

/// Single-quoted for /bin/sh.
std::string shellQuoted(const std::string &s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

std::string boundedGpgEngine(int cpuSeconds, std::string *error)
{
    Wrappers &w = wrappers();
    std::lock_guard lock(w.mutex);
    if (auto it = w.byLimit.find(cpuSeconds); it != w.byLimit.end())
        return it->second;

    const char *gpg = GpgME::engineInfo(GpgME::GpgEngine).fileName();
    if (!gpg || !*gpg) {
        *error = "GnuPG's program was not found";
        return {};
    }
    if (w.dir.empty()) {
        const char *tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/sealcheck-gpg-XXXXXX";
        if (!::mkdtemp(pattern.data())) {
            *error = "cannot make a temporary folder for the gpg limits";
            return {};
        }
        w.dir = pattern;
    }
    const std::string path = w.dir + "/gpg-" + std::to_string(cpuSeconds);
    const std::string script = "#!/bin/sh\n"
                               "# Sealcheck: one gpg run, bounded (verifier/pgp/GpgLimits.h)\n"
                               "ulimit -t " + std::to_string(cpuSeconds) + " || exit 2\n"
                               "exec " + shellQuoted(gpg) + " --max-output " +
                               std::to_string(GpgLimits::kMaxOutputBytes) + " \"$@\"\n";
    FILE *f = std::fopen(path.c_str(), "w");
    if (!f) {
        *error = "cannot write the gpg limits wrapper";
        return {};
    }
    const bool written = std::fwrite(script.data(), 1, script.size(), f) == script.size();
    if (std::fclose(f) != 0 || !written || ::chmod(path.c_str(), 0700) != 0) {
        ::unlink(path.c_str());
        *error = "cannot write the gpg limits wrapper";
        return {};
    }
    w.byLimit.emplace(cpuSeconds, path);
    return path;
}

} // namespace verifier
