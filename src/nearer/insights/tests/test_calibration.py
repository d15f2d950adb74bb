"""Calibration: the page stays quiet about noise and finds a real, modest effect.

Simulated accounts, fixed seed. A day's pleasantness is a slowly wandering mood
(AR(1), day-to-day correlation 0.6, half the variance) plus the noise of one to
three check-ins that day (the other half, averaged); the days with a moment come
in runs too (a day is like the day before with probability 0.65), as social weeks
do. "Half a standard deviation" is half the SD of a single check-in (1.0 here).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nearer.insights.stats import compare

ACCOUNTS = 500
PHI, STAY = 0.6, 0.65


def _account(
    rng: np.random.Generator, days: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    shocks = rng.normal(size=days) * np.sqrt(0.5 * (1 - PHI**2))
    mood = np.empty(days)
    mood[0] = rng.normal() * np.sqrt(0.5)
    for day in range(1, days):
        mood[day] = PHI * mood[day - 1] + shocks[day]
    checkins = rng.choice([1, 2, 3], size=days, p=[0.25, 0.4, 0.35])
    values = mood + rng.normal(size=days) * np.sqrt(0.5 / checkins)
    flags = np.empty(days, dtype=bool)
    flags[0] = rng.random() < 0.5
    same = rng.random(days) < STAY
    for day in range(1, days):
        flags[day] = flags[day - 1] if same[day] else not flags[day - 1]
    return values, flags


def test_accounts_with_no_effect_rarely_show_a_difference() -> None:
    rng = np.random.default_rng(101)
    findings = claims = 0
    for _ in range(ACCOUNTS):
        # Two measures (pleasantness, energy), each the same day and the day after.
        for _measure in range(2):
            values, flags = _account(rng, 180)
            for marks in (flags, np.concatenate(([False], flags[:-1]))):
                result = compare(values, marks)
                assert result is not None  # 180 days always leave 14 on each side here
                findings += 1
                claims += result.clear
    assert findings == 4 * ACCOUNTS
    assert claims / findings <= 0.05


def test_a_planted_half_sd_effect_with_sixty_days_a_side_is_found() -> None:
    rng = np.random.default_rng(202)
    found = 0
    for _ in range(ACCOUNTS):
        values, _ = _account(rng, 120)
        flags = np.zeros(120, dtype=bool)
        flags[rng.choice(120, size=60, replace=False)] = True
        result = compare(values + 0.5 * flags, flags)
        assert result is not None and (result.n_with, result.n_without) == (60, 60)
        # Found means a clear difference in the planted direction.
        found += result.clear and result.low > 0
    assert found / ACCOUNTS >= 0.80
