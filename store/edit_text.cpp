#include "store/edit_text.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"

namespace scoville {

namespace {

// Registry labels are English in core; their translations live under these contexts.
QString paramLabel(std::string_view label) {
    return QCoreApplication::translate("scoville::ChipParams", std::string(label).c_str());
}
QString workloadLabel(std::string_view label) {
    return QCoreApplication::translate("scoville::WorkloadKeys", std::string(label).c_str());
}

QString orNone(const std::string& v) { return v.empty() ? QCoreApplication::translate("scoville::EditText", "none") : qtext(v); }

// A stored value as it reads: numbers to six significant digits in the user's locale (the stored
// text keeps every digit), other text as it is.
QString shown(const std::string& v) {
    if (v.empty()) return QCoreApplication::translate("scoville::EditText", "none");
    bool ok = false;
    const double x = qtext(v).toDouble(&ok);
    return ok ? QLocale().toString(x, 'g', 6) : qtext(v);
}

QString chipName(const std::string& json) {
    auto chip = chip_from_json(json, "history");
    if (!chip) return QCoreApplication::translate("scoville::EditText", "a chip");
    return qtext(chip->name.empty() ? chip->id : chip->name);
}

QString change(const QString& what, const QString& from, const QString& to, std::string_view unit) {
    const QString u = unit.empty() ? QString() : QLatin1Char(' ') + qtext(unit);
    return QCoreApplication::translate("scoville::EditText", "%1 %2 → %3%4").arg(what, from, to, u);
}

}  // namespace

QString describeEdit(const Edit& e) {
    switch (e.kind) {
        case EditKind::chip: {
            const ParamInfo* p = find_param(e.key);
            return change(p ? paramLabel(p->label) : qtext(e.key), shown(e.old_value), shown(e.new_value),
                          p ? p->unit : std::string_view());
        }
        case EditKind::design:
            return QCoreApplication::translate("scoville::EditText", "Chip %1 → %2").arg(chipName(e.old_value), chipName(e.new_value));
        case EditKind::workload: {
            if (e.key == kModelKey)
                return QCoreApplication::translate("scoville::EditText", "Model %1 → %2")
                    .arg(orNone(model_edit_label(e.old_value)), orNone(model_edit_label(e.new_value)));
            const WorkloadKey* k = find_workload_key(e.key);
            if (!k) return change(qtext(e.key), shown(e.old_value), shown(e.new_value), {});
            // A value with a special meaning reads as that word ("auto", "off").
            auto value = [&](const std::string& v) {
                if (!k->zero_text.empty() && (v == "0" || v.empty()))
                    return QCoreApplication::translate("scoville::WorkloadKeys", std::string(k->zero_text).c_str());
                return shown(v);
            };
            return change(workloadLabel(k->label), value(e.old_value), value(e.new_value),
                          e.new_value.empty() ? std::string_view() : k->unit);
        }
        case EditKind::baseline:
            return QCoreApplication::translate("scoville::EditText", "Baseline %1 → %2").arg(orNone(e.old_value), orNone(e.new_value));
        case EditKind::compared: {
            auto list = [](const std::string& v) {
                return v.empty() ? QCoreApplication::translate("scoville::EditText", "none") : qtext(join_ids(split_ids(v))).replace(QLatin1Char(','), QStringLiteral(", "));
            };
            return QCoreApplication::translate("scoville::EditText", "Compared chips %1 → %2").arg(list(e.old_value), list(e.new_value));
        }
    }
    return qtext(e.key);
}

QString describeStep(const EditStep& step) {
    if (step.empty()) return QCoreApplication::translate("scoville::EditText", "No change");
    if (step.size() == 1) return describeEdit(step.front());
    return QCoreApplication::translate("scoville::EditText", "%1 (and %2 more)").arg(describeEdit(step.front())).arg(step.size() - 1);
}

QString describeStepInFull(const EditStep& step) {
    QStringList lines;
    for (const Edit& e : step) lines << describeEdit(e);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace scoville
