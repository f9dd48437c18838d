#pragma once
// The one undo command: a step of typed edits (core/design/edit.hpp), applied forwards on redo and
// backwards on undo. It describes itself from its edits in the user's language; a slider drag (or
// a run of arrow-key presses) on one key merges into one step.
#include <QUndoCommand>
#include <algorithm>

#include "core/design/edit.hpp"
#include "store/edit_text.hpp"
#include "widgets/designdocument.hpp"

namespace scoville {

class EditCommand final : public QUndoCommand {
public:
    // mergeId >= 0: commands with the same id made during one interaction merge; steps loaded from
    // a stored history pass -1 and never merge.
    EditCommand(DesignDocument* doc, EditStep step, int mergeId, int interaction)
        : doc_(doc), step_(std::move(step)), mergeId_(mergeId), interaction_(interaction) {
        setText(describeStep(step_));
    }

    void redo() override {
        doc_->applyStep(step_, true, pushed_);
        pushed_ = true;
    }
    void undo() override { doc_->applyStep(step_, false, true); }
    [[nodiscard]] int id() const override { return mergeId_; }
    [[nodiscard]] const EditStep& step() const { return step_; }

    bool mergeWith(const QUndoCommand* other) override {
        const auto* o = dynamic_cast<const EditCommand*>(other);
        if (!o || mergeId_ < 0 || o->mergeId_ != mergeId_ || o->interaction_ != interaction_) return false;
        // This step keeps its old values and takes the newer ones, key by key.
        for (const Edit& e : o->step_) {
            auto same = std::find_if(step_.begin(), step_.end(),
                                     [&](const Edit& mine) { return mine.kind == e.kind && mine.key == e.key; });
            if (same != step_.end())
                same->new_value = e.new_value;
            else
                step_.push_back(e);
        }
        setText(describeStep(step_));
        // A drag that ends where it began is no step at all.
        setObsolete(is_noop(step_));
        return true;
    }

private:
    DesignDocument* doc_;
    EditStep step_;
    int mergeId_;
    int interaction_;
    bool pushed_ = false;  // the first redo is the push itself, not a redo to journal
};

}  // namespace scoville
