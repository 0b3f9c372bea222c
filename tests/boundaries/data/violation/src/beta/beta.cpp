// Fixture: module beta may include its own internal header.
#include "beta/internal/detail.hpp"
int beta_public() { return beta_detail(); }
