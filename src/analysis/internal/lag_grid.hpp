#pragma once
// Log-spaced lags (in frames) for time-correlation functions: dense at short
// times where things change fast, sparse at long times, each lag averaged
// over many time origins.
#include <vector>

namespace gb::analysis {

/// Distinct integer lags 1..max_lag, roughly `per_decade` per factor of 10
/// (all small lags included, max_lag always last).  Empty if max_lag < 1.
std::vector<int> log_spaced_lags(int max_lag, int per_decade = 10);

/// Origins 0, stride, 2*stride, ... with origin + lag < frames, at most
/// max_origins of them (spread evenly if there would be more; <= 0: no cap).
std::vector<int> time_origins(int frames, int lag, int stride, int max_origins);

}  // namespace gb::analysis
