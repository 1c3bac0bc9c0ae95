#include "MessageFiles.h"

#include "Message.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sealcheck {

using verifier::Expected;
using verifier::makeError;

verifier::Expected<std::vector<MessageInput>> readMessages(const std::string &path, size_t maxBytes)
{
    FILE *f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f)
        return makeError("cannot open " + path + ": " + std::strerror(errno));
    std::string bytes;
    char buf[65536];
    size_t n;
    bool tooLarge = false;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        if (bytes.size() + n > maxBytes) {
            tooLarge = true;
            break;
        }
        bytes.append(buf, n);
    }
    bool failed = std::ferror(f);
    if (f != stdin)
        std::fclose(f);
    const std::string name = path == "-" ? std::string("stdin") : path;
    if (failed)
        return makeError("cannot read " + name);
    if (tooLarge)
        return makeError(name + " is larger than " + std::to_string(maxBytes) + " bytes");
    std::vector<MessageInput> out;
    if (verifier::looksLikeMbox(bytes)) {
        auto messages = verifier::splitMbox(bytes);
        for (size_t i = 0; i < messages.size(); ++i)
            out.push_back({name + "#" + std::to_string(i + 1), std::move(messages[i])});
    } else {
        out.push_back({name, std::move(bytes)});
    }
    return out;
}

} // namespace sealcheck
