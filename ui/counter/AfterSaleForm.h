#pragma once

// The pieces the after-sale dialogs lay out alike: a supervisor's approval (a note, then login and
// password) and the label that reports what happened.

#include "boxoffice/BoxOfficeStatus.h"
#include "core/Types.h"

#include <QString>

#include <string>

class QBoxLayout;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace usher::ui {

struct SupervisorRows {
    QLabel* note = nullptr; // says when and why a supervisor must approve; empty otherwise
    QLineEdit* login = nullptr;
    QLineEdit* password = nullptr;
};

// Adds the note and the supervisor's login and password to `form`. `loginLabel` carries the
// dialog's mnemonic (each dialog has its own free Alt+letter).
SupervisorRows addSupervisorRows(QFormLayout* form, QWidget* parent, const QString& loginLabel);
// The refund limit's rule on screen (approveMoneyBack() applies it): the note says whether paying
// back `amount` needs a supervisor, and the login and password are enabled only then.
void showSupervisorNeed(const SupervisorRows& rows, Amount amount, Amount limit, const std::string& currency);
// The login and password typed (empty when the rows are disabled: not needed); clears the password.
void takeSupervisorCredentials(const SupervisorRows& rows, std::string* login, std::string* password);
// After a refusal that asks for a supervisor (SupervisorRequired, wrong credentials, locked): puts the
// focus in the supervisor's login and returns true.
bool focusSupervisorAfter(const SupervisorRows& rows, BoxOfficeStatus status);
// Adds the reason every after-sale action asks for (required, at most 200 characters) to `form`.
// `*outcome` is the dialog's outcome label (it may be created later): when it shows
// reasonRequiredText(), typing a reason clears it.
QLineEdit* addReasonRow(QFormLayout* form, QWidget* parent, const QString& placeholder, QLabel* const* outcome);
QString reasonRequiredText();
// Adds the outcome label (wrapped, selectable, object name "outcomeLabel") to `layout`.
QLabel* addOutcomeLabel(QBoxLayout* layout, QWidget* parent);

} // namespace usher::ui
