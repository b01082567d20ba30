#include "promoter/VenueDesigner.h"

#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "core/Limits.h"
#include "promoter/DesignCommand.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <unordered_set>

namespace usher::ui {

namespace {

QDoubleSpinBox* doubleBox(double min, double max, double value, double step, int decimals, const QString& suffix = {})
{
    auto* box = new QDoubleSpinBox;
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

QSpinBox* intBox(int min, int max, int value)
{
    auto* box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setGroupSeparatorShown(true);
    return box;
}

QIcon colorIcon(const std::string& color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(60, 60, 60));
    painter.setBrush(QColor(QString::fromStdString(color)));
    painter.drawRect(0, 0, 13, 13);
    return QIcon(pixmap);
}

void fillNumberingCombo(QComboBox* combo)
{
    combo->addItem(VenueDesigner::tr("Left to right (1 2 3)"), int(Numbering::LeftToRight));
    combo->addItem(VenueDesigner::tr("Right to left (3 2 1)"), int(Numbering::RightToLeft));
    combo->addItem(VenueDesigner::tr("Odd (1 3 5)"), int(Numbering::OddLeftToRight));
    combo->addItem(VenueDesigner::tr("Even (2 4 6)"), int(Numbering::EvenLeftToRight));
    combo->addItem(VenueDesigner::tr("Odd/even from the centre (5 3 1 2 4)"), int(Numbering::OddEvenFromCentre));
}

QPushButton* button(const QString& text, const QString& name)
{
    auto* b = new QPushButton(text);
    b->setObjectName(name);
    return b;
}

QString issueKindText(DesignIssueKind kind)
{
    switch (kind) {
    case DesignIssueKind::DuplicateLabel: return VenueDesigner::tr("Duplicate label");
    case DesignIssueKind::OverlappingSeats: return VenueDesigner::tr("Overlapping seats");
    case DesignIssueKind::DuplicateRow: return VenueDesigner::tr("Duplicate row");
    case DesignIssueKind::DuplicateSection: return VenueDesigner::tr("Duplicate section");
    case DesignIssueKind::DuplicateCategory: return VenueDesigner::tr("Duplicate category");
    case DesignIssueKind::EmptySection: return VenueDesigner::tr("Empty section");
    case DesignIssueKind::NothingToSell: return VenueDesigner::tr("Nothing to sell");
    case DesignIssueKind::EmptyName: return VenueDesigner::tr("Missing name");
    case DesignIssueKind::BadCategory: return VenueDesigner::tr("Category");
    case DesignIssueKind::BadArea: return VenueDesigner::tr("Standing area");
    case DesignIssueKind::OverLimit: return VenueDesigner::tr("Limit");
    case DesignIssueKind::TextTooLong: return VenueDesigner::tr("Text too long");
    }
    return {};
}

} // namespace

VenueDesigner::VenueDesigner(QWidget* parent)
    : QWidget(parent)
    , m_undo(new QUndoStack(this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("venueDesigner"));
    m_design.meta.name = tr("New venue").toStdString();
    usher::addCategory(&m_design, "A", tr("Category A").toStdString());
    usher::addCategory(&m_design, "B", tr("Category B").toStdString());
    m_undo->setUndoLimit(200);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(60);
    connect(m_previewTimer, &QTimer::timeout, this, &VenueDesigner::updatePreview);

    auto* mapHost = new QWidget;
    m_mapLayout = new QVBoxLayout(mapHost);
    m_mapLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_mapLayout->addWidget(m_summary);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("designerTabs"));
    m_tabs->addTab(buildVenuePanel(), tr("&Venue"));
    m_tabs->addTab(buildRowsPanel(), tr("&Rows"));
    m_tabs->addTab(buildSeatsPanel(), tr("&Seats"));
    m_tabs->addTab(buildAreasPanel(), tr("&Areas && stage"));
    m_tabs->addTab(buildCheckPanel(), tr("&Check"));
    m_tabs->setMinimumWidth(360);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { schedulePreview(); });

    auto* splitter = new QSplitter;
    splitter->addWidget(mapHost);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setCollapsible(0, false);

    auto* toolbar = new QToolBar;
    toolbar->setObjectName(QStringLiteral("designerToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    buildActions();
    for (QAction* a : actions())
        toolbar->addAction(a);
    refresh();
}

VenueDesigner::~VenueDesigner() = default;

QAction* VenueDesigner::action(const QString& objectName) const
{
    return findChild<QAction*>(objectName);
}

void VenueDesigner::buildActions()
{
    auto add = [this](QAction* a, const QString& name, const QKeySequence& key) {
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    connect(add(new QAction(tr("New"), this), QStringLiteral("newVenueAction"), QKeySequence::New), &QAction::triggered,
            this, [this] {
                VenueDesign fresh;
                fresh.meta.name = tr("New venue").toStdString();
                usher::addCategory(&fresh, "A", tr("Category A").toStdString());
                setDesign(std::move(fresh));
            });
    connect(add(new QAction(tr("Import…"), this), QStringLiteral("importAction"), QKeySequence::Open),
            &QAction::triggered, this, [this] {
                const QString path = chooseFile(false);
                if (!path.isEmpty())
                    importFile(path);
            });
    connect(add(new QAction(tr("Export…"), this), QStringLiteral("exportAction"), QKeySequence::Save),
            &QAction::triggered, this, [this] {
                if (!validate())
                    return;
                const QString path = chooseFile(true);
                if (!path.isEmpty())
                    exportFile(path);
            });
    QAction* undo = m_undo->createUndoAction(this, tr("Undo"));
    add(undo, QStringLiteral("undoAction"), QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("Redo"));
    add(redo, QStringLiteral("redoAction"), QKeySequence::Redo);
    connect(add(new QAction(tr("Delete seats"), this), QStringLiteral("deleteAction"), QKeySequence::Delete),
            &QAction::triggered, this, &VenueDesigner::deleteSelected);
    connect(add(new QAction(tr("Check"), this), QStringLiteral("validateAction"), QKeySequence(Qt::Key_F7)),
            &QAction::triggered, this, [this] {
                validate();
                m_tabs->setCurrentIndex(4);
            });
    connect(add(new QAction(tr("Fit"), this), QStringLiteral("fitAction"), QKeySequence(Qt::CTRL | Qt::Key_0)),
            &QAction::triggered, this, [this] { m_map->fitToVenue(); });
    connect(add(new QAction(tr("Use for an event"), this), QStringLiteral("useVenueAction"), QKeySequence()),
            &QAction::triggered, this, [this] {
                if (auto venue = savedVenue())
                    Q_EMIT venueReady(venue);
            });
}

// ---- panels ------------------------------------------------------------------------------------------

QWidget* VenueDesigner::buildVenuePanel()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    auto* form = new QFormLayout;
    m_venueName = new QLineEdit;
    m_venueName->setObjectName(QStringLiteral("venueNameEdit"));
    m_city = new QLineEdit;
    m_city->setObjectName(QStringLiteral("cityEdit"));
    form->addRow(tr("&Name:"), m_venueName);
    form->addRow(tr("C&ity:"), m_city);
    layout->addLayout(form);
    auto commitName = [this] {
        if (!m_updatingForm)
            edit(tr("Rename the venue"), [this](VenueDesign* d) {
                d->meta.name = m_venueName->text().trimmed().toStdString();
                d->meta.city = m_city->text().trimmed().toStdString();
                return true;
            });
    };
    connect(m_venueName, &QLineEdit::editingFinished, this, commitName);
    connect(m_city, &QLineEdit::editingFinished, this, commitName);

    auto* sections = new QGroupBox(tr("Sections"));
    auto* sl = new QVBoxLayout(sections);
    m_sections = new QListWidget;
    m_sections->setObjectName(QStringLiteral("sectionList"));
    m_sectionName = new QLineEdit;
    m_sectionName->setObjectName(QStringLiteral("sectionNameEdit"));
    m_sectionName->setPlaceholderText(tr("Section name, e.g. Stalls"));
    auto* buttons = new QHBoxLayout;
    QPushButton* addB = button(tr("Add"), QStringLiteral("addSectionButton"));
    QPushButton* renameB = button(tr("Rename"), QStringLiteral("renameSectionButton"));
    QPushButton* deleteB = button(tr("Delete"), QStringLiteral("deleteSectionButton"));
    buttons->addWidget(addB);
    buttons->addWidget(renameB);
    buttons->addWidget(deleteB);
    sl->addWidget(m_sections);
    sl->addWidget(m_sectionName);
    sl->addLayout(buttons);
    layout->addWidget(sections, 1);
    connect(addB, &QPushButton::clicked, this, [this] { addSection(m_sectionName->text()); });
    connect(renameB, &QPushButton::clicked, this, [this] {
        const int row = m_sections->currentRow();
        const std::string name = m_sectionName->text().trimmed().toStdString();
        edit(tr("Rename section"), [&](VenueDesign* d) { return row >= 0 && usher::renameSection(d, std::uint32_t(row), name); });
    });
    connect(deleteB, &QPushButton::clicked, this, [this] {
        const int row = m_sections->currentRow();
        edit(tr("Delete section"), [&](VenueDesign* d) { return row >= 0 && usher::deleteSection(d, std::uint32_t(row)); });
    });
    connect(m_sections, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && std::size_t(row) < m_design.sections.size() && !m_updatingForm) {
            m_sectionName->setText(QString::fromStdString(m_design.sections[std::size_t(row)].name));
            m_rowSection->setCurrentIndex(row);
        }
    });

    auto* categories = new QGroupBox(tr("Price categories"));
    auto* cl = new QVBoxLayout(categories);
    m_categories = new QListWidget;
    m_categories->setObjectName(QStringLiteral("categoryList"));
    m_categoryName = new QLineEdit;
    m_categoryName->setObjectName(QStringLiteral("categoryNameEdit"));
    m_categoryName->setPlaceholderText(tr("Category name, e.g. Premium"));
    QPushButton* addC = button(tr("Add category"), QStringLiteral("addCategoryButton"));
    cl->addWidget(m_categories);
    cl->addWidget(m_categoryName);
    cl->addWidget(addC);
    layout->addWidget(categories, 1);
    connect(addC, &QPushButton::clicked, this, [this] {
        const QString name = m_categoryName->text().trimmed();
        edit(tr("Add category"), [&](VenueDesign* d) {
            const QString key = QString(QChar(u'A' + int(d->meta.categories.size() % 26)));
            return usher::addCategory(d, key.toStdString(), (name.isEmpty() ? tr("Category %1").arg(key) : name).toStdString()) >= 0;
        });
    });
    return panel;
}

QWidget* VenueDesigner::buildRowsPanel()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    auto* form = new QFormLayout;
    m_rowSection = new QComboBox;
    m_rowSection->setObjectName(QStringLiteral("rowSectionCombo"));
    m_rowCount = intBox(1, 1000, 5);
    m_rowCount->setObjectName(QStringLiteral("rowCountSpin"));
    m_seatsPerRow = intBox(1, int(limits::rowSeatsMax), 16);
    m_seatsPerRow->setObjectName(QStringLiteral("seatsPerRowSpin"));
    m_seatSpacing = doubleBox(0.1, 100, 1.0, 0.05, 2);
    m_seatSpacing->setObjectName(QStringLiteral("seatSpacingSpin"));
    m_rowSpacing = doubleBox(0.1, 100, 1.2, 0.05, 2);
    m_rowSpacing->setObjectName(QStringLiteral("rowSpacingSpin"));
    m_curvature = doubleBox(0, 300, 0, 5, 1, tr("°"));
    m_curvature->setObjectName(QStringLiteral("curvatureSpin"));
    m_rotation = doubleBox(-360, 360, 0, 5, 1, tr("°"));
    m_rotation->setObjectName(QStringLiteral("rotationSpin"));
    m_originX = doubleBox(-100000, 100000, 0, 1, 2);
    m_originX->setObjectName(QStringLiteral("originXSpin"));
    m_originY = doubleBox(-100000, 100000, 4, 1, 2);
    m_originY->setObjectName(QStringLiteral("originYSpin"));
    m_firstRow = new QLineEdit(QStringLiteral("A"));
    m_firstRow->setObjectName(QStringLiteral("firstRowEdit"));
    m_numbering = new QComboBox;
    m_numbering->setObjectName(QStringLiteral("numberingCombo"));
    fillNumberingCombo(m_numbering);
    m_numberStart = intBox(0, 1'000'000, 1);
    m_numberStart->setObjectName(QStringLiteral("numberStartSpin"));
    m_prefix = new QLineEdit;
    m_prefix->setObjectName(QStringLiteral("prefixEdit"));
    m_rowCategory = new QComboBox;
    m_rowCategory->setObjectName(QStringLiteral("rowCategoryCombo"));
    auto* origin = new QHBoxLayout;
    origin->addWidget(m_originX);
    origin->addWidget(m_originY);
    form->addRow(tr("S&ection:"), m_rowSection);
    form->addRow(tr("&Rows:"), m_rowCount);
    form->addRow(tr("Seats per &row:"), m_seatsPerRow);
    form->addRow(tr("Seat spacing:"), m_seatSpacing);
    form->addRow(tr("Row spacing:"), m_rowSpacing);
    form->addRow(tr("C&urvature:"), m_curvature);
    form->addRow(tr("Ro&tation:"), m_rotation);
    form->addRow(tr("Centre of the first row (x, y):"), origin);
    form->addRow(tr("&First row:"), m_firstRow);
    form->addRow(tr("&Numbering:"), m_numbering);
    form->addRow(tr("First number:"), m_numberStart);
    form->addRow(tr("&Prefix:"), m_prefix);
    form->addRow(tr("Ca&tegory:"), m_rowCategory);
    layout->addLayout(form);
    m_livePreview = new QCheckBox(tr("Live preview on the map"));
    m_livePreview->setObjectName(QStringLiteral("livePreviewCheck"));
    m_livePreview->setChecked(true);
    m_rowProblem = new QLabel;
    m_rowProblem->setObjectName(QStringLiteral("rowProblemLabel"));
    m_rowProblem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_rowProblem->setWordWrap(true);
    QPushButton* generate = button(tr("&Add rows"), QStringLiteral("generateRowsButton"));
    generate->setDefault(true);
    layout->addWidget(m_livePreview);
    layout->addWidget(m_rowProblem);
    layout->addWidget(generate);
    layout->addStretch(1);
    connect(generate, &QPushButton::clicked, this, [this] { generateRows(rowSpecFromForm(), m_rowSection->currentIndex()); });
    for (QSpinBox* box : { m_rowCount, m_seatsPerRow, m_numberStart })
        connect(box, &QSpinBox::valueChanged, this, &VenueDesigner::schedulePreview);
    for (QDoubleSpinBox* box : { m_seatSpacing, m_rowSpacing, m_curvature, m_rotation, m_originX, m_originY })
        connect(box, &QDoubleSpinBox::valueChanged, this, &VenueDesigner::schedulePreview);
    for (QComboBox* box : { m_rowSection, m_numbering, m_rowCategory })
        connect(box, &QComboBox::currentIndexChanged, this, &VenueDesigner::schedulePreview);
    for (QLineEdit* e : { m_firstRow, m_prefix })
        connect(e, &QLineEdit::textChanged, this, &VenueDesigner::schedulePreview);
    connect(m_livePreview, &QCheckBox::toggled, this, &VenueDesigner::schedulePreview);
    return panel;
}

QWidget* VenueDesigner::buildSeatsPanel()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    m_selectionLabel = new QLabel;
    m_selectionLabel->setObjectName(QStringLiteral("selectionLabel"));
    m_selectionLabel->setWordWrap(true);
    layout->addWidget(m_selectionLabel);
    auto* hint = new QLabel(tr("Click seats to select them, Shift+drag for a rectangle, double-click for a row."));
    hint->setWordWrap(true);
    hint->setEnabled(false);
    layout->addWidget(hint);

    auto* paint = new QGroupBox(tr("Price category"));
    auto* pl = new QHBoxLayout(paint);
    m_paintCategory = new QComboBox;
    m_paintCategory->setObjectName(QStringLiteral("paintCategoryCombo"));
    QPushButton* paintB = button(tr("&Paint"), QStringLiteral("paintButton"));
    pl->addWidget(m_paintCategory, 1);
    pl->addWidget(paintB);
    layout->addWidget(paint);
    connect(paintB, &QPushButton::clicked, this, [this] { paintSelected(std::uint16_t(std::max(0, m_paintCategory->currentIndex()))); });

    auto* flags = new QGroupBox(tr("Flags"));
    auto* fl = new QGridLayout(flags);
    const std::pair<std::uint8_t, QString> kinds[] = { { SeatWheelchair, tr("Wheelchair") },
                                                       { SeatCompanion, tr("Companion") },
                                                       { SeatRestrictedView, tr("Restricted view") },
                                                       { SeatAisle, tr("Aisle") } };
    int i = 0;
    for (const auto& [flag, text] : kinds) {
        auto* box = new QCheckBox(text);
        box->setObjectName(QStringLiteral("flagCheck%1").arg(flag));
        box->setProperty("flag", int(flag));
        m_flagBoxes.push_back(box);
        fl->addWidget(box, i / 2, i % 2);
        ++i;
    }
    QPushButton* setB = button(tr("Set"), QStringLiteral("setFlagsButton"));
    QPushButton* clearB = button(tr("Clear"), QStringLiteral("clearFlagsButton"));
    fl->addWidget(setB, 2, 0);
    fl->addWidget(clearB, 2, 1);
    layout->addWidget(flags);
    auto checkedFlags = [this] {
        std::uint8_t bits = 0;
        for (QCheckBox* box : m_flagBoxes)
            bits |= box->isChecked() ? std::uint8_t(box->property("flag").toInt()) : 0;
        return bits;
    };
    connect(setB, &QPushButton::clicked, this, [this, checkedFlags] { setSelectedFlags(checkedFlags(), true); });
    connect(clearB, &QPushButton::clicked, this, [this, checkedFlags] { setSelectedFlags(checkedFlags(), false); });

    auto* renumber = new QGroupBox(tr("Renumber the selected rows"));
    auto* rl = new QFormLayout(renumber);
    m_renumberScheme = new QComboBox;
    m_renumberScheme->setObjectName(QStringLiteral("renumberCombo"));
    fillNumberingCombo(m_renumberScheme);
    m_renumberStart = intBox(0, 1'000'000, 1);
    m_renumberPrefix = new QLineEdit;
    m_renumberPrefix->setObjectName(QStringLiteral("renumberPrefixEdit"));
    QPushButton* renumberB = button(tr("Renumber"), QStringLiteral("renumberButton"));
    rl->addRow(tr("Scheme:"), m_renumberScheme);
    rl->addRow(tr("First number:"), m_renumberStart);
    rl->addRow(tr("Prefix:"), m_renumberPrefix);
    rl->addRow(renumberB);
    layout->addWidget(renumber);
    connect(renumberB, &QPushButton::clicked, this, [this] {
        renumberSelected({ Numbering(m_renumberScheme->currentData().toInt()), std::uint32_t(m_renumberStart->value()),
                           m_renumberPrefix->text().trimmed().toStdString() });
    });

    auto* row = new QGroupBox(tr("Row"));
    auto* rowL = new QHBoxLayout(row);
    m_rowName = new QLineEdit;
    m_rowName->setObjectName(QStringLiteral("rowNameEdit"));
    QPushButton* renameB = button(tr("Rename row"), QStringLiteral("renameRowButton"));
    rowL->addWidget(m_rowName, 1);
    rowL->addWidget(renameB);
    layout->addWidget(row);
    connect(renameB, &QPushButton::clicked, this, [this] { renameSelectedRow(m_rowName->text()); });

    QPushButton* deleteB = button(tr("&Delete the selected seats"), QStringLiteral("deleteSeatsButton"));
    layout->addWidget(deleteB);
    connect(deleteB, &QPushButton::clicked, this, &VenueDesigner::deleteSelected);
    layout->addStretch(1);
    return panel;
}

QWidget* VenueDesigner::buildAreasPanel()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    auto* areas = new QGroupBox(tr("Standing areas"));
    auto* al = new QFormLayout(areas);
    m_areas = new QListWidget;
    m_areas->setObjectName(QStringLiteral("areaList"));
    m_areaName = new QLineEdit;
    m_areaName->setObjectName(QStringLiteral("areaNameEdit"));
    m_areaName->setPlaceholderText(tr("e.g. Standing"));
    m_areaCapacity = intBox(1, int(limits::areaCapacityMax), 200);
    m_areaCapacity->setObjectName(QStringLiteral("areaCapacitySpin"));
    m_areaCategory = new QComboBox;
    m_areaCategory->setObjectName(QStringLiteral("areaCategoryCombo"));
    auto* buttons = new QHBoxLayout;
    QPushButton* addB = button(tr("Add"), QStringLiteral("addAreaButton"));
    QPushButton* updateB = button(tr("Update"), QStringLiteral("updateAreaButton"));
    QPushButton* deleteB = button(tr("Delete"), QStringLiteral("deleteAreaButton"));
    buttons->addWidget(addB);
    buttons->addWidget(updateB);
    buttons->addWidget(deleteB);
    al->addRow(m_areas);
    al->addRow(tr("Name:"), m_areaName);
    al->addRow(tr("Capacity:"), m_areaCapacity);
    al->addRow(tr("Category:"), m_areaCategory);
    al->addRow(buttons);
    layout->addWidget(areas);
    connect(addB, &QPushButton::clicked, this, [this] {
        addArea(m_areaName->text(), std::uint32_t(m_areaCapacity->value()), std::uint16_t(std::max(0, m_areaCategory->currentIndex())));
    });
    connect(updateB, &QPushButton::clicked, this, [this] {
        const int row = m_areas->currentRow();
        edit(tr("Change standing area"), [&](VenueDesign* d) {
            return row >= 0 && usher::updateArea(d, std::uint32_t(row), m_areaName->text().trimmed().toStdString(),
                                                 std::uint32_t(m_areaCapacity->value()),
                                                 std::uint16_t(std::max(0, m_areaCategory->currentIndex())));
        });
    });
    connect(deleteB, &QPushButton::clicked, this, [this] {
        const int row = m_areas->currentRow();
        edit(tr("Delete standing area"), [&](VenueDesign* d) { return row >= 0 && usher::deleteArea(d, std::uint32_t(row)); });
    });
    connect(m_areas, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || std::size_t(row) >= m_design.meta.areas.size())
            return;
        const VenueArea& a = m_design.meta.areas[std::size_t(row)];
        m_areaName->setText(QString::fromStdString(a.name));
        m_areaCapacity->setValue(int(a.capacity));
        m_areaCategory->setCurrentIndex(a.category);
    });

    auto* stage = new QGroupBox(tr("Stage or focal point"));
    auto* stl = new QFormLayout(stage);
    m_stageLabel = new QLineEdit(tr("Stage"));
    m_stageLabel->setObjectName(QStringLiteral("stageLabelEdit"));
    m_stageX = doubleBox(-100000, 100000, 0, 1, 1);
    m_stageY = doubleBox(-100000, 100000, 2, 1, 1);
    m_stageWidth = doubleBox(0, 100000, 14, 1, 1);
    m_stageDepth = doubleBox(0, 100000, 5, 1, 1);
    auto* centre = new QHBoxLayout;
    centre->addWidget(m_stageX);
    centre->addWidget(m_stageY);
    QPushButton* stageB = button(tr("Set stage"), QStringLiteral("setStageButton"));
    stl->addRow(tr("Label:"), m_stageLabel);
    stl->addRow(tr("Front centre (x, y):"), centre);
    stl->addRow(tr("Width:"), m_stageWidth);
    stl->addRow(tr("Depth:"), m_stageDepth);
    stl->addRow(stageB);
    layout->addWidget(stage);
    layout->addStretch(1);
    connect(stageB, &QPushButton::clicked, this, [this] {
        setStage(m_stageLabel->text(), { m_stageX->value(), m_stageY->value() }, m_stageWidth->value(), m_stageDepth->value());
    });
    return panel;
}

QWidget* VenueDesigner::buildCheckPanel()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    m_issueSummary = new QLabel(tr("Check the design before you export it."));
    m_issueSummary->setObjectName(QStringLiteral("issueSummaryLabel"));
    m_issueSummary->setWordWrap(true);
    m_issueList = new QListWidget;
    m_issueList->setObjectName(QStringLiteral("issueList"));
    m_issueList->setWordWrap(true);
    QPushButton* check = button(tr("Check now"), QStringLiteral("checkButton"));
    layout->addWidget(m_issueSummary);
    layout->addWidget(m_issueList, 1);
    layout->addWidget(check);
    connect(check, &QPushButton::clicked, this, &VenueDesigner::validate);
    connect(m_issueList, &QListWidget::currentRowChanged, this, &VenueDesigner::onIssueActivated);
    return panel;
}

// ---- edits -------------------------------------------------------------------------------------------

bool VenueDesigner::edit(const QString& text, const std::function<bool(VenueDesign*)>& change)
{
    VenueDesign next = m_design;
    if (!change(&next))
        return false;
    DesignChange diff = diffDesigns(m_design, next);
    if (diff.empty())
        return false;
    m_undo->push(new DesignCommand(*this, std::move(diff), text)); // redo() applies it
    return true;
}

void VenueDesigner::applyChange(const DesignChange& change, bool forward)
{
    usher::applyChange(&m_design, change, forward);
    m_previewActive = false;
    refresh();
}

void VenueDesigner::setDesign(VenueDesign design)
{
    m_undo->clear();
    m_design = std::move(design);
    m_selection.clear();
    m_issues.clear();
    m_issueList->clear();
    m_previewActive = false;
    refresh();
    if (m_map != nullptr)
        m_map->fitToVenue();
}

bool VenueDesigner::addSection(const QString& name)
{
    const QString trimmed = name.trimmed();
    const bool ok = edit(tr("Add section"), [&](VenueDesign* d) {
        usher::addSection(d, (trimmed.isEmpty() ? tr("Section %1").arg(d->sections.size() + 1) : trimmed).toStdString());
        return true;
    });
    if (ok) {
        m_sections->setCurrentRow(int(m_design.sections.size()) - 1);
        m_rowSection->setCurrentIndex(int(m_design.sections.size()) - 1);
    }
    return ok;
}

bool VenueDesigner::generateRows(const RowSpec& spec, int section)
{
    if (section < 0)
        section = m_rowSection->currentIndex();
    const SeatId first = m_design.meta.nextSeatId;
    const bool ok = edit(tr("Add %n row(s)", nullptr, int(spec.rows)), [&](VenueDesign* d) {
        return section >= 0 && usher::addRows(d, std::uint32_t(section), spec);
    });
    if (ok) {
        std::vector<SeatId> added;
        for (SeatId id = first; id < m_design.meta.nextSeatId; ++id)
            added.push_back(id);
        selectSeats(added); // ready to paint or renumber
    }
    return ok;
}

bool VenueDesigner::paintSelected(std::uint16_t category)
{
    const auto seats = m_selection;
    return edit(tr("Paint %n seat(s)", nullptr, int(seats.size())),
                [&](VenueDesign* d) { return usher::paintCategory(d, seats, category) > 0; });
}

bool VenueDesigner::setSelectedFlags(std::uint8_t flags, bool on)
{
    const auto seats = m_selection;
    return edit(on ? tr("Set flags") : tr("Clear flags"),
                [&](VenueDesign* d) { return flags != 0 && usher::setSeatFlags(d, seats, flags, on) > 0; });
}

bool VenueDesigner::renumberSelected(const NumberingSpec& numbering)
{
    const auto seats = m_selection;
    return edit(tr("Renumber"), [&](VenueDesign* d) { return usher::renumberRows(d, seats, numbering) > 0; });
}

bool VenueDesigner::renameSelectedRow(const QString& name)
{
    const auto refs = locateSeats(m_design, m_selection);
    const std::string text = name.trimmed().toStdString();
    if (refs.empty() || text.empty())
        return false;
    for (const SeatRef& r : refs)
        if (r.section != refs.front().section || r.row != refs.front().row)
            return false; // one row at a time
    return edit(tr("Rename row"), [&](VenueDesign* d) { return usher::renameRow(d, refs.front().section, refs.front().row, text); });
}

bool VenueDesigner::deleteSelected()
{
    const auto seats = m_selection;
    return edit(tr("Delete %n seat(s)", nullptr, int(seats.size())),
                [&](VenueDesign* d) { return usher::deleteSeats(d, seats) > 0; });
}

bool VenueDesigner::addArea(const QString& name, std::uint32_t capacity, std::uint16_t category)
{
    const std::string text = name.trimmed().isEmpty() ? tr("Standing").toStdString() : name.trimmed().toStdString();
    return edit(tr("Add standing area"), [&](VenueDesign* d) {
        // A rectangle behind everything drawn so far, sized for about two people per square unit.
        double bottom = 0, left = -5, right = 5;
        for (const auto& s : d->sections)
            for (const auto& r : s.rows)
                for (const auto& seat : r.seats) {
                    bottom = std::max(bottom, double(seat.y));
                    left = std::min(left, double(seat.x));
                    right = std::max(right, double(seat.x));
                }
        for (const VenueArea& a : d->meta.areas)
            for (const Point& p : a.outline)
                bottom = std::max(bottom, p.y);
        const double depth = std::clamp(capacity / 2.0 / (right - left), 3.0, 60.0);
        usher::addArea(d, text, capacity, category,
                       { { left, bottom + 2 }, { right, bottom + 2 }, { right, bottom + 2 + depth }, { left, bottom + 2 + depth } });
        return true;
    });
}

bool VenueDesigner::setStage(const QString& label, Point centre, double width, double depth)
{
    return edit(tr("Set stage"), [&](VenueDesign* d) {
        usher::setStage(d, label.trimmed().toStdString(), centre, width, depth);
        return true;
    });
}

bool VenueDesigner::renameVenue(const QString& name)
{
    return edit(tr("Rename the venue"), [&](VenueDesign* d) {
        d->meta.name = name.trimmed().toStdString();
        return true;
    });
}

// ---- the map -----------------------------------------------------------------------------------------

void VenueDesigner::refresh()
{
    showMap(m_design);
    refreshLists();
    refreshSelectionPanel();
    Q_EMIT designChanged();
}

void VenueDesigner::showMap(const VenueDesign& shown)
{
    auto venue = buildPreviewVenue(shown);
    EventSpec spec;
    spec.id = 1;
    spec.name = shown.meta.name;
    spec.venue = venue;
    auto* model = new SeatMapModel(spec, SeatMapPerspective {});
    auto* map = new SeatMapWidget(*model);
    model->setParent(map); // the map goes first, then its model (QObject children)
    map->setColorMode(SeatMapRenderer::ColorMode::Category);
    map->setObjectName(QStringLiteral("designerMap"));
    map->setMinimumSize(420, 320);
    const bool keepView = m_map != nullptr && std::abs(m_map->scale() - m_map->fitScale()) > 1e-3 * m_map->fitScale();
    const SeatMapView view = m_map != nullptr ? m_map->view() : SeatMapView {};
    if (m_map != nullptr) {
        map->resize(m_map->size());
        m_mapLayout->replaceWidget(m_map, map);
        m_map->hide();
        m_map->deleteLater();
    } else {
        m_mapLayout->insertWidget(0, map, 1);
    }
    m_map = map;
    m_shownVenue = venue;
    if (keepView)
        m_map->setView(view.scale, view.center);
    connect(m_map, &SeatMapWidget::selectionChanged, this, [this](const QList<quint32>& ids) {
        if (m_previewActive)
            return;
        m_selection.assign(ids.begin(), ids.end());
        refreshSelectionPanel();
        Q_EMIT selectionChanged();
    });
    // Keep the selection on the seats that still exist.
    std::unordered_set<SeatId> wanted(m_selection.begin(), m_selection.end());
    std::vector<SeatIndex> indexes;
    std::vector<SeatId> kept;
    for (SeatIndex i = 0; i < venue->seats.size(); ++i)
        if (wanted.contains(venue->seats[i].id)) {
            indexes.push_back(i);
            kept.push_back(venue->seats[i].id);
        }
    if (!m_previewActive)
        m_selection = kept;
    const QSignalBlocker blocker(m_map);
    m_map->setSelection(indexes);
}

void VenueDesigner::selectSeats(const std::vector<SeatId>& seats)
{
    std::unordered_set<SeatId> wanted(seats.begin(), seats.end());
    std::vector<SeatIndex> indexes;
    for (SeatIndex i = 0; i < m_shownVenue->seats.size(); ++i)
        if (wanted.contains(m_shownVenue->seats[i].id))
            indexes.push_back(i);
    m_map->setSelection(indexes);
    if (!indexes.empty())
        m_map->ensureSeatVisible(indexes.front());
}

void VenueDesigner::refreshLists()
{
    m_updatingForm = true;
    const DesignMeta& meta = m_design.meta;
    if (!m_venueName->hasFocus())
        m_venueName->setText(QString::fromStdString(meta.name));
    if (!m_city->hasFocus())
        m_city->setText(QString::fromStdString(meta.city));
    const int sectionRow = m_sections->currentRow();
    const int comboRow = m_rowSection->currentIndex();
    m_sections->clear();
    m_rowSection->clear();
    std::size_t seats = 0;
    for (const DesignSection& s : m_design.sections) {
        std::size_t n = 0;
        for (const DesignRow& r : s.rows)
            n += r.seats.size();
        seats += n;
        const QString name = QString::fromStdString(s.name);
        m_sections->addItem(tr("%1 · rows: %L2 · seats: %L3").arg(name).arg(s.rows.size()).arg(qulonglong(n)));
        m_rowSection->addItem(name);
    }
    const int sectionCount = int(m_design.sections.size());
    m_sections->setCurrentRow(std::min(sectionRow, sectionCount - 1));
    m_rowSection->setCurrentIndex(comboRow >= 0 && comboRow < sectionCount ? comboRow : sectionCount - 1);
    for (QComboBox* combo : { m_rowCategory, m_paintCategory, m_areaCategory }) {
        const int current = combo->currentIndex();
        combo->clear();
        for (const VenueCategory& c : meta.categories)
            combo->addItem(colorIcon(c.color), QString::fromStdString(c.name));
        combo->setCurrentIndex(std::clamp(current, 0, int(meta.categories.size()) - 1));
    }
    m_categories->clear();
    for (const VenueCategory& c : meta.categories)
        m_categories->addItem(new QListWidgetItem(colorIcon(c.color), tr("%1 (key %2)").arg(QString::fromStdString(c.name),
                                                                                         QString::fromStdString(c.key))));
    const int areaRow = m_areas->currentRow();
    m_areas->clear();
    std::uint64_t places = 0;
    for (const VenueArea& a : meta.areas) {
        m_areas->addItem(tr("%1 — %Ln place(s)", nullptr, int(a.capacity)).arg(QString::fromStdString(a.name)));
        places += a.capacity;
    }
    m_areas->setCurrentRow(std::min(areaRow, int(meta.areas.size()) - 1));
    // Counts after a label, so that the line needs no plural forms before the .ts files have them.
    m_summary->setText(tr("%1 · seats: %L2 · sections: %L3 · standing places: %L4")
                           .arg(QString::fromStdString(meta.name))
                           .arg(qulonglong(seats))
                           .arg(m_design.sections.size())
                           .arg(places));
    m_updatingForm = false;
}

void VenueDesigner::refreshSelectionPanel()
{
    if (m_selection.empty()) {
        m_selectionLabel->setText(tr("No seats selected."));
        return;
    }
    const auto refs = locateSeats(m_design, m_selection);
    std::unordered_set<std::uint64_t> rows;
    for (const SeatRef& r : refs)
        rows.insert((std::uint64_t(r.section) << 32) | r.row);
    m_selectionLabel->setText(tr("%Ln seat(s) selected in %1 row(s).", nullptr, qlonglong(m_selection.size())).arg(rows.size()));
    if (rows.size() == 1 && refs.front().section < m_design.sections.size())
        m_rowName->setText(QString::fromStdString(m_design.sections[refs.front().section].rows[refs.front().row].name));
}

// ---- the row generator ---------------------------------------------------------------------------------

RowSpec VenueDesigner::rowSpecFromForm() const
{
    RowSpec spec;
    spec.rows = std::uint32_t(m_rowCount->value());
    spec.seatsPerRow = std::uint32_t(m_seatsPerRow->value());
    spec.seatSpacing = m_seatSpacing->value();
    spec.rowSpacing = m_rowSpacing->value();
    spec.curvature = m_curvature->value();
    spec.rotation = m_rotation->value();
    spec.origin = { m_originX->value(), m_originY->value() };
    spec.firstRowName = m_firstRow->text().trimmed().toStdString();
    spec.numbering = { Numbering(m_numbering->currentData().toInt()), std::uint32_t(m_numberStart->value()),
                       m_prefix->text().trimmed().toStdString() };
    spec.category = std::uint16_t(std::max(0, m_rowCategory->currentIndex()));
    return spec;
}

void VenueDesigner::setRowForm(const RowSpec& spec)
{
    m_rowCount->setValue(int(spec.rows));
    m_seatsPerRow->setValue(int(spec.seatsPerRow));
    m_seatSpacing->setValue(spec.seatSpacing);
    m_rowSpacing->setValue(spec.rowSpacing);
    m_curvature->setValue(spec.curvature);
    m_rotation->setValue(spec.rotation);
    m_originX->setValue(spec.origin.x);
    m_originY->setValue(spec.origin.y);
    m_firstRow->setText(QString::fromStdString(spec.firstRowName));
    m_numbering->setCurrentIndex(m_numbering->findData(int(spec.numbering.scheme)));
    m_numberStart->setValue(int(spec.numbering.start));
    m_prefix->setText(QString::fromStdString(spec.numbering.prefix));
    m_rowCategory->setCurrentIndex(spec.category);
}

void VenueDesigner::schedulePreview()
{
    if (!m_updatingForm)
        m_previewTimer->start();
}

void VenueDesigner::updatePreview()
{
    const RowSpec spec = rowSpecFromForm();
    const std::string problem = validateRowSpec(spec, m_design.meta.categories.size());
    const int section = m_rowSection->currentIndex();
    m_rowProblem->setText(section < 0 ? tr("Add a section first (Venue tab).")
                                      : problem.empty() ? QString() : QString::fromStdString(problem));
    const bool wanted = m_tabs->currentIndex() == 1 && m_livePreview->isChecked() && problem.empty() && section >= 0;
    if (!wanted) {
        if (m_previewActive) {
            m_previewActive = false;
            showMap(m_design);
        }
        return;
    }
    VenueDesign preview = m_design;
    const SeatId first = preview.meta.nextSeatId;
    if (!usher::addRows(&preview, std::uint32_t(section), spec))
        return;
    m_previewActive = true;
    showMap(preview);
    // The seats to be added show selected.
    std::vector<SeatIndex> added;
    for (SeatIndex i = 0; i < m_shownVenue->seats.size(); ++i)
        if (m_shownVenue->seats[i].id >= first)
            added.push_back(i);
    const QSignalBlocker blocker(m_map);
    m_map->setSelection(added);
}

// ---- checks and files -------------------------------------------------------------------------------

bool VenueDesigner::validate()
{
    m_issues = validateDesign(m_design);
    showIssues();
    return m_issues.empty();
}

void VenueDesigner::showIssues()
{
    const QSignalBlocker blocker(m_issueList);
    m_issueList->clear();
    for (const DesignIssue& issue : m_issues) {
        auto* item = new QListWidgetItem(tr("%1: %2").arg(issueKindText(issue.kind), QString::fromStdString(issue.message)));
        item->setToolTip(issue.seats.empty() ? QString() : tr("Select to show the %n seat(s) on the map", nullptr, int(issue.seats.size())));
        m_issueList->addItem(item);
    }
    m_issueSummary->setText(m_issues.empty() ? tr("No problems: the venue can be exported.")
                                             : tr("%n problem(s) to fix before the venue can be saved. Select one to see its seats.",
                                                  nullptr, int(m_issues.size())));
    m_issueSummary->setStyleSheet(m_issues.empty() ? QStringLiteral("color: #1b5e20") : QStringLiteral("color: #b00020"));
}

void VenueDesigner::onIssueActivated(int row)
{
    if (row < 0 || std::size_t(row) >= m_issues.size() || m_issues[std::size_t(row)].seats.empty())
        return;
    selectSeats(m_issues[std::size_t(row)].seats);
}

QString VenueDesigner::chooseFile(bool save)
{
    if (!m_nextFileName.isEmpty())
        return std::exchange(m_nextFileName, QString());
    const QString filter = save ? tr("Venue files (*.json)") : tr("Venue files (*.json *.csv)");
    return save ? QFileDialog::getSaveFileName(this, tr("Export venue"), QString(), filter)
                : QFileDialog::getOpenFileName(this, tr("Import venue"), QString(), filter);
}

bool VenueDesigner::importFile(const QString& path, QString* error)
{
    VenueDesign imported;
    std::string problem;
    if (!importDesignFile(path, &imported, &problem)) {
        const QString text = tr("Import failed: %1").arg(QString::fromStdString(problem));
        m_issueSummary->setText(text);
        m_issueSummary->setStyleSheet(QStringLiteral("color: #b00020"));
        m_tabs->setCurrentIndex(4);
        if (error != nullptr)
            *error = text;
        return false;
    }
    setDesign(std::move(imported));
    return true;
}

bool VenueDesigner::exportFile(const QString& path, QString* error)
{
    const auto venue = savedVenue();
    std::string problem;
    if (venue == nullptr) {
        if (error != nullptr)
            *error = m_issueSummary->text();
        return false;
    }
    if (!writeVenueJsonFile(*venue, path, &problem, VenueJsonStyle::Spaced)) {
        if (error != nullptr)
            *error = QString::fromStdString(problem);
        m_issueSummary->setText(tr("Export failed: %1").arg(QString::fromStdString(problem)));
        return false;
    }
    m_issueSummary->setText(tr("Exported to %1.").arg(path));
    return true;
}

std::shared_ptr<Venue> VenueDesigner::savedVenue()
{
    if (!validate()) {
        m_tabs->setCurrentIndex(4);
        return nullptr;
    }
    std::string problem;
    auto venue = buildVenue(m_design, &problem);
    if (venue == nullptr) {
        m_issueSummary->setText(tr("The venue cannot be saved: %1").arg(QString::fromStdString(problem)));
        m_issueSummary->setStyleSheet(QStringLiteral("color: #b00020"));
        m_tabs->setCurrentIndex(4);
    }
    return venue;
}

} // namespace usher::ui
