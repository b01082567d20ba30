#include "AuditLogWidget.h"

#include "AuditCounter.h"
#include "AuditCsvExport.h"
#include "AuditLogModel.h"
#include "AuditWorker.h"
#include "DisplayFormat.h"
#include "SeatMapLegend.h"
#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "WaitingRoomChanges.h"
#include "audit/AuditIndex.h"
#include "storage/SqliteStorage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <array>

namespace usher::ui {

using audit::AuditFilter;
using audit::AuditRow;

namespace {

constexpr int kDefaultTailMs = 1000;
constexpr std::uint64_t kCountCap = 100'000;
constexpr SeatId kUnknownSeat = 0xffffffffu; // a seat text that names no seat: the filter matches nothing

// The admin looks at every seat from outside: no hold is "mine", no allocation is "my channel".
SeatMapPerspective auditPerspective()
{
    return SeatMapPerspective { Actor { ActorKind::None, 0 }, ChannelId(0xffff) };
}

QLabel* fieldLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

AuditLogWidget::AuditLogWidget(const QString& dataDirectory, QWidget* parent)
    : AuditLogWidget(dataDirectory, audit::AuditReplayOptions {}, parent)
{
}

AuditLogWidget::AuditLogWidget(const QString& dataDirectory, const audit::AuditReplayOptions& replay, QWidget* parent)
    : QWidget(parent)
    , m_dataDirectory(dataDirectory)
    , m_replayOptions(replay)
{
    setObjectName(QStringLiteral("auditLogWidget"));
    qRegisterMetaType<AuditMapStatePtr>();
    std::string error;
    const audit::AuditIndexOptions options = audit::AuditIndex::optionsFor(dataDirectory.toStdString());
    std::uint64_t rows = 0;
    if (audit::AuditIndex::storedSchemaVersion(options.indexPath, &rows) == 1) {
        upgradeInBackground(options, rows); // minutes on a large index: not on the GUI thread
        return;
    }
    finishOpening(audit::AuditIndex::open(options, &error), error);
}

void AuditLogWidget::upgradeInBackground(const audit::AuditIndexOptions& options, std::uint64_t rows)
{
    auto* outer = new QVBoxLayout(this);
    m_busyPage = new QWidget(this);
    m_busyPage->setObjectName(QStringLiteral("auditUpgradePage"));
    auto* busy = new QVBoxLayout(m_busyPage);
    //: %L1 is a number of rows.
    auto* label = new QLabel(tr("Upgrading the audit index (%L1 rows) to the new format. This happens once; "
                                "on a very large log it takes a few minutes. The rest of the app can be used "
                                "meanwhile.")
                                 .arg(rows),
                             m_busyPage);
    label->setWordWrap(true);
    auto* bar = new QProgressBar(m_busyPage);
    bar->setObjectName(QStringLiteral("auditUpgradeProgress"));
    bar->setRange(0, 0); // SQLite builds an index in one statement: no fraction to show
    m_busyLabel = new QLabel(m_busyPage);
    m_busyLabel->setObjectName(QStringLiteral("auditUpgradeElapsed"));
    busy->addStretch(1);
    busy->addWidget(label);
    busy->addWidget(bar);
    busy->addWidget(m_busyLabel);
    busy->addStretch(1);
    outer->addWidget(m_busyPage);

    m_upgradeClock.start();
    auto* ticker = new QTimer(m_busyPage);
    ticker->setInterval(1000);
    const auto tick = [this] {
        //: %1 is a number of seconds.
        m_busyLabel->setText(tr("%1 s so far").arg(m_upgradeClock.elapsed() / 1000));
    };
    connect(ticker, &QTimer::timeout, m_busyLabel, tick);
    tick();
    ticker->start();

    // The index is opened (and upgraded) on a thread of its own, then handed to the GUI thread.
    struct Result {
        std::unique_ptr<audit::AuditIndex> index;
        std::string error;
    };
    auto result = std::make_shared<Result>();
    audit::AuditIndexOptions upgrading = options;
    upgrading.upgradeContinue = [cancel = m_cancelUpgrade] { return !cancel->load(); };
    m_upgradeThread
        = QThread::create([upgrading, result] { result->index = audit::AuditIndex::open(upgrading, &result->error); });
    m_upgradeThread->setObjectName(QStringLiteral("auditUpgrade"));
    connect(m_upgradeThread, &QThread::finished, this, [this, result] {
        m_upgradeThread->deleteLater();
        m_upgradeThread = nullptr;
        delete m_busyPage;
        m_busyPage = nullptr;
        m_busyLabel = nullptr;
        delete QWidget::layout(); // buildUi() sets its own
        finishOpening(std::move(result->index), result->error);
        if (m_pendingServer.isValid())
            setServer(m_pendingServer, m_pendingToken);
        Q_EMIT opened(isOpen());
    });
    m_upgradeThread->start(QThread::LowPriority);
}

void AuditLogWidget::finishOpening(std::unique_ptr<audit::AuditIndex> index, std::string error)
{
    const audit::AuditIndexOptions options = audit::AuditIndex::optionsFor(m_dataDirectory.toStdString());
    if (index != nullptr)
        m_query = audit::AuditQuery::open(options.indexPath, &error);
    if (m_query == nullptr) {
        m_error = tr("The audit log cannot be opened: %1").arg(QString::fromStdString(error));
        auto* layout = new QVBoxLayout(this);
        auto* label = new QLabel(m_error, this);
        label->setObjectName(QStringLiteral("auditErrorLabel"));
        label->setWordWrap(true);
        layout->addWidget(label);
        return;
    }
    loadEvents();
    m_model = new AuditLogModel(*m_query, this);
    m_model->setEvents(m_specs);
    buildUi();

    audit::AuditReplayOptions replay = m_replayOptions;
    replay.journalPath = options.journalPath;
    replay.checkpointPath = options.indexPath; // checkpoints kept for the next session
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("auditWorker"));
    m_worker = new AuditWorker(std::move(index), replay);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AuditWorker::caughtUp, this, &AuditLogWidget::onCaughtUp);
    connect(m_worker, &AuditWorker::stateReady, this, &AuditLogWidget::onStateReady);
    m_thread->start();
    // Counts run on a thread of their own: a text count can read a long doclist, and must neither
    // hold up the GUI thread nor wait behind a catch-up step or a replay on the worker.
    m_countThread = new QThread(this);
    m_countThread->setObjectName(QStringLiteral("auditCount"));
    m_counter = new AuditCounter(options.indexPath, kCountCap);
    m_counter->moveToThread(m_countThread);
    connect(m_countThread, &QThread::finished, m_counter, &QObject::deleteLater);
    connect(m_counter, &AuditCounter::counted, this, &AuditLogWidget::onCounted);
    m_countThread->start();

    m_tailTimer = new QTimer(this);
    m_tailTimer->setInterval(kDefaultTailMs);
    connect(m_tailTimer, &QTimer::timeout, this, &AuditLogWidget::catchUpNow);
    m_tailTimer->start();
    m_model->reload();
    // The list starts at the newest records (the bottom), also when an existing index fills the
    // first page at once: again once the view has its size, which it does not have yet here.
    m_table->scrollToBottom();
    QTimer::singleShot(0, m_table, &QTableView::scrollToBottom);
    updateCount(true);
    catchUpNow();
}

AuditLogWidget::~AuditLogWidget()
{
    if (m_upgradeThread != nullptr) {
        m_cancelUpgrade->store(true); // interrupts the upgrade; the file stays at the old version
        m_upgradeThread->wait();
        delete m_upgradeThread;
        m_upgradeThread = nullptr;
    }
    delete m_export;
    m_export = nullptr;
    if (m_countThread != nullptr) {
        m_counter->cancel();
        m_countThread->quit();
        m_countThread->wait();
    }
    if (m_thread != nullptr) {
        m_worker->setLatestTicket(~quint64(0)); // skip queued replays
        m_worker->stopWarming();
        m_thread->quit();
        m_thread->wait();
    }
}

void AuditLogWidget::loadEvents()
{
    // The GUI thread's own read connection to usher.db: event specs and the detail pane's records.
    SqliteStorageOptions storage;
    storage.path = audit::AuditIndex::optionsFor(m_dataDirectory.toStdString()).journalPath;
    storage.synchronousFull = false;
    std::string error;
    m_journal = SqliteStorage::open(storage, &error);
    std::vector<EventSpec> specs;
    if (m_journal == nullptr || m_journal->listEvents(&specs, &error) != Status::Ok)
        return;
    for (EventSpec& spec : specs) {
        if (spec.finalize().empty())
            m_specs[spec.id] = std::make_shared<const EventSpec>(std::move(spec));
    }
}

// ---- building -----------------------------------------------------------------------------------

void AuditLogWidget::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(buildFilterBar());

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("auditSplitter"));
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("auditTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('8'));
    const std::pair<int, int> widths[] = {
        { AuditLogModel::TimeColumn, 22 },    { AuditLogModel::EventColumn, 15 },   { AuditLogModel::SeqColumn, 6 },
        { AuditLogModel::TypeColumn, 14 },    { AuditLogModel::OutcomeColumn, 12 }, { AuditLogModel::ActorColumn, 11 },
        { AuditLogModel::ChannelColumn, 11 }, { AuditLogModel::SeatsColumn, 24 },   { AuditLogModel::OrderColumn, 6 },
        { AuditLogModel::AmountColumn, 10 },
    };
    for (const auto& [column, chars] : widths)
        m_table->setColumnWidth(column, chars * digit);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditLogWidget::onRowChanged);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &AuditLogWidget::maybeFetchOlder);

    auto* side = new QSplitter(Qt::Vertical, split);
    auto* detailBox = new QGroupBox(tr("Record"), side);
    auto* detailLayout = new QVBoxLayout(detailBox);
    m_detail = new QTreeWidget(detailBox);
    m_detail->setObjectName(QStringLiteral("auditDetailTree"));
    m_detail->setColumnCount(2);
    m_detail->setHeaderLabels({ tr("Field"), tr("Value") });
    m_detail->setAlternatingRowColors(true);
    m_detail->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    detailLayout->addWidget(m_detail);
    side->addWidget(detailBox);
    side->addWidget(buildMapPane());
    side->setStretchFactor(0, 2);
    side->setStretchFactor(1, 3);
    side->setSizes({ 320, 480 });
    m_views = new QTabWidget(split);
    m_views->setObjectName(QStringLiteral("auditViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_table, tr("&Journal"));
    m_views->setTabBarAutoHide(true); // until a second tab (usherd's waiting-room changes)
    split->addWidget(m_views);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({ 880, 540 });
    layout->addWidget(split, 1);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("auditStatusLabel"));
    layout->addWidget(m_statusLabel);
}

QWidget* AuditLogWidget::buildFilterBar()
{
    auto* bar = new QWidget(this);
    auto* grid = new QGridLayout(bar);
    grid->setContentsMargins(0, 0, 0, 0);
    auto* digits = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,19}")), bar);

    m_eventBox = new QComboBox(bar);
    m_eventBox->setObjectName(QStringLiteral("auditEventCombo"));
    m_eventBox->addItem(tr("All events"), QVariant::fromValue(quint64(0)));
    for (const auto& [id, spec] : m_specs)
        m_eventBox->addItem(QString::fromStdString(spec->name), QVariant::fromValue(quint64(id)));
    m_seatEdit = new QLineEdit(bar);
    m_seatEdit->setObjectName(QStringLiteral("auditSeatEdit"));
    m_seatEdit->setPlaceholderText(tr("Seat id or label"));
    m_seatEdit->setClearButtonEnabled(true);
    m_orderEdit = new QLineEdit(bar);
    m_orderEdit->setObjectName(QStringLiteral("auditOrderEdit"));
    m_orderEdit->setPlaceholderText(tr("Order number"));
    m_orderEdit->setValidator(digits);
    m_orderEdit->setClearButtonEnabled(true);
    m_actorKindBox = new QComboBox(bar);
    m_actorKindBox->setObjectName(QStringLiteral("auditActorKindCombo"));
    m_actorKindBox->addItem(tr("Anyone"), int(ActorKind::None));
    for (ActorKind kind : { ActorKind::Clerk, ActorKind::Buyer, ActorKind::Device, ActorKind::Promoter,
                            ActorKind::Admin, ActorKind::System })
        m_actorKindBox->addItem(AuditLogModel::actorText(Actor { kind, 0 }).remove(QStringLiteral(" 0")), int(kind));
    m_actorIdEdit = new QLineEdit(bar);
    m_actorIdEdit->setObjectName(QStringLiteral("auditActorIdEdit"));
    m_actorIdEdit->setPlaceholderText(tr("Any id"));
    m_actorIdEdit->setValidator(digits);
    m_kindBox = new QComboBox(bar);
    m_kindBox->setObjectName(QStringLiteral("auditKindCombo"));
    m_kindBox->addItem(tr("Any type"), 0);
    for (int k = 1; k <= int(kCommandKindMax); ++k)
        m_kindBox->addItem(AuditLogModel::kindText(CommandKind(k)), k);
    m_outcomeBox = new QComboBox(bar);
    m_outcomeBox->setObjectName(QStringLiteral("auditOutcomeCombo"));
    m_outcomeBox->addItem(tr("Any outcome"), int(audit::AuditOutcome::Any));
    m_outcomeBox->addItem(tr("Done"), int(audit::AuditOutcome::Ok));
    m_outcomeBox->addItem(tr("Refused"), int(audit::AuditOutcome::Rejected));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto makeTime = [&](const QString& name, QCheckBox** check, QDateTimeEdit** edit, const QString& text) {
        *check = new QCheckBox(text, bar);
        (*check)->setObjectName(name + QStringLiteral("Check"));
        *edit = new QDateTimeEdit(now, bar);
        (*edit)->setObjectName(name + QStringLiteral("Edit"));
        (*edit)->setTimeSpec(Qt::UTC);
        (*edit)->setDisplayFormat(DisplayFormat::dateTimeFormat(DisplayFormat::Precision::Seconds));
        (*edit)->setCalendarPopup(true);
        (*edit)->setEnabled(false);
        connect(*check, &QCheckBox::toggled, *edit, &QWidget::setEnabled);
    };
    makeTime(QStringLiteral("auditFrom"), &m_fromCheck, &m_fromEdit, tr("&From (UTC)"));
    makeTime(QStringLiteral("auditTo"), &m_toCheck, &m_toEdit, tr("&To"));
    m_searchEdit = new QLineEdit(bar);
    m_searchEdit->setObjectName(QStringLiteral("auditSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search names, e-mails, references, reasons…"));
    m_searchEdit->setClearButtonEnabled(true);
    m_countLabel = new QLabel(bar);
    m_countLabel->setObjectName(QStringLiteral("auditCountLabel"));
    m_followCheck = new QCheckBox(tr("Follow &live"), bar);
    m_followCheck->setObjectName(QStringLiteral("auditFollowCheck"));
    m_followCheck->setChecked(true);
    m_followCheck->setToolTip(tr("New records appear at the bottom; the list follows them while it is scrolled "
                                 "to the end."));
    m_exportButton = new QPushButton(tr("E&xport CSV…"), bar);
    m_exportButton->setObjectName(QStringLiteral("auditExportButton"));

    grid->addWidget(fieldLabel(tr("&Event"), m_eventBox, bar), 0, 0);
    grid->addWidget(m_eventBox, 0, 1);
    grid->addWidget(fieldLabel(tr("S&eat"), m_seatEdit, bar), 0, 2);
    grid->addWidget(m_seatEdit, 0, 3);
    grid->addWidget(fieldLabel(tr("&Order"), m_orderEdit, bar), 0, 4);
    grid->addWidget(m_orderEdit, 0, 5);
    grid->addWidget(fieldLabel(tr("&Clerk or user"), m_actorKindBox, bar), 0, 6);
    grid->addWidget(m_actorKindBox, 0, 7);
    grid->addWidget(m_actorIdEdit, 0, 8);
    grid->addWidget(fieldLabel(tr("T&ype"), m_kindBox, bar), 0, 9);
    grid->addWidget(m_kindBox, 0, 10);
    grid->addWidget(m_outcomeBox, 0, 11);
    grid->addWidget(m_fromCheck, 1, 0);
    grid->addWidget(m_fromEdit, 1, 1);
    grid->addWidget(m_toCheck, 1, 2);
    grid->addWidget(m_toEdit, 1, 3);
    grid->addWidget(fieldLabel(tr("&Search"), m_searchEdit, bar), 1, 4);
    grid->addWidget(m_searchEdit, 1, 5, 1, 4);
    grid->addWidget(m_countLabel, 1, 9, 1, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_followCheck);
    actions->addWidget(m_exportButton);
    grid->addLayout(actions, 1, 10, 1, 2, Qt::AlignRight);
    grid->setColumnStretch(5, 1);
    grid->setColumnStretch(1, 1);

    // Edits settle for a moment before the query runs (typing a name is one query, not six).
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);
    connect(m_filterTimer, &QTimer::timeout, this, [this] {
        readFilterBar();
        applyFilter();
    });
    auto later = [this] { m_filterTimer->start(); };
    for (QLineEdit* edit : { m_seatEdit, m_orderEdit, m_actorIdEdit, m_searchEdit })
        connect(edit, &QLineEdit::textChanged, this, later);
    for (QComboBox* box : { m_actorKindBox, m_kindBox, m_outcomeBox })
        connect(box, &QComboBox::currentIndexChanged, this, later);
    connect(m_eventBox, &QComboBox::currentIndexChanged, this, [this, later] {
        onEventChosen();
        later();
    });
    for (QCheckBox* check : { m_fromCheck, m_toCheck })
        connect(check, &QCheckBox::toggled, this, later);
    for (QDateTimeEdit* edit : { m_fromEdit, m_toEdit })
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, later);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditLogWidget::exportCsv);
    m_seatEdit->setEnabled(false);
    return bar;
}

QWidget* AuditLogWidget::buildMapPane()
{
    auto* box = new QGroupBox(tr("Seat map right after the record"), this);
    box->setObjectName(QStringLiteral("auditMapGroup"));
    auto* layout = new QVBoxLayout(box);
    m_mapTitle = new QLabel(tr("Choose a record or an event to see its seats as they were."), box);
    m_mapTitle->setObjectName(QStringLiteral("auditMapTitle"));
    m_mapTitle->setWordWrap(true);
    layout->addWidget(m_mapTitle);
    m_mapHost = new QWidget(box);
    m_mapHost->setMinimumHeight(220);
    auto* hostLayout = new QHBoxLayout(m_mapHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mapHost, 1);
    auto* sliderRow = new QHBoxLayout;
    m_slider = new QSlider(Qt::Horizontal, box);
    m_slider->setObjectName(QStringLiteral("auditTimeSlider"));
    m_slider->setEnabled(false);
    m_slider->setAccessibleName(tr("Time"));
    m_sliderLabel = new QLabel(box);
    m_sliderLabel->setObjectName(QStringLiteral("auditSliderLabel"));
    sliderRow->addWidget(new QLabel(tr("Time:"), box));
    sliderRow->addWidget(m_slider, 1);
    sliderRow->addWidget(m_sliderLabel);
    layout->addLayout(sliderRow);
    m_mapCounts = new QLabel(box);
    m_mapCounts->setObjectName(QStringLiteral("auditMapCounts"));
    m_mapCounts->setTextFormat(Qt::RichText);
    layout->addWidget(m_mapCounts);
    connect(m_slider, &QSlider::valueChanged, this, &AuditLogWidget::onSlider);
    return box;
}

// ---- filters ------------------------------------------------------------------------------------

void AuditLogWidget::readFilterBar()
{
    AuditFilter f;
    f.event = m_eventBox->currentData().toULongLong();
    f.seat = f.event != 0 ? parseSeat(m_seatEdit->text()) : 0;
    f.order = m_orderEdit->text().toULongLong();
    f.actorKind = ActorKind(m_actorKindBox->currentData().toInt());
    f.actorId = f.actorKind != ActorKind::None ? m_actorIdEdit->text().toULongLong() : 0;
    f.kind = CommandKind(m_kindBox->currentData().toInt());
    f.outcome = audit::AuditOutcome(m_outcomeBox->currentData().toInt());
    f.from = m_fromCheck->isChecked() ? m_fromEdit->dateTime().toMSecsSinceEpoch() : 0;
    f.to = m_toCheck->isChecked() ? m_toEdit->dateTime().toMSecsSinceEpoch() : 0;
    f.text = m_searchEdit->text().trimmed().toStdString();
    m_filter = f;
}

void AuditLogWidget::writeFilterBar()
{
    const QSignalBlocker blockers[]
        = { QSignalBlocker(m_eventBox),     QSignalBlocker(m_seatEdit),    QSignalBlocker(m_orderEdit),
            QSignalBlocker(m_actorKindBox), QSignalBlocker(m_actorIdEdit), QSignalBlocker(m_kindBox),
            QSignalBlocker(m_outcomeBox),   QSignalBlocker(m_fromCheck),   QSignalBlocker(m_fromEdit),
            QSignalBlocker(m_toCheck),      QSignalBlocker(m_toEdit),      QSignalBlocker(m_searchEdit) };
    const AuditFilter& f = m_filter;
    m_eventBox->setCurrentIndex(std::max(0, m_eventBox->findData(QVariant::fromValue(quint64(f.event)))));
    m_seatEdit->setEnabled(f.event != 0);
    m_seatEdit->setText(f.seat != 0 ? QString::number(f.seat) : QString());
    m_orderEdit->setText(f.order != 0 ? QString::number(f.order) : QString());
    m_actorKindBox->setCurrentIndex(std::max(0, m_actorKindBox->findData(int(f.actorKind))));
    m_actorIdEdit->setText(f.actorId != 0 ? QString::number(f.actorId) : QString());
    m_kindBox->setCurrentIndex(std::max(0, m_kindBox->findData(int(f.kind))));
    m_outcomeBox->setCurrentIndex(std::max(0, m_outcomeBox->findData(int(f.outcome))));
    m_fromCheck->setChecked(f.from != 0);
    m_fromEdit->setEnabled(f.from != 0);
    if (f.from != 0)
        m_fromEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(f.from, QTimeZone::utc()));
    m_toCheck->setChecked(f.to != 0);
    m_toEdit->setEnabled(f.to != 0);
    if (f.to != 0)
        m_toEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(f.to, QTimeZone::utc()));
    m_searchEdit->setText(QString::fromStdString(f.text));
}

void AuditLogWidget::setFilter(const AuditFilter& filter)
{
    if (!isOpen())
        return;
    m_filterTimer->stop();
    m_filter = filter;
    writeFilterBar();
    if (filter.event != 0)
        setMapEvent(filter.event);
    applyFilter();
}

void AuditLogWidget::setServer(const QUrl& baseUrl, const QByteArray& bearerToken)
{
    if (m_upgradeThread != nullptr) {
        m_pendingServer = baseUrl; // set once the index is open
        m_pendingToken = bearerToken;
        return;
    }
    if (m_views == nullptr)
        return; // the audit log could not be opened: errorText() says why
    if (m_roomChanges != nullptr) {
        m_views->removeTab(m_views->indexOf(m_roomChanges));
        delete m_roomChanges;
        m_roomChanges = nullptr;
    }
    if (!baseUrl.isValid() || baseUrl.isEmpty() || bearerToken.isEmpty())
        return;
    m_roomChanges = new WaitingRoomChanges(baseUrl, bearerToken, m_views);
    m_roomChanges->setFilter(m_filter);
    m_views->addTab(m_roomChanges, tr("&Waiting room (usherd)"));
}

void AuditLogWidget::applyFilter()
{
    if (m_roomChanges != nullptr)
        m_roomChanges->setFilter(m_filter);
    m_model->setFilter(m_filter);
    m_table->scrollToBottom();
    // A short first page (a text filter) may not fill a tall view, which then has nothing to
    // scroll: fetch the page above once the view has laid the rows out.
    QTimer::singleShot(0, this, &AuditLogWidget::maybeFetchOlder);
    updateCount(true);
    m_detail->clear();
}

void AuditLogWidget::updateCount(bool filterChanged)
{
    if (m_counter == nullptr)
        return;
    if (!filterChanged && m_countAnswered != m_countTicket)
        return; // the count still running comes soon; a newer one would only put it off
    if (filterChanged)
        m_countLabel->setText(tr("Counting…"));
    m_counter->request(m_filter, ++m_countTicket);
}

void AuditLogWidget::onCounted(quint64 ticket, quint64 count, bool capped, bool ok, const QString& error)
{
    if (ticket != m_countTicket)
        return; // an older filter's count
    m_countAnswered = ticket;
    if (!ok) {
        m_countLabel->setText(tr("Count unavailable"));
        m_countLabel->setToolTip(error);
        return;
    }
    m_countLabel->setToolTip(QString());
    m_countLabel->setText(
        capped ? tr("More than %L1 records").arg(qulonglong(kCountCap))
               : tr("%L1 record(s)", nullptr, int(std::min<std::uint64_t>(count, INT32_MAX))).arg(qulonglong(count)));
}

void AuditLogWidget::onEventChosen()
{
    const EventId event = m_eventBox->currentData().toULongLong();
    m_seatEdit->setEnabled(event != 0);
    if (event != 0)
        setMapEvent(event);
}

SeatId AuditLogWidget::parseSeat(const QString& text) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return 0;
    bool number = false;
    const quint32 id = t.toUInt(&number);
    if (number)
        return id != 0 ? id : kUnknownSeat;
    const EventSpec* spec = m_model->spec(m_eventBox->currentData().toULongLong());
    if (spec == nullptr || spec->venue == nullptr)
        return kUnknownSeat;
    const Venue& venue = *spec->venue;
    for (SeatIndex s = 0; s < venue.seatCount(); ++s) {
        if (QString::fromStdString(venue.seatLabel(s)).compare(t, Qt::CaseInsensitive) == 0)
            return venue.seats[s].id;
    }
    return kUnknownSeat;
}

QString AuditLogWidget::eventName(EventId event) const
{
    return m_model->eventText(event);
}

// ---- live tail ----------------------------------------------------------------------------------

void AuditLogWidget::setTailInterval(int ms)
{
    if (m_tailTimer != nullptr)
        m_tailTimer->setInterval(ms);
}

int AuditLogWidget::tailInterval() const
{
    return m_tailTimer != nullptr ? m_tailTimer->interval() : 0;
}

void AuditLogWidget::catchUpNow()
{
    if (m_worker == nullptr || m_catchUpRunning)
        return;
    m_catchUpRunning = true;
    QMetaObject::invokeMethod(m_worker, &AuditWorker::catchUp, Qt::QueuedConnection);
}

void AuditLogWidget::onCaughtUp(quint64 records, bool more, const QString& error)
{
    m_catchUpRunning = false;
    if (!error.isEmpty()) {
        m_statusLabel->setText(tr("The audit index cannot keep up with the journal: %1").arg(error));
        return;
    }
    if (records > 0) {
        pollTail();
        updateSliderRange();
    }
    if (more) {
        m_caughtUp = false;
        m_statusLabel->setText(tr("Indexing the journal…"));
        catchUpNow();
        return;
    }
    if (!m_caughtUp)
        m_statusLabel->setText(tr("Up to date with the journal."));
    if (!m_caughtUp && !m_warmStarted) {
        // Time travel's checkpoints, made in the background (kept in audit.db): the first jump
        // into a long journal then restores one instead of replaying from the start.
        m_warmStarted = true;
        QList<quint64> events;
        for (const auto& [event, spec] : m_specs)
            events.append(event);
        AuditWorker* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, events] { worker->warm(events); }, Qt::QueuedConnection);
    }
    m_caughtUp = true;
    Q_EMIT caughtUp();
}

void AuditLogWidget::pollTail()
{
    QScrollBar* bar = m_table->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum();
    const int added = m_model->pollTail();
    if (added == 0)
        return;
    if (m_followCheck->isChecked() && atEnd)
        m_table->scrollToBottom();
    updateCount(false);
}

void AuditLogWidget::maybeFetchOlder()
{
    QScrollBar* bar = m_table->verticalScrollBar();
    if (bar->value() != bar->minimum() || !m_model->canFetchOlder())
        return;
    const int added = m_model->fetchOlder();
    if (added > 0)
        m_table->scrollTo(m_model->index(added, 0), QAbstractItemView::PositionAtTop);
}

// ---- selection and detail -----------------------------------------------------------------------

void AuditLogWidget::selectRow(int row)
{
    if (m_model == nullptr || row < 0 || row >= m_model->rowCount())
        return;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
}

void AuditLogWidget::onRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const AuditRow& row = m_model->rowAt(current.row());
    showDetail(row);
    showStateAt(row.event, row.seq);
}

void AuditLogWidget::showStateAt(EventId event, Seq seq)
{
    if (m_worker == nullptr || m_specs.count(event) == 0)
        return;
    setMapEvent(event);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(std::min<Seq>(seq, Seq(m_slider->maximum()))));
    }
    ++m_replayTicket;
    m_worker->setLatestTicket(m_replayTicket);
    QMetaObject::invokeMethod(m_worker, "replay", Qt::QueuedConnection, Q_ARG(quint64, event), Q_ARG(quint64, seq),
                              Q_ARG(quint64, m_replayTicket));
}

void AuditLogWidget::onSlider(int value)
{
    if (m_mapEvent != 0)
        showStateAt(m_mapEvent, Seq(value));
}

void AuditLogWidget::onStateReady(const AuditMapStatePtr& state)
{
    if (state->ticket != m_replayTicket)
        return; // an older position
    if (!state->error.isEmpty()) {
        m_statusLabel->setText(tr("The seat map cannot be replayed: %1").arg(state->error));
        return;
    }
    setMapEvent(state->event);
    if (m_mapModel == nullptr || state->seats.size() != m_mapModel->seatCount())
        return;
    m_mapModel->resetStates(state->seats, state->areas);
    m_mapSeq = state->seq;
    m_mapRestores += state->restores;
    updateSliderLabel();
    updateMapCounts();
    Q_EMIT mapShown(state->event, state->seq);
}

void AuditLogWidget::setMapEvent(EventId event)
{
    if (event == m_mapEvent)
        return;
    const auto it = m_specs.find(event);
    if (it == m_specs.end())
        return;
    delete m_map;
    m_map = nullptr;
    delete m_mapModel;
    m_mapModel = new SeatMapModel(*it->second, auditPerspective(), this);
    m_map = new SeatMapWidget(*m_mapModel, m_mapHost);
    m_map->setObjectName(QStringLiteral("auditSeatMap"));
    m_map->setToolTip(QString());
    // Read-only: the map shows the past; nothing on it can be selected.
    connect(m_map, &SeatMapWidget::selectionChanged, m_map, [map = m_map](const QList<quint32>& seats) {
        if (!seats.isEmpty())
            map->clearSelection();
    });
    m_mapHost->layout()->addWidget(m_map);
    m_mapEvent = event;
    m_mapSeq = 0;
    updateSliderRange();
    m_mapTitle->setText(tr("%1, before the first record").arg(eventName(event)));
}

void AuditLogWidget::updateSliderRange()
{
    if (m_mapEvent == 0)
        return;
    Seq first = 0;
    Seq last = 0;
    Timestamp firstAt = 0;
    Timestamp lastAt = 0;
    std::string error;
    if (m_query->seqRange(m_mapEvent, &first, &last, &firstAt, &lastAt, &error) != Status::Ok)
        return;
    m_sliderFirstSeq = first;
    m_sliderLastSeq = last;
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, int(std::min<Seq>(last, Seq(INT32_MAX))));
    m_slider->setPageStep(std::max(1, int(last / 20)));
    m_slider->setEnabled(last > 0);
    m_slider->setValue(int(std::min<Seq>(m_mapSeq, Seq(INT32_MAX))));
    updateSliderLabel();
}

void AuditLogWidget::updateSliderLabel()
{
    if (m_mapEvent == 0)
        return;
    QString when;
    AuditRow row;
    std::string error;
    if (m_mapSeq != 0 && m_query->rowOfSeq(m_mapEvent, m_mapSeq, &row, &error) == Status::Ok)
        when = m_model->timeText(row.at);
    m_sliderLabel->setText(tr("Record %L1 of %L2").arg(qulonglong(m_mapSeq)).arg(qulonglong(m_sliderLastSeq)));
    m_mapTitle->setText(
        m_mapSeq == 0
            ? tr("%1, before the first record").arg(eventName(m_mapEvent))
            : tr("%1, right after record %L2 (%3 UTC)").arg(eventName(m_mapEvent)).arg(qulonglong(m_mapSeq)).arg(when));
}

// A legend that counts: each state's swatch and how many seats had it at that moment.
void AuditLogWidget::updateMapCounts()
{
    if (m_mapModel == nullptr || m_map == nullptr)
        return;
    std::array<quint32, kSeatMapStateCount> counts {};
    for (SeatIndex s = 0; s < m_mapModel->seatCount(); ++s)
        ++counts[std::size_t(m_mapModel->state(s))];
    counts[std::size_t(SeatMapState::HeldByOthers)] += counts[std::size_t(SeatMapState::HeldByMe)];
    const std::pair<SeatMapState, QString> shown[] = {
        { SeatMapState::Available, tr("Available") }, { SeatMapState::AllocatedToOthers, tr("Allocated") },
        { SeatMapState::HeldByOthers, tr("Held") },   { SeatMapState::Sold, tr("Sold") },
        { SeatMapState::Blocked, tr("Blocked") },
    };
    QStringList parts;
    for (const auto& [state, name] : shown) {
        const QColor color = m_map->seatPalette().fill[std::size_t(state)];
        parts << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2&nbsp;<b>%3</b>")
                     .arg(color.name(), name.toHtmlEscaped(), QLocale().toString(counts[std::size_t(state)]));
    }
    m_mapCounts->setText(parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp; ")));
}

} // namespace usher::ui
