// The HTML report of a synthetic run opens offline in headless Chromium:
// every figure renders (a box of non-zero size with real pixel content in a
// screenshot), the page logs no console errors, and it fetches nothing.
#include <gtest/gtest.h>

#include <png.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "../validation/synthetic_run.hpp"
#include "reports/report_builder.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string chromium() {
  for (const char* c : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (fs::exists(c)) return c;
  return "";
}

const char* kWindow = "1280,20000";  // tall enough for the synthetic report (~13000 px)

/// Headless Chromium with the flags of issue 5; returns the exit status.
int run_chromium(const std::string& exe, const std::string& args, const std::string& out, const std::string& err,
                 const std::string& profile) {
  const std::string cmd = exe +
                          " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
                          " --disable-component-update --disable-sync --disable-quic --hide-scrollbars"
                          " --enable-logging=stderr --v=0 --user-data-dir=" + profile +
                          " --window-size=" + kWindow + " " + args + " >" + out + " 2>" + err;
  return std::system(cmd.c_str());
}

struct Image {
  int w = 0, h = 0;
  std::vector<uint32_t> px;  // RGBA packed
};

Image read_png(const std::string& path) {
  Image img;
  png_image pi;
  std::memset(&pi, 0, sizeof pi);
  pi.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&pi, path.c_str())) return img;
  pi.format = PNG_FORMAT_RGBA;
  img.w = pi.width;
  img.h = pi.height;
  img.px.resize(static_cast<size_t>(img.w) * img.h);
  if (!png_image_finish_read(&pi, nullptr, img.px.data(), 0, nullptr)) img.w = img.h = 0;
  return img;
}

}  // namespace

TEST(ReportRenders, EveryFigureDrawsInHeadlessChromium) {
  const std::string exe = chromium();
  if (exe.empty()) GTEST_SKIP() << "SKIP: chromium not installed (Debian package chromium; ci/install-deps.sh installs it)";
  if (std::system("gnuplot --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "SKIP: gnuplot not installed (gnuplot-nox)";
  const std::string dir = gb::testing::make_temp_dir("report");
  gb::testing::SyntheticRunSpec spec;
  spec.md_dma = true;  // so all eight figures have data
  spec.viscosity = true;
  gb::testing::write_synthetic_run(dir + "/run", spec);
  gb::reports::ReportOptions o;
  o.runs = {dir + "/run"};
  o.references_dir = gb::testing::source_dir() + "/references";
  const auto rep = gb::reports::build_report(o);
  const std::string html = dir + "/report.html";
  const std::string md = gb::reports::write_report(rep, html);
  ASSERT_TRUE(fs::exists(md));
  ASSERT_EQ(rep.figures.size(), 8u);
  for (const auto& f : rep.figures) EXPECT_TRUE(f.rendered()) << f.id << ": " << f.note;

  // Self-contained: no external resources (the SVG/XLink namespace URIs are names, not fetches).
  const std::string text = slurp(html);
  EXPECT_EQ(text.find("<link"), std::string::npos);
  EXPECT_FALSE(std::regex_search(text, std::regex(R"((src|href)\s*=\s*["']?(https?:|//))")));
  EXPECT_EQ(text.find("url(http"), std::string::npos);
  EXPECT_EQ(text.find("@import"), std::string::npos);

  // 1. DOM after load: every figure's SVG has a non-empty box; no console output at all.
  const std::string dom = dir + "/dom.html", err1 = dir + "/dom.err";
  ASSERT_EQ(run_chromium(exe, "--dump-dom file://" + html, dom, err1, dir + "/profile1"), 0) << slurp(err1);
  const std::string d = slurp(dom);
  EXPECT_NE(d.find("data-figures-rendered=\"8\""), std::string::npos) << "not all 8 figure SVGs were laid out";
  const std::string e1 = slurp(err1);
  EXPECT_EQ(e1.find("CONSOLE"), std::string::npos) << e1;
  EXPECT_EQ(e1.find("Uncaught"), std::string::npos) << e1;
  std::map<std::string, std::array<int, 4>> boxes;
  const std::regex fig(R"re(<figure class="gb-figure" id="([^"]+)" data-rendered="ok" data-box="(\d+),(\d+),(\d+),(\d+)")re");
  for (auto it = std::sregex_iterator(d.begin(), d.end(), fig); it != std::sregex_iterator(); ++it)
    boxes[(*it)[1]] = {std::stoi((*it)[2]), std::stoi((*it)[3]), std::stoi((*it)[4]), std::stoi((*it)[5])};
  ASSERT_EQ(boxes.size(), 8u) << "figures with a rendered box: " << boxes.size();

  // 2. Screenshot with the same window: inside each figure's box, real drawing (not one colour).
  const std::string png = dir + "/shot.png", err2 = dir + "/shot.err";
  ASSERT_EQ(run_chromium(exe, "--screenshot=" + png + " file://" + html, dir + "/shot.out", err2, dir + "/profile2"), 0)
      << slurp(err2);
  const Image img = read_png(png);
  ASSERT_GT(img.w, 0) << "screenshot unreadable";
  for (const auto& [id, b] : boxes) {
    ASSERT_GT(b[2], 100) << id;  // a plot narrower than 100 px did not lay out
    ASSERT_GT(b[3], 100) << id;
    ASSERT_LE(b[1] + b[3], img.h) << id << " lies below the " << img.h << "-px screenshot; enlarge kWindow";
    std::map<uint32_t, long> colours;
    for (int y = b[1]; y < b[1] + b[3]; ++y)
      for (int x = b[0]; x < std::min(b[0] + b[2], img.w); ++x) colours[img.px[static_cast<size_t>(y) * img.w + x]]++;
    long most = 0, total = 0;
    for (auto& [c, n] : colours) {
      most = std::max(most, n);
      total += n;
    }
    // Axes, tics, labels and curves cover a few % of a plot; a blank or failed SVG is ~100% one colour.
    EXPECT_GT(colours.size(), 8u) << id;
    EXPECT_GT(total - most, total / 100) << id << ": less than 1% of the figure differs from its background";
  }
  // The Markdown summary carries the verdict table.
  EXPECT_NE(slurp(md).find("| verdict | check |"), std::string::npos);
}
