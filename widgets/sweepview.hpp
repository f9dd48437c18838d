#pragma once
// The sweep view: one or two keys over a grid (chip and economics parameters, numeric workload
// keys), an objective and an optional second one, optional constraints. The sweep runs on a thread
// of its own (run_sweep, every core but one) with a progress bar and Cancel; the window does no
// work per point: the worker also builds the plots' data, and the result comes back once, whole.
// Two keys give a heat map, one a line; two objectives a Pareto scatter with its front and the
// reference chips. A click on a point loads its values into the design as one undoable step.
// Finished sweeps are offered to the session (storeRequested) and stored ones can be reopened.
#include <QThreadPool>
#include <QWidget>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/sweep/sweep.hpp"
#include "store/records.hpp"
#include "widgets/documentview.hpp"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QMouseEvent;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemText;

namespace scoville {

class KeyValueSpinBox;

// A finished sweep as the view shows it: immutable once built, shared with the plots' data.
struct SweepOutcome {
    QString name;                              // as stored in the session
    QString design;                            // the design it varied, as recorded
    QString workload;                          // its model
    std::vector<std::string> axisTexts;        // "KEY=START:STOP:STEPS[:log]" or "KEY=V1,V2,..."
    std::vector<Axis> axes;                    // one or two
    std::vector<const ResultKey*> objectives;  // one or two
    std::vector<std::string> constraints;      // as written
    SweepRows rows;                            // in grid order
    std::vector<size_t> front;  // two objectives: rows on the Pareto front, by the first objective
    struct Reference {
        QString name;
        double x = 0, y = 0;  // the objectives; NaN where the chip does not evaluate
    };
    std::vector<Reference> references;  // the baseline and compared chips on the sweep's workload
    double seconds = 0;                 // the run's time (0 for a stored sweep)
    QStringList notes;                  // axes whose keys change nothing on the grid (inert_axes)
    // What a new run varied (absent for a stored sweep): lets a failed point's error be made again,
    // translatable, when it is shown.
    std::shared_ptr<const SweepSpec> spec;

    [[nodiscard]] uint64_t pointCount() const;
    // Whether axis `a` steps geometrically (":log").
    [[nodiscard]] bool logAxis(size_t a) const {
        return a < axisTexts.size() && axisTexts[a].ends_with(":log");
    }
    // The row of the grid point with these axis value indices; nullopt where there is none.
    [[nodiscard]] std::optional<size_t> rowAt(std::span<const size_t> indices) const;
    // The objective of a row where it applies; NaN where it does not.
    [[nodiscard]] double objective(size_t row, size_t o) const { return rows.objective(row, o); }
};

// How a sweep is stored (store::SweepResult): the axis keys as parameters; the objectives, then
// "status" (0 ok, 1 misses a constraint, 2 does not evaluate) and "missing" (bit o set: objective o
// does not apply, stored as 0) as objective columns, since stored values must be finite; the spec
// in the command line's words ("--vary K=1:2:11 --objective K --constraint 'C'"), which reopening
// parses. One row per grid point, in grid order.
store::SweepResult sweepRecord(const SweepOutcome& outcome);
Result<SweepOutcome> sweepOutcomeFromRecord(const store::SweepResult& record);
QString sweepSpecText(const std::vector<std::string>& axisTexts,
                      const std::vector<const ResultKey*>& objectives,
                      const std::vector<std::string>& constraints);

class SweepView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    struct PlotData;  // what the worker builds for the plots (sweepview.cpp)

    explicit SweepView(DesignDocument* doc, QWidget* parent = nullptr);
    ~SweepView() override;

    [[nodiscard]] std::shared_ptr<const SweepOutcome> outcome() const { return outcome_; }
    [[nodiscard]] bool isRunning() const { return running_; }
    [[nodiscard]] QCustomPlot* mapPlot() const { return mapPlot_; }
    [[nodiscard]] QCustomPlot* paretoPlot() const { return paretoPlot_; }
    // Two keys: the objective on the points that meet every constraint (cell (i, j): value i of the
    // first key, j of the second), NaN elsewhere.
    [[nodiscard]] QCPColorMap* colorMap() const { return okMap_; }
    // Where a row's point is drawn on the map plot and on the Pareto plot, in widget pixels.
    [[nodiscard]] std::optional<QPointF> mapPixel(size_t row) const;
    [[nodiscard]] std::optional<QPointF> paretoPixel(size_t row) const;

    // The Run button: a sweep with the controls' settings; false (with the reason shown) when they
    // do not make one.
    bool run();
    void cancel();
    // Loads the values the row's point has into the design, as one undoable step.
    Status applyRow(size_t row);
    // What a hover over the row's point shows: its axis values and objectives, whether it misses a constraint or
    // does not evaluate (and why), and the warnings of its evaluation (those of a new run's points).
    [[nodiscard]] QString rowText(size_t row) const;

public slots:
    // The session's stored sweeps.
    void setStoredSweeps(const QStringList& names);
    // A stored sweep the session read (openRequested), or why it could not.
    void showStoredSweep(const QString& name, std::shared_ptr<const store::SweepResult> sweep,
                         const QString& error);
    void storeFinished(const QString& name, const QString& error);

signals:
    void sweepFinished(bool shown);  // a run or a reopened sweep ended: shown, or failed or cancelled
    void storeRequested(std::shared_ptr<store::SweepResult> sweep);  // the view keeps no copy
    void openRequested(const QString& name);
    void removeRequested(const QString& name);

private:
    struct AxisControls {
        QComboBox* key = nullptr;
        KeyValueSpinBox* start = nullptr;
        KeyValueSpinBox* stop = nullptr;
        QSpinBox* steps = nullptr;
        QCheckBox* log = nullptr;
    };
    void refresh() override;
    void paletteChanged() override;
    void buildControls(QWidget* panel);
    void buildPlots();
    void keyChosen(int axis);
    void updateEnabled();
    void pollProgress();
    // Shows a finished sweep with its plot data (built on the worker) and remembers it.
    void showOutcome(std::shared_ptr<const SweepOutcome> outcome, PlotData& data);
    void setScaleShown(bool shown);
    void clearPlots();
    void updateMarkers();
    void placeLabels();
    void setControls(const SweepOutcome& outcome);
    void setStatus(const QString& text);
    [[nodiscard]] std::optional<size_t> mapRowAt(const QPointF& pos) const;
    // `exhaustive`: every point, not only the front and a sample (a click, not a hover).
    [[nodiscard]] std::optional<size_t> paretoRowAt(const QPointF& pos, bool exhaustive) const;
    // A row's note (its error or the constraint it misses) in the user's language where it can be.
    [[nodiscard]] QString noteText(size_t row) const;
    // The point again (one evaluation of the sweep's design with the row's axis values): its evaluation, or
    // why it does not evaluate; nothing for a stored sweep, whose design may have changed since.
    [[nodiscard]] std::optional<Result<Evaluation>> evaluatePoint(size_t row) const;
    // The warnings of an evaluated point, a line each, as a hover shows them (remembered for the last row asked).
    [[nodiscard]] QString warningLines(size_t row) const;
    void plotClicked(QCustomPlot* plot, QMouseEvent* event);
    void plotHovered(QCustomPlot* plot, QMouseEvent* event);

    struct HoverWarnings {
        const SweepOutcome* outcome = nullptr;
        size_t row = 0;
        QString text;
    };
    mutable HoverWarnings hoverWarnings_;

    AxisControls axes_[2];
    QGroupBox* second_ = nullptr;  // checkable: the second key in use
    QComboBox* objective_ = nullptr;
    QComboBox* objective2_ = nullptr;
    QLineEdit* constraints_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QComboBox* stored_ = nullptr;
    QPushButton* open_ = nullptr;
    QPushButton* remove_ = nullptr;
    QLabel* legend_ = nullptr;

    QCustomPlot* mapPlot_ = nullptr;
    QCPColorMap* okMap_ = nullptr;
    QCPColorMap* otherMap_ = nullptr;
    QCPColorScale* scale_ = nullptr;
    QCPGraph* lineOk_ = nullptr;
    QCPGraph* lineOther_ = nullptr;
    QCPGraph* mapDesign_ = nullptr;
    QCPItemText* mapHint_ = nullptr;

    QCustomPlot* paretoPlot_ = nullptr;
    QCPColorMap* density_ = nullptr;  // the cloud of a large sweep, as counts
    QCPColorMap* densityOther_ = nullptr;
    QCPGraph* cloud_ = nullptr;
    QCPGraph* cloudOther_ = nullptr;
    QCPGraph* frontLine_ = nullptr;
    QCPGraph* paretoDesign_ = nullptr;
    QCPItemText* paretoDesignLabel_ = nullptr;
    std::vector<QCPGraph*> refPoints_;
    std::vector<QCPItemText*> refLabels_;
    QCPItemText* paretoHint_ = nullptr;

    std::shared_ptr<const SweepOutcome> outcome_;
    std::shared_ptr<SweepProgress> jobProgress_;
    uint64_t jobPoints_ = 0;
    int generation_ = 0;
    bool running_ = false;
    QTimer* poll_ = nullptr;
    QPointF pressPos_;
    QThreadPool pool_;
};

}  // namespace scoville
