#include "potential/eam_reader.hpp"

#include "core/error.hpp"
#include "core/input_limits.hpp"
#include "potential/internal/potential_file_scanner.hpp"
#include "potential/potential_locator.hpp"

namespace gb {

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// setfl and eam/fs share everything except the density tables.
EamPotential read_setfl_like(const std::string& path, EamStyle style) {
  PotentialFileScanner in(path);
  for (int k = 1; k <= 3; ++k) in.skip_line("comment line " + std::to_string(k));

  EamPotential pot;
  pot.style = style;
  pot.source = path;

  const LineTokens el = in.next_line("element line 'N El1 ... ElN'");
  const long ne = header_count(el, 0, "number of elements", 1, limits::kMaxElements);
  pot.elements_where = {path, el.line(), 0};
  if (el.size() != ne + 1)
    el.fail(el.size() > ne + 1 ? static_cast<int>(ne + 1) : el.size() - 1, "element names",
            "expected " + std::to_string(ne) + " element names after the count, found " +
                std::to_string(el.size() - 1));
  for (int k = 1; k <= ne; ++k) {
    for (const auto& prev : pot.elements)
      if (prev == el.word(k)) el.fail(k, "element names", "element '" + el.word(k) + "' is listed twice");
    pot.elements.push_back(el.word(k));
  }

  const LineTokens g = in.next_line("grid line 'Nrho drho Nr dr cutoff'");
  if (g.size() < 5) g.fail(g.size() - 1, "grid", "expected 5 values 'Nrho drho Nr dr cutoff', found " +
                                                      std::to_string(g.size()));
  pot.nrho = static_cast<int>(header_table_points(g, 0, "Nrho", 5));
  pot.drho = header_spacing(g, 1, "drho", pot.nrho);
  pot.nr = static_cast<int>(header_table_points(g, 2, "Nr", 5));
  pot.dr = header_spacing(g, 3, "dr", pot.nr);
  pot.cutoff = header_cutoff(g, 4, pot.nr, pot.dr);
  if (g.size() > 5) g.fail(5, "grid", "expected 5 values 'Nrho drho Nr dr cutoff', found " + std::to_string(g.size()));
  {
    // All tables, before any is allocated (ne <= 200, N <= 1e7: no overflow).
    const long density_tables = style == EamStyle::FinnisSinclair ? ne * ne : ne;
    require_values_fit(in, g, ne * pot.nrho + density_tables * pot.nr + ne * (ne + 1) / 2 * pot.nr);
  }
  pot.rho_extrapolation_start = pot.rho_max();

  const int n = static_cast<int>(ne);
  pot.embedding.resize(n);
  pot.density_tab.assign(n, std::vector<std::vector<double>>(n));
  for (int e = 0; e < n; ++e) {
    const std::string& name = pot.elements[e];
    const LineTokens h = in.next_line("element header 'Z mass [a0 lattice]' of " + name);
    const long z = h.integer(0, "atomic number of " + name);
    if (z < 0 || z > limits::kMaxAtomicNumber)
      h.fail(0, "atomic number of " + name, "expected an integer in 0..1000");
    const double mass = header_mass(h, 1, "mass of " + name);
    pot.atomic_numbers.push_back(static_cast<int>(z));
    pot.masses.push_back(mass);
    pot.embedding[e] = in.table(pot.nrho, "F(rho) of " + name);
    if (style == EamStyle::FinnisSinclair) {
      // Block of element e holds the density it gives to each element d.
      for (int d = 0; d < n; ++d)
        pot.density_tab[e][d] = in.table(pot.nr, "rho(r) of " + name + " at " + pot.elements[d]);
    } else {
      const auto rho = in.table(pot.nr, "rho(r) of " + name);
      for (int d = 0; d < n; ++d) pot.density_tab[e][d] = rho;
    }
  }
  pot.z2r_tab.assign(n, std::vector<std::vector<double>>(n));
  for (int a = 0; a < n; ++a)
    for (int b = 0; b <= a; ++b) {
      pot.z2r_tab[a][b] = in.table(pot.nr, "r*phi(r) of " + pot.elements[a] + "-" + pot.elements[b]);
      pot.z2r_tab[b][a] = pot.z2r_tab[a][b];
    }
  in.expect_end("the last r*phi(r) table");
  return pot;
}

}  // namespace

std::optional<EamStyle> eam_style_from_extension(const std::string& path) {
  if (ends_with(path, ".eam.fs")) return EamStyle::FinnisSinclair;
  if (ends_with(path, ".eam.alloy")) return EamStyle::Setfl;
  if (ends_with(path, ".eam")) return EamStyle::Funcfl;
  return std::nullopt;
}

EamStyle eam_style_from_name(const std::string& name) {
  if (name == "eam" || name == "funcfl") return EamStyle::Funcfl;
  if (name == "eam/alloy" || name == "setfl" || name == "alloy") return EamStyle::Setfl;
  if (name == "eam/fs" || name == "fs") return EamStyle::FinnisSinclair;
  throw InputError("unknown EAM style '" + name + "': expected eam, eam/alloy or eam/fs");
}

EamPotential read_eam(const std::string& path_or_name, std::optional<EamStyle> style) {
  const std::string path = locate_potential(path_or_name);
  if (!style) style = eam_style_from_extension(path);
  if (!style)
    throw InputError({path, 0, 0}, "style",
                     "cannot tell the EAM style from the file name (expected .eam, .eam.alloy or .eam.fs); "
                     "give the style explicitly (eam, eam/alloy, eam/fs)");
  if (*style == EamStyle::Funcfl) return read_funcfl_mixture({path});
  return read_setfl_like(path, *style);
}

std::vector<int> map_elements(const EamPotential& pot, const std::vector<std::string>& requested) {
  if (requested.empty()) throw InputError({pot.source, 0, 0}, "elements", "no elements requested");
  std::vector<int> out;
  for (const auto& name : requested) {
    const int e = pot.element_index(name);
    if (e < 0) {
      std::string have;
      for (const auto& el : pot.elements) have += (have.empty() ? "" : " ") + el;
      // Point at the line that lists the elements (setfl/fs) or gives the
      // atomic number (funcfl), so the user sees what the file provides.
      SourceLocation at = pot.elements_where.file.empty() ? SourceLocation{pot.source, 0, 0} : pot.elements_where;
      throw InputError(at, "elements",
                       "element '" + name + "' is not in this " + eam_style_name(pot.style) +
                           " potential; it provides: " + have);
    }
    out.push_back(e);
  }
  return out;
}

}  // namespace gb
