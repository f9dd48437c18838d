#pragma once
// What the sweep, sensitivity, goal-seek and frontier views share: the document's design as the
// core analyses take it (core/sweep/analysis.hpp), the keys they can vary with their labels in the
// user's language, and background jobs.
//
// Background jobs (STYLE.md "Background work", as hotspot): a job runs on a thread of its view's
// own pool and hands an immutable result back through a queued call; the view cancels and waits
// for its pool when it goes, so a result never reaches a destroyed view, and each job carries a
// generation so a stale result is dropped.
#include <QDoubleSpinBox>
#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <vector>

#include "core/perf/result_keys.hpp"
#include "core/sweep/analysis.hpp"
#include "core/util/result.hpp"

namespace scoville {

class DesignDocument;
struct ModelLibrary;

// What the scenario names besides the chip and the model (a draft model, a prefill chip), from the
// library; the message names the missing one.
Result<Companions> resolveCompanions(const ModelLibrary& library, const Scenario& scenario);
// The document's design, model and workload with their companions.
Result<DesignPoint> currentDesignPoint(const DesignDocument& doc);

// Every key a sweep, a sensitivity or a goal seek can vary: chip and economics parameters in
// registry order, then the numeric workload keys as "workload.KEY".
const std::vector<SweepKey>& sweepableKeys();
const SweepKey* findSweepableKey(const QString& key);
// The key's label in the user's language (contexts scoville::ChipParams and scoville::WorkloadKeys,
// as the parameter panel and the history use), its unit as shown, and a value with its unit
// ("1.8 GHz", "hbm3e").
QString sweepKeyLabel(const SweepKey& key);
QString sweepKeyUnit(const SweepKey& key);
QString sweepKeyValueText(const SweepKey& key, double value);
// The names of a choice key's values (hbm.generation, workload.weight_precision), by index; null
// for a numeric key.
const std::vector<std::string_view>* sweepKeyChoices(const SweepKey& key);
// "Clock (GHz)": for axis titles.
QString sweepKeyAxisTitle(const SweepKey& key);

// A spin box for one key's values: the key's valid range, a precision that suits its slider
// range and its unit; a choice key's values by name ("hbm3e") rather than by index.
class KeyValueSpinBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    void setKey(const SweepKey* key);
    [[nodiscard]] const SweepKey* key() const { return key_; }
    [[nodiscard]] QString textFromValue(double v) const override;
    [[nodiscard]] double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;

private:
    const SweepKey* key_ = nullptr;
};

// Results an analysis can aim at: those with a better direction.
std::vector<const ResultKey*> objectiveKeys();
// "Tokens/s per chip (tokens/s)": for axis and colour-scale titles.
QString objectiveAxisTitle(const ResultKey& key);

// A sweep's threads: every core but one, so the window keeps one.
int sweepThreads();

// Runs `work` on a thread of `pool` and then `done` with its result on `receiver`'s thread. The
// receiver must outlive the job: owners wait for their pool in their destructor.
template <class R>
void runInBackground(QThreadPool* pool, QObject* receiver, std::function<R()> work,
                     std::function<void(R&)> done) {
    pool->start([receiver, work = std::move(work), done = std::move(done)] {
        auto result = std::make_shared<R>(work());
        QMetaObject::invokeMethod(
            receiver, [done, result] { done(*result); }, Qt::QueuedConnection);
    });
}

}  // namespace scoville
