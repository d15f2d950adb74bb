"""The findings said in plain words, with their units and how much data stands behind them.

Never "causes" or "makes you": a pattern in one person's days says what went
together, not why (docs/insights.md).
"""

from __future__ import annotations

from nearer.insights.findings import Finding
from nearer.insights.stats import MIN_EACH_SIDE

# (more, less) said of each measure.
_CHECKIN_MEASURES = {
    "pleasantness": ("more pleasant", "less pleasant"),
    "energy": ("more energetic", "less energetic"),
}
_SCALE_MEASURES = {
    "who5": ("your WHO-5 well-being score", "higher", "lower"),
    "pss4": ("your PSS-4 stress score", "higher", "lower"),
    "ucla3": ("your loneliness score (UCLA 3-item)", "higher", "lower"),
}
MEASURE_NAMES = {
    "pleasantness": "Pleasantness",
    "energy": "Energy",
    "who5": "WHO-5 well-being",
    "pss4": "PSS-4 stress",
    "ucla3": "Loneliness (UCLA 3-item)",
}


def number(value: float) -> str:
    """A difference or bound with two decimals and a real minus sign."""
    text = f"{abs(value):.2f}"
    return f"−{text}" if value < 0 and text != "0.00" else text


def counts(finding: Finding) -> str:
    """``"120 days vs 88 days"``: how many on each side."""
    return f"{finding.n_with:,} {finding.counted} vs {finding.n_without:,} {finding.counted}"


def interval(finding: Finding) -> str:
    return f"{number(finding.low or 0.0)} to {number(finding.high or 0.0)}"


def _said(finding: Finding) -> str:
    """The difference as a clause: "you felt 0.31 points more pleasant than on other days"."""
    size = f"{abs(finding.difference):.2f} points"
    if finding.measure in _CHECKIN_MEASURES:
        more, less = _CHECKIN_MEASURES[finding.measure]
        way = more if finding.difference >= 0 else less
        return f"on {finding.with_words} you felt {size} {way} than on {finding.without_words}"
    name, higher, lower = _SCALE_MEASURES[finding.measure]
    way = higher if finding.difference >= 0 else lower
    return f"for {finding.with_words}, {name} was {size} {way} than for {finding.without_words}"


def sentence(finding: Finding) -> str:
    """The finding in one or two sentences, with its unit, interval and n's."""
    said = _said(finding)
    said = said[0].upper() + said[1:]
    where = f"{finding.unit}; {counts(finding)}"
    if finding.clear:
        return f"{said} ({where}). The 95% interval runs from {interval(finding)} points."
    return (
        f"No clear difference. {said} ({where}), but the 95% interval, "
        f"{interval(finding)} points, includes no difference at all."
    )


def missing(finding: Finding) -> str:
    """What a finding without enough data still needs, exactly."""
    short_with = max(MIN_EACH_SIDE - finding.n_with, 0)
    short_without = max(MIN_EACH_SIDE - finding.n_without, 0)
    what = finding.counted
    needs = []
    if short_with:
        needs.append(f"{short_with} more {what} among {finding.with_words}")
    if short_without:
        needs.append(f"{short_without} more among {finding.without_words}")
    have = (
        f"So far there are {finding.n_with:,} {what} among {finding.with_words} and "
        f"{finding.n_without:,} among {finding.without_words}"
    )
    side = "days with a check-in" if what == "days" else "results"
    return (
        f"Not enough data yet: this needs at least {MIN_EACH_SIDE} {side} on each side. "
        f"{have}; it needs {' and '.join(needs)}."
    )
