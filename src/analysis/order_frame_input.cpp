#include "analysis/order_frame_input.hpp"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "core/atom_config.hpp"
#include "core/error.hpp"
#include "core/lammps_data.hpp"
#include "core/lammps_dump.hpp"
#include "core/text_parse.hpp"

namespace gb::analysis {

OrderInputFormat parse_order_input_format(const std::string& text, const std::string& flag) {
  if (text == "auto") return OrderInputFormat::Auto;
  if (text == "dump") return OrderInputFormat::Dump;
  if (text == "data") return OrderInputFormat::Data;
  throw InputError(flag + " '" + text + "': expected auto, dump or data");
}

OrderInputFormat detect_order_input_format(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(SourceLocation{path, 0, 0}, "input", "no such file");
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files transparently
  if (!f) throw InputError(SourceLocation{path, 0, 0}, "input", "cannot open file");
  char buf[4096];
  std::string head;
  int k;
  while (head.size() < 65536 && (k = gzread(f, buf, sizeof buf)) > 0) {
    head.append(buf, static_cast<size_t>(k));
    const auto first = head.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && head.size() - first >= 5) break;
  }
  gzclose(f);
  const auto first = head.find_first_not_of(" \t\r\n");
  return first != std::string::npos && head.compare(first, 5, "ITEM:") == 0 ? OrderInputFormat::Dump
                                                                             : OrderInputFormat::Data;
}

OrderFrame read_order_frame(const std::string& path, int frame, OrderInputFormat format) {
  if (format == OrderInputFormat::Auto) format = detect_order_input_format(path);
  OrderFrame out;
  if (format == OrderInputFormat::Data) {
    if (frame != 0 && frame != -1)
      throw InputError(SourceLocation{path, 0, 0}, "--frame",
                       "a LAMMPS data file holds one configuration; --frame must be 0 or -1, not " +
                           std::to_string(frame));
    const AtomConfig cfg = read_lammps_data(path);
    out.box = cfg.box;
    out.ids = cfg.ids;
    out.types = cfg.types;
    out.positions = cfg.images.empty() ? cfg.positions : cfg.unwrapped_positions();
    out.unwrapped = !cfg.images.empty();
    out.description = path + " (LAMMPS data)";
    return out;
  }
  DumpReader reader(path);
  DumpFrame f;
  if (frame >= 0) {
    for (int k = 0; k <= frame; ++k)
      if (!reader.next(f))
        throw InputError(SourceLocation{path, 0, 0}, "--frame",
                         "frame " + std::to_string(frame) + " requested but the dump has only " + std::to_string(k) +
                             " frame(s) (0-based indices)");
    out.frame = frame;
  } else {
    // Keep the last |frame| frames in a ring to count from the end in one pass.
    const size_t keep = static_cast<size_t>(-static_cast<long>(frame));
    std::deque<DumpFrame> last;
    while (reader.next(f)) {
      last.push_back(f);
      if (last.size() > keep) last.pop_front();
    }
    if (last.size() < keep)
      throw InputError(SourceLocation{path, 0, 0}, "--frame",
                       "frame " + std::to_string(frame) + " requested but the dump has only " +
                           std::to_string(reader.frames_read()) + " frame(s)");
    f = std::move(last.front());
    out.frame = reader.frames_read() - static_cast<int>(keep);
  }
  out.box = f.box;
  out.ids = std::move(f.ids);
  out.types = std::move(f.types);
  out.positions = std::move(f.positions);
  out.unwrapped = f.unwrapped;
  out.timestep = f.timestep;
  out.description = path + " frame " + std::to_string(out.frame) + " (timestep " + std::to_string(out.timestep) + ")";
  return out;
}

std::vector<char> fast_flags_from_id_file(const std::string& path, const std::vector<long>& ids) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path, 0, 0}, "--fast-ids", "cannot open file");
  std::unordered_map<long, size_t> index;
  for (size_t i = 0; i < ids.size(); ++i) index[ids[i]] = i;
  std::vector<char> fast(ids.size(), 0);
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    LineTokens tok(path, lineno, line);
    for (int k = 0; k < tok.size(); ++k) {
      const long id = tok.integer(k, "atom id");
      const auto it = index.find(id);
      if (it == index.end()) tok.fail(k, "atom id", "no atom with id " + std::to_string(id) + " in the analysed frame");
      fast[it->second] = 1;
    }
  }
  return fast;
}

std::vector<char> fast_flags_from_frames(const OrderFrame& frame, const OrderFrame& reference, double threshold_A) {
  if (!frame.unwrapped || !reference.unwrapped)
    throw InputError("--reference-frame: displacements need unwrapped coordinates (dump columns xu yu zu, or x y z "
                     "with ix iy iz); " +
                     (frame.unwrapped ? reference.description : frame.description) + " has wrapped ones");
  if (frame.ids != reference.ids)
    throw InputError("--reference-frame: " + reference.description + " and " + frame.description +
                     " hold different atoms");
  if (!(threshold_A >= 0) || !std::isfinite(threshold_A))
    throw InputError("--fast-threshold: must be a non-negative distance in Angstrom");
  std::vector<char> fast(frame.ids.size());
  for (size_t i = 0; i < fast.size(); ++i) fast[i] = (frame.positions[i] - reference.positions[i]).norm() > threshold_A;
  return fast;
}

}  // namespace gb::analysis
