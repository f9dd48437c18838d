#include "store/history_model.hpp"

#include "store/edit_text.hpp"
#include "store/qtext.hpp"

namespace scoville::store {

HistoryModel::HistoryModel(QObject* parent) : QAbstractListModel(parent) {}

void HistoryModel::setSession(Session* session) {
    if (session_) disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        connect(session_, &Session::historyChanged, this, [this](const QString& name) {
            if (name == design_) reload();
        });
        connect(session_, &Session::designRenamed, this, [this](const QString& from, const QString& to) {
            if (from == design_) design_ = to;
        });
        connect(session_, &Session::designRemoved, this, [this](const QString& name) {
            if (name == design_) setDesign({});
        });
        connect(session_, &Session::designAdded, this, [this](const QString& name) {
            if (name == design_) reload();
        });
        connect(session_, &Session::pathChanged, this, &HistoryModel::reload);
    }
    reload();
}

void HistoryModel::setDesign(const QString& design) {
    design_ = design;
    reload();
}

void HistoryModel::reload() {
    beginResetModel();
    steps_.clear();
    text_.clear();
    position_ = 0;
    if (session_ && session_->hasDesign(design_)) {
        steps_ = session_->steps(design_);
        position_ = session_->stepPosition(design_);
        for (const HistoryStep& st : steps_) text_ << describeStep(st.edits);
    }
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !session_ || !session_->hasDesign(design_)) return 0;
    return static_cast<int>(steps_.size()) + 1;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int row = index.row();
    if (row == 0) {
        switch (role) {
            case Qt::DisplayRole:
                return tr("Design as first saved");
            case KindRole:
            case KeyRole:
            case OldValueRole:
            case NewValueRole:
                return QString();
            case EditCountRole:
                return 0;
            case TimeRole:
                return QDateTime();
            case AppliedRole:
                return true;
            case CurrentRole:
                return position_ == 0;
            default:
                return {};
        }
    }
    const HistoryStep& st = steps_[row - 1];
    const Edit& first = st.edits.front();
    switch (role) {
        case Qt::DisplayRole:
            return text_.value(row - 1);
        case Qt::ToolTipRole:
            return QStringLiteral("%1\n%2").arg(st.time.toLocalTime().toString(Qt::ISODate), describeStepInFull(st.edits));
        case TimeRole:
            return st.time;
        case KindRole:
            return qtext(to_string(first.kind));
        case KeyRole:
            return qtext(first.key);
        case OldValueRole:
            return qtext(first.old_value);
        case NewValueRole:
            return qtext(first.new_value);
        case EditCountRole:
            return static_cast<int>(st.edits.size());
        case AppliedRole:
            return row <= position_;
        case CurrentRole:
            return row == position_;
        default:
            return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(KindRole, "kind");
    names.insert(KeyRole, "key");
    names.insert(OldValueRole, "oldValue");
    names.insert(NewValueRole, "newValue");
    names.insert(EditCountRole, "editCount");
    names.insert(AppliedRole, "applied");
    names.insert(CurrentRole, "current");
    return names;
}

}  // namespace scoville::store
