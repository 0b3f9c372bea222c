#pragma once
// LAMMPS text dump files (`dump atom`/`dump custom` style), plain or gzip:
//
//   ITEM: TIMESTEP                     ITEM: NUMBER OF ATOMS
//   ITEM: BOX BOUNDS pp pp pp          (orthogonal: xlo xhi / ylo yhi / zlo zhi)
//   ITEM: BOX BOUNDS xy xz yz pp pp pp (triclinic: xlo_bound xhi_bound xy / ... xz / ... yz)
//   ITEM: ATOMS id type xu yu zu ...
//
// Optional ITEM: UNITS and ITEM: TIME blocks (dump_modify units/time yes)
// are accepted and skipped.  Triclinic bounds follow the LAMMPS bounding-box
// convention (Howto triclinic): xlo_bound = xlo + min(0, xy, xz, xy+xz),
// xhi_bound = xhi + max(0, xy, xz, xy+xz), ylo_bound = ylo + min(0, yz),
// yhi_bound = yhi + max(0, yz).
//
// Positions come out in Angstrom (metal units), choosing the best columns the
// file has: xu yu zu (unwrapped) > x y z + ix iy iz (unwrapped with images) >
// xsu ysu zsu (scaled unwrapped) > xs ys zs + ix iy iz > x y z or xs ys zs
// (wrapped; DumpFrame::unwrapped = false).  Every other per-atom column goes
// to DumpFrame::extra_columns.  Atoms are sorted by id.
//
// Errors are gb::InputError naming file, line, column, the frame index
// (0-based, as `--frame K`) and what was wrong: truncated frames, bad
// numbers, missing columns, an atom count that changes between frames.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/box.hpp"

namespace gb {

struct DumpFrame {
  long timestep = 0;
  Box box;
  std::vector<long> ids;        // sorted ascending
  std::vector<int> types;       // LAMMPS types (1-based)
  std::vector<Vec3> positions;  // Angstrom; unwrapped when `unwrapped`
  std::map<std::string, std::vector<double>> extra_columns;  // e.g. "vx", "fx", "c_pe"
  bool unwrapped = false;

  size_t size() const { return ids.size(); }
};

/// Reads frames one at a time.  gzip is detected from the file contents
/// (zlib reads plain files transparently), so a ".gz" suffix is not needed.
class DumpReader {
 public:
  explicit DumpReader(const std::string& path);
  ~DumpReader();
  DumpReader(const DumpReader&) = delete;
  DumpReader& operator=(const DumpReader&) = delete;

  /// Read the next frame into `frame`.  Returns false at a clean end of file;
  /// throws gb::InputError for a malformed or truncated frame.
  bool next(DumpFrame& frame);
  /// Number of frames returned so far (= index of the next frame).
  int frames_read() const { return frames_read_; }
  /// Offset in the uncompressed text just after the last frame returned.
  std::uint64_t tell() const;
  /// True when the file is gzip-compressed.
  bool compressed() const;
  const std::string& path() const { return path_; }

  /// Convenience: every frame of a file.
  static std::vector<DumpFrame> read_all(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
  int frames_read_ = 0;
  long natoms_first_ = -1;
};

/// Writes frames with caller-chosen columns.  Known columns: id type x y z
/// (wrapped into the box) xu yu zu (positions as held) xs ys zs (scaled
/// wrapped) xsu ysu zsu ix iy iz (image flags of the wrap); any other name is
/// taken from DumpFrame::extra_columns (std::invalid_argument if absent).
class DumpWriter {
 public:
  struct Options {
    std::vector<std::string> columns{"id", "type", "xu", "yu", "zu"};
    int precision = 17;  // significant digits (%.<precision>g)
    bool gzip = false;
  };

  /// Create (truncate) `path`.
  DumpWriter(const std::string& path, Options options);
  /// Resume: keep the first `keep_frames` frames of an existing file, drop
  /// everything after them (a partly written frame included) and append.
  /// Throws gb::InputError if the file has fewer than `keep_frames` whole
  /// frames.  For gzip the kept frames are recompressed into a fresh file
  /// (written atomically) and later frames are appended as a new gzip member.
  static std::unique_ptr<DumpWriter> resume(const std::string& path, Options options, int keep_frames);

  ~DumpWriter();
  DumpWriter(const DumpWriter&) = delete;
  DumpWriter& operator=(const DumpWriter&) = delete;

  void write(const DumpFrame& frame);
  /// Push buffered data to the OS (and a gzip sync point) so a crash after
  /// flush() loses nothing written before it.
  void flush();
  void close();
  int frames_written() const { return frames_written_; }

 private:
  struct AppendTag {};
  DumpWriter(const std::string& path, Options options, AppendTag);
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
  Options options_;
  int frames_written_ = 0;
};

/// The ITEM: BOX BOUNDS block of a box, LAMMPS bounding-box convention
/// (without the leading "ITEM:" line), precision in significant digits.
std::string dump_box_bounds_text(const Box& box, int precision = 17);

}  // namespace gb
