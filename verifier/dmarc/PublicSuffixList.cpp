#include "PublicSuffixList.h"

#include "Strings.h"

#include <libpsl.h>

namespace verifier {

const PublicSuffixList &PublicSuffixList::system()
{
    static const PublicSuffixList list = [] {
        PublicSuffixList l;
        if (psl_ctx_t *ctx = psl_latest(nullptr))
            l.m_ctx = std::shared_ptr<const psl_ctx_st>(ctx, [](const psl_ctx_st *p) { psl_free(const_cast<psl_ctx_st *>(p)); });
        else if (psl_ctx_t *ctx2 = psl_load_file("/usr/share/publicsuffix/public_suffix_list.dafsa"))
            l.m_ctx = std::shared_ptr<const psl_ctx_st>(ctx2, [](const psl_ctx_st *p) { psl_free(const_cast<psl_ctx_st *>(p)); });
        else
            l.m_ctx = std::shared_ptr<const psl_ctx_st>(psl_builtin(), [](const psl_ctx_st *) {});
        return l;
    }();
    return list;
}

Expected<PublicSuffixList> PublicSuffixList::loadFile(const std::string &path)
{
    psl_ctx_t *ctx = psl_load_file(path.c_str());
    if (!ctx)
        return makeError("cannot load the public suffix list " + path);
    PublicSuffixList l;
    l.m_ctx = std::shared_ptr<const psl_ctx_st>(ctx, [](const psl_ctx_st *p) { psl_free(const_cast<psl_ctx_st *>(p)); });
    return l;
}

bool PublicSuffixList::isPublicSuffix(std::string_view domain) const
{
    if (!m_ctx)
        return false;
    const std::string d = toLower(domain);
    return psl_is_public_suffix(m_ctx.get(), d.c_str()) != 0;
}

std::string PublicSuffixList::organisationalDomain(std::string_view domain) const
{
    std::string d = toLower(domain);
    if (!m_ctx || d.empty())
        return d;
    if (const char *reg = psl_registrable_domain(m_ctx.get(), d.c_str()))
        return std::string(reg); // points into d
    return d;
}

} // namespace verifier
