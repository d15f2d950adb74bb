"""The statistics against cases small enough to work out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from nearer.insights.stats import MIN_EACH_SIDE, _block_sums, compare, enough, t_quantile


def test_block_sums_wrap_round_the_end() -> None:
    # Runs of two in [1, 2, 3, 4], wrapping: 1+2, 2+3, 3+4, 4+1.
    assert _block_sums(np.array([1.0, 2.0, 3.0, 4.0]), 2).tolist() == [3.0, 5.0, 7.0, 5.0]


def test_the_difference_is_the_mean_with_minus_the_mean_without() -> None:
    # 14 days with a moment at 3.0 and 16 without at 1.0, alternating in pairs then
    # the rest without: the means are 3 and 1 whatever the order, the difference 2.
    flags = np.array([True, True, False, False] * 7 + [False, False])
    values = np.where(flags, 3.0, 1.0)
    result = compare(values, flags)
    assert result is not None
    assert (result.mean_with, result.mean_without, result.difference) == (3.0, 1.0, 2.0)
    assert (result.n_with, result.n_without) == (14, 16)


def test_values_that_never_vary_within_a_side_give_a_point_interval() -> None:
    # Every resample of a series of pairs of (3 with, 1 without) has means 3 and 1,
    # so the difference never moves: the interval is 2 to 2, and it is clear.
    flags = np.array([True, False] * 20)
    values = np.where(flags, 3.0, 1.0)
    result = compare(values, flags, block=2)
    assert result is not None
    assert result.low == pytest.approx(2.0) and result.high == pytest.approx(2.0)
    assert result.clear


def test_an_interval_that_includes_zero_is_no_clear_difference() -> None:
    # Days with and without hold the same values (1, 2, 3, 4 repeated on each side):
    # the difference is 0, and an interval around it holds zero.
    flags = np.repeat([True, False], 4).tolist() * 5
    values = np.tile([1.0, 2.0, 3.0, 4.0], 10)
    result = compare(values, np.array(flags))
    assert result is not None
    assert result.difference == 0.0
    assert result.low < 0 < result.high
    assert not result.clear


def test_thirteen_days_on_a_side_are_not_enough_and_fourteen_are() -> None:
    assert MIN_EACH_SIDE == 14
    thirteen = np.array([True] * 13 + [False] * 40)
    fourteen = np.array([True] * 14 + [False] * 40)
    values = np.arange(53, dtype=float)
    assert not enough(thirteen) and compare(values, thirteen) is None
    assert enough(fourteen[:53]) and compare(values[:53], fourteen[:53]) is not None
    # The same on the "without" side: 13 days without a moment are not enough.
    assert compare(values, ~thirteen) is None


def test_every_day_with_a_moment_gives_no_comparison() -> None:
    assert compare(np.ones(100), np.ones(100, dtype=bool)) is None


def test_no_days_at_all_give_no_comparison() -> None:
    assert compare(np.array([], dtype=float), np.array([], dtype=bool)) is None


def test_the_same_data_always_give_the_same_interval() -> None:
    rng = np.random.default_rng(1)
    values, flags = rng.normal(size=90), rng.random(90) < 0.5
    assert compare(values, flags) == compare(values, flags)


def test_the_t_quantile_matches_the_tables() -> None:
    # Student's t, 97.5th percentile: 2.228 at 10 degrees of freedom, 2.042 at 30.
    assert t_quantile(10) == pytest.approx(2.228, abs=0.002)
    assert t_quantile(30) == pytest.approx(2.042, abs=0.002)
    assert t_quantile(10_000) == pytest.approx(1.960, abs=0.002)


def test_the_interval_widens_with_fewer_weeks_of_evidence() -> None:
    # The same spread of values over 4 weeks of each side, then 40 weeks: the
    # interval of the short series must be wider (fewer independent weeks).
    rng = np.random.default_rng(2)
    short_values, long_values = rng.normal(size=56), rng.normal(size=560)
    short = compare(short_values, np.repeat([True, False], 28))
    long = compare(long_values, np.tile(np.repeat([True, False], 7), 40))
    assert short is not None and long is not None
    assert short.high - short.low > 2 * (long.high - long.low)


def test_mismatched_arrays_are_refused() -> None:
    with pytest.raises(ValueError, match="same length"):
        compare(np.ones(30), np.ones(29, dtype=bool))
