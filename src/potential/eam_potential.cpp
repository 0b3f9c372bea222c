#include "potential/eam_potential.hpp"

namespace gb {

const char* eam_style_name(EamStyle s) {
  switch (s) {
    case EamStyle::Funcfl: return "eam";
    case EamStyle::Setfl: return "eam/alloy";
    case EamStyle::FinnisSinclair: return "eam/fs";
  }
  return "eam/?";
}

int EamPotential::element_index(const std::string& name) const {
  for (size_t k = 0; k < elements.size(); ++k)
    if (elements[k] == name) return static_cast<int>(k);
  return -1;
}

}  // namespace gb
