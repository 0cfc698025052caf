#include "align/dp.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace tilmash::align::detail {
namespace {

constexpr BeadType kTypes[] = {{1, 1}, {1, 0}, {0, 1}};

Band full_band(int n, int m) {
  std::vector<int> lo(static_cast<std::size_t>(n) + 1, 0), hi(static_cast<std::size_t>(n) + 1, m);
  return Band::around(lo, hi, 0, n, m);
}

// Two sentences each side: 1-1 beads cost nothing, a one-sided bead `one_sided` nats. The
// support of the second pass's band is where the posterior mass is: on the diagonal only when
// the detour through one-sided beads is improbable, off it too when the detour is likely.
TEST(DpTest, SupportCoversTheReadingsWithPosteriorMass) {
  const Band band = full_band(2, 2);
  for (double one_sided : {20.0, 0.5}) {
    auto cost = [&](int type, int, int, int, int) { return type == 0 ? 0.0 : one_sided; };
    DpResult r = solve(band, kTypes, by_bead(kTypes, cost), 1.0, 1e-3);
    ASSERT_EQ(r.path.size(), 2u);
    ASSERT_EQ(r.support_lo.size(), 3u);
    const bool detour_likely = one_sided < 1;
    // Row 1 always holds the path's cell (1, 1); cells (1, 0) and (1, 2) lie on detours.
    EXPECT_EQ(r.support_lo[1], detour_likely ? 0 : 1) << one_sided;
    EXPECT_EQ(r.support_hi[1], detour_likely ? 2 : 1) << one_sided;
    EXPECT_EQ(r.support_lo[2] < 2, detour_likely) << one_sided;
    EXPECT_EQ(r.support_hi[2], 2) << one_sided;
  }
}

TEST(DpTest, NoSupportUnlessAsked) {
  auto cost = [](int, int, int, int, int) { return 1.0; };
  DpResult r = solve(full_band(3, 3), kTypes, by_bead(kTypes, cost), 1.0);
  EXPECT_TRUE(r.support_lo.empty());
  EXPECT_TRUE(r.support_hi.empty());
}

}  // namespace
}  // namespace tilmash::align::detail
