#include "analysis/neighbor_list.hpp"

namespace gb::analysis {

NeighborList::NeighborList(const std::vector<std::vector<Neighbor>>& per_atom) {
  offsets_.reserve(per_atom.size() + 1);
  offsets_.push_back(0);
  size_t total = 0;
  for (const auto& v : per_atom) total += v.size();
  bonds_.reserve(total);
  for (const auto& v : per_atom) {
    bonds_.insert(bonds_.end(), v.begin(), v.end());
    offsets_.push_back(bonds_.size());
  }
}

}  // namespace gb::analysis
