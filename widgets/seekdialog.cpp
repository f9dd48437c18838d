#include "widgets/seekdialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/hw/params.hpp"
#include "store/qtext.hpp"
#include "widgets/analysis.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"

namespace scoville {
namespace {

struct Job {
    std::optional<SeekResult> result;
    QString error;
};

}  // namespace

SeekDialog::SeekDialog(DesignDocument* doc, QWidget* parent) : QDialog(parent), doc_(doc) {
    setObjectName(QStringLiteral("seekDialog"));
    setWindowTitle(tr("Goal Seek"));
    pool_.setMaxThreadCount(1);

    key_ = new QComboBox(this);
    key_->setObjectName(QStringLiteral("seekKey"));
    for (const SweepKey& k : sweepableKeys()) {
        if (sweepKeyChoices(k)) continue;  // a value between choices means nothing
        key_->addItem(sweepKeyLabel(k), qtext(k.key));
        key_->setItemData(key_->count() - 1, QStringLiteral("%1 (%2)").arg(sweepKeyLabel(k), qtext(k.key)),
                          Qt::ToolTipRole);
    }
    key_->setCurrentIndex(std::max(0, key_->findData(QStringLiteral("compute.clock_ghz"))));
    objective_ = new QComboBox(this);
    objective_->setObjectName(QStringLiteral("seekObjective"));
    for (const ResultKey* k : objectiveKeys()) {
        objective_->addItem(resultShortLabel(*k), qtext(k->key));
        objective_->setItemData(objective_->count() - 1, resultLabel(*k), Qt::ToolTipRole);
    }
    objective_->setCurrentIndex(
        std::max(0, objective_->findData(QStringLiteral("throughput_tokens_per_s_per_chip"))));
    mode_ = new QComboBox(this);
    mode_->setObjectName(QStringLiteral("seekMode"));
    mode_->addItem(tr("\u00d7 the value now"), static_cast<int>(TargetMode::relative));
    mode_->addItem(tr("absolute"), static_cast<int>(TargetMode::absolute));
    target_ = new QDoubleSpinBox(this);
    target_->setObjectName(QStringLiteral("seekTarget"));
    target_->setRange(-1e18, 1e18);
    target_->setDecimals(4);
    target_->setValue(1.1);
    target_->setMinimumWidth(120);
    now_ = new QLabel(this);
    now_->setObjectName(QStringLiteral("seekNow"));
    now_->setWordWrap(true);
    useRange_ = new QCheckBox(tr("Search only between"), this);
    useRange_->setObjectName(QStringLiteral("seekUseRange"));
    useRange_->setToolTip(
        tr("Without a range the key's slider range is searched, widened to hold the design's value"));
    low_ = new KeyValueSpinBox(this);
    low_->setObjectName(QStringLiteral("seekLow"));
    high_ = new KeyValueSpinBox(this);
    high_->setObjectName(QStringLiteral("seekHigh"));
    result_label_ = new QLabel(this);
    result_label_->setObjectName(QStringLiteral("seekResult"));
    result_label_->setWordWrap(true);
    result_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_label_->setMinimumHeight(result_label_->fontMetrics().lineSpacing() * 3);
    result_label_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(target_, 1);
    targetRow->addWidget(mode_);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(useRange_);
    rangeRow->addWidget(low_, 1);
    rangeRow->addWidget(new QLabel(tr("and"), this));
    rangeRow->addWidget(high_, 1);

    auto* form = new QFormLayout;
    form->addRow(tr("Change"), key_);
    form->addRow(tr("until"), objective_);
    form->addRow(QString(), now_);
    form->addRow(tr("reaches"), targetRow);
    form->addRow(QString(), rangeRow);

    auto* buttons = new QDialogButtonBox(this);
    seek_ = buttons->addButton(tr("Seek"), QDialogButtonBox::ActionRole);
    seek_->setObjectName(QStringLiteral("seekRun"));
    seek_->setDefault(true);
    apply_ = buttons->addButton(tr("Apply"), QDialogButtonBox::ApplyRole);
    apply_->setObjectName(QStringLiteral("seekApply"));
    apply_->setEnabled(false);
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("seekClose"));
    connect(seek_, &QPushButton::clicked, this, [this] { seek(); });
    connect(apply_, &QPushButton::clicked, this, [this] { apply(); });
    connect(close, &QPushButton::clicked, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(result_label_, 1);
    layout->addWidget(buttons);

    connect(key_, &QComboBox::currentIndexChanged, this, &SeekDialog::keyChosen);
    connect(objective_, &QComboBox::currentIndexChanged, this, [this] {
        updateNow();
        inputsChanged();
    });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] {
        // The same target either way: x the value now <-> that many units.
        const ResultKey* obj = find_result_key(stext(objective_->currentData().toString()));
        const auto now =
            obj && doc_->evaluation().ok() ? obj->value(doc_->evaluation().value()) : std::nullopt;
        if (now && *now != 0) {
            QSignalBlocker block(target_);
            const bool absolute = mode_->currentData().toInt() == static_cast<int>(TargetMode::absolute);
            target_->setValue(absolute ? target_->value() * *now : target_->value() / *now);
        }
        inputsChanged();
    });
    connect(target_, &QDoubleSpinBox::valueChanged, this, &SeekDialog::inputsChanged);
    connect(useRange_, &QCheckBox::toggled, this, [this](bool on) {
        low_->setEnabled(on);
        high_->setEnabled(on);
        inputsChanged();
    });
    connect(low_, &QDoubleSpinBox::valueChanged, this, &SeekDialog::inputsChanged);
    connect(high_, &QDoubleSpinBox::valueChanged, this, &SeekDialog::inputsChanged);
    connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
        if (!(parts & (DesignDocument::ChipPart | DesignDocument::WorkloadPart))) return;
        inputsChanged();               // a result found for another design is no longer one to apply
        if (isVisible()) updateNow();  // else when shown
    });
    keyChosen();
    useRange_->setChecked(false);
    low_->setEnabled(false);
    high_->setEnabled(false);
    result_label_->setText(
        tr("Seek finds the value of the key at which the objective reaches the target, starting "
           "from the design."));
}

SeekDialog::~SeekDialog() {
    pool_.waitForDone();
}

void SeekDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    updateNow();
}

void SeekDialog::keyChosen() {
    const SweepKey* key = findSweepableKey(key_->currentData().toString());
    if (!key) return;
    QSignalBlocker a(low_), b(high_);
    low_->setKey(key);
    high_->setKey(key);
    low_->setValue(key->slider_min());
    high_->setValue(key->slider_max());
    updateNow();
    inputsChanged();
}

void SeekDialog::updateNow() {
    const SweepKey* key = findSweepableKey(key_->currentData().toString());
    const ResultKey* obj = find_result_key(stext(objective_->currentData().toString()));
    if (!key || !obj) return;
    const DesignState& st = doc_->state();
    const Result<Evaluation>& ev = doc_->evaluation();
    now_->setText(ev.ok()
                      ? tr("%1 now: %2, with %3 at %4")
                            .arg(resultShortLabel(*obj), formatResult(*obj, obj->value(ev.value())),
                                 sweepKeyLabel(*key), sweepKeyValueText(*key, key->get(st.chip, st.model, st.scenario)))
                      : tr("the design does not evaluate now: %1").arg(errorText(ev.error())));
}

void SeekDialog::inputsChanged() {
    ++generation_;  // a search under way answers other inputs: its result is dropped
    if (!result_) return;
    result_.reset();
    apply_->setEnabled(false);
    result_label_->setText(tr("The inputs or the design changed: seek again."));
}

std::optional<double> SeekDialog::target() const {
    if (mode_->currentData().toInt() == static_cast<int>(TargetMode::absolute)) return target_->value();
    const ResultKey* obj = find_result_key(stext(objective_->currentData().toString()));
    if (!obj || !doc_->evaluation().ok()) return std::nullopt;
    const auto now = obj->value(doc_->evaluation().value());
    if (!now) return std::nullopt;
    return *now * target_->value();
}

bool SeekDialog::seek() {
    if (seeking_) return false;
    const SweepKey* key = findSweepableKey(key_->currentData().toString());
    const ResultKey* obj = find_result_key(stext(objective_->currentData().toString()));
    auto design = currentDesignPoint(*doc_);
    const auto goal = target();
    if (!key || !obj || !design || !goal) {
        result_label_->setText(!design ? tr("Cannot seek: %1").arg(errorText(design.error()))
                                       : tr("Cannot seek: the objective has no value on the design now."));
        return false;
    }
    std::optional<double> lo, hi;
    if (useRange_->isChecked()) {
        lo = std::min(low_->value(), high_->value());
        hi = std::max(low_->value(), high_->value());
    }
    result_.reset();
    apply_->setEnabled(false);
    seeking_ = true;
    seek_->setEnabled(false);
    result_label_->setText(
        tr("Seeking %1 = %2\u2026").arg(resultShortLabel(*obj), formatResult(*obj, *goal)));
    const int gen = ++generation_;
    resultKey_ = key;
    resultObjective_ = obj;
    resultTarget_ = *goal;
    std::function<Job()> work = [point = std::move(design.value()), key, obj, t = *goal, lo, hi] {
        Job job;
        auto r = scoville::seek(point, *key, *obj, t, lo, hi);
        if (r)
            job.result = r.value();
        else
            job.error = errorText(r.error());
        return job;
    };
    std::function<void(Job&)> done = [this, gen](Job& job) {
        seeking_ = false;
        seek_->setEnabled(true);
        if (gen != generation_) {
            result_label_->setText(tr("The inputs or the design changed during the search: seek again."));
            emit seekFinished(false);
            return;
        }
        if (!job.result) {
            result_label_->setText(tr("Not reachable: %1").arg(job.error));
            emit seekFinished(false);
            return;
        }
        result_ = job.result;
        const SweepKey& k = *resultKey_;
        const ResultKey& o = *resultObjective_;
        result_label_->setText(
            tr("%1 = %2 gives %3 %4 (target %5); the design has %6, giving %7. %n evaluations.", nullptr,
               result_->evaluations)
                .arg(sweepKeyLabel(k), sweepKeyValueText(k, result_->value), resultShortLabel(o),
                     formatResult(o, result_->objective), formatResult(o, resultTarget_),
                     sweepKeyValueText(k, result_->start), formatResult(o, result_->start_objective)));
        apply_->setEnabled(true);
        emit seekFinished(true);
    };
    runInBackground<Job>(&pool_, this, std::move(work), std::move(done));
    return true;
}

Status SeekDialog::apply() {
    if (!result_ || !resultKey_) return Error{"nothing found to apply"};
    DesignValues next = doc_->values();
    ModelSpec model = doc_->state().model;
    if (auto st = resultKey_->set(next.chip, model, next.scenario, result_->value); !st) {
        result_label_->setText(tr("Not applied: %1").arg(errorText(st.error())));
        return st;
    }
    // A model key's value makes the variant the design's own model.
    if (resultKey_->model && !(model == doc_->state().model)) set_own_model(next, model);
    const SeekResult applied = *result_;
    const SweepKey& key = *resultKey_;
    if (auto st = doc_->applyValues(next); !st) {
        result_label_->setText(tr("Not applied: %1").arg(errorText(st.error())));
        return st;
    }
    // The design changed, which cleared the result: say what was applied instead.
    apply_->setEnabled(false);
    result_label_->setText(tr("Applied: %1 = %2 (Undo takes it back).")
                               .arg(sweepKeyLabel(key), sweepKeyValueText(key, applied.value)));
    return Ok{};
}

}  // namespace scoville
