// The translations (issue 11): the CI check that lupdate finds no unfinished or vanished message in
// translations/*.ts, the placeholders and plural forms of every translation, the main window
// started in German, and the language chooser in the settings.

#include "AppShell.h"
#include "CounterTestSupport.h"
#include "help/HelpMenu.h"
#include "MainWindow.h"
#include "Translations.h"
#include "runtime/Engine.h"
#include "settings/LanguageSettings.h"
#include "settings/SettingsDialog.h"
#include "support/TempDir.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLibraryInfo>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <memory>

using namespace usher;
using namespace usher::ui;

namespace {

const QStringList kLanguages = { QStringLiteral("de"), QStringLiteral("en"), QStringLiteral("fr") };

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // the translation's type: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms
};

QList<TsMessage> readTs(const QString& path, QString* error)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            messages << message;
            if (!message.numerus) // else the forms follow as <numerusform>
                messages.last().translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            messages.last().translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return messages;
}

// The %1…%99 and %n / %Ln placeholders of a text, as a sorted set.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        QString p = it.next().captured(0);
        found.insert(p.remove(QLatin1Char('L')));
    }
    QStringList sorted(found.begin(), found.end());
    sorted.sort();
    return sorted;
}

// The `set(name "value")` lines CMake's qt_add_translations writes for lupdate.
QHash<QString, QStringList> readLupdateProject(const QString& path, QString* error)
{
    QHash<QString, QStringList> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return values;
    }
    static const QRegularExpression line(QStringLiteral("^set\\((\\w+) \"(.*)\"\\)$"));
    while (!file.atEnd()) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(file.readLine()).trimmed());
        if (m.hasMatch())
            values.insert(m.captured(1), m.captured(2).split(QLatin1Char(';'), Qt::SkipEmptyParts));
    }
    return values;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lupdateFindsNothingNewOrVanished();
    void translationsKeepPlaceholdersAndPluralForms();
    void mainWindowStartsInGerman();
    void chooserStoresTheLanguage();
    void chosenLanguageGivesTheLocale();
    void shellOpensTheSettings();
    void shellAndSettingsRetranslateLive();
};

// The CI check: lupdate on the same sources as the update_translations target, into copies of the
// .ts files, must find every message translated and none gone from the sources.
void TestTranslations::lupdateFindsNothingNewOrVanished()
{
    const QString sourceDir = qEnvironmentVariable("USHER_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("USHER_SOURCE_DIR is not set (ctest sets it)");
    // tests/ and ui/ are siblings in the build tree.
    const QString projectPath = QDir(QCoreApplication::applicationDirPath())
                                    .filePath(QStringLiteral("../ui/.lupdate/usher_ui_project.cmake"));
    QString error;
    const QHash<QString, QStringList> project = readLupdateProject(projectPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(project.value(QStringLiteral("lupdate_sources")).size() > 50, qPrintable(projectPath));
    QVERIFY(!project.value(QStringLiteral("lupdate_translations")).isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QJsonArray translations;
    for (const QString& ts : project.value(QStringLiteral("lupdate_translations"))) {
        const QString copy = dir.filePath(QFileInfo(ts).fileName());
        QVERIFY2(QFile::copy(ts, copy), qPrintable(ts));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        translations.append(copy);
    }
    QJsonObject entry;
    entry.insert(QStringLiteral("projectFile"), project.value(QStringLiteral("lupdate_project_file")).value(0));
    entry.insert(QStringLiteral("includePaths"),
                 QJsonArray::fromStringList(project.value(QStringLiteral("lupdate_include_paths"))));
    entry.insert(QStringLiteral("sources"),
                 QJsonArray::fromStringList(project.value(QStringLiteral("lupdate_sources"))));
    entry.insert(QStringLiteral("translations"), translations);
    QFile json(dir.filePath(QStringLiteral("project.json")));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(QJsonDocument(entry).toJson());
    json.close();

    // Without -no-obsolete, so that a message gone from the sources shows as vanished.
    const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    QProcess process;
    process.start(lupdate,
                  { QStringLiteral("-project"), json.fileName(), QStringLiteral("-locations"), QStringLiteral("none"),
                    QStringLiteral("-silent") });
    QVERIFY2(process.waitForFinished(120000), qPrintable(lupdate + QStringLiteral(": ") + process.errorString()));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(QString::fromLocal8Bit(process.readAllStandardError())));

    QStringList problems;
    for (const QJsonValue& copy : translations) {
        const QList<TsMessage> messages = readTs(copy.toString(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        for (const TsMessage& m : messages)
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1: %2 [%3] %4")
                                .arg(QFileInfo(copy.toString()).fileName(), m.type, m.context, m.source);
    }
    if (!problems.isEmpty())
        qWarning().noquote() << QStringLiteral("Run the update_translations target and translate these:\n")
                + problems.join(u'\n');
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 unfinished or vanished messages").arg(problems.size())));
}

// Every translation keeps its source's placeholders, and plural messages have the language's forms
// (English, German and French: two each).
void TestTranslations::translationsKeepPlaceholdersAndPluralForms()
{
    const QString sourceDir = qEnvironmentVariable("USHER_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("USHER_SOURCE_DIR is not set (ctest sets it)");
    QStringList problems;
    for (const QString& language : kLanguages) {
        QString error;
        const QList<TsMessage> messages
            = readTs(sourceDir + QStringLiteral("/translations/usher_%1.ts").arg(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const TsMessage& m : messages) {
            const QString where = QStringLiteral("%1 [%2] %3").arg(language, m.context, m.source);
            if (m.numerus && m.translations.size() != 2)
                problems << where + QStringLiteral(": %1 plural forms").arg(m.translations.size());
            const QStringList wanted = placeholders(m.source);
            for (const QString& translation : m.translations) {
                if (translation.isEmpty() && m.type.isEmpty())
                    problems << where + QStringLiteral(": empty");
                // A plural form may leave the count out ("une place" for %n = 1).
                QStringList got = placeholders(translation);
                if (m.numerus && wanted.contains(QStringLiteral("%n")) && !got.contains(QStringLiteral("%n")))
                    got << QStringLiteral("%n"), got.sort();
                if (!translation.isEmpty() && got != wanted)
                    problems << where + QStringLiteral(": placeholders ") + got.join(u',');
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::mainWindowStartsInGerman()
{
    const QLocale german(QLocale::German, QLocale::Germany);
    QLocale::setDefault(german);
    QVERIFY(installTranslations(*qApp, german));
    test::TempDir dir;
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.synchronousFull = false;
    std::string error;
    std::unique_ptr<Engine> engine = Engine::open(options, &error);
    QVERIFY2(engine != nullptr, error.c_str());
    {
        MainWindow window(*engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("seatViewTabs"));
        QVERIFY(tabs != nullptr);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Saal&plan"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Platz&liste"));
        auto* events = window.findChild<QLabel*>(QStringLiteral("eventListLabel"));
        QVERIFY(events != nullptr);
        QCOMPARE(events->text(), QStringLiteral("&Veranstaltungen"));
        QStringList groups;
        for (const QGroupBox* box : window.findChildren<QGroupBox*>())
            groups << box->title();
        QVERIFY2(groups.contains(QStringLiteral("Legende")), qPrintable(groups.join(u',')));
        QVERIFY2(groups.contains(QStringLiteral("Auswahl")), qPrintable(groups.join(u',')));
        QCOMPARE(window.windowTitle(), QStringLiteral("Usher"));
    }
    engine->close();
    // Plural forms and the locale's numbers.
    QCOMPARE(QCoreApplication::translate("usher::ui::MainWindow", "%Ln sold", "seats", 1234),
             QStringLiteral("1.234 verkauft"));
}

void TestTranslations::chooserStoresTheLanguage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("usher.conf")), QSettings::IniFormat);
    QCOMPARE(LanguageSettings::stored(settings), QString()); // the system's by default
    QVERIFY(LanguageSettings::available().contains(QStringLiteral("de")));
    QVERIFY(LanguageSettings::available().contains(QStringLiteral("fr")));
    {
        SettingsDialog dialog(settings);
        QCOMPARE(dialog.chosenLanguage(), QString());
        QComboBox* box = dialog.languageBox();
        const int french = box->findData(QStringLiteral("fr"));
        QVERIFY(french > 0);
        QCOMPARE(box->itemText(french), QStringLiteral("Français"));
        box->setCurrentIndex(french);
        dialog.reject(); // nothing stored
        QCOMPARE(LanguageSettings::stored(settings), QString());
        box->setCurrentIndex(french);
        dialog.accept();
    }
    QCOMPARE(LanguageSettings::stored(QSettings(dir.filePath(QStringLiteral("usher.conf")), QSettings::IniFormat)),
             QStringLiteral("fr"));
    {
        SettingsDialog dialog(settings); // shows the stored choice
        QCOMPARE(dialog.chosenLanguage(), QStringLiteral("fr"));
        dialog.languageBox()->setCurrentIndex(0);
        dialog.accept();
    }
    QCOMPARE(LanguageSettings::stored(settings), QString());
    settings.setValue(LanguageSettings::key(), QStringLiteral("xx")); // no such translation
    QCOMPARE(LanguageSettings::stored(settings), QString());
}

void TestTranslations::chosenLanguageGivesTheLocale()
{
    const QLocale swiss(QLocale::German, QLocale::Switzerland);
    QCOMPARE(LanguageSettings::locale(QString(), swiss), swiss);
    QCOMPARE(LanguageSettings::locale(QStringLiteral("de"), swiss), swiss); // keeps the country
    QCOMPARE(LanguageSettings::locale(QStringLiteral("fr"), swiss).language(), QLocale::French);
}

// The shell reaches the chooser from its side panel and, on the sign-in page too, with Ctrl+,.
void TestTranslations::shellOpensTheSettings()
{
    test::CounterFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    {
        AppShell shell(fixture.window.release());
        shell.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shell));
        QAction* preferences = nullptr;
        for (QAction* action : shell.actions())
            if (action->shortcut() == QKeySequence(QKeySequence::Preferences))
                preferences = action;
        QVERIFY(preferences != nullptr);
        preferences->trigger();
        QTRY_VERIFY(shell.findChild<SettingsDialog*>() != nullptr);
        auto* dialog = shell.findChild<SettingsDialog*>();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->languageBox()->count() >= 4); // the system's, then de, en, fr
        shell.openSettings();                         // a second request raises the same dialog
        QCOMPARE(shell.findChildren<SettingsDialog*>().size(), 1);
        dialog->reject(); // deletes itself
        QTRY_VERIFY(shell.findChild<SettingsDialog*>() == nullptr);
        shell.settingsButton()->click();
        QTRY_VERIFY(shell.findChild<SettingsDialog*>() != nullptr);
        shell.findChild<SettingsDialog*>()->reject();
        QTRY_VERIFY(shell.findChild<SettingsDialog*>() == nullptr);
    }
}

// A language switch while running (the first-run wizard's; LanguageSettings::apply) retranslates the
// shell's own texts, its Help menu and an open settings dialog at once.
void TestTranslations::shellAndSettingsRetranslateLive()
{
    test::CounterFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("usher.conf")), QSettings::IniFormat);
    {
        AppShell shell(fixture.window.release());
        shell.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shell));
        SettingsDialog dialog(settings, &shell);
        dialog.show();
        LanguageSettings::apply(*qApp, QStringLiteral("en"));
        QTRY_COMPARE(shell.signOutButton()->text(), QStringLiteral("Sign &out"));
        QCOMPARE(shell.helpMenu()->title(), QStringLiteral("Hel&p"));

        LanguageSettings::apply(*qApp, QStringLiteral("de"));
        QCOMPARE(QLocale().language(), QLocale::German);
        QTRY_COMPARE(shell.signOutButton()->text(), QStringLiteral("&Abmelden"));
        QCOMPARE(shell.settingsButton()->text(), QStringLiteral("&Einstellungen…"));
        QCOMPARE(shell.helpMenu()->title(), QStringLiteral("H&ilfe"));
        QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
        QVERIFY2(dialog.languageBox()->itemText(0).startsWith(QStringLiteral("Systemstandard")),
                 qPrintable(dialog.languageBox()->itemText(0)));

        LanguageSettings::apply(*qApp, QStringLiteral("fr"));
        QTRY_COMPARE(shell.signOutButton()->text(), QStringLiteral("Se &déconnecter"));
        QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("Paramètres"));
        LanguageSettings::apply(*qApp, QStringLiteral("en"));
        QTRY_COMPARE(shell.signOutButton()->text(), QStringLiteral("Sign &out"));
    }
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
