#pragma once
// The throughput-interactivity frontier (interactivity_frontier): tokens/s per chip against tokens/s
// per user over the batch and every open parallelism, for the design and the baseline and compared
// chips on the same workload, each chip's front joined, both axes logarithmic; the design's
// operating point now is marked. Computed on a thread of its own a moment after the design stops
// changing, and only while the view is shown.
#include <QThreadPool>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "core/sweep/analysis.hpp"
#include "widgets/documentview.hpp"

class QLabel;
class QMouseEvent;
class QTimer;
class QCustomPlot;
class QCPGraph;

namespace scoville {

class FrontierView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    explicit FrontierView(DesignDocument* doc, QWidget* parent = nullptr);
    ~FrontierView() override;

    static constexpr int kDebounceMs = 300;

    // One chip's frontier, or why it has none.
    struct Line {
        QString name;
        bool design = false;
        std::optional<Frontier> frontier;
        QString error;
    };
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] const std::vector<Line>& lines() const { return lines_; }
    [[nodiscard]] bool isComputing() const;
    // The graph of a line's front (points joined) and, for the design, of all its points.
    [[nodiscard]] QCPGraph* frontGraph(size_t line) const {
        return line < fronts_.size() ? fronts_[line] : nullptr;
    }

signals:
    void updated();

private:
    void refresh() override;
    void paletteChanged() override;
    void start();
    void showResult(std::vector<Line> lines);
    void updateNow();
    void hovered(QMouseEvent* event);

    QCustomPlot* plot_ = nullptr;
    QLabel* status_ = nullptr;
    QCPGraph* cloud_ = nullptr;
    QCPGraph* now_ = nullptr;
    std::vector<QCPGraph*> fronts_;
    std::vector<Line> lines_;
    QTimer* debounce_ = nullptr;
    int generation_ = 0;
    bool busy_ = false;
    bool again_ = false;
    QThreadPool pool_;
};

}  // namespace scoville
