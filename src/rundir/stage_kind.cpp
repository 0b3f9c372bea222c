#include "rundir/stage_kind.hpp"

namespace gb {

namespace {
struct KindName {
  StageKind kind;
  const char* name;
};
constexpr KindName kKinds[] = {
#define GB_STAGE_KIND(E, name) {StageKind::E, name},
#include "rundir/stage_kinds.def"
#undef GB_STAGE_KIND
};
}  // namespace

const char* stage_kind_name(StageKind k) {
  for (const auto& kn : kKinds)
    if (kn.kind == k) return kn.name;
  return "unknown";
}

std::optional<StageKind> stage_kind_from_name(const std::string& name) {
  for (const auto& kn : kKinds)
    if (name == kn.name) return kn.kind;
  return std::nullopt;
}

std::vector<std::string> stage_kind_names() {
  std::vector<std::string> out;
  for (const auto& kn : kKinds) out.push_back(kn.name);
  return out;
}

}  // namespace gb
