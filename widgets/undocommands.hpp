#pragma once
// One undo command for every edit: swap a part of the document state with a stored value
// (Tiled's ChangeValue). Redo and undo are the same swap; a slider drag merges into one step.
#include <QUndoCommand>

#include "widgets/designdocument.hpp"

namespace scoville {

template <typename Value>
class ChangeValue final : public QUndoCommand {
public:
    using Access = Value& (*)(DesignState&);

    // mergeId: commands with the same id (>= 0) made during one interaction merge.
    ChangeValue(DesignDocument* doc, Access access, Value value, unsigned parts, const QString& text,
                int mergeId = -1)
        : QUndoCommand(text), doc_(doc), access_(access), value_(std::move(value)), parts_(parts),
          mergeId_(mergeId), interaction_(doc->interaction()) {}

    void redo() override { doc_->swapValue(access_, value_, parts_); }
    void undo() override { doc_->swapValue(access_, value_, parts_); }
    [[nodiscard]] int id() const override { return mergeId_; }

    bool mergeWith(const QUndoCommand* other) override {
        const auto* o = dynamic_cast<const ChangeValue*>(other);
        if (!o || o->mergeId_ != mergeId_ || o->interaction_ != interaction_) return false;
        // After redo value_ holds the value before this command; keeping it makes the merged
        // command undo the whole drag. A drag that ends where it began is no step at all.
        setObsolete(access_(const_cast<DesignState&>(doc_->state())) == value_);
        return true;
    }

private:
    DesignDocument* doc_;
    Access access_;
    Value value_;
    unsigned parts_;
    int mergeId_;
    int interaction_;
};

// One step of a design's stored edit history (a session reopened): moves the chip between the
// stored positions position - 1 and position.
class StoredStep final : public QUndoCommand {
public:
    StoredStep(DesignDocument* doc, int position, const QString& text)
        : QUndoCommand(text), doc_(doc), position_(position) {}
    void redo() override { doc_->goToStoredPosition(position_); }
    void undo() override { doc_->goToStoredPosition(position_ - 1); }

private:
    DesignDocument* doc_;
    int position_;
};

}  // namespace scoville
