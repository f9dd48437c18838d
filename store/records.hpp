#pragma once
// Value types a session stores besides the chips themselves.
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include "core/workload/model.hpp"

namespace scoville::store {

// One committed edit of a design. `key` is a dotted parameter key with old/new values in the
// registry's text form, or "*" when the whole chip was replaced (values are design JSON).
struct HistoryEntry {
    int seq = 0;     // 1-based position in the design's history
    QDateTime time;  // UTC, millisecond resolution
    QString label;   // what the user did, for the History panel ("Clock 1.8 GHz")
    QString key;
    QString oldValue;
    QString newValue;
    friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

struct DesignSummary {
    QString name;
    int historyCount = 0;
    int undoPosition = 0;  // entries 1..undoPosition are applied
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
    std::vector<double> objectives;
    friend bool operator==(const SweepRow&, const SweepRow&) = default;
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
