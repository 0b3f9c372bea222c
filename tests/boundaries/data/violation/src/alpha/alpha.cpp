// Fixture: module alpha reaches into beta/internal/ -- the check must reject this line.
#include "beta/internal/detail.hpp"
int alpha() { return beta_detail(); }
