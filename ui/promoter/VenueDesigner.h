#pragma once

// The promoter's venue designer: the seat map (SeatMapWidget, in category colours) with panels to
// name the venue, add sections, generate rows with a live preview, edit the selected seats (paint a
// category, set flags, renumber, rename the row, delete), add standing areas and the stage, and
// check the design before it is exported. The model is engine/venue/VenueDesign (headless, tested
// on its own); every edit is a DesignCommand on the undo stack. See docs/design/promoter.md.

#include "venue/VenueDesign.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;
class QUndoStack;
class QVBoxLayout;

namespace usher::ui {

class SeatMapWidget;

class VenueDesigner final : public QWidget {
    Q_OBJECT

public:
    explicit VenueDesigner(QWidget* parent = nullptr);
    ~VenueDesigner() override;

    const VenueDesign& design() const { return m_design; }
    QUndoStack* undoStack() const { return m_undo; }
    SeatMapWidget* map() const { return m_map; }
    QAction* action(const QString& objectName) const;

    // Replaces the design (a new venue or an import): clears the undo history.
    void setDesign(VenueDesign design);

    // ---- edits (each one undo step; false when nothing changed or the input is bad)
    bool addSection(const QString& name);
    // Generates rows into section `section` (the current one when -1).
    bool generateRows(const RowSpec& spec, int section = -1);
    bool paintSelected(std::uint16_t category);
    bool setSelectedFlags(std::uint8_t flags, bool on);
    bool renumberSelected(const NumberingSpec& numbering);
    bool renameSelectedRow(const QString& name);
    bool deleteSelected();
    bool addArea(const QString& name, std::uint32_t capacity, std::uint16_t category);
    bool setStage(const QString& label, Point centre, double width, double depth);
    bool renameVenue(const QString& name);

    // ---- selection (seat ids)
    const std::vector<SeatId>& selection() const { return m_selection; }
    void selectSeats(const std::vector<SeatId>& seats);

    // ---- checks, files
    // Runs the checks and lists the problems in the Check tab; true when there are none.
    bool validate();
    const std::vector<DesignIssue>& issues() const { return m_issues; }
    QListWidget* issueList() const { return m_issueList; }
    // Import: JSON or CSV by suffix. On failure the error is shown and returned in *error.
    bool importFile(const QString& path, QString* error = nullptr);
    // Validates first; writes nothing when there are problems (they are listed).
    bool exportFile(const QString& path, QString* error = nullptr);
    // The validated venue (null with the problems listed when the design has any).
    std::shared_ptr<Venue> savedVenue();

    // ---- the row generator's form (tests drive it like a user)
    RowSpec rowSpecFromForm() const;
    void setRowForm(const RowSpec& spec);
    bool previewActive() const { return m_previewActive; }
    QTabWidget* tabs() const { return m_tabs; }

    // Tests and the shell: answers for the file dialogs instead of showing them.
    void setNextFileName(const QString& path) { m_nextFileName = path; }

    // Applied by DesignCommand (undo/redo).
    void applyChange(const DesignChange& change, bool forward);

Q_SIGNALS:
    void designChanged();
    void selectionChanged();
    void venueReady(std::shared_ptr<const usher::Venue> venue);

private:
    QWidget* buildVenuePanel();
    QWidget* buildRowsPanel();
    QWidget* buildSeatsPanel();
    QWidget* buildAreasPanel();
    QWidget* buildCheckPanel();
    void buildActions();
    bool edit(const QString& text, const std::function<bool(VenueDesign*)>& change);
    void refresh();
    void showMap(const VenueDesign& shown);
    void refreshLists();
    void refreshSelectionPanel();
    void schedulePreview();
    void updatePreview();
    void showIssues();
    void onIssueActivated(int row);
    QString chooseFile(bool save);

    VenueDesign m_design;
    QUndoStack* m_undo = nullptr;
    std::vector<SeatId> m_selection;
    std::vector<DesignIssue> m_issues;
    QString m_nextFileName;
    bool m_previewActive = false;
    bool m_updatingForm = false;

    QVBoxLayout* m_mapLayout = nullptr;
    std::shared_ptr<Venue> m_shownVenue;
    SeatMapWidget* m_map = nullptr; // owns its SeatMapModel (a child), rebuilt after every edit
    QTimer* m_previewTimer = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_summary = nullptr;

    // Venue tab
    QLineEdit* m_venueName = nullptr;
    QLineEdit* m_city = nullptr;
    QListWidget* m_sections = nullptr;
    QLineEdit* m_sectionName = nullptr;
    QListWidget* m_categories = nullptr;
    QLineEdit* m_categoryName = nullptr;
    // Rows tab
    QComboBox* m_rowSection = nullptr;
    QSpinBox* m_rowCount = nullptr;
    QSpinBox* m_seatsPerRow = nullptr;
    QDoubleSpinBox* m_seatSpacing = nullptr;
    QDoubleSpinBox* m_rowSpacing = nullptr;
    QDoubleSpinBox* m_curvature = nullptr;
    QDoubleSpinBox* m_rotation = nullptr;
    QDoubleSpinBox* m_originX = nullptr;
    QDoubleSpinBox* m_originY = nullptr;
    QLineEdit* m_firstRow = nullptr;
    QComboBox* m_numbering = nullptr;
    QSpinBox* m_numberStart = nullptr;
    QLineEdit* m_prefix = nullptr;
    QComboBox* m_rowCategory = nullptr;
    QCheckBox* m_livePreview = nullptr;
    QLabel* m_rowProblem = nullptr;
    // Seats tab
    QLabel* m_selectionLabel = nullptr;
    QComboBox* m_paintCategory = nullptr;
    std::vector<QCheckBox*> m_flagBoxes;
    QComboBox* m_renumberScheme = nullptr;
    QSpinBox* m_renumberStart = nullptr;
    QLineEdit* m_renumberPrefix = nullptr;
    QLineEdit* m_rowName = nullptr;
    // Areas & stage tab
    QListWidget* m_areas = nullptr;
    QLineEdit* m_areaName = nullptr;
    QSpinBox* m_areaCapacity = nullptr;
    QComboBox* m_areaCategory = nullptr;
    QLineEdit* m_stageLabel = nullptr;
    QDoubleSpinBox* m_stageX = nullptr;
    QDoubleSpinBox* m_stageY = nullptr;
    QDoubleSpinBox* m_stageWidth = nullptr;
    QDoubleSpinBox* m_stageDepth = nullptr;
    // Check tab
    QListWidget* m_issueList = nullptr;
    QLabel* m_issueSummary = nullptr;
};

} // namespace usher::ui
