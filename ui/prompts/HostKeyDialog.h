#pragma once

#include "ssh/SshOptions.h"

#include <QDialog>

namespace kinspect::ui {

// "Unknown host key": shows the node, address, key type and SHA256 fingerprint, and offers to
// trust the key once, to trust and save it to known_hosts, or to refuse (the default).
class HostKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HostKeyDialog(const HostKeyInfo &info, QWidget *parent = nullptr);
    HostKeyDecision decision() const { return m_decision; }

private:
    HostKeyDecision m_decision = HostKeyDecision::Refuse;
};

} // namespace kinspect::ui
