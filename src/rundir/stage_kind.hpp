#pragma once
// The kind of a protocol stage, as an enum generated from the registry list
// rundir/stage_kinds.def (the one place that names every kind).
#include <optional>
#include <string>
#include <vector>

namespace gb {

enum class StageKind {
#define GB_STAGE_KIND(E, name) E,
#include "rundir/stage_kinds.def"
#undef GB_STAGE_KIND
};

/// "equilibrate", "quench", ... (the name used in case files and stage.yaml).
const char* stage_kind_name(StageKind k);
/// The kind named `name`, or nullopt.
std::optional<StageKind> stage_kind_from_name(const std::string& name);
/// Every registered kind's name, in registry order.
std::vector<std::string> stage_kind_names();

}  // namespace gb
