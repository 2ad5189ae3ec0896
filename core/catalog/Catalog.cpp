#include "catalog/Catalog.h"

namespace kinspect {

namespace {
struct OpName
{
    Op op;
    const char *name;
};
constexpr OpName kOps[] = {
    {Op::Present, "present"}, {Op::Absent, "absent"}, {Op::Eq, "eq"},
    {Op::NotEq, "noteq"},     {Op::Gt, "gt"},         {Op::Gte, "gte"},
    {Op::Lt, "lt"},           {Op::Lte, "lte"},       {Op::Has, "has"},
    {Op::NotHave, "nothave"}, {Op::Regex, "regex"},   {Op::ValidElements, "valid_elements"},
    {Op::Bitmask, "bitmask"}, {Op::Owner, "owner"},
};
} // namespace

QString opName(Op op)
{
    for (const auto &o : kOps)
        if (o.op == op)
            return QLatin1String(o.name);
    return QString();
}

std::optional<Op> opFromName(const QString &name)
{
    for (const auto &o : kOps)
        if (name == QLatin1String(o.name))
            return o.op;
    return std::nullopt;
}

QString describeExpectation(Op op, const QStringList &values)
{
    if (values.isEmpty())
        return opName(op);
    return opName(op) + QLatin1Char(' ') + values.join(QLatin1String(" | "));
}

bool controlIdLess(const QString &a, const QString &b)
{
    const auto pa = QStringView(a).split(QLatin1Char('.'));
    const auto pb = QStringView(b).split(QLatin1Char('.'));
    for (qsizetype i = 0; i < qMin(pa.size(), pb.size()); ++i) {
        bool oka = false, okb = false;
        const int na = pa[i].toInt(&oka), nb = pb[i].toInt(&okb);
        if (oka && okb && na != nb)
            return na < nb;
        if (!(oka && okb)) {
            const int c = pa[i].compare(pb[i]);
            if (c != 0)
                return c < 0;
        }
    }
    return pa.size() < pb.size();
}

const Control *Benchmark::control(const QString &id) const
{
    for (const auto &c : controls)
        if (c.id == id)
            return &c;
    return nullptr;
}

const Section *Benchmark::section(const QString &id) const
{
    for (const auto &s : sections)
        if (s.id == id)
            return &s;
    return nullptr;
}

NodeType Benchmark::nodeTypeOf(const Control &control) const
{
    const Section *s = section(control.sectionId);
    return s ? s->nodeType : NodeType::Node;
}

QString Benchmark::sectionTitle(const QString &id) const
{
    const Section *s = section(id);
    return s ? s->title : QString();
}

} // namespace kinspect
