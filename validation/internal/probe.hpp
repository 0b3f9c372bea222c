#pragma once
// Probes compute the value a reference is compared with, from one run
// directory.  Each `check: {probe: NAME, ...}` in references/*.yaml names one;
// the rest of `check:` are its parameters (Reference::params).
#include <functional>
#include <string>

#include "validation/measurement.hpp"
#include "validation/reference.hpp"
#include "validation/run_directory.hpp"

namespace gb::validation {

using gb::StageKind;
using RunProbe = std::function<Measurement(const Reference&, const RunDirectory&)>;

/// The probe for `name`, or nullptr (e.g. dma_fit works on user data, not runs).
const RunProbe* find_run_probe(const std::string& name);

// One function per probe (probe_*.cpp).
Measurement probe_protocol(const Reference& ref, const RunDirectory& run);
Measurement probe_liquid_activation_energy(const Reference& ref, const RunDirectory& run);
Measurement probe_string_tau_activation(const Reference& ref, const RunDirectory& run);
Measurement probe_string_tau_extrapolation(const Reference& ref, const RunDirectory& run);
Measurement probe_string_peak_trend(const Reference& ref, const RunDirectory& run);
Measurement probe_w6hat_fast_slow(const Reference& ref, const RunDirectory& run);
Measurement probe_w6hat_fast_liquid(const Reference& ref, const RunDirectory& run);
Measurement probe_w6hat_ideal(const Reference& ref, const RunDirectory& run);
Measurement probe_species_mobility(const Reference& ref, const RunDirectory& run);
Measurement probe_md_dma_loss_peaks(const Reference& ref, const RunDirectory& run);
Measurement probe_string_thresholds(const Reference& ref, const RunDirectory& run);
Measurement probe_vanhove_gr_peaks(const Reference& ref, const RunDirectory& run);
Measurement probe_atomic_volume_fast_slow(const Reference& ref, const RunDirectory& run);
Measurement probe_achieved_state(const Reference& ref, const RunDirectory& run);
Measurement probe_md_dma_peak_on_string_line(const Reference& ref, const RunDirectory& run);
Measurement probe_viscosity_gk_maxwell(const Reference& ref, const RunDirectory& run);
Measurement probe_arrhenius_crossover(const Reference& ref, const RunDirectory& run);
Measurement probe_density_trend(const Reference& ref, const RunDirectory& run);

/// A check's optional `T_window_K:`: the stage it reads (nearest to its `T_K:`)
/// must lie within that many kelvin of `T_K`, the state the claim is about: a
/// claim about a 300 K glass is not tested on a 1200 K liquid because that is the
/// coldest stage a run has.  Returns the skip reason when `s` lies outside, else "".
std::string outside_temperature_window(const Reference& ref, const StageRecord& s);

/// Probes that do not read the run (software self-checks, e.g. w6hat of ideal
/// clusters) are evaluated once, not per run.
bool probe_is_run_independent(const std::string& name);

}  // namespace gb::validation
