#include "counter/AfterSaleTask.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>

namespace usher::ui {

namespace {

QString defaultSavePath(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

bool defaultSetUpPrinter(QWidget* parent, QPrinter* printer)
{
    QPrintDialog dialog(printer, parent);
    return dialog.exec() == QDialog::Accepted;
}

bool defaultConfirm(QWidget* parent, const QString& title, const QString& text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

} // namespace

std::function<QString(QWidget*, const QString&, const QString&, const QString&)> AfterSaleHooks::savePath
    = defaultSavePath;
std::function<bool(QWidget*, QPrinter*)> AfterSaleHooks::setUpPrinter = defaultSetUpPrinter;
std::function<bool(QWidget*, const QString&, const QString&)> AfterSaleHooks::confirm = defaultConfirm;

void AfterSaleHooks::reset()
{
    savePath = defaultSavePath;
    setUpPrinter = defaultSetUpPrinter;
    confirm = defaultConfirm;
}

} // namespace usher::ui
