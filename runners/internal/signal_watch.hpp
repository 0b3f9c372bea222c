#pragma once
// SIGINT/SIGTERM during a run: the handler only records the signal; the
// runner polls it between integrator chunks, writes a checkpoint and stops
// cleanly.  A second signal of the same kind restores the default action so
// a stuck run can still be killed.
namespace gb::runners {

class SignalWatch {
 public:
  explicit SignalWatch(bool install);
  ~SignalWatch();  // restores the previous handlers
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;

  /// The signal received (SIGINT or SIGTERM), or 0.
  static int pending();
  /// For tests: pretend a signal arrived.
  static void raise_for_test(int sig);
  static void clear();

 private:
  bool installed_ = false;
};

}  // namespace gb::runners
