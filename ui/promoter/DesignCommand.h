#pragma once

// One undo step of the venue designer: the sections and metadata an edit changed (DesignChange),
// applied forwards on redo and backwards on undo. Holding only what differs keeps a paint on a
// 50,000-seat venue from copying the whole venue twice per step.

#include "venue/VenueDesign.h"

#include <QUndoCommand>

namespace usher::ui {

class VenueDesigner;

class DesignCommand final : public QUndoCommand {
public:
    DesignCommand(VenueDesigner& designer, DesignChange change, const QString& text);

    void redo() override;
    void undo() override;

private:
    VenueDesigner& m_designer;
    DesignChange m_change;
};

} // namespace usher::ui
