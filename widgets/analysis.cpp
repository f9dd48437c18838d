#include "widgets/analysis.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <string>

#include "core/hw/params.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/modellibrary.hpp"

namespace scoville {

Result<Companions> resolveCompanions(const ModelLibrary& library, const Scenario& scenario) {
    Companions companions;
    if (scenario.spec_tokens > 0 && !scenario.draft_model.empty()) {
        auto draft = library.model(scenario.draft_model);
        if (!draft) return Error{"draft_model: " + draft.error().message};
        companions.draft = std::move(draft.value());
    }
    if (!scenario.prefill_chip.empty()) {
        auto chip = library.chip(scenario.prefill_chip);
        if (!chip) return Error{"prefill_chip: " + chip.error().message};
        companions.prefill_chip = std::move(chip.value());
    }
    return companions;
}

Result<DesignPoint> currentDesignPoint(const DesignDocument& doc) {
    const DesignState& st = doc.state();
    auto companions = resolveCompanions(doc.library(), st.scenario);
    if (!companions) return companions.error();
    return DesignPoint{st.chip, st.model, st.scenario, std::move(companions.value())};
}

const std::vector<SweepKey>& sweepableKeys() {
    static const std::vector<SweepKey> keys = [] {
        std::vector<SweepKey> out;
        for (const ParamInfo& p : chip_params())
            if (auto k = resolve_sweep_key(p.key)) out.push_back(k.value());
        for (const WorkloadKey& w : workload_keys()) {
            if (w.kind == WorkloadKeyKind::text) continue;
            if (auto k = resolve_sweep_key(std::string(kWorkloadPrefix) + std::string(w.key)))
                out.push_back(k.value());
        }
        for (const ModelKey& m : model_keys())
            if (auto k = resolve_sweep_key("model." + std::string(m.key))) out.push_back(k.value());
        return out;
    }();
    return keys;
}

const SweepKey* findSweepableKey(const QString& key) {
    const std::string k = stext(key);
    for (const SweepKey& s : sweepableKeys())
        if (s.key == k) return &s;
    return nullptr;
}

const std::vector<std::string_view>* sweepKeyChoices(const SweepKey& key) {
    if (key.chip && key.chip->kind == ParamKind::choice) return &key.chip->choices;
    if (key.workload && key.workload->kind == WorkloadKeyKind::choice) return &key.workload->choices;
    if (key.model && key.model->kind == ModelKeyKind::choice) return &key.model->choices;
    return nullptr;
}

QString sweepKeyLabel(const SweepKey& key) {
    const std::string label(key.label());
    // A model key says so: "Layers" of the model, not of anything on the chip.
    if (key.model)
        return QCoreApplication::translate("scoville::Analysis", "Model: %1")
            .arg(QCoreApplication::translate("scoville::ModelKeys", label.c_str()));
    return QCoreApplication::translate(key.is_chip() ? "scoville::ChipParams" : "scoville::WorkloadKeys",
                                       label.c_str());
}

QString sweepKeyUnit(const SweepKey& key) {
    return displayUnit(key.unit());
}

QString sweepKeyValueText(const SweepKey& key, double value) {
    if (sweepKeyChoices(key)) return qtext(key.value_text(value));
    if (!std::isfinite(value)) return QStringLiteral("n/a");
    const QString number = QLocale().toString(value, 'g', 6);
    const QString unit = sweepKeyUnit(key);
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

QString sweepKeyAxisTitle(const SweepKey& key) {
    const QString unit = sweepKeyUnit(key);
    return unit.isEmpty() ? sweepKeyLabel(key) : QStringLiteral("%1 (%2)").arg(sweepKeyLabel(key), unit);
}

namespace {
bool isChoice(const SweepKey* key) {
    return key && sweepKeyChoices(*key);
}
}  // namespace

void KeyValueSpinBox::setKey(const SweepKey* key) {
    key_ = key;
    if (!key) return;
    const double span = std::max(std::fabs(key->slider_max() - key->slider_min()), 1e-9);
    const int decimals =
        key->integer() ? 0 : std::clamp(3 - static_cast<int>(std::floor(std::log10(span))), 0, 6);
    setDecimals(decimals);
    setRange(key->min(), key->max());
    setSingleStep(key->integer() ? 1.0 : std::pow(10.0, -decimals) * (decimals > 0 ? 10 : 1));
    const QString unit = sweepKeyUnit(*key);
    setSuffix(isChoice(key) || unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
}

QString KeyValueSpinBox::textFromValue(double v) const {
    if (isChoice(key_)) return qtext(key_->value_text(std::round(v)));
    return QDoubleSpinBox::textFromValue(v);
}

double KeyValueSpinBox::valueFromText(const QString& text) const {
    if (isChoice(key_)) {
        const auto& choices = *sweepKeyChoices(*key_);
        for (size_t i = 0; i < choices.size(); ++i)
            if (text.compare(qtext(choices[i]), Qt::CaseInsensitive) == 0) return static_cast<double>(i);
        return value();
    }
    return QDoubleSpinBox::valueFromText(text);
}

QValidator::State KeyValueSpinBox::validate(QString& text, int& pos) const {
    if (isChoice(key_)) {
        for (const auto c : *sweepKeyChoices(*key_)) {
            const QString name = qtext(c);
            if (text.compare(name, Qt::CaseInsensitive) == 0) return QValidator::Acceptable;
            if (name.startsWith(text, Qt::CaseInsensitive)) return QValidator::Intermediate;
        }
        return QValidator::Invalid;
    }
    return QDoubleSpinBox::validate(text, pos);
}

std::vector<const ResultKey*> objectiveKeys() {
    std::vector<const ResultKey*> out;
    for (const ResultKey& k : result_keys())
        if (k.better != Better::none) out.push_back(&k);
    return out;
}

QString objectiveAxisTitle(const ResultKey& key) {
    QString unit = displayUnit(key.unit);
    unit.replace(QStringLiteral("USD"), QStringLiteral("$"));
    if (key.kind == ResultKind::fraction) unit.clear();
    const QString label = resultShortLabel(key);
    // "Tokens/s per chip" says its unit already; "$/M tokens" too.
    if (unit.isEmpty() || label.contains(unit, Qt::CaseInsensitive)) return label;
    return QStringLiteral("%1 (%2)").arg(label, unit);
}

int sweepThreads() {
    return std::max(1, QThread::idealThreadCount() - 1);
}

}  // namespace scoville
