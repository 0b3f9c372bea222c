#pragma once
// Fixture: an internal header of module beta.
inline int beta_detail() { return 1; }
