#pragma once
#include <QTextBrowser>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

#include "core/perf/explain.hpp"

#include "widgets/designdocument.hpp"
#include "widgets/documentview.hpp"

namespace scoville {

// For the selected layer (or, with none selected, the slowest decode layer) it leads with one
// sentence: what bounds the layer and which ops cause it; then what would move it, from the model
// re-evaluated with each resource doubled (core/perf/explain.hpp); then how the system serves and
// each op's formula with the numbers plugged in.
class ExplainPanel : public DocumentView<QTextBrowser> {
    Q_OBJECT
public:
    explicit ExplainPanel(DesignDocument* doc, QWidget* parent = nullptr);
    ~ExplainPanel() override;

    // What would move the layer evaluates the design six times more. A design whose evaluation took
    // longer than this (a disaggregated split or a parallelism searched over many chips: tenths of a
    // second for the six) has them worked out on a thread of its own: the rest of the page is shown at
    // once, the sentence when they return (only those of the state and layer still shown). Tests set it.
    static constexpr double kInlineMovesMs = 2.0;
    void setInlineMovesMs(double ms) { inlineMovesMs_ = ms; }

    // The layer explained (phase and index into its layer list) and what doubling each resource
    // does to it, as last shown; empty before the first explanation or when the design fails.
    [[nodiscard]] const std::optional<LayerMoves>& moves() const { return moves_; }
    [[nodiscard]] const LayerSelection& explained() const { return explained_; }
    // "31 %": a change of the layer's time as the panel writes it (-0.31 -> "31 %").
    [[nodiscard]] static QString percent(double change);

private:
    void refresh() override;
    // The moves of the state and layer they were worked out for.
    struct MovesFor {
        DesignState state;
        Phase phase = Phase::decode;
        size_t layer = 0;
        Result<LayerMoves> moves{Error{"not worked out"}};
        [[nodiscard]] bool matches(const DesignState& s, Phase p, size_t l) const {
            return phase == p && layer == l && state == s;
        }
    };
    QTimer throttle_;
    QString shown_;
    std::optional<LayerMoves> moves_;
    LayerSelection explained_;
    double inlineMovesMs_ = kInlineMovesMs;
    std::optional<MovesFor> computed_;   // the latest moves worked out
    std::optional<MovesFor> requested_;  // those being worked out in movesPool_ (moves unset)
    // The latest request for moves; shared with movesPool_, where a job for an earlier one stops at its next
    // evaluation.
    std::shared_ptr<std::atomic<int>> movesRequest_ = std::make_shared<std::atomic<int>>(0);
    bool keepScroll_ = false;            // a refresh that only adds the moves keeps the scroll position
    QThreadPool movesPool_;
};

}  // namespace scoville
