#include "AdspRecord.h"

#include "DkimTagList.h"
#include "Strings.h"

namespace verifier {

std::string_view AdspRecord::practiceName(Practice practice)
{
    switch (practice) {
    case Practice::Unknown: return "unknown";
    case Practice::All: return "all";
    case Practice::Discardable: return "discardable";
    }
    return "unknown";
}

std::optional<AdspRecord> AdspRecord::parse(std::string_view text)
{
    Expected<DkimTagList> tags = DkimTagList::parse(text);
    if (!tags || !tags->find("dkim"))
        return std::nullopt;
    AdspRecord r;
    const std::string value = toLower(*tags->find("dkim"));
    if (value == "all")
        r.practice = Practice::All;
    else if (value == "discardable")
        r.practice = Practice::Discardable;
    return r;
}

} // namespace verifier
