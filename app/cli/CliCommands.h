#pragma once

#include <QStringList>

namespace kinspect::cli {

// Exit codes of DESIGN.md's CLI contract.
enum ExitCode
{
    Ok = 0,
    Failed = 1,
    NotAudited = 2,
    Usage = 64
};

// Runs `kinspect-cli <args>` (args without the program name); returns the exit code.
int run(const QStringList &args);

} // namespace kinspect::cli
