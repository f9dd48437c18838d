#include "app/sessionpanel.hpp"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/sessioncontroller.hpp"
#include "store/history_model.hpp"
#include "widgets/format.hpp"

namespace scoville {
namespace {

// What kind of edit a step is, as the History list's second line names it.
QString kindName(const QString& kind) {
    if (kind == QLatin1String("chip")) return SessionPanel::tr("chip");
    if (kind == QLatin1String("design")) return SessionPanel::tr("whole chip");
    if (kind == QLatin1String("workload")) return SessionPanel::tr("workload");
    if (kind == QLatin1String("baseline")) return SessionPanel::tr("baseline");
    if (kind == QLatin1String("compared")) return SessionPanel::tr("compared chips");
    return kind;
}

// One history row: what was done, then its kind, size and time; undone steps (the redo branch)
// are greyed, the current position is bold. The tooltip lists every edit of the step.
class HistoryDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        using R = store::HistoryModel::Role;
        QString text = QStringLiteral("%1. %2").arg(index.row()).arg(index.data(Qt::DisplayRole).toString());
        QString detail;
        if (index.row() == 0) {
            detail = SessionPanel::tr("before any edit");
        } else {
            detail = kindName(index.data(R::KindRole).toString());
            const int edits = index.data(R::EditCountRole).toInt();
            if (edits > 1) detail += QStringLiteral(" \u00b7 ") + SessionPanel::tr("%n edits", nullptr, edits);
            const QDateTime time = index.data(R::TimeRole).toDateTime();
            if (time.isValid())
                detail += QStringLiteral(" \u00b7 ") + time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        }
        option->text = text + QChar(QChar::LineSeparator) + detail;
        if (index.data(R::CurrentRole).toBool()) option->font.setBold(true);
        if (!index.data(R::AppliedRole).toBool()) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
        }
    }
};

}  // namespace

SessionPanel::SessionPanel(SessionController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
    setObjectName(QStringLiteral("sessionPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    file_ = new QLabel(this);
    file_->setObjectName(QStringLiteral("sessionFile"));
    file_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file_->setWordWrap(true);
    layout->addWidget(file_);

    designs_ = new QComboBox(this);
    designs_->setObjectName(QStringLiteral("designCombo"));
    designs_->setToolTip(tr("The designs of this session; choose one to edit it"));
    designs_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    designs_->setMinimumContentsLength(10);
    layout->addWidget(designs_);
    auto* row = new QHBoxLayout;
    auto button = [&](QToolButton*& b, const char* name, const QString& text, const QString& tip) {
        b = new QToolButton(this);
        b->setObjectName(QString::fromLatin1(name));
        b->setText(text);
        b->setToolTip(tip);
        row->addWidget(b);
    };
    button(new_, "designNew", tr("New"), tr("A new design from the default chip"));
    button(duplicate_, "designDuplicate", tr("Branch"), tr("Duplicate this design to try another direction"));
    button(rename_, "designRename", tr("Rename"), tr("Rename this design"));
    button(remove_, "designDelete", tr("Delete"), tr("Delete this design from the session"));
    row->addStretch(1);
    layout->addLayout(row);

    auto* historyLabel = new QLabel(tr("&History (click a step to go to it):"), this);
    historyLabel->setWordWrap(true);
    layout->addWidget(historyLabel);
    history_ = new QListView(this);
    history_->setObjectName(QStringLiteral("historyList"));
    history_->setModel(controller_->historyModel());
    history_->setItemDelegate(new HistoryDelegate(history_));
    history_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    history_->setUniformItemSizes(true);  // every row is two lines
    history_->setWordWrap(false);  // each of the two lines is elided; the tooltip has it whole
    history_->setTextElideMode(Qt::ElideRight);
    history_->setToolTip(tr("Every step of this design's history, saved as it is made; click one to undo or "
                            "redo to it"));
    historyLabel->setBuddy(history_);
    layout->addWidget(history_, 3);

    auto* notesLabel = new QLabel(tr("&Notes:"), this);
    layout->addWidget(notesLabel);
    notes_ = new QPlainTextEdit(this);
    notes_->setObjectName(QStringLiteral("designNotes"));
    notes_->setPlaceholderText(tr("Free-text notes about this design, saved with the session"));
    notes_->setTabChangesFocus(true);
    notesLabel->setBuddy(notes_);
    layout->addWidget(notes_, 1);

    notesTimer_.setSingleShot(true);
    notesTimer_.setInterval(700);  // saved once typing pauses
    connect(&notesTimer_, &QTimer::timeout, this, &SessionPanel::saveNotes);
    connect(notes_, &QPlainTextEdit::textChanged, this, [this] {
        if (!reloading_) notesTimer_.start();
    });

    connect(history_, &QListView::activated, this, [this](const QModelIndex& index) {
        if (auto st = controller_->goToStep(index.row()); !st)
            report(tr("Go back in history"), errorText(st.error()));
    });
    connect(history_, &QListView::clicked, history_, &QListView::activated);
    connect(designs_, &QComboBox::activated, this, [this](int i) {
        saveNotes();
        if (auto st = controller_->switchDesign(designs_->itemText(i)); !st)
            report(tr("Switch design"), errorText(st.error()));
    });
    connect(new_, &QToolButton::clicked, this, &SessionPanel::askNewDesign);
    connect(duplicate_, &QToolButton::clicked, this, &SessionPanel::askDuplicate);
    connect(rename_, &QToolButton::clicked, this, &SessionPanel::askRename);
    connect(remove_, &QToolButton::clicked, this, &SessionPanel::askRemove);

    connect(controller_, &SessionController::designsChanged, this, &SessionPanel::reloadDesigns);
    connect(controller_, &SessionController::currentDesignChanged, this, &SessionPanel::reloadDesigns);
    connect(controller_, &SessionController::sessionChanged, this, &SessionPanel::reloadDesigns);
    connect(controller_, &SessionController::notesChanged, this, &SessionPanel::reloadNotes);
    // Keep the newest step in view.
    connect(controller_->historyModel(), &QAbstractItemModel::modelReset, this, [this] {
        const int pos = controller_->historyModel()->undoPosition();
        history_->scrollTo(controller_->historyModel()->index(pos, 0));
    });
    reloadDesigns();
    reloadNotes();
}

void SessionPanel::reloadDesigns() {
    reloading_ = true;
    const QString path = controller_->path();
    file_->setText(path.isEmpty() ? tr("No session file: edits are not saved") : tr("Session: %1").arg(path));
    designs_->clear();
    designs_->addItems(controller_->designNames());
    designs_->setCurrentText(controller_->currentDesign());
    const bool open = !path.isEmpty() && !controller_->currentDesign().isEmpty();
    for (QWidget* w : {static_cast<QWidget*>(designs_), static_cast<QWidget*>(new_),
                       static_cast<QWidget*>(duplicate_), static_cast<QWidget*>(rename_),
                       static_cast<QWidget*>(notes_)})
        w->setEnabled(open);
    remove_->setEnabled(open && designs_->count() > 1);
    reloading_ = false;
}

void SessionPanel::reloadNotes() {
    reloading_ = true;
    notesTimer_.stop();
    if (notes_->toPlainText() != controller_->notes()) notes_->setPlainText(controller_->notes());
    reloading_ = false;
}

void SessionPanel::saveNotes() {
    notesTimer_.stop();
    if (controller_->currentDesign().isEmpty()) return;
    if (auto st = controller_->setNotes(notes_->toPlainText()); !st)
        report(tr("Save notes"), errorText(st.error()));
}

void SessionPanel::askNewDesign() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New design"), tr("Name of the new design:"), QLineEdit::Normal,
                                               controller_->uniqueDesignName(tr("Design")), &ok);
    if (!ok) return;
    saveNotes();
    if (auto st = controller_->newDesign(name.trimmed()); !st)
        report(tr("New design"), errorText(st.error()));
}

void SessionPanel::askDuplicate() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Branch design"), tr("Name of the copy:"), QLineEdit::Normal,
                              controller_->uniqueDesignName(controller_->currentDesign()), &ok);
    if (!ok) return;
    saveNotes();
    if (auto st = controller_->duplicateDesign(name.trimmed()); !st)
        report(tr("Branch design"), errorText(st.error()));
}

void SessionPanel::askRename() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename design"), tr("New name:"), QLineEdit::Normal,
                                               controller_->currentDesign(), &ok);
    if (!ok || name.trimmed() == controller_->currentDesign()) return;
    saveNotes();
    if (auto st = controller_->renameDesign(name.trimmed()); !st)
        report(tr("Rename design"), errorText(st.error()));
}

void SessionPanel::askRemove() {
    const QString name = controller_->currentDesign();
    if (QMessageBox::question(this, tr("Delete design"),
                              tr("Delete the design '%1' and its history from this session?").arg(name)) !=
        QMessageBox::Yes)
        return;
    notesTimer_.stop();
    if (auto st = controller_->removeDesign(); !st)
        report(tr("Delete design"), errorText(st.error()));
}

void SessionPanel::report(const QString& action, const QString& message) {
    QMessageBox::warning(this, action, message);
}

}  // namespace scoville
