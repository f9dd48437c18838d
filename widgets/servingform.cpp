#include "widgets/servingform.hpp"

#include <QCoreApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"

namespace scoville {
namespace {

QString offText() { return QCoreApplication::translate("scoville::ServingForm", "off"); }

// A spin box whose special values read as words: its minimum ("off", "auto" or, at -1, "best
// split") through the special value text, and 0 as "off" where the minimum is -1.
class KeySpinBox : public QSpinBox {
public:
    KeySpinBox(const WorkloadKey& key, QWidget* parent) : QSpinBox(parent), key_(key) {
        if (key.min < 0) setSpecialValueText(ServingForm::tr("best split"));
        else if (key.zero_text == "auto") setSpecialValueText(ServingForm::tr("auto"));
        else if (key.zero_text == "off") setSpecialValueText(ServingForm::tr("off"));
        else if (key.zero_text == "steady") setSpecialValueText(ServingForm::tr("steady stream"));
        else if (key.zero_text == "shared") setSpecialValueText(ServingForm::tr("shared"));
        else if (key.zero_text == "model") setSpecialValueText(ServingForm::tr("the model's"));
    }

protected:
    // The unit follows the count ("1 step", "2 steps"), so it is part of the text, not a fixed suffix.
    QString textFromValue(int v) const override {
        if (v == 0 && key_.min < 0) return offText();
        QString text = QSpinBox::textFromValue(v);
        if (!key_.unit.empty()) text += QLatin1Char(' ') + displayUnit(key_.unit, v);
        return text;
    }
    int valueFromText(const QString& text) const override {
        if (key_.min < 0 && text == offText()) return 0;
        return QSpinBox::valueFromText(number(text));
    }
    QValidator::State validate(QString& text, int& pos) const override {
        if (key_.min < 0 && offText().startsWith(text) && !text.isEmpty()) return QValidator::Acceptable;
        QString digits = number(text);
        int at = std::min(pos, static_cast<int>(digits.size()));
        return QSpinBox::validate(digits, at);
    }

private:
    // A shown or typed text without the unit after its number (either form of it).
    QString number(const QString& text) const {
        if (key_.unit.empty()) return text;
        for (const QString& unit : {displayUnit(key_.unit, 1), displayUnit(key_.unit, 2)}) {
            const QString tail = QLatin1Char(' ') + unit;
            if (text.endsWith(tail)) return text.chopped(tail.size());
        }
        return text;
    }

    const WorkloadKey& key_;
};

constexpr std::string_view kGroups[] = {"Engine", "Speculative decoding", "Mixture of experts", "Disaggregation",
                                        "Requests"};

QString groupTitle(std::string_view g) {
    if (g == "Engine") return ServingForm::tr("Engine");
    if (g == "Speculative decoding") return ServingForm::tr("Speculative decoding");
    if (g == "Mixture of experts") return ServingForm::tr("Mixture of experts");
    if (g == "Requests") return ServingForm::tr("Request lengths");
    return ServingForm::tr("Prefill/decode disaggregation");
}

}  // namespace

ServingForm::ServingForm(DesignDocument* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("servingForm"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 6, 8, 6);
    for (std::string_view group : kGroups) {
        auto* box = new QGroupBox(groupTitle(group), this);
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (const WorkloadKey& key : workload_keys()) {
            if (key.group != group) continue;
            // Of the request keys, the workload bar holds the numbers; this form the measured lengths.
            if (group == "Requests" && key.kind != WorkloadKeyKind::text) continue;
            Row row;
            row.key = &key;
            QWidget* field = nullptr;
            const QString tip = workloadKeyText(key.description) + QStringLiteral("\n\n") + tr("Key: %1").arg(qtext(key.key));
            switch (key.kind) {
            case WorkloadKeyKind::integer: {
                auto* spin = new KeySpinBox(key, box);
                spin->setRange(static_cast<int>(key.min), static_cast<int>(std::min(key.max, 1e9)));
                spin->setKeyboardTracking(false);
                spin->setAccelerated(true);
                row.integer = spin;
                field = spin;
                break;
            }
            case WorkloadKeyKind::real:
            case WorkloadKeyKind::limit: {
                auto* spin = new QDoubleSpinBox(box);
                spin->setRange(key.min, key.max);
                spin->setDecimals(3);
                spin->setSingleStep(key.max <= 1 ? 0.05 : 0.1);
                spin->setKeyboardTracking(false);
                if (!key.unit.empty()) spin->setSuffix(QLatin1Char(' ') + displayUnit(key.unit));
                if (key.zero_text == "auto" && key.min == 0) spin->setSpecialValueText(tr("auto"));
                row.real = spin;
                field = spin;
                break;
            }
            case WorkloadKeyKind::choice: {
                auto* combo = new QComboBox(box);
                for (auto c : key.choices) combo->addItem(qtext(c), qtext(c));
                row.choice = combo;
                field = combo;
                break;
            }
            case WorkloadKeyKind::text: {
                if (key.check) {  // free text in a form of its own, refused with the reason shown under it
                    auto* line = new QLineEdit(box);
                    line->setPlaceholderText(tr("lognormal of the spread"));
                    line->setClearButtonEnabled(true);
                    row.line = line;
                    row.problem = new QLabel(box);
                    row.problem->setObjectName(QStringLiteral("problem:") + qtext(key.key));
                    row.problem->setWordWrap(true);
                    row.problem->setStyleSheet(QStringLiteral("color: #b00020;"));
                    row.problem->hide();
                    field = line;
                    break;
                }
                // A text key names a model or a chip of the library; empty keeps the default.
                auto* combo = new QComboBox(box);
                if (key.key == "draft_model") {
                    combo->addItem(tr("MTP layers of the target"), QString());
                    for (const auto& m : doc_->library().models)
                        combo->addItem(qtext(m.name), qtext(m.id));
                } else {
                    combo->addItem(tr("the design's chip"), QString());
                    for (const auto& c : doc_->library().chips)
                        combo->addItem(qtext(c.name), qtext(c.id));
                }
                row.choice = combo;
                field = combo;
                break;
            }
            }
            field->setObjectName(QStringLiteral("workload:") + qtext(key.key));
            field->setToolTip(tip);
            form->addRow(workloadKeyText(key.label), field);
            row.field = field;
            row.label = form->labelForField(field);
            row.tip = tip;
            if (row.problem) form->addRow(QString(), row.problem);
            rows_.push_back(row);
        }
        outer->addWidget(box);
    }
    for (const Row& row : rows_) {
        if (row.integer) connect(row.integer, &QSpinBox::valueChanged, this, [this, row] { commit(row); });
        if (row.real) connect(row.real, &QDoubleSpinBox::valueChanged, this, [this, row] { commit(row); });
        if (row.choice) connect(row.choice, &QComboBox::activated, this, [this, row] { commit(row); });
        if (row.line) connect(row.line, &QLineEdit::editingFinished, this, [this, row] { commit(row); });
    }
    connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
        if (parts & DesignDocument::WorkloadPart) sync();
    });
    sync();
}

void ServingForm::commit(const Row& row) {
    QString text;
    if (row.integer) text = QString::number(row.integer->value());
    else if (row.real) text = QString::number(row.real->value(), 'g', 12);
    else if (row.line) text = row.line->text().trimmed();
    else text = row.choice->currentData().toString();
    Scenario s = doc_->state().scenario;
    // A spin box or a list bounds what can be chosen; free text may be refused: the reason shows under
    // it, the text stays for the user to mend, and the design keeps its last good value.
    const Status st = set_workload_text(s, row.key->key, stext(text));
    if (row.problem) {
        row.problem->setVisible(!st.ok());
        if (!st.ok()) row.problem->setText(errorText(st.error()));
    }
    if (st.ok()) {
        if (!(s == doc_->state().scenario)) doc_->setScenario(s);
    } else if (!row.line) {
        sync();
    }
}

void ServingForm::sync() {
    const Scenario& s = doc_->state().scenario;
    for (const Row& row : rows_) {
        const QString text = qtext(row.key->get(s));
        if (row.integer) {
            const QSignalBlocker b(row.integer);
            row.integer->setValue(text.toInt());
        } else if (row.real) {
            const QSignalBlocker b(row.real);
            row.real->setValue(text.toDouble());
        } else if (row.line) {
            if (row.problem && !row.problem->isHidden()) continue;  // the refused text stays until mended
            const QSignalBlocker b(row.line);
            row.line->setText(text);
        } else {
            const QSignalBlocker b(row.choice);
            const int i = row.choice->findData(text);
            row.choice->setCurrentIndex(i >= 0 ? i : 0);
        }
    }
    showRelevance();
}

void ServingForm::showRelevance() {
    const Scenario& s = doc_->state().scenario;
    const ModelSpec& model = doc_->state().model;
    for (const Row& row : rows_) {
        const WorkloadKey& key = *row.key;
        const bool applies = workload_key_applies(key, s, model);
        const bool set = workload_key_holds_value(key, s);
        row.field->setEnabled(applies || set);
        if (row.label) row.label->setEnabled(applies || set);
        row.field->setToolTip(applies ? row.tip
                                      : row.tip + QStringLiteral("\n\n") +
                                            tr("It changes nothing for this workload: it applies %1.")
                                                .arg(workloadKeyText(key.applies_when)));
    }
}

}  // namespace scoville
