#pragma once
// Between the core's UTF-8 std::string / std::string_view and Qt's QString: one pair of
// converters for every Qt-side file (store, widgets, app, tests).
#include <QString>
#include <string>
#include <string_view>

namespace scoville {

inline QString qtext(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
inline std::string stext(const QString& s) { return s.toStdString(); }

}  // namespace scoville
