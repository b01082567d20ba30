#pragma once

// What the clerk reads when a box-office or engine operation does not succeed.

#include "boxoffice/BoxOfficeStatus.h"
#include "boxoffice/CardTerminal.h"
#include "core/Status.h"

#include <QCoreApplication>
#include <QString>

namespace usher::ui {

class AfterSaleText {
    Q_DECLARE_TR_FUNCTIONS(AfterSaleText)

public:
    static QString status(BoxOfficeStatus status, Status engineStatus = Status::Ok);
    static QString engine(Status status);
    static QString terminal(TerminalOutcome outcome);
};

} // namespace usher::ui
