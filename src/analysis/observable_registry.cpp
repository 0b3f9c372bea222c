#include "analysis/internal/observable.hpp"

namespace gb::analysis {

const std::vector<const Observable*>& observables() {
  static const std::vector<const Observable*> all = {
#define GB_OBSERVABLE(Name) &observable_##Name(),
#include "analysis/observables.def"
#undef GB_OBSERVABLE
  };
  return all;
}

}  // namespace gb::analysis
