#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QByteArray>

namespace kinspect {

// JUnit XML for CI: one <testsuite> per node, one <testcase> per node x control (classname
// "<cluster>.<node>", name "<id> <title>"). FAIL -> <failure>, ERROR -> <error>, MANUAL and
// NOT_APPLICABLE -> <skipped>, WAIVED -> <skipped> carrying the waiver and its justification.
// A node that could not be audited is one testcase "node audit" with an <error>.
QByteArray junitReport(const Benchmark &benchmark, const ClusterResult &result);

} // namespace kinspect
