#pragma once
// Replica sets: N independent copies of one case with derived seeds
// (`replicas: N` in the case, or `glassbench run --replicas N`), each a full
// run directory:
//   DIR/replicas.yaml        case, engine, N, the seed of each replica
//   DIR/replica-00/ ...      run directories (replica 0 keeps the case seed)
//   DIR/analysis/pooled.json written by `analyze run DIR`: per stage, each
//                            scalar of the replicas' analysis/summary.json as
//                            mean, standard error over replicas, N and values
// `compare` reads a replica set directly (compare/run_comparison.hpp) and
// decides on the replica spread.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gb::compare {

std::string replica_dir(const std::string& root, int replica);  // root/replica-NN
bool is_replica_set(const std::string& dir);

/// Write DIR/replicas.yaml (atomically).
void write_replica_manifest(const std::string& root, const std::string& case_file, const std::string& case_name,
                            const std::string& engine, const std::vector<uint64_t>& seeds);

/// Pool the replicas' analysis/summary.json files into DIR/analysis/pooled.json
/// (also returned).  Throws gb::InputError naming a replica whose summary is missing.
nlohmann::json pool_replica_analyses(const std::string& root);

}  // namespace gb::compare
