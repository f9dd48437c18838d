#pragma once
#include <QTextBrowser>
#include <QTimer>
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

    // The layer explained (phase and index into its layer list) and what doubling each resource
    // does to it, as last shown; empty before the first explanation or when the design fails.
    [[nodiscard]] const std::optional<LayerMoves>& moves() const { return moves_; }
    [[nodiscard]] const LayerSelection& explained() const { return explained_; }
    // "31 %": a change of the layer's time as the panel writes it (-0.31 -> "31 %").
    [[nodiscard]] static QString percent(double change);

private:
    void refresh() override;
    QTimer throttle_;
    QString shown_;
    std::optional<LayerMoves> moves_;
    LayerSelection explained_;
};

}  // namespace scoville
