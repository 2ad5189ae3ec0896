#include "report/ReportFormats.h"

#include "report/JsonReport.h"
#include "report/TextReport.h"

namespace kinspect {

QStringList reportFormats()
{
    return {QStringLiteral("text"), QStringLiteral("json")};
}

Expected<QByteArray> renderReport(const QString &format, const Benchmark &benchmark,
                                  const ClusterResult &result, const ReportOptions &options)
{
    if (format == QLatin1String("json"))
        return jsonReport(benchmark, result);
    if (format == QLatin1String("text")) {
        TextReportOptions to;
        to.color = options.color;
        to.verbose = options.verbose;
        return textReport(benchmark, result, to).toUtf8();
    }
    return Error{QStringLiteral("unknown report format '%1' (available: %2)")
                     .arg(format, reportFormats().join(QLatin1String(", "))),
                 QString(), 0};
}

} // namespace kinspect
