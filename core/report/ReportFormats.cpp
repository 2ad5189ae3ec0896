#include "report/ReportFormats.h"

#include "report/CsvReport.h"
#include "report/HtmlReport.h"
#include "report/JUnitReport.h"
#include "report/JsonReport.h"
#include "report/PdfReport.h"
#include "report/TextReport.h"

#include <QSaveFile>

namespace kinspect {

QStringList reportFormats()
{
    return {QStringLiteral("text"),  QStringLiteral("json"), QStringLiteral("csv"),
            QStringLiteral("junit"), QStringLiteral("html"), QStringLiteral("pdf")};
}

QString reportFileSuffix(const QString &format)
{
    if (format == QLatin1String("text"))
        return QStringLiteral("txt");
    if (format == QLatin1String("junit"))
        return QStringLiteral("xml");
    return format;
}

bool reportFormatNeedsGui(const QString &format)
{
    return format == QLatin1String("pdf");
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
        QString text = textReport(benchmark, result, to);
        if (options.comparison)
            text += QLatin1Char('\n') + scanDiffText(*options.comparison);
        return text.toUtf8();
    }
    if (format == QLatin1String("csv"))
        return csvReport(benchmark, result);
    if (format == QLatin1String("junit"))
        return junitReport(benchmark, result);
    if (format == QLatin1String("html"))
        return htmlReport(benchmark, result, options);
    if (format == QLatin1String("pdf"))
        return pdfReport(benchmark, result, options);
    return Error{QStringLiteral("unknown report format '%1' (available: %2)")
                     .arg(format, reportFormats().join(QLatin1String(", "))),
                 QString(), 0};
}

std::optional<Error> writeReportFile(const QString &path, const QString &format,
                                     const Benchmark &benchmark, const ClusterResult &result,
                                     const ReportOptions &options)
{
    auto data = renderReport(format, benchmark, result, options);
    if (!data)
        return data.error();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(*data) != data->size() || !f.commit())
        return Error{f.errorString(), path, 0};
    return std::nullopt;
}

} // namespace kinspect
