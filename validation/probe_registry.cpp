#include <map>

#include "validation/internal/probe.hpp"

namespace gb::validation {

const RunProbe* find_run_probe(const std::string& name) {
  static const std::map<std::string, RunProbe> probes{
      {"protocol", probe_protocol},
      {"liquid_activation_energy", probe_liquid_activation_energy},
      {"string_tau_activation", probe_string_tau_activation},
      {"string_tau_extrapolation", probe_string_tau_extrapolation},
      {"string_peak_trend", probe_string_peak_trend},
      {"w6hat_fast_slow", probe_w6hat_fast_slow},
      {"w6hat_fast_liquid", probe_w6hat_fast_liquid},
      {"w6hat_ideal", probe_w6hat_ideal},
      {"species_mobility", probe_species_mobility},
      {"md_dma_loss_peaks", probe_md_dma_loss_peaks},
      {"string_thresholds", probe_string_thresholds},
      {"vanhove_gr_peaks", probe_vanhove_gr_peaks},
      {"atomic_volume_fast_slow", probe_atomic_volume_fast_slow},
      {"achieved_state", probe_achieved_state},
      {"md_dma_peak_on_string_line", probe_md_dma_peak_on_string_line},
      {"viscosity_gk_maxwell", probe_viscosity_gk_maxwell},
      {"arrhenius_crossover", probe_arrhenius_crossover},
      {"density_trend", probe_density_trend},
  };
  auto it = probes.find(name);
  return it == probes.end() ? nullptr : &it->second;
}

bool probe_is_run_independent(const std::string& name) { return name == "w6hat_ideal"; }

}  // namespace gb::validation
