#pragma once
// What limits the design: for a chosen objective, the elasticity of every chip and economics
// parameter, or of the workload's or the model's keys (+1 % of the key gives e % of the objective;
// sensitivity_keys), as a tornado chart of the largest ones,
// one sentence saying what limits it, and a table of what each step buys per mm², per W and per
// dollar. Computed on a thread of its own a moment after the design stops changing (a slider drag
// is never held up), and only while the view is shown.
#include <QThreadPool>
#include <QWidget>
#include <memory>

#include "core/sweep/analysis.hpp"
#include "widgets/documentview.hpp"

class QComboBox;
class QLabel;
class QTableWidget;
class QTimer;
class QCustomPlot;
class QCPBars;

namespace scoville {

class SensitivityView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    explicit SensitivityView(DesignDocument* doc, QWidget* parent = nullptr);
    ~SensitivityView() override;

    static constexpr int kChartRows = 15;  // the tornado's bars; the table lists every key
    static constexpr int kDebounceMs = 250;

    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] QTableWidget* table() const { return table_; }
    [[nodiscard]] QComboBox* keysBox() const { return keys_; }
    // The analysis shown; null before the first one (or when the design does not evaluate).
    [[nodiscard]] std::shared_ptr<const Sensitivity> sensitivity() const { return shown_; }
    [[nodiscard]] bool isComputing() const { return busy_ || debounce_timer_active(); }
    // "Tokens/s per chip is limited most by ...": composed from the rows' numbers, translated.
    [[nodiscard]] QString limitSentence(const Sensitivity& s) const;

signals:
    void updated();  // a new analysis (or its failure) is shown

private:
    bool fitAxis();  // after each layout; true when the ticks or the title changed
    void refresh() override;
    void paletteChanged() override;
    void start();
    void showResult(std::shared_ptr<const Sensitivity> s, const QString& error);
    [[nodiscard]] bool debounce_timer_active() const;

    QComboBox* objective_ = nullptr;
    QComboBox* keys_ = nullptr;  // which keys are stepped (KeyGroups)
    QLabel* limit_ = nullptr;
    QLabel* legend_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QString axisTitle_;  // the tornado's axis title, unwrapped
    QCPBars* helps_ = nullptr;
    QCPBars* hurts_ = nullptr;
    QTableWidget* table_ = nullptr;
    QTimer* debounce_ = nullptr;
    std::shared_ptr<const Sensitivity> shown_;
    int generation_ = 0;
    bool busy_ = false;
    bool again_ = false;  // the design changed while a job ran
    QThreadPool pool_;
};

}  // namespace scoville
