#pragma once
#include <QWidget>
#include <array>

#include "core/perf/evaluation.hpp"
#include "widgets/documentview.hpp"

class QCustomPlot;
class QCPAxisRect;
class QCPBars;
class QCPItemRect;
class QCPItemText;
class QMouseEvent;
class QResizeEvent;

namespace scoville {

// Time of every layer (prefill and decode, one step), stacked by what bounds its ops: time in
// compute-, memory- and network-bound ops plus fixed per-op overhead. Clicking a layer selects it.
class LayerView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    explicit LayerView(DesignDocument* doc, QWidget* parent = nullptr);
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    // Stacked series of one phase: 0..2 by Bound, 3 = overhead.
    [[nodiscard]] QCPBars* bars(Phase phase, int series) const;
    // The rectangle marking the selected layer on a phase's chart.
    [[nodiscard]] QCPItemRect* highlight(Phase phase) const { return phases_[static_cast<size_t>(phase)].highlight; }
    // Why the view is empty (hidden while the design has a result).
    [[nodiscard]] QCPItemText* note() const { return note_; }

private:
    struct PhasePlot {
        QCPAxisRect* rect = nullptr;
        std::array<QCPBars*, 4> bars{};
        QCPItemRect* highlight = nullptr;
        double scale = 1e3;  // seconds -> axis unit
    };
    void refresh() override;
    void resizeEvent(QResizeEvent* event) override;
    void fitNote(int width = 0);  // the note wrapped to `width` (0: the plot's)
    void refreshSelection();
    void placeHighlight();
    void onMousePress(QMouseEvent* event);

    QCustomPlot* plot_ = nullptr;
    std::array<PhasePlot, 2> phases_;  // indexed by Phase
    QCPItemText* note_ = nullptr;
};

}  // namespace scoville
