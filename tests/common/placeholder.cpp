// Keeps gb_testcommon non-empty before other helpers land.
namespace gb::testing { int placeholder_symbol = 0; }
