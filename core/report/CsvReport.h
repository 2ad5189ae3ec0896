#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QByteArray>
#include <QString>

namespace kinspect {

// One row per node x control (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
// quote or line break). Cells a spreadsheet would run as a formula (starting with = + - @, tab
// or CR) get a leading apostrophe. A node that could not be audited gets one row with an empty
// control and status NOT_AUDITED.
QByteArray csvReport(const Benchmark &benchmark, const ClusterResult &result);

// One CSV field, quoted and formula-neutralised as above.
QString csvField(const QString &value);

} // namespace kinspect
