"""Honest comparisons of two groups of days (or results), with numpy.

One question only: how different is the average on days *with* something from
the average on days *without* it, and how sure can we be? The answer is the
difference of the two means and a 95% interval from a moving-block bootstrap.

Why blocks: neighbouring days are alike (a good week is good for days on end),
and so are the days with a moment (a social week). Resampling single days would
treat a week of similar days as seven independent pieces of evidence and draw
intervals far too narrow, "finding" differences in noise. Resampling whole runs
of consecutive values keeps most of that likeness inside each run. The run is
``DAY_BLOCK`` = 7 days: a week holds the weekly rhythm whole, and in the
check-in data we see, day-to-day likeness has mostly faded after a few days.
(For scale results, taken every two to four weeks, ``RESULT_BLOCK`` results.)

The bootstrap is vectorised: each run's sums are read from cumulative sums, so a
resample is ``sum(blocks)`` over a (draws x blocks) array, with no Python loop,
and the same data always give the same interval (a fixed-seed Generator).

A comparison needs ``MIN_EACH_SIDE`` values on each side; below that there is
no answer, only what is missing. An interval that includes zero is "no clear
difference": the data cannot tell the direction.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

MIN_EACH_SIDE = 14
DAY_BLOCK = 7
RESULT_BLOCK = 4
DRAWS = 2000
SEED = 20261202

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The difference (with minus without) of two means, its 95% interval, and the n's."""

    mean_with: float
    mean_without: float
    low: float
    high: float
    n_with: int
    n_without: int

    @property
    def difference(self) -> float:
        return self.mean_with - self.mean_without

    @property
    def clear(self) -> bool:
        """True when the interval lies wholly on one side of zero."""
        return self.low > 0 or self.high < 0


def enough(flags: BoolArray) -> bool:
    """Return whether both sides hold at least ``MIN_EACH_SIDE`` values."""
    n_with = int(np.count_nonzero(flags))
    return min(n_with, flags.size - n_with) >= MIN_EACH_SIDE


def _block_sums(column: FloatArray, length: int) -> FloatArray:
    """Sums of the run of ``length`` values starting at each index, wrapping round
    the end (a circular bootstrap: the first and last days are drawn as often as
    any other, and resamples centre on the data's own difference)."""
    wrapped = np.concatenate((column, column[: length - 1]))
    running = np.concatenate(([0.0], np.cumsum(wrapped)))
    return running[length:] - running[:-length]


@functools.lru_cache(maxsize=4)
def _draws(count: int, runs: int, draws: int, seed: int) -> tuple[IntArray, IntArray]:
    """Where each resample's runs start: the same for every comparison of a series of
    the same length (a page compares one series of days many ways), so made once."""
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, count, size=(draws, runs - 1))
    cut = rng.integers(0, count, size=draws)
    starts.setflags(write=False)
    cut.setflags(write=False)
    return starts, cut


def t_quantile(df: int, z: float = 1.959963984540054) -> float:
    """Student's t quantile for ``df`` degrees of freedom at the normal quantile ``z``
    (Cornish-Fisher expansion; within 0.01 of the exact value from 3 degrees up)."""
    nu = float(max(df, 1))
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    return z + g1 / nu + g2 / nu**2 + g3 / nu**3


def compare(
    values: FloatArray,
    flags: BoolArray,
    *,
    block: int = DAY_BLOCK,
    draws: int = DRAWS,
    seed: int = SEED,
) -> Comparison | None:
    """Compare the mean of ``values`` where ``flags`` is true with the mean where false.

    ``values`` are in time order (one per day or result). Returns None when
    either side has fewer than ``MIN_EACH_SIDE`` values.

    The interval is the difference plus or minus ``t x SE``. SE is the standard
    deviation of the difference over ``draws`` circular-block resamples of the
    paired (value, flag) series: ``ceil(n / block)`` runs of ``block``
    consecutive pairs, the last run cut so a resample holds exactly ``n``. ``t``
    is Student's quantile with one degree of freedom fewer than the number of
    weeks (runs) the rarer side fills: the evidence is about that many
    independent weeks, not that many days. (Percentiles of the resamples alone
    drew intervals too narrow: 7-9% false claims in the calibration.)
    """
    values = np.asarray(values, dtype=np.float64)
    flags = np.asarray(flags, dtype=np.bool_)
    if values.shape != flags.shape or values.ndim != 1:
        raise ValueError("values and flags must be two 1-d arrays of the same length")
    if not enough(flags):
        return None
    count = values.size
    block = max(1, min(block, count))
    marked = flags.astype(np.float64)
    with_values = values * marked
    runs = -(-count // block)
    rest = count - (runs - 1) * block
    starts, cut = _draws(count, runs, draws, seed)
    # Totals of each resample: the sums of its chosen runs, the cut one last.
    total_with = _block_sums(with_values, block)[starts].sum(axis=1)
    total_with += _block_sums(with_values, rest)[cut]
    total_all = _block_sums(values, block)[starts].sum(axis=1)
    total_all += _block_sums(values, rest)[cut]
    count_with = _block_sums(marked, block)[starts].sum(axis=1)
    count_with += _block_sums(marked, rest)[cut]
    count_without = count - count_with
    usable = (count_with > 0) & (count_without > 0)
    differences = total_with[usable] / count_with[usable] - (
        (total_all[usable] - total_with[usable]) / count_without[usable]
    )
    n_with = int(np.count_nonzero(flags))
    n_without = count - n_with
    mean_with = float(values[flags].mean())
    mean_without = float(values[~flags].mean())
    spread = float(differences.std(ddof=1)) * t_quantile(-(-min(n_with, n_without) // block) - 1)
    difference = mean_with - mean_without
    return Comparison(
        mean_with=mean_with,
        mean_without=mean_without,
        low=difference - spread,
        high=difference + spread,
        n_with=n_with,
        n_without=n_without,
    )
