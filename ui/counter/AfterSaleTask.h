#pragma once

// Helpers every after-sale and shift screen shares.
//
// runOffUiThread: engine round trips and the card terminal block for up to seconds. The job runs on
// a worker thread while a local event loop keeps the window painting; `busy` is disabled and user
// input is held back until it ends, so nothing can be submitted twice. The job must not touch
// widgets.
//
// AfterSaleHooks: the seams a test replaces so that no file or print dialog blocks it.
//
// runJournaledRefund, journalExchangeWith: a refund, void or exchange of a sale journaled in the
// sync outbox is journaled there too, before the engine changes it here, so that it reaches central
// (docs/design/sync.md).

#include <QApplication>
#include <QEventLoop>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QWidget>

#include "core/Types.h"

#include <functional>
#include <string>
#include <vector>

class QPrinter;

namespace usher {
class SyncClient;
struct ExchangeRequest;
}

namespace usher::ui {

template <typename Result>
Result runOffUiThread(QWidget* busy, const std::function<Result()>& job)
{
    QPointer<QWidget> focus = QApplication::focusWidget();
    if (busy)
        busy->setEnabled(false);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    Result result {};
    QThread* thread = QThread::create([&result, &job] { result = job(); });
    QEventLoop loop;
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    if (!thread->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    thread->wait();
    delete thread;
    QApplication::restoreOverrideCursor();
    if (busy)
        busy->setEnabled(true);
    if (QWidget* widget = focus.data(); widget != nullptr && widget->isEnabled())
        widget->setFocus();
    return result;
}

// Runs `local` (the counter's refund or void of `order`), with `client` not null journaled in its
// sync outbox as a refund of `tickets`: begun before `local`, finished after it. False, with
// *problem, when the outbox could not journal it: `local` did not run. Runs off the UI thread.
bool runJournaledRefund(SyncClient* client, OrderId order, std::vector<TicketId> tickets, std::string reason,
                        std::uint64_t clerk, QString* problem, const std::function<void()>& local);

// With `client` not null (the order is a sale journaled in its sync outbox), sets request->journal
// and request->settle so that exchangeAtCounter journals every move as an exchange op right before
// the engine moves it, and settles the ops after (docs/design/sync.md, "The counter's sales").
void journalExchangeWith(SyncClient* client, std::uint64_t clerk, ExchangeRequest* request);

struct AfterSaleHooks {
    // The file to write (empty: cancelled). Default: QFileDialog::getSaveFileName.
    static std::function<QString(QWidget* parent, const QString& caption, const QString& suggested,
                                 const QString& filter)>
        savePath;
    // Lets the clerk pick and set up a printer (false: cancelled). Default: QPrintDialog.
    static std::function<bool(QWidget* parent, QPrinter* printer)> setUpPrinter;
    // Confirms a step that cannot be undone (false: no). Default: QMessageBox::question.
    static std::function<bool(QWidget* parent, const QString& title, const QString& text)> confirm;
    static void reset();
};

} // namespace usher::ui
