#include "widgets/modeleditor.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "core/perf/lower.hpp"
#include "core/workload/model_keys.hpp"
#include "store/qtext.hpp"
#include "widgets/format.hpp"

namespace scoville {

namespace {

QString keyText(std::string_view context, std::string_view text) {
    return QCoreApplication::translate(std::string(context).c_str(), std::string(text).c_str());
}

double fieldValue(const QWidget* w) {
    if (const auto* s = qobject_cast<const QSpinBox*>(w)) return s->value();
    if (const auto* d = qobject_cast<const QDoubleSpinBox*>(w)) return d->value();
    if (const auto* c = qobject_cast<const QComboBox*>(w)) return c->currentIndex();
    if (const auto* b = qobject_cast<const QCheckBox*>(w)) return b->isChecked() ? 1 : 0;
    return 0;
}

}  // namespace

ModelEditor::ModelEditor(const ModelSpec& start, QWidget* parent) : QDialog(parent), start_(start) {
    setObjectName(QStringLiteral("modelEditor"));
    setWindowTitle(tr("Edit Model"));
    auto* top = new QVBoxLayout(this);
    auto* identity = new QFormLayout;
    id_ = new QLineEdit(qtext(start.id), this);
    id_->setObjectName(QStringLiteral("model:id"));
    id_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z0-9._-]+")), id_));
    id_->setToolTip(tr("The model's id: lower case letters, digits, '.', '_' and '-'"));
    name_ = new QLineEdit(qtext(start.name), this);
    name_->setObjectName(QStringLiteral("model:name"));
    pattern_ = new QLineEdit(qtext(start.layer_pattern), this);
    pattern_->setObjectName(QStringLiteral("model:layer_pattern"));
    pattern_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[-M*E]*")), pattern_));
    pattern_->setPlaceholderText(tr("every layer attention and FFN"));
    pattern_->setToolTip(tr("One block a layer, as Nemotron-H's hybrid_override_pattern gives them: M linear attention "
                            "(Mamba-2), * attention, - dense FFN, E MoE FFN; as many as the layers. Empty: every layer "
                            "an attention and an FFN, as the other keys say (layer_pattern)"));
    identity->addRow(tr("Id"), id_);
    identity->addRow(tr("Name"), name_);
    identity->addRow(tr("Layer pattern"), pattern_);
    top->addLayout(identity);

    // The groups in three columns, in the registry's order: the first two (shape, attention) in the first, the
    // others filling the next as far as that one's rows (or a third of all), then the last. The form stays as short
    // as its first column on a 768-pixel screen.
    std::vector<std::pair<std::string_view, int>> groups;  // each group and its keys
    for (const ModelKey& k : model_keys()) {
        if (groups.empty() || groups.back().first != k.group) groups.emplace_back(k.group, 0);
        ++groups.back().second;
    }
    constexpr int kColumns = 3;
    int total = 0, first = 0;
    for (size_t i = 0; i < groups.size(); ++i) {
        total += groups[i].second;
        if (i < 2) first += groups[i].second;
    }
    const int limit = std::max(first, (total + kColumns - 1) / kColumns);
    std::vector<int> column(groups.size(), 0);
    int at = 1, rows = 0;
    for (size_t i = 2; i < groups.size(); ++i) {
        if (rows > 0 && rows + groups[i].second > limit && at < kColumns - 1) {
            ++at;
            rows = 0;
        }
        column[i] = at;
        rows += groups[i].second;
    }
    auto* columns = new QHBoxLayout;
    QVBoxLayout* stacks[kColumns] = {new QVBoxLayout, new QVBoxLayout, new QVBoxLayout};
    std::map<std::string_view, QFormLayout*> forms;
    for (size_t i = 0; i < groups.size(); ++i) {
        auto* box = new QGroupBox(keyText("scoville::ModelKeys", groups[i].first), this);
        forms[groups[i].first] = new QFormLayout(box);
        stacks[column[i]]->addWidget(box);
    }
    for (QVBoxLayout* stack : stacks) {
        stack->addStretch(1);
        columns->addLayout(stack);
    }
    for (const ModelKey& k : model_keys()) {
        QFormLayout* form = forms.at(k.group);
        QWidget* field = nullptr;
        const double v = k.get(start);
        switch (k.kind) {
            case ModelKeyKind::integer: {
                auto* s = new QSpinBox(this);
                s->setRange(static_cast<int>(k.min), static_cast<int>(k.max));
                s->setValue(static_cast<int>(std::lround(v)));
                s->setSpecialValueText(k.min == 0 ? tr("none") : QString());
                connect(s, &QSpinBox::valueChanged, this, &ModelEditor::update);
                field = s;
                break;
            }
            case ModelKeyKind::real: {
                auto* d = new QDoubleSpinBox(this);
                d->setRange(k.min, k.max);
                d->setDecimals(2);
                d->setSingleStep(0.01);
                d->setValue(v);
                connect(d, &QDoubleSpinBox::valueChanged, this, &ModelEditor::update);
                field = d;
                break;
            }
            case ModelKeyKind::choice: {
                auto* c = new QComboBox(this);
                for (std::string_view choice : k.choices) c->addItem(qtext(choice));
                c->setCurrentIndex(static_cast<int>(std::lround(v)));
                connect(c, &QComboBox::currentIndexChanged, this, &ModelEditor::update);
                field = c;
                break;
            }
            case ModelKeyKind::flag: {
                auto* b = new QCheckBox(this);
                b->setChecked(v >= 0.5);
                connect(b, &QCheckBox::toggled, this, &ModelEditor::update);
                field = b;
                break;
            }
        }
        field->setObjectName(QStringLiteral("model:") + qtext(k.key));
        const QString tip = keyText("scoville::ModelKeys", k.description) + QStringLiteral(" (") + qtext(k.key) +
                            QLatin1Char(')');
        field->setToolTip(tip);
        QString label = keyText("scoville::ModelKeys", k.label);
        if (!k.unit.empty()) label += QStringLiteral(" (") + keyText("Unit", k.unit) + QLatin1Char(')');
        auto* l = new QLabel(label, this);
        l->setToolTip(tip);
        form->addRow(l, field);
        fields_[std::string(k.key)] = field;
    }
    top->addLayout(columns);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("model:status"));
    status_->setWordWrap(true);
    top->addWidget(status_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    top->addWidget(buttons_);
    connect(id_, &QLineEdit::textChanged, this, &ModelEditor::update);
    connect(name_, &QLineEdit::textChanged, this, &ModelEditor::update);
    connect(pattern_, &QLineEdit::textChanged, this, &ModelEditor::update);
    update();
}

ModelSpec ModelEditor::model() const {
    ModelSpec m = start_;
    m.id = stext(id_->text());
    m.name = stext(name_->text());
    m.layer_pattern = stext(pattern_->text());
    for (const ModelKey& k : model_keys()) k.set(m, fieldValue(fields_.at(std::string(k.key))));
    // A skew set here is the user's own value: the estimate's range no longer describes it.
    if (m.moe.routing_alpha != start_.moe.routing_alpha) m.moe.routing_alpha_low = m.moe.routing_alpha_high = 0;
    if (!(m == start_)) m.source = stext(tr("Edited from %1").arg(qtext(start_.name.empty() ? start_.id : start_.name)));
    return m;
}

QString ModelEditor::statusText() const { return status_->text(); }

void ModelEditor::update() {
    const ModelSpec m = model();
    Status st = m.id.empty() ? Status(Error{stext(tr("The model needs an id."))}) : validate_model(m);
    valid_ = st.ok();
    if (valid_) {
        status_->setStyleSheet(QString());
        QString text = tr("%1 billion parameters, %2 billion active a token")
                           .arg(formatNumber(m.parameters() / 1e9, 2), formatNumber(m.active_parameters() / 1e9, 2));
        // Its multi-token-prediction modules are not in that count: held where speculative decoding drafts with them.
        if (m.mtp_layers > 0)
            text += tr("; its MTP modules %1 billion more")
                        .arg(formatNumber(m.mtp_layers * mtp_module_counts(m).total() / 1e9, 2));
        status_->setText(text);
    } else {
        status_->setStyleSheet(QStringLiteral("color: #b00020;"));
        status_->setText(QStringLiteral("\u26A0 ") + qtext(st.error().message));
    }
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(valid_);
}

}  // namespace scoville
