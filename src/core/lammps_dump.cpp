#include "core/lammps_dump.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "core/atomic_file.hpp"
#include "core/crash_point.hpp"
#include "core/error.hpp"
#include "core/input_limits.hpp"
#include "core/text_parse.hpp"

namespace gb {

// ============================================================================
// Reading
// ============================================================================

struct DumpReader::Impl {
  gzFile gz = nullptr;
  std::string path;
  int line_no = 0;  // number of the line held in `line` (1-based)
  int frame = 0;    // index of the frame being read, for error messages
  std::string line;
  std::vector<char> buf = std::vector<char>(1 << 16);
  size_t pos = 0, len = 0;  // unread bytes are buf[pos, len)
  bool eof = false;
  std::uint64_t offset = 0;    // uncompressed bytes consumed through `line`
  std::uint64_t file_bytes = 0;  // size on disk
  bool gzip = false;

  void fail(int column, const std::string& msg) const {
    throw InputError({path, line_no, column}, "frame " + std::to_string(frame), msg);
  }

  /// Next line into `line` (without the newline); false at end of file.
  /// Reads with gzread rather than gzgets so that NUL bytes are seen (gzgets
  /// would end the string there and silently glue two lines together).
  bool getline() {
    line.clear();
    bool any = false;
    while (true) {
      if (pos == len) {
        if (eof) break;
        const int r = gzread(gz, buf.data(), static_cast<unsigned>(buf.size()));
        if (r <= 0) {
          int err = 0;
          const char* msg = gzerror(gz, &err);
          if (r < 0 || (err != Z_OK && err != Z_STREAM_END))
            throw InputError({path, line_no + 1, 0}, "", std::string("cannot read (corrupt or truncated gzip?): ") + msg);
          eof = true;
          break;
        }
        pos = 0;
        len = static_cast<size_t>(r);
      }
      any = true;
      const char* start = buf.data() + pos;
      const void* nl = std::memchr(start, '\n', len - pos);
      const size_t n = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : len - pos;
      if (line.size() + n > limits::kMaxLineBytes)
        throw InputError({path, line_no + 1, 0}, "frame " + std::to_string(frame),
                         "line longer than " + std::to_string(limits::kMaxLineBytes) + " bytes (not a text dump?)");
      line.append(start, n);
      pos += n + (nl ? 1 : 0);
      offset += n + (nl ? 1 : 0);
      if (nl) break;
    }
    if (!any) return false;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t bad = find_control_character(line);
    if (bad != std::string::npos) {
      char code[8];
      std::snprintf(code, sizeof code, "0x%02x", static_cast<unsigned>(static_cast<unsigned char>(line[bad])));
      fail(static_cast<int>(bad + 1), std::string("control character ") + code + " in the line (corrupt or binary file?)");
    }
    return true;
  }

  /// Upper bound on the uncompressed bytes still to come: the rest of a plain
  /// file, or for gzip the whole file times deflate's maximum ratio (1032:1).
  std::uint64_t bytes_left_bound() const {
    if (!gzip) return file_bytes > offset ? file_bytes - offset : 0;
    return file_bytes * 1032;
  }
};

DumpReader::DumpReader(const std::string& path) : impl_(new Impl), path_(path) {
  impl_->path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw InputError({path, 0, 0}, "", std::string("cannot open dump file: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) throw InputError({path, 0, 0}, "", "not a regular file");
  impl_->file_bytes = static_cast<std::uint64_t>(st.st_size);
  impl_->gz = gzopen(path.c_str(), "rb");
  if (!impl_->gz) throw InputError({path, 0, 0}, "", std::string("cannot open dump file: ") + std::strerror(errno));
  gzbuffer(impl_->gz, 1 << 17);
  impl_->gzip = gzdirect(impl_->gz) == 0;
}

DumpReader::~DumpReader() {
  if (impl_ && impl_->gz) gzclose(impl_->gz);
}

std::uint64_t DumpReader::tell() const { return impl_->offset; }
bool DumpReader::compressed() const { return impl_->gzip; }

namespace {

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

bool starts_with(const std::string& s, const char* p) { return s.compare(0, std::strlen(p), p) == 0; }

// Where the per-atom position comes from.
enum class PosSource { kUnwrapped, kWrappedImages, kScaledUnwrapped, kScaledImages, kWrapped, kScaled };

struct ColumnPlan {
  int id = -1, type = -1;
  int pos[3] = {-1, -1, -1};
  int img[3] = {-1, -1, -1};
  PosSource source = PosSource::kUnwrapped;
  std::vector<int> used;                // columns consumed by id/type/positions/images
  std::vector<std::string> names;
  std::vector<int> skip;                // non-numeric columns we ignore (element)
};

int find_col(const std::vector<std::string>& names, const char* n) {
  for (size_t k = 0; k < names.size(); ++k)
    if (names[k] == n) return static_cast<int>(k);
  return -1;
}

// Split into token spans in place, without allocations per token.
void split(const std::string& s, std::vector<std::pair<const char*, size_t>>& out) {
  out.clear();
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    while (p < e && (*p == ' ' || *p == '\t')) ++p;
    if (p >= e) break;
    const char* q = p;
    while (q < e && *q != ' ' && *q != '\t') ++q;
    out.emplace_back(p, static_cast<size_t>(q - p));
    p = q;
  }
}

bool fast_double(const std::pair<const char*, size_t>& t, double& v) {
  return parse_finite_double(t.first, t.second, v);
}

}  // namespace

bool DumpReader::next(DumpFrame& frame) {
  Impl& in = *impl_;
  const int fi = frames_read_;
  in.frame = fi;
  auto where = [&](const std::string& extra = "") {
    std::string s = "frame " + std::to_string(fi);
    if (!extra.empty()) s += ", " + extra;
    return s;
  };
  auto fail_line = [&](const std::string& field, const std::string& msg) -> void {
    throw InputError({path_, in.line_no, 0}, where(field), msg);
  };
  auto need_line = [&](const std::string& what) {
    if (!in.getline())
      throw InputError({path_, in.line_no, 0}, where(what),
                       "file ends early (truncated frame): expected " + what);
  };

  // Skip blank lines between frames; a clean end of file here is the end.
  while (true) {
    if (!in.getline()) return false;
    if (!is_blank(in.line)) break;
  }

  bool have_ts = false, have_n = false, have_box = false;
  long natoms = 0;
  DumpFrame f;
  while (true) {
    if (!starts_with(in.line, "ITEM:"))
      fail_line("header", "expected an 'ITEM:' line, got '" + in.line.substr(0, 60) + "'");
    std::string item = in.line.substr(5);
    item.erase(0, item.find_first_not_of(" \t"));
    // Tokenise the whole line with "ITEM:" blanked so columns count from the line start.
    LineTokens it(path_, in.line_no, "     " + in.line.substr(5));
    const std::string key = it.word(0);
    if (key == "TIMESTEP") {
      need_line("the timestep value");
      LineTokens t(path_, in.line_no, in.line);
      f.timestep = t.integer(0, where("TIMESTEP"));
      if (f.timestep < 0) t.fail(0, where("TIMESTEP"), "expected a non-negative step number");
      if (t.size() > 1) t.fail(1, where("TIMESTEP"), "unexpected extra value after the step number");
      have_ts = true;
    } else if (key == "NUMBER" && it.word(1) == "OF" && it.word(2) == "ATOMS") {
      need_line("the number of atoms");
      LineTokens t(path_, in.line_no, in.line);
      natoms = t.integer(0, where("NUMBER OF ATOMS"));
      if (natoms < 0) t.fail(0, where("NUMBER OF ATOMS"), "expected a non-negative atom count");
      if (t.size() > 1) t.fail(1, where("NUMBER OF ATOMS"), "unexpected extra value after the atom count");
      if (natoms > limits::kMaxAtoms)
        t.fail(0, where("NUMBER OF ATOMS"),
               std::to_string(natoms) + " atoms is more than glassbench reads (" +
                   std::to_string(limits::kMaxAtoms) + ")");
      // Every atom line takes >= 10 bytes ("1 1 0 0 0\n"); check before allocating.
      const std::uint64_t fit = limits::max_items_in_bytes(in.bytes_left_bound(), 10);
      if (static_cast<std::uint64_t>(natoms) > fit)
        t.fail(0, where("NUMBER OF ATOMS"),
               std::to_string(natoms) + " atoms cannot fit in the rest of the file (room for at most " +
                   std::to_string(fit) + " atom lines of >= 10 bytes)");
      if (natoms_first_ >= 0 && natoms != natoms_first_)
        t.fail(0, where("NUMBER OF ATOMS"),
               "atom count changes from " + std::to_string(natoms_first_) + " (frame 0) to " +
                   std::to_string(natoms) + "; analysis needs a fixed set of atoms");
      have_n = true;
    } else if (key == "UNITS" || key == "TIME") {
      need_line("the " + key + " value");
    } else if (key == "BOX" && it.word(1) == "BOUNDS") {
      if (it.word(2) == "abc")
        fail_line("BOX BOUNDS", "general triclinic boxes (BOX BOUNDS abc origin) are not supported; "
                                "write the dump with the restricted triclinic convention");
      const bool tri = it.word(2) == "xy";
      if (tri && !(it.word(3) == "xz" && it.word(4) == "yz"))
        fail_line("BOX BOUNDS", "expected 'xy xz yz' after BOX BOUNDS");
      // Boundary flags: none (LAMMPS before 2009) or exactly three, each two
      // of p/f/s/m, periodic on both sides or on neither (LAMMPS `boundary`).
      {
        const int first = tri ? 5 : 2;
        const int nflags = it.size() - first;
        if (nflags != 0 && nflags != 3)
          it.fail(std::min(it.size() - 1, first + 3), where("BOX BOUNDS"),
                  "expected three boundary flags like 'pp pp pp' after BOX BOUNDS" +
                      std::string(tri ? " xy xz yz" : "") + ", found " + std::to_string(nflags) + " words");
        for (int k = first; k < it.size(); ++k) {
          const std::string& b = it.word(k);
          auto ok = [](char c) { return c == 'p' || c == 'f' || c == 's' || c == 'm'; };
          if (b.size() != 2 || !ok(b[0]) || !ok(b[1]) || ((b[0] == 'p') != (b[1] == 'p')))
            throw InputError({path_, in.line_no, 0}, where("BOX BOUNDS"),
                             "boundary flag '" + b + "' is not a LAMMPS boundary (pp, ff, fs, fm, ss, sm, ...; "
                             "p only as pp)");
        }
      }
      double lo[3], hi[3], tilt[3] = {0, 0, 0};
      static const char* axis[3] = {"x", "y", "z"};
      static const char* tilt_name[3] = {"xy", "xz", "yz"};
      for (int k = 0; k < 3; ++k) {
        need_line(std::string("the ") + axis[k] + " box bounds");
        LineTokens t(path_, in.line_no, in.line);
        const std::string fld = where(std::string("BOX BOUNDS ") + axis[k]);
        lo[k] = t.real(0, fld);
        hi[k] = t.real(1, fld);
        if (tri) {
          tilt[k] = t.real(2, where(std::string("BOX BOUNDS ") + tilt_name[k]));
          if (t.size() > 3) t.fail(3, fld, "unexpected extra value");
        } else if (t.size() > 2) {
          t.fail(2, fld, "unexpected extra value (triclinic bounds need 'ITEM: BOX BOUNDS xy xz yz ...')");
        }
        for (int c = 0; c < (tri ? 3 : 2); ++c) {
          const double v = c == 0 ? lo[k] : c == 1 ? hi[k] : tilt[k];
          if (std::fabs(v) > limits::kMaxAbsCoordinateA)
            t.fail(c, fld, "|" + t.word(c) + "| exceeds the largest box bound glassbench accepts (1e8 Angstrom)");
        }
      }
      const double xy = tilt[0], xz = tilt[1], yz = tilt[2];
      if (tri) {
        // Undo the bounding-box convention to get the true cell.
        lo[0] -= std::min({0.0, xy, xz, xy + xz});
        hi[0] -= std::max({0.0, xy, xz, xy + xz});
        lo[1] -= std::min(0.0, yz);
        hi[1] -= std::max(0.0, yz);
      }
      for (int k = 0; k < 3; ++k)
        if (!(hi[k] > lo[k]))
          throw InputError({path_, in.line_no - 2 + k, 0}, where(std::string("BOX BOUNDS ") + axis[k]),
                           "expected hi > lo");
      f.box.lo = {lo[0], lo[1], lo[2]};
      f.box.lx = hi[0] - lo[0];
      f.box.ly = hi[1] - lo[1];
      f.box.lz = hi[2] - lo[2];
      f.box.xy = xy;
      f.box.xz = xz;
      f.box.yz = yz;
      have_box = true;
    } else if (key == "ATOMS") {
      break;
    } else {
      fail_line("header", "unknown item 'ITEM: " + item + "'");
    }
    need_line("'ITEM: ATOMS' (the frame has no atom section)");
  }
  if (!have_ts) fail_line("ITEM: ATOMS", "frame has no 'ITEM: TIMESTEP'");
  if (!have_n) fail_line("ITEM: ATOMS", "frame has no 'ITEM: NUMBER OF ATOMS'");
  if (!have_box) fail_line("ITEM: ATOMS", "frame has no 'ITEM: BOX BOUNDS'");

  // ---- column plan ----
  ColumnPlan plan;
  {
    LineTokens cols(path_, in.line_no, in.line.substr(5));
    for (int k = 1; k < cols.size(); ++k) plan.names.push_back(cols.word(k));
  }
  const auto& names = plan.names;
  const int ncol = static_cast<int>(names.size());
  plan.id = find_col(names, "id");
  plan.type = find_col(names, "type");
  if (plan.id < 0) fail_line("ITEM: ATOMS", "missing column 'id'");
  if (plan.type < 0) fail_line("ITEM: ATOMS", "missing column 'type'");
  auto have3 = [&](const char* a, const char* b, const char* c, int* out) {
    out[0] = find_col(names, a);
    out[1] = find_col(names, b);
    out[2] = find_col(names, c);
    return out[0] >= 0 && out[1] >= 0 && out[2] >= 0;
  };
  int tmp[3];
  const bool has_img = have3("ix", "iy", "iz", plan.img);
  if (have3("xu", "yu", "zu", tmp)) {
    plan.source = PosSource::kUnwrapped;
  } else if (have3("x", "y", "z", tmp) && has_img) {
    plan.source = PosSource::kWrappedImages;
  } else if (have3("xsu", "ysu", "zsu", tmp)) {
    plan.source = PosSource::kScaledUnwrapped;
  } else if (have3("xs", "ys", "zs", tmp) && has_img) {
    plan.source = PosSource::kScaledImages;
  } else if (have3("x", "y", "z", tmp)) {
    plan.source = PosSource::kWrapped;
  } else if (have3("xs", "ys", "zs", tmp)) {
    plan.source = PosSource::kScaled;
  } else {
    fail_line("ITEM: ATOMS", "missing position columns: need xu yu zu, x y z, xsu ysu zsu or xs ys zs");
  }
  std::copy(tmp, tmp + 3, plan.pos);
  const bool uses_img = plan.source == PosSource::kWrappedImages || plan.source == PosSource::kScaledImages;
  std::vector<char> consumed(ncol, 0);
  consumed[plan.id] = consumed[plan.type] = 1;
  for (int k = 0; k < 3; ++k) {
    consumed[plan.pos[k]] = 1;
    if (uses_img) consumed[plan.img[k]] = 1;
  }
  std::vector<int> extra_idx;
  for (int k = 0; k < ncol; ++k) {
    if (consumed[k]) continue;
    if (names[k] == "element") continue;  // text column; types carry the species
    extra_idx.push_back(k);
  }

  f.unwrapped = plan.source != PosSource::kWrapped && plan.source != PosSource::kScaled;
  f.ids.resize(natoms);
  f.types.resize(natoms);
  f.positions.resize(natoms);
  std::vector<std::vector<double>> extra(extra_idx.size(), std::vector<double>(natoms));

  std::vector<std::pair<const char*, size_t>> tok;
  for (long a = 0; a < natoms; ++a) {
    if (!in.getline())
      throw InputError({path_, in.line_no, 0}, where("ITEM: ATOMS"),
                       "file ends early (truncated frame): got " + std::to_string(a) + " of " +
                           std::to_string(natoms) + " atom lines");
    split(in.line, tok);
    if (static_cast<int>(tok.size()) != ncol) {
      LineTokens t(path_, in.line_no, in.line);
      if (starts_with(in.line, "ITEM:"))
        t.fail(0, where("ITEM: ATOMS"),
               "frame has " + std::to_string(a) + " atom lines but NUMBER OF ATOMS says " + std::to_string(natoms));
      t.fail(std::min(static_cast<int>(tok.size()), ncol), where("ITEM: ATOMS"),
             "atom line has " + std::to_string(tok.size()) + " values, expected " + std::to_string(ncol));
    }
    double v[3];
    auto num = [&](int k) {
      double x;
      if (!fast_double(tok[k], x)) {
        LineTokens t(path_, in.line_no, in.line);
        t.real(k, where("column " + names[k]));  // throws with file:line:column
      }
      return x;
    };
    auto integer = [&](int k) {
      long x;
      if (!parse_long(std::string(tok[k].first, tok[k].second), x)) {
        LineTokens t(path_, in.line_no, in.line);
        t.integer(k, where("column " + names[k]));
      }
      return x;
    };
    f.ids[a] = integer(plan.id);
    if (f.ids[a] < 1 || f.ids[a] > limits::kMaxAtomId) {
      LineTokens t(path_, in.line_no, in.line);
      t.fail(plan.id, where("column id"),
             "atom ids must be in 1..2147483647 (LAMMPS 32-bit tagint), got " + std::to_string(f.ids[a]));
    }
    const long ty = integer(plan.type);
    if (ty < 1 || ty > limits::kMaxAtomTypes) {
      LineTokens t(path_, in.line_no, in.line);
      t.fail(plan.type, where("column type"),
             "atom types must be in 1.." + std::to_string(limits::kMaxAtomTypes) + ", got " + std::to_string(ty));
    }
    f.types[a] = static_cast<int>(ty);
    for (int k = 0; k < 3; ++k) v[k] = num(plan.pos[k]);
    Vec3 r{v[0], v[1], v[2]};
    long im[3] = {0, 0, 0};
    if (uses_img)
      for (int k = 0; k < 3; ++k) {
        im[k] = integer(plan.img[k]);
        if (im[k] > limits::kMaxImageFlag || im[k] < -limits::kMaxImageFlag) {
          LineTokens t(path_, in.line_no, in.line);
          t.fail(plan.img[k], where("column " + names[plan.img[k]]), "image flag out of range (|i| <= 2^30)");
        }
      }
    switch (plan.source) {
      case PosSource::kUnwrapped:
      case PosSource::kWrapped:
        break;
      case PosSource::kWrappedImages:
        r = f.box.unwrap(r, static_cast<int>(im[0]), static_cast<int>(im[1]), static_cast<int>(im[2]));
        break;
      case PosSource::kScaledImages:
        r = f.box.to_cartesian({r.x + im[0], r.y + im[1], r.z + im[2]});
        break;
      case PosSource::kScaledUnwrapped:
      case PosSource::kScaled:
        r = f.box.to_cartesian(r);
        break;
    }
    for (int k = 0; k < 3; ++k)
      if (!(std::fabs(r[k]) <= limits::kMaxAbsCoordinateA)) {
        LineTokens t(path_, in.line_no, in.line);
        char val[32];
        std::snprintf(val, sizeof val, "%g", r[k]);
        t.fail(plan.pos[k], where("column " + names[plan.pos[k]]),
               std::string("position ") + val + " Angstrom is beyond 1e8 Angstrom (corrupt value?)");
      }
    f.positions[a] = r;
    for (size_t e = 0; e < extra_idx.size(); ++e) extra[e][a] = num(extra_idx[e]);
  }

  // ---- sort by id, reject duplicates ----
  std::vector<size_t> order(natoms);
  std::iota(order.begin(), order.end(), 0);
  const bool sorted = std::is_sorted(f.ids.begin(), f.ids.end());
  if (!sorted) std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return f.ids[a] < f.ids[b]; });
  for (long a = 1; a < natoms; ++a)
    if (f.ids[order[a]] == f.ids[order[a - 1]])
      throw InputError({path_, in.line_no, 0}, where("column id"),
                       "atom id " + std::to_string(f.ids[order[a]]) + " appears twice in the frame");
  auto permute = [&](auto& vec) {
    if (sorted) return;
    auto copy = vec;
    for (size_t a = 0; a < order.size(); ++a) vec[a] = copy[order[a]];
  };
  permute(f.ids);
  permute(f.types);
  permute(f.positions);
  for (size_t e = 0; e < extra_idx.size(); ++e) {
    permute(extra[e]);
    f.extra_columns[names[extra_idx[e]]] = std::move(extra[e]);
  }
  if (natoms_first_ < 0) natoms_first_ = natoms;
  ++frames_read_;
  frame = std::move(f);
  return true;
}

std::vector<DumpFrame> DumpReader::read_all(const std::string& path) {
  DumpReader r(path);
  std::vector<DumpFrame> out;
  DumpFrame f;
  while (r.next(f)) out.push_back(std::move(f));
  return out;
}

// ============================================================================
// Writing
// ============================================================================

std::string dump_box_bounds_text(const Box& b, int precision) {
  char buf[256];
  std::string s;
  if (b.triclinic()) {
    const double xlo = b.lo.x + std::min({0.0, b.xy, b.xz, b.xy + b.xz});
    const double xhi = b.lo.x + b.lx + std::max({0.0, b.xy, b.xz, b.xy + b.xz});
    const double ylo = b.lo.y + std::min(0.0, b.yz);
    const double yhi = b.lo.y + b.ly + std::max(0.0, b.yz);
    s += "BOX BOUNDS xy xz yz pp pp pp\n";
    std::snprintf(buf, sizeof buf, "%.*g %.*g %.*g\n", precision, xlo, precision, xhi, precision, b.xy);
    s += buf;
    std::snprintf(buf, sizeof buf, "%.*g %.*g %.*g\n", precision, ylo, precision, yhi, precision, b.xz);
    s += buf;
    std::snprintf(buf, sizeof buf, "%.*g %.*g %.*g\n", precision, b.lo.z, precision, b.lo.z + b.lz, precision,
                  b.yz);
    s += buf;
  } else {
    s += "BOX BOUNDS pp pp pp\n";
    for (int k = 0; k < 3; ++k) {
      const double lo = b.lo[k], hi = b.lo[k] + (k == 0 ? b.lx : k == 1 ? b.ly : b.lz);
      std::snprintf(buf, sizeof buf, "%.*g %.*g\n", precision, lo, precision, hi);
      s += buf;
    }
  }
  return s;
}

struct DumpWriter::Impl {
  gzFile gz = nullptr;
  FILE* fp = nullptr;
  std::string buf;
  void put(const std::string& path) {
    if (buf.empty()) return;
    if (gz) {
      if (gzwrite(gz, buf.data(), static_cast<unsigned>(buf.size())) != static_cast<int>(buf.size()))
        throw IoError("write failed: " + path);
    } else if (std::fwrite(buf.data(), 1, buf.size(), fp) != buf.size()) {
      throw IoError("write failed: " + path + ": " + std::strerror(errno));
    }
    buf.clear();
  }
};

DumpWriter::DumpWriter(const std::string& path, Options options) : impl_(new Impl), path_(path), options_(std::move(options)) {
  if (options_.gzip) {
    impl_->gz = gzopen(path.c_str(), "wb6");
    if (!impl_->gz) throw IoError("cannot open " + path + " for writing");
  } else {
    impl_->fp = std::fopen(path.c_str(), "w");
    if (!impl_->fp) throw IoError("cannot open " + path + " for writing: " + std::strerror(errno));
  }
}

DumpWriter::DumpWriter(const std::string& path, Options options, AppendTag)
    : impl_(new Impl), path_(path), options_(std::move(options)) {
  if (options_.gzip) {
    impl_->gz = gzopen(path.c_str(), "ab6");  // appends a new gzip member
    if (!impl_->gz) throw IoError("cannot open " + path + " for appending");
  } else {
    impl_->fp = std::fopen(path.c_str(), "a");
    if (!impl_->fp) throw IoError("cannot open " + path + " for appending: " + std::strerror(errno));
  }
}

std::unique_ptr<DumpWriter> DumpWriter::resume(const std::string& path, Options options, int keep_frames) {
  std::uint64_t offset = 0;
  bool gz = false;
  {
    DumpReader r(path);
    gz = r.compressed();
    DumpFrame f;
    for (int k = 0; k < keep_frames; ++k)
      if (!r.next(f))
        throw InputError({path, 0, 0}, "resume",
                         "dump has only " + std::to_string(k) + " complete frames, cannot keep " +
                             std::to_string(keep_frames));
    offset = r.tell();
  }
  options.gzip = gz;
  if (!gz) {
    if (::truncate(path.c_str(), static_cast<off_t>(offset)) != 0)
      throw IoError("cannot truncate " + path + ": " + std::strerror(errno));
  } else {
    // Recompress the kept text into a fresh file, then swap it in atomically.
    gzFile src = gzopen(path.c_str(), "rb");
    if (!src) throw IoError("cannot reopen " + path);
    std::string text(offset, '\0');
    const int got = offset ? gzread(src, &text[0], static_cast<unsigned>(offset)) : 0;
    gzclose(src);
    if (got < 0 || static_cast<std::uint64_t>(got) != offset) throw IoError("cannot reread " + path);
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    gzFile dst = gzopen(tmp.c_str(), "wb6");
    if (!dst) throw IoError("cannot write " + tmp);
    if (offset && gzwrite(dst, text.data(), static_cast<unsigned>(offset)) != static_cast<int>(offset)) {
      gzclose(dst);
      std::remove(tmp.c_str());
      throw IoError("cannot write " + tmp);
    }
    if (gzclose(dst) != Z_OK || std::rename(tmp.c_str(), path.c_str()) != 0) {
      std::remove(tmp.c_str());
      throw IoError("cannot replace " + path);
    }
  }
  std::unique_ptr<DumpWriter> w(new DumpWriter(path, std::move(options), AppendTag{}));
  w->frames_written_ = keep_frames;
  return w;
}

DumpWriter::~DumpWriter() {
  try {
    close();
  } catch (...) {
  }
}

void DumpWriter::write(const DumpFrame& f) {
  if (!impl_->gz && !impl_->fp) throw std::logic_error("DumpWriter: write after close: " + path_);
  const size_t n = f.size();
  if (f.types.size() != n || f.positions.size() != n)
    throw std::invalid_argument("DumpWriter: ids/types/positions sizes differ");
  enum Kind { kId, kType, kX, kXu, kXs, kXsu, kImg, kExtra };
  struct Col {
    Kind kind;
    int axis;
    const std::vector<double>* extra;
  };
  std::vector<Col> cols;
  bool need_wrap = false;
  for (const auto& c : options_.columns) {
    static const char* axes = "xyz";
    Col col{kExtra, 0, nullptr};
    if (c == "id") col.kind = kId;
    else if (c == "type") col.kind = kType;
    else if (c.size() == 1 && std::strchr(axes, c[0])) col = {kX, static_cast<int>(std::strchr(axes, c[0]) - axes), nullptr};
    else if (c.size() == 2 && c[1] == 'u' && std::strchr(axes, c[0])) col = {kXu, static_cast<int>(std::strchr(axes, c[0]) - axes), nullptr};
    else if (c.size() == 2 && c[1] == 's' && std::strchr(axes, c[0])) col = {kXs, static_cast<int>(std::strchr(axes, c[0]) - axes), nullptr};
    else if (c.size() == 3 && c[1] == 's' && c[2] == 'u' && std::strchr(axes, c[0])) col = {kXsu, static_cast<int>(std::strchr(axes, c[0]) - axes), nullptr};
    else if (c.size() == 2 && c[0] == 'i' && std::strchr(axes, c[1])) col = {kImg, static_cast<int>(std::strchr(axes, c[1]) - axes), nullptr};
    else {
      auto it = f.extra_columns.find(c);
      if (it == f.extra_columns.end()) throw std::invalid_argument("DumpWriter: frame has no column '" + c + "'");
      if (it->second.size() != n) throw std::invalid_argument("DumpWriter: column '" + c + "' has the wrong length");
      col.extra = &it->second;
    }
    if (col.kind == kX || col.kind == kXs || col.kind == kImg) need_wrap = true;
    cols.push_back(col);
  }
  std::string& s = impl_->buf;
  char tmp[64];
  s += "ITEM: TIMESTEP\n" + std::to_string(f.timestep) + "\nITEM: NUMBER OF ATOMS\n" + std::to_string(n) + "\nITEM: ";
  s += dump_box_bounds_text(f.box, options_.precision);
  s += "ITEM: ATOMS";
  for (const auto& c : options_.columns) s += " " + c;
  s += "\n";
  const int p = options_.precision;
  for (size_t a = 0; a < n; ++a) {
    Vec3 wrapped;
    int img[3] = {0, 0, 0};
    if (need_wrap) wrapped = f.box.wrap(f.positions[a], img);
    for (size_t k = 0; k < cols.size(); ++k) {
      if (k) s += ' ';
      const Col& c = cols[k];
      switch (c.kind) {
        case kId: s += std::to_string(f.ids[a]); continue;
        case kType: s += std::to_string(f.types[a]); continue;
        case kImg: s += std::to_string(img[c.axis]); continue;
        case kX: std::snprintf(tmp, sizeof tmp, "%.*g", p, wrapped[c.axis]); break;
        case kXu: std::snprintf(tmp, sizeof tmp, "%.*g", p, f.positions[a][c.axis]); break;
        case kXs: std::snprintf(tmp, sizeof tmp, "%.*g", p, f.box.to_fractional(wrapped)[c.axis]); break;
        case kXsu: std::snprintf(tmp, sizeof tmp, "%.*g", p, f.box.to_fractional(f.positions[a])[c.axis]); break;
        case kExtra: std::snprintf(tmp, sizeof tmp, "%.*g", p, (*c.extra)[a]); break;
      }
      s += tmp;
    }
    s += '\n';
    if (s.size() > (1u << 20)) impl_->put(path_);
    if (a + 1 == n / 2 && std::getenv("GLASSBENCH_CRASH_AT")) {  // tests: die with half a frame on disk
      impl_->put(path_);
      if (impl_->fp) std::fflush(impl_->fp);
      if (impl_->gz) gzflush(impl_->gz, Z_SYNC_FLUSH);
      crash_point("dump-mid-frame");
    }
  }
  impl_->put(path_);
  ++frames_written_;
}

void DumpWriter::flush() {
  impl_->put(path_);
  if (impl_->gz) {
    if (gzflush(impl_->gz, Z_SYNC_FLUSH) != Z_OK) throw IoError("flush failed: " + path_);
  } else if (impl_->fp) {
    if (std::fflush(impl_->fp) != 0) throw IoError("flush failed: " + path_);
    ::fsync(::fileno(impl_->fp));
  }
}

void DumpWriter::close() {
  if (impl_->gz) {
    impl_->put(path_);
    const int rc = gzclose(impl_->gz);
    impl_->gz = nullptr;
    if (rc != Z_OK) throw IoError("close failed: " + path_);
  } else if (impl_->fp) {
    impl_->put(path_);
    const int rc = std::fclose(impl_->fp);
    impl_->fp = nullptr;
    if (rc != 0) throw IoError("close failed: " + path_);
  }
}

}  // namespace gb
