#pragma once
// What every view of the design document shares: it rebuilds itself from the document when a
// document signal says something changed, but only while it is visible; a hidden view is marked
// stale and catches up when it is shown. A view with a plot restyles it when the palette changes
// (light/dark switch). Base is the widget class the view is (QWidget, QFrame, QTextBrowser).
#include <QEvent>
#include <QWidget>

#include "widgets/designdocument.hpp"
#include "widgets/plotstyle.hpp"

class QCustomPlot;

namespace scoville {

template <class Base>
class DocumentView : public Base {
public:
    DocumentView(DesignDocument* doc, QWidget* parent) : Base(parent), doc_(doc) {}

protected:
    // Rebuilds the view from the document. Views call refreshNow(), never this, so the stale mark
    // is cleared.
    virtual void refresh() = 0;

    // After a change: now if visible, else when next shown.
    void refreshIfVisible() {
        dirty_ = true;
        if (this->isVisible()) refreshNow();
    }
    void refreshNow() {
        dirty_ = false;
        drawnEvaluation_ = doc_->shownEvaluation();
        refresh();
    }
    // Marks the view stale without refreshing (a throttled view refreshes later itself).
    void markDirty() { dirty_ = true; }
    [[nodiscard]] bool isDirty() const { return dirty_; }

    // Connects a document signal to refreshIfVisible().
    template <class Signal>
    void refreshOn(Signal signal) {
        QObject::connect(doc_, signal, this, [this] { refreshIfVisible(); });
    }

    // For a view that draws the design's evaluation and nothing else of the chip: refreshIfVisible() on
    // stateChanged, except after an edit whose evaluation is still running (a slider drag, or a slow design's
    // workload edit, followed in the background), which leaves the evaluation it drew in place; it follows
    // the result when it arrives.
    void refreshOnEvaluatedState() {
        QObject::connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
            if ((parts == DesignDocument::ChipPart || doc_->evaluationBehind()) && !dirty_ &&
                drawnEvaluation_ == doc_->shownEvaluation())
                return;
            refreshIfVisible();
        });
    }

    // The plot restyled on palette changes.
    void setPlot(QCustomPlot* plot) { plot_ = plot; }
    // On a palette change: restyles the plot and replots it; views whose content takes colours
    // from the palette override this to refresh as well.
    virtual void paletteChanged() {
        if (!plot_) return;
        applyPalette(plot_, this->palette());
        requestReplot(plot_);
    }

    void showEvent(QShowEvent* event) override {
        Base::showEvent(event);
        if (dirty_) refreshNow();
    }
    void changeEvent(QEvent* event) override {
        Base::changeEvent(event);
        if (event->type() == QEvent::PaletteChange) paletteChanged();
    }

    DesignDocument* const doc_;

private:
    QCustomPlot* plot_ = nullptr;
    bool dirty_ = true;
    int drawnEvaluation_ = -1;  // DesignDocument::shownEvaluation() at the last refresh
};

}  // namespace scoville
