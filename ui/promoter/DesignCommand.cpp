#include "promoter/DesignCommand.h"

#include "promoter/VenueDesigner.h"

namespace usher::ui {

DesignCommand::DesignCommand(VenueDesigner& designer, DesignChange change, const QString& text)
    : QUndoCommand(text)
    , m_designer(designer)
    , m_change(std::move(change))
{
}

void DesignCommand::redo()
{
    m_designer.applyChange(m_change, true);
}

void DesignCommand::undo()
{
    m_designer.applyChange(m_change, false);
}

} // namespace usher::ui
