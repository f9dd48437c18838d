#pragma once
// Value types a session stores besides the chips themselves.
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include "core/design/edit.hpp"
#include "core/sweep/sweep.hpp"
#include "core/workload/model.hpp"

namespace scoville::store {

// One committed edit of a design (core/design/edit.hpp): its kind ("chip", "design", "workload",
// "baseline", "compared"), key and old/new values in the registries' text form. Edits made together
// share a step; undo and redo move a whole step.
struct HistoryEntry {
    int seq = 0;     // 1-based position in the design's history
    QDateTime time;  // UTC, millisecond resolution
    QString label;   // a plain-English description, for SQL readers; views describe entries themselves
    QString key;
    QString oldValue;
    QString newValue;
    QString kind = QStringLiteral("chip");
    int step = 0;    // 1-based step number; entries of one step are consecutive
    friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

// One undo step of a design: the edits made together, in order.
struct HistoryStep {
    int number = 0;  // 1-based; the design after this step is undo position `number`
    QDateTime time;  // of its newest entry
    EditStep edits;
    friend bool operator==(const HistoryStep&, const HistoryStep&) = default;
};

struct DesignSummary {
    QString name;
    int historyCount = 0;  // entries
    int undoPosition = 0;  // entries 1..undoPosition are applied
    int stepCount = 0;     // undo steps
    int stepPosition = 0;  // steps 1..stepPosition are applied
    QDateTime created;
    QDateTime modified;
    friend bool operator==(const DesignSummary&, const DesignSummary&) = default;
};

// A named workload: a model (a library id, or a whole model as JSON) and the serving scenario.
struct WorkloadRecord {
    QString name;
    QString modelId;    // e.g. "llama-2-70b"; empty when modelJson is used
    QString modelJson;  // a model description (core/workload/model.hpp model_to_json)
    Scenario scenario;
    friend bool operator==(const WorkloadRecord&, const WorkloadRecord&) = default;
};

// A pinned comparison: members and baseline are references "design:NAME" or "chip:ID".
struct Comparison {
    QString name;
    QStringList members;
    QString baseline;
    QString workload;   // workload name; empty = the session's current one
    QDateTime created;  // set by the store when first saved
    friend bool operator==(const Comparison&, const Comparison&) = default;
};

// A sweep's results: one row per design point, parameter values then objective values.
struct SweepRow {
    std::vector<double> params;
    std::vector<double> objectives;  // NaN where the result does not apply (stored as null)
    // How the point came out: within the constraints, missing one, or not evaluated; `note` names
    // the constraint or the reason.
    PointStatus status = PointStatus::ok;
    QString note;
    // NaN objectives compare equal to NaN (a stored row reads back equal to itself).
    friend bool operator==(const SweepRow& a, const SweepRow& b);
};

struct SweepResult {
    QString name;
    QString design;  // the design the sweep varied
    QString workload;
    QString spec;               // how it was produced, e.g. "--vary compute.clock_ghz=1:2:11"
    QStringList paramKeys;      // dotted keys, the order of SweepRow::params
    QStringList objectiveKeys;  // result keys with units, the order of SweepRow::objectives
    std::vector<SweepRow> rows;
    QDateTime created;  // set by the store when first saved
    friend bool operator==(const SweepResult&, const SweepResult&) = default;
};

}  // namespace scoville::store
