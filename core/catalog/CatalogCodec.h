#pragma once

#include "catalog/Catalog.h"
#include "util/Expected.h"

#include <QByteArray>

namespace kinspect {

// A compact binary form of a loaded catalog. The built-in catalogs are compiled into it at build
// time (tools/catalogc) and embedded beside their YAML: reading it takes about a millisecond,
// where parsing the YAML (yaml-cpp) took ~60 ms of every CLI run and app start. The YAML stays the
// source; a test checks that the embedded form equals a fresh parse of it.
QByteArray encodeCatalog(const Benchmark &benchmark);
// Refuses data of another format version (the reader then parses the YAML instead).
Expected<Benchmark> decodeCatalog(const QByteArray &data);

} // namespace kinspect
