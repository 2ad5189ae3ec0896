#include "evaluate/Result.h"

namespace kinspect {

namespace {
constexpr std::pair<Status, const char *> kNames[] = {
    {Status::Pass, "PASS"},
    {Status::Fail, "FAIL"},
    {Status::Manual, "MANUAL"},
    {Status::Error, "ERROR"},
    {Status::NotApplicable, "NOT_APPLICABLE"},
    {Status::Waived, "WAIVED"},
};
} // namespace

QString statusName(Status s)
{
    for (const auto &[st, name] : kNames)
        if (st == s)
            return QLatin1String(name);
    return QStringLiteral("ERROR");
}

std::optional<Status> statusFromName(const QString &name)
{
    for (const auto &[st, n] : kNames)
        if (name == QLatin1String(n))
            return st;
    return std::nullopt;
}

} // namespace kinspect
