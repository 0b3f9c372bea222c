#include "runners/internal/signal_watch.hpp"

#include <csignal>

namespace gb::runners {
namespace {
volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_old_int, g_old_term;

extern "C" void on_signal(int sig) {
  if (g_signal == sig) {  // second time: give up being clean
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_signal = sig;
}
}  // namespace

SignalWatch::SignalWatch(bool install) {
  g_signal = 0;
  if (!install) return;
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, &g_old_int);
  sigaction(SIGTERM, &sa, &g_old_term);
  installed_ = true;
}

SignalWatch::~SignalWatch() {
  if (!installed_) return;
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
}

int SignalWatch::pending() { return g_signal; }
void SignalWatch::raise_for_test(int sig) { g_signal = sig; }
void SignalWatch::clear() { g_signal = 0; }

}  // namespace gb::runners
