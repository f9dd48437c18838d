#pragma once
// The model's record: every measured case Scoville is checked against (the public and the extra
// set, core/perf/validation), predicted against measured on log-log axes with the y = x line and a
// ±25 % band, filterable, with the headline figures `scoville validate` prints for the rows shown.
// Clicking a case loads its chip, model and workload into the document as one undoable edit.
#include <QPointer>
#include <QWidget>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/perf/accuracy.hpp"
#include "core/perf/validation.hpp"
#include "core/util/result.hpp"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QTimer;

namespace scoville {

class DesignDocument;

class RecordView : public QWidget {
    Q_OBJECT
public:
    enum class Set { all, publicSet, extraSet };
    enum class Kind { all, serving, kernels, moeLayers, gemms, attention };
    enum class Architecture { all, dense, moe };

    explicit RecordView(DesignDocument* doc, QWidget* parent = nullptr);
    ~RecordView() override;

    [[nodiscard]] QCustomPlot* plot() const { return plot_; }

    // One measured case and, once evaluated, the model's prediction (or why there is none).
    struct Row {
        ValidationCase c;
        Set set = Set::publicSet;
        bool moe = false;
        LengthMix mix = LengthMix::mixed;  // serving cases: the prompt's share of a request's tokens
        std::string source;  // the publication (core's source_family)
        std::optional<ValidationResult> result;
        QString failure;  // the case could not be evaluated
    };
    [[nodiscard]] const std::vector<Row>& rows() const { return rows_; }
    // Starts evaluating the cases in the background (the first show does it); idempotent.
    void startEvaluation();
    [[nodiscard]] bool evaluated() const { return started_ && evaluatedCount() == static_cast<int>(rows_.size()); }
    // Cases evaluated so far, counted in rows() order (the public set comes first): those before the first
    // one still running.
    [[nodiscard]] int evaluatedCount() const;
    // Emitted when every case has been evaluated.
    Q_SIGNAL void evaluationFinished();

    // The filter; an empty chip, model or source (a publication, source_family) accepts every one;
    // `lengths`, when given, only the serving cases of that length mix (core/perf/accuracy.hpp).
    void setFilter(Set set, const std::string& chip, const std::string& model, Architecture arch, Kind kind,
                   bool showFits, const std::string& source = {}, std::optional<LengthMix> lengths = std::nullopt);
    // The runs a workload class's measured accuracy rests on: the serving check cases of both sets in
    // that class, fits hidden.
    void showWorkloadClass(const WorkloadClass& workload);
    // Indices into rows() of the evaluated cases the filter shows, as plotted.
    [[nodiscard]] std::vector<int> shownRows() const;
    // The headline figures over the shown rows (core's summarise, as `scoville validate` prints them).
    [[nodiscard]] ValidationSummary servingSummary() const;
    [[nodiscard]] ValidationSummary kernelSummary() const;
    [[nodiscard]] QString headline() const;
    // The row drawn nearest to a plot position, within a few pixels; -1 when none.
    [[nodiscard]] int rowAt(const QPointF& pos) const;
    // Loads a case's chip and (serving rows) its model and workload as one undoable edit.
    Status loadCase(int row);

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void take(int first, std::vector<Result<ValidationResult>> results);
    void readFilter();
    void rebuild();
    void hovered(QMouseEvent* event);
    [[nodiscard]] bool accepts(const Row& row) const;
    [[nodiscard]] QString describe(const Row& row) const;
    [[nodiscard]] std::vector<ValidationResult> shownResults() const;

    DesignDocument* const doc_;
    QCustomPlot* plot_ = nullptr;
    QComboBox* setBox_ = nullptr;
    QComboBox* chipBox_ = nullptr;
    QComboBox* modelBox_ = nullptr;
    QComboBox* archBox_ = nullptr;
    QComboBox* kindBox_ = nullptr;
    QComboBox* sourceBox_ = nullptr;
    QComboBox* lengthsBox_ = nullptr;
    QCheckBox* fitsBox_ = nullptr;
    QLabel* headline_ = nullptr;
    QLabel* status_ = nullptr;
    QTimer* refresh_ = nullptr;  // coalesces the redraws while the cases come in
    std::vector<Row> rows_;
    QString loadError_;
    std::vector<bool> chunkDone_;  // per kChunk cases, as they come back from the pool's threads
    size_t chunksInOrder_ = 0;     // chunks back with every one before them
    bool started_ = false;
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);

    Set set_ = Set::all;
    std::string chip_, model_, source_;
    Architecture arch_ = Architecture::all;
    Kind kind_ = Kind::all;
    std::optional<LengthMix> lengths_;
    bool showFits_ = true;
};

}  // namespace scoville
