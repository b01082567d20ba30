#include "MainWindow.h"

#include "DisplayFormat.h"
#include "EventListModel.h"
#include "SeatCellDelegate.h"
#include "SeatStateModel.h"
#include "SeatStateStyle.h"
#include "core/Assert.h"
#include "help/AppIcon.h"
#include "help/HelpMenu.h"
#include "runtime/Engine.h"
#include "seatmap/SeatMapFeed.h"
#include "seatmap/SeatMapLegend.h"
#include "seatmap/SeatMapMinimap.h"
#include "seatmap/SeatMapModel.h"
#include "seatmap/SeatMapWidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace usher::ui {

namespace {

enum Page { NoEventsPage = 0, EventPage = 1 };
enum SeatView { SeatMapTab = 0, SeatListTab = 1 };

// Until clerks sign in, the desktop app sells as this clerk at the event's first box-office channel:
// its holds show as "held by me", seats allocated to that channel as "allocated to this box office".
constexpr std::uint64_t kCounterClerkId = 7;

SeatMapPerspective counterPerspective(const EventSpec& spec)
{
    SeatMapPerspective perspective;
    perspective.actor = Actor { ActorKind::Clerk, kCounterClerkId };
    for (const SalesChannel& channel : spec.channels) {
        if (channel.kind == ChannelKind::BoxOffice) {
            perspective.channel = channel.id;
            break;
        }
    }
    return perspective;
}
enum AreaColumn { AreaName = 0, AreaCapacity, AreaHeld, AreaSold, AreaAvailable, AreaColumns };

QLabel* makeLabel(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    return label;
}

} // namespace

MainWindow::MainWindow(Engine& engine, QWidget* parent)
    : QMainWindow(parent)
    , m_events(new EventListModel(engine, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildEventList());

    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("eventStack"));
    auto* empty = makeLabel(tr("There are no events yet.\nStart Usher with --demo to create two demo events."),
                            QStringLiteral("noEventsLabel"), m_stack);
    empty->setAlignment(Qt::AlignCenter);
    m_stack->insertWidget(NoEventsPage, empty);
    m_stack->insertWidget(EventPage, buildEventPage());
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 250, 1030 });
    setCentralWidget(splitter);

    m_totals = makeLabel(QString(), QStringLiteral("totalsLabel"), this);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addWidget(m_totals, 1);
    setWindowIcon(appIcon());
    menuBar()->addMenu(new HelpMenu(this, menuBar()));

    setTabOrder(m_eventList, m_viewTabs);
    setTabOrder(m_viewTabs, m_colorBy);
    setTabOrder(m_colorBy, m_highContrast);
    setTabOrder(m_highContrast, m_clearSelection);
    setTabOrder(m_clearSelection, m_sectionTabs);
    setTabOrder(m_sectionTabs, m_seatTable);
    setTabOrder(m_seatTable, m_areaTable);
    resize(1280, 800);

    connect(m_eventList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { showEventAt(current.isValid() ? current.row() : -1); });
    if (m_events->rowCount() > 0)
        m_eventList->setCurrentIndex(m_events->index(0));
    else
        showEventAt(-1);
    m_eventList->setFocus();
}

MainWindow::~MainWindow()
{
    // The seat model unsubscribes from its shard; let it go before the views that show it. The map's
    // views go before its feed (which unsubscribes) and its model.
    m_seatTable->setModel(nullptr);
    delete m_seats;
    showSeatMap(nullptr);
}

QWidget* MainWindow::buildEventList()
{
    auto* panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("eventPanel"));
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 6, 0, 6);
    m_eventList = new QListView(panel);
    m_eventList->setObjectName(QStringLiteral("eventList"));
    m_eventList->setModel(m_events);
    m_eventList->setWordWrap(true);
    m_eventList->setSpacing(3);
    m_eventList->setAlternatingRowColors(true);
    m_eventList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_eventList->setMinimumWidth(220);
    auto* title = makeLabel(tr("&Events"), QStringLiteral("eventListLabel"), panel);
    title->setBuddy(m_eventList);
    layout->addWidget(title);
    layout->addWidget(m_eventList, 1);
    return panel;
}

QWidget* MainWindow::buildEventPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("eventPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);

    m_eventName = makeLabel(QString(), QStringLiteral("eventNameLabel"), page);
    QFont nameFont = m_eventName->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_eventName->setFont(nameFont);
    m_eventDetails = makeLabel(QString(), QStringLiteral("eventDetailsLabel"), page);
    layout->addWidget(m_eventName);
    layout->addWidget(m_eventDetails);

    m_viewTabs = new QTabWidget(page);
    m_viewTabs->setObjectName(QStringLiteral("seatViewTabs"));
    m_viewTabs->setDocumentMode(true);
    m_viewTabs->insertTab(SeatMapTab, buildSeatMapPage(), tr("Seat &map"));
    m_viewTabs->insertTab(SeatListTab, buildSeatListPage(), tr("Seat &list"));
    layout->addSpacing(4);
    layout->addWidget(m_viewTabs, 1);
    layout->addWidget(buildAreaPanel(), 0);
    return page;
}

QWidget* MainWindow::buildSeatListPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("seatListPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* seatsLabel = makeLabel(tr("&Seats by section"), QStringLiteral("seatTableLabel"), page);
    m_sectionTabs = new QTabBar(page);
    m_sectionTabs->setObjectName(QStringLiteral("sectionTabBar"));
    m_sectionTabs->setDrawBase(false);
    m_sectionTabs->setExpanding(false);
    connect(m_sectionTabs, &QTabBar::currentChanged, this, &MainWindow::showSection);

    m_seatTable = new QTableView(page);
    m_seatTable->setObjectName(QStringLiteral("seatTable"));
    m_seatTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_seatTable->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_seatTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_seatTable->setWordWrap(false);
    m_seatTable->horizontalHeader()->hide();
    m_seatTable->setItemDelegate(new SeatCellDelegate(m_seatTable));
    // Slightly smaller text than the rest of the window, so that a row of 30 seats fits across a
    // 1280 pixel wide window.
    QFont cellFont = m_seatTable->font();
    cellFont.setPointSizeF(cellFont.pointSizeF() * 0.9);
    m_seatTable->setFont(cellFont);
    m_seatTable->verticalHeader()->setFont(font());
    const QFontMetrics metrics(cellFont);
    // Wide enough for a two-digit seat number with its state glyph (the delegate's text margins and
    // the grid line included); every cell the same size. Longer numbers elide, the tooltip has them.
    const int textMargin = m_seatTable->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_seatTable) + 1;
    int textWidth = 0;
    for (SeatDisplayState state : kSeatDisplayStates)
        textWidth
            = std::max(textWidth, metrics.horizontalAdvance(SeatStateStyle::cellText(QStringLiteral("88"), state)));
    const int cellWidth = textWidth + 2 * textMargin + 3;
    m_seatTable->horizontalHeader()->setMinimumSectionSize(8);
    m_seatTable->horizontalHeader()->setDefaultSectionSize(cellWidth);
    m_seatTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_seatTable->verticalHeader()->setDefaultSectionSize(metrics.height() + 8);
    m_seatTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_seatTable->verticalHeader()->setDefaultAlignment(Qt::AlignCenter);
    seatsLabel->setBuddy(m_seatTable);

    m_seatDetails = makeLabel(QString(), QStringLiteral("seatDetailsLabel"), page);
    m_seatDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);

    layout->addWidget(seatsLabel);
    layout->addWidget(m_sectionTabs);
    layout->addWidget(m_seatTable, 1);
    layout->addWidget(m_seatDetails);
    layout->addWidget(buildLegend(), 0, Qt::AlignLeft);
    return page;
}

QWidget* MainWindow::buildSeatMapPage()
{
    m_mapPage = new QWidget(this);
    m_mapPage->setObjectName(QStringLiteral("seatMapPage"));
    auto* layout = new QHBoxLayout(m_mapPage);
    layout->setContentsMargins(0, 6, 0, 0);
    auto* left = new QVBoxLayout;
    auto* tools = new QHBoxLayout;
    auto addTool = [this, tools](const QString& text, const QString& tip, const QString& name, auto slot) {
        auto* button = new QToolButton(m_mapPage);
        button->setObjectName(name);
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus); // the map has keys for all of these
        connect(button, &QToolButton::clicked, this, [this, slot] {
            if (m_seatMap != nullptr)
                slot(m_seatMap);
        });
        tools->addWidget(button);
    };
    addTool(tr("Fit"), tr("Fit the venue into the view (0)"), QStringLiteral("fitButton"),
            [](SeatMapWidget* map) { map->fitToVenue(); });
    addTool(QStringLiteral("+"), tr("Zoom in (+)"), QStringLiteral("zoomInButton"), [](SeatMapWidget* map) {
        map->zoomBy(1.25, QPointF(map->viewport()->width() / 2.0, map->viewport()->height() / 2.0));
    });
    addTool(QStringLiteral("\u2212"), tr("Zoom out (-)"), QStringLiteral("zoomOutButton"), [](SeatMapWidget* map) {
        map->zoomBy(0.8, QPointF(map->viewport()->width() / 2.0, map->viewport()->height() / 2.0));
    });
    tools->addSpacing(12);
    auto* colorLabel = makeLabel(tr("&Colour by:"), QStringLiteral("colorByLabel"), m_mapPage);
    m_colorBy = new QComboBox(m_mapPage);
    m_colorBy->setObjectName(QStringLiteral("colorByComboBox"));
    m_colorBy->addItems({ tr("Seat state"), tr("Price category") });
    colorLabel->setBuddy(m_colorBy);
    m_highContrast = new QCheckBox(tr("&High contrast"), m_mapPage);
    m_highContrast->setObjectName(QStringLiteral("highContrastCheckBox"));
    tools->addWidget(colorLabel);
    tools->addWidget(m_colorBy);
    tools->addSpacing(12);
    tools->addWidget(m_highContrast);
    tools->addStretch(1);
    left->addLayout(tools);
    m_mapHost = new QWidget(m_mapPage);
    m_mapHost->setObjectName(QStringLiteral("seatMapHost"));
    auto* hostLayout = new QVBoxLayout(m_mapHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    left->addWidget(m_mapHost, 1);
    layout->addLayout(left, 1);

    auto* side = new QVBoxLayout;
    m_mapSideHost = new QWidget(m_mapPage);
    m_mapSideHost->setObjectName(QStringLiteral("seatMapSide"));
    auto* sideLayout = new QVBoxLayout(m_mapSideHost);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    side->addWidget(m_mapSideHost);
    auto* selection = new QGroupBox(tr("Selection"), m_mapPage);
    selection->setObjectName(QStringLiteral("selectionPanel"));
    auto* selectionLayout = new QVBoxLayout(selection);
    m_selectionLabel = makeLabel(QString(), QStringLiteral("selectionLabel"), selection);
    m_selectionLabel->setWordWrap(true);
    m_clearSelection = new QPushButton(tr("C&lear selection"), selection);
    m_clearSelection->setObjectName(QStringLiteral("clearSelectionButton"));
    connect(m_clearSelection, &QPushButton::clicked, this, [this] {
        if (m_seatMap != nullptr)
            m_seatMap->clearSelection();
    });
    selectionLayout->addWidget(m_selectionLabel);
    selectionLayout->addWidget(m_clearSelection, 0, Qt::AlignRight);
    side->addWidget(selection);
    side->addStretch(1);
    auto* sideWidget = new QWidget(m_mapPage);
    sideWidget->setLayout(side);
    sideWidget->setFixedWidth(260);
    layout->addWidget(sideWidget, 0);

    connect(m_colorBy, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_seatMap != nullptr)
            m_seatMap->setColorMode(index == 1 ? SeatMapRenderer::ColorMode::Category
                                               : SeatMapRenderer::ColorMode::State);
    });
    connect(m_highContrast, &QCheckBox::toggled, this, [this](bool on) {
        if (m_seatMap != nullptr)
            m_seatMap->setPaletteKind(on ? SeatMapPalette::Kind::HighContrast : SeatMapPalette::Kind::Standard);
    });
    return m_mapPage;
}

void MainWindow::showSeatMap(EventShard* shard)
{
    // Views first (they point into the model), then the feed (it unsubscribes), then the model.
    delete m_seatMap;
    delete m_minimap;
    delete m_mapLegend;
    delete m_mapFeed;
    delete m_mapModel;
    m_seatMap = nullptr;
    m_minimap = nullptr;
    m_mapLegend = nullptr;
    m_mapFeed = nullptr;
    m_mapModel = nullptr;
    if (shard == nullptr)
        return;
    m_mapModel = new SeatMapModel(shard->spec(), counterPerspective(shard->spec()), this);
    m_mapFeed = new SeatMapFeed(*shard, *m_mapModel, this);
    m_seatMap = new SeatMapWidget(*m_mapModel, m_mapHost);
    m_seatMap->setColorMode(m_colorBy->currentIndex() == 1 ? SeatMapRenderer::ColorMode::Category
                                                           : SeatMapRenderer::ColorMode::State);
    m_seatMap->setPaletteKind(m_highContrast->isChecked() ? SeatMapPalette::Kind::HighContrast
                                                          : SeatMapPalette::Kind::Standard);
    m_mapHost->layout()->addWidget(m_seatMap);
    m_minimap = new SeatMapMinimap(m_seatMap, m_mapSideHost);
    m_minimap->setFixedHeight(170);
    m_mapLegend = new SeatMapLegend(m_seatMap, m_mapSideHost);
    m_mapLegend->setColumns(1);
    m_mapSideHost->layout()->addWidget(m_minimap);
    m_mapSideHost->layout()->addWidget(m_mapLegend);
    // A layout shows new children of a visible parent only from the event loop; keyboard users (and
    // tests) may Tab into the map before that.
    for (QWidget* view :
         { static_cast<QWidget*>(m_seatMap), static_cast<QWidget*>(m_minimap), static_cast<QWidget*>(m_mapLegend) })
        if (m_mapHost->isVisible())
            view->show(); // never hide explicitly: that would keep them hidden when the window shows
    // The map's keyboard focus comes right after the tabs that switch between map and list.
    setTabOrder(m_eventList, m_viewTabs->tabBar());
    setTabOrder(m_viewTabs->tabBar(), m_seatMap);
    setTabOrder(m_seatMap, m_colorBy);
    setTabOrder(m_colorBy, m_highContrast);
    setTabOrder(m_highContrast, m_clearSelection);
    setTabOrder(m_clearSelection, m_sectionTabs);
    setTabOrder(m_sectionTabs, m_seatTable);
    setTabOrder(m_seatTable, m_areaTable);
    connect(m_seatMap, &SeatMapWidget::selectionChanged, this, &MainWindow::updateSelection);
    updateSelection();
}

void MainWindow::updateSelection()
{
    const std::size_t count = m_seatMap != nullptr ? m_seatMap->selectedCount() : 0;
    m_clearSelection->setEnabled(count > 0);
    if (count == 0) {
        m_selectionLabel->setText(tr("Click seats to select them, or use the arrow keys and Space."));
        return;
    }
    QStringList lines;
    for (SeatIndex seat : m_seatMap->selectedSeats()) {
        if (lines.size() == 6) {
            lines << tr("…");
            break;
        }
        const VenueSeat& s = m_mapModel->venue().seats[seat];
        //: A selected seat in the selection panel: section, row, seat.
        lines << tr("%1, row %2, seat %3")
                     .arg(DisplayFormat::text(m_mapModel->venue().sections[s.section].name),
                          DisplayFormat::text(m_mapModel->venue().rows[s.row].name), DisplayFormat::text(s.number));
    }
    m_selectionLabel->setText(tr("%n seat(s) selected:", nullptr, int(count)) + QStringLiteral("\n")
                              + lines.join(QLatin1Char('\n')));
}

QWidget* MainWindow::buildLegend()
{
    auto* legend = new QGroupBox(tr("Legend"), this);
    legend->setObjectName(QStringLiteral("legendPanel"));
    auto* grid = new QGridLayout(legend);
    grid->setHorizontalSpacing(8);
    int row = 0;
    for (SeatDisplayState state : kSeatDisplayStates) {
        // A sample cell exactly as the table draws it, then the state's name.
        auto* swatch = makeLabel(SeatStateStyle::cellText(QStringLiteral("12"), state),
                                 QStringLiteral("legendSwatch%1Label").arg(int(state)), legend);
        swatch->setAlignment(Qt::AlignCenter);
        swatch->setMinimumWidth(44);
        swatch->setStyleSheet(
            QStringLiteral("QLabel { background-color: %1; color: %2; border: 1px solid #202020; "
                           "padding: 1px 6px; }")
                .arg(SeatStateStyle::background(state).name(), SeatStateStyle::foreground(state).name()));
        auto* name
            = makeLabel(SeatStateStyle::name(state), QStringLiteral("legendName%1Label").arg(int(state)), legend);
        swatch->setAccessibleName(SeatStateStyle::name(state));
        grid->addWidget(swatch, row / 3, (row % 3) * 2);
        grid->addWidget(name, row / 3, (row % 3) * 2 + 1);
        ++row;
    }
    grid->setColumnStretch(6, 1);
    return legend;
}

QWidget* MainWindow::buildAreaPanel()
{
    m_areaPanel = new QGroupBox(tr("Standing areas"), this);
    m_areaPanel->setObjectName(QStringLiteral("gaPanel"));
    auto* layout = new QVBoxLayout(m_areaPanel);
    m_areaTable = new QTableWidget(0, AreaColumns, m_areaPanel);
    m_areaTable->setObjectName(QStringLiteral("gaTable"));
    m_areaTable->setHorizontalHeaderLabels({ tr("Area"), tr("Capacity"), tr("Held"), tr("Sold"), tr("Available") });
    m_areaTable->verticalHeader()->hide();
    m_areaTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_areaTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_areaTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_areaTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_areaTable->horizontalHeader()->setSectionResizeMode(AreaName, QHeaderView::Stretch);
    m_areaTable->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(m_areaTable);
    return m_areaPanel;
}

void MainWindow::showEventAt(int row)
{
    EventShard* shard = m_events->shardAt(row);
    SeatStateModel* old = m_seats;
    QItemSelectionModel* oldSelection = m_seatTable->selectionModel();
    m_seats = shard != nullptr ? new SeatStateModel(*shard, this) : nullptr;
    m_seatTable->setModel(m_seats);
    delete oldSelection;
    delete old;
    showSeatMap(shard);

    if (m_seats == nullptr) {
        setWindowTitle(tr("Usher"));
        m_stack->setCurrentIndex(NoEventsPage);
        m_totals->setText(m_events->rowCount() == 0 ? tr("No events") : QString());
        return;
    }
    const EventSpec& spec = m_seats->spec();
    const QString name = DisplayFormat::text(spec.name);
    //: Window title: %1 is the event's name.
    setWindowTitle(tr("Usher — %1").arg(name));
    m_eventName->setText(name);
    //: %1 is when the event starts, %2 the venue's name.
    m_eventDetails->setText(tr("%1 · %2").arg(DisplayFormat::eventStart(spec, DisplayFormat::Length::Long),
                                              DisplayFormat::text(spec.venue->name)));
    m_stack->setCurrentIndex(EventPage);

    {
        const QSignalBlocker blocker(m_sectionTabs);
        while (m_sectionTabs->count() > 0)
            m_sectionTabs->removeTab(0);
        for (int s = 0; s < m_seats->sectionCount(); ++s)
            m_sectionTabs->addTab(m_seats->sectionName(s));
        m_sectionTabs->setCurrentIndex(0);
    }
    m_sectionTabs->setVisible(m_seats->sectionCount() > 0);
    // A hidden QTabBar does not invalidate its layout item when tabs are added; without this the
    // first event's tabs get no height.
    m_sectionTabs->updateGeometry();
    connect(m_seats, &SeatStateModel::countsChanged, this, &MainWindow::updateTotals);
    connect(m_seats, &SeatStateModel::areasChanged, this, &MainWindow::updateAreas);
    connect(m_seats, &QAbstractItemModel::dataChanged, this, &MainWindow::updateSeatDetails);
    connect(m_seats, &QAbstractItemModel::modelReset, this, &MainWindow::updateSeatDetails);
    connect(m_seatTable->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateSeatDetails);
    updateTotals();
    updateAreas();
    updateSeatDetails();
}

void MainWindow::showSection(int section)
{
    if (m_seats != nullptr && section >= 0)
        m_seats->setSection(section);
}

void MainWindow::updateTotals()
{
    USHER_ASSERT(m_seats != nullptr);
    const EventCounts& c = m_seats->counts();
    m_events->setAvailability(m_seats->eventId(), c.placesAvailable(), c.placesTotal());
    //: Status bar: %1 is the number of seats, %2 to %6 the seats by state.
    QString text = tr("%1: %2 · %3 · %4 · %5 · %6")
                       .arg(tr("%Ln seat(s)", nullptr, int(c.seatTotal())),
                            tr("%Ln available", "seats", int(c[SeatDisplayState::Available])),
                            tr("%Ln allocated to a channel", "seats", int(c[SeatDisplayState::Allocated])),
                            tr("%Ln held", "seats", int(c[SeatDisplayState::Held])),
                            tr("%Ln sold", "seats", int(c[SeatDisplayState::Sold])),
                            tr("%Ln blocked", "seats", int(c[SeatDisplayState::Blocked])));
    if (c.standingCapacity > 0) {
        //: Status bar, after the seats: %1 is the number of free standing places, %Ln the capacity.
        const QString standing = tr("standing: %1 of %Ln place(s) available", nullptr, int(c.standingCapacity))
                                     .arg(QLocale().toString(c.standingAvailable()));
        //: Status bar: %1 is the seat totals, %2 the standing totals.
        text = tr("%1 — %2").arg(text, standing);
    }
    m_totals->setText(text);
}

void MainWindow::updateAreas()
{
    USHER_ASSERT(m_seats != nullptr);
    const std::vector<SeatStateModel::AreaState>& areas = m_seats->areas();
    m_areaPanel->setVisible(!areas.empty());
    m_areaTable->setRowCount(int(areas.size()));
    const QLocale locale;
    auto number = [&locale](quint64 n) {
        auto* item = new QTableWidgetItem(locale.toString(n));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (int r = 0; r < int(areas.size()); ++r) {
        const SeatStateModel::AreaState& area = areas[std::size_t(r)];
        m_areaTable->setItem(r, AreaName, new QTableWidgetItem(area.name));
        m_areaTable->setItem(r, AreaCapacity, number(area.capacity));
        m_areaTable->setItem(r, AreaHeld, number(area.held));
        m_areaTable->setItem(r, AreaSold, number(area.sold));
        m_areaTable->setItem(r, AreaAvailable, number(quint64(area.capacity) - area.held - area.sold));
    }
    // Show every area without scrolling, up to four; more scroll.
    const int rows = std::min<int>(int(areas.size()), 4);
    const int height = m_areaTable->horizontalHeader()->sizeHint().height()
        + rows * m_areaTable->verticalHeader()->defaultSectionSize() + 2 * m_areaTable->frameWidth();
    m_areaTable->setFixedHeight(height);
}

void MainWindow::updateSeatDetails()
{
    const SeatIndex seat = m_seats != nullptr ? m_seats->seatAt(m_seatTable->currentIndex()) : kNoSeat;
    m_seatDetails->setText(seat == kNoSeat ? tr("Select a seat to see its details.") : m_seats->seatDescription(seat));
}

} // namespace usher::ui
