"""The validated scales Nearer offers, as published, with their sources and terms.

Each scale keeps its instructions, time frame, items, answer options and the
values of those options exactly as the authors published them, so a score means
what the literature says it means. Wherever a web form forced a change (a paper
form says "put a tick in the box"; a telephone script says "tell me"), the change
is marked in ``altered`` and the published wording is kept beside it.

Where the wording was checked (November 2026), using the project's reference search:

* WHO-5: the official English version of the Psychiatric Research Unit, Mental
  Health Centre North Zealand (psykiatri-regionh.dk/who-5/who-5-questionnaires,
  as pointed to by the Inquisit/Millisecond WHO-5 manual), its text as reproduced
  on mysignposts.com.au/portal/who-5 (instructions and the six answer labels with
  values 5 to 0) and smaat.eu/library/scales/who-5 (the five items, "free for
  unrestricted use"); Topp et al. 2015 for the scoring and cut-offs.
* PSS-4: Cohen's PSS-4 form as reproduced on scribd (document 736474238, "Perceived
  Stress Scale 4": the four items, 0-4 labels, items 2 and 3 reversed, range
  0-16, citing Cohen, Kamarck & Mermelstein 1983); the instructions of Cohen's form
  as reproduced on ehra.ca and dramyimms.com; the 0-4 labels also on docslib
  ("Perceived Stress Scale (PSS)", an instrument summary of the 4-item version).
* UCLA 3-item: Hughes, Waite, Hawkley & Cacioppo 2004 (author manuscript PMC2394670,
  abstract and citation checked; the item table itself was not in the excerpt we
  could read), with the items and answer labels as quoted from that article by
  scales.arabpsychology.com and edmoloney.me ("The UCLA 3-Item Loneliness Scale").
  The answer labels and values (hardly ever 1, some of the time 2, often 3) match
  the project brief (instruments.md) and the article's abstract ("a simplified set
  of response categories").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ScaleKey = Literal["who5", "pss4", "ucla3"]


@dataclass(frozen=True, slots=True)
class Option:
    """One answer a person can give, and the value it scores as published."""

    value: int
    label: str


@dataclass(frozen=True, slots=True)
class Item:
    """One question or statement; ``reverse`` items score as (max option - answer)."""

    number: int
    text: str
    reverse: bool = False


@dataclass(frozen=True, slots=True)
class Scale:
    key: ScaleKey
    name: str
    short_name: str
    measures: str  # what it is about, in a word or two, for headings ("well-being")
    time_frame: str  # "" when the scale names none
    instructions: str
    items: tuple[Item, ...]
    # In the published order (the order a person sees them).
    options: tuple[Option, ...]
    min_score: int
    max_score: int
    higher_means: str
    citation: str
    terms: str
    altered: str
    # Default days between two offers on Today (0 would mean "off").
    default_every_days: int

    @property
    def values(self) -> frozenset[int]:
        return frozenset(option.value for option in self.options)

    @property
    def top_value(self) -> int:
        return max(option.value for option in self.options)

    @property
    def bottom_value(self) -> int:
        return min(option.value for option in self.options)

    def label_of(self, value: int) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return str(value)


WHO5 = Scale(
    key="who5",
    name="WHO-5 Well-Being Index",
    short_name="WHO-5",
    measures="well-being",
    time_frame="Over the last two weeks",
    instructions=(
        "Please indicate for each of the five statements which is closest to how you "
        "have been feeling over the last two weeks. Notice that higher numbers mean "
        "better well-being."
    ),
    items=(
        Item(1, "I have felt cheerful and in good spirits"),
        Item(2, "I have felt calm and relaxed"),
        Item(3, "I have felt active and vigorous"),
        Item(4, "I woke up feeling fresh and rested"),
        Item(5, "My daily life has been filled with things that interest me"),
    ),
    options=(
        Option(5, "All of the time"),
        Option(4, "Most of the time"),
        Option(3, "More than half of the time"),
        Option(2, "Less than half of the time"),
        Option(1, "Some of the time"),
        Option(0, "At no time"),
    ),
    min_score=0,
    max_score=25,
    higher_means="better well-being",
    citation=(
        "World Health Organization, Regional Office for Europe (1998). Wellbeing "
        "Measures in Primary Health Care: The DepCare Project. WHO-5, 1998 version, "
        "Psychiatric Research Unit, Mental Health Centre North Zealand, Hillerød. "
        "Scoring and cut-offs: Topp, Østergaard, Søndergaard & Bech (2015), The WHO-5 "
        "Well-Being Index: a systematic review of the literature, Psychotherapy and "
        "Psychosomatics 84:167-176."
    ),
    terms=("Free to use without permission. Any change of wording must be marked as altered."),
    altered=(
        "Not the wording. The paper form's worked example ('put a tick in the box "
        "with the number 3') is left out, since a web form has no boxes to tick; "
        "the numbers are shown beside each answer as on the form."
    ),
    default_every_days=14,
)

PSS4 = Scale(
    key="pss4",
    name="Perceived Stress Scale, 4-item version (PSS-4)",
    short_name="PSS-4",
    measures="stress",
    time_frame="In the last month",
    instructions=(
        "The questions in this scale ask you about your feelings and thoughts during "
        "the last month. In each case, you will be asked to indicate how often you "
        "felt or thought a certain way."
    ),
    items=(
        Item(
            1,
            "In the last month, how often have you felt that you were unable to control "
            "the important things in your life?",
        ),
        Item(
            2,
            "In the last month, how often have you felt confident about your ability to "
            "handle your personal problems?",
            reverse=True,
        ),
        Item(
            3,
            "In the last month, how often have you felt that things were going your way?",
            reverse=True,
        ),
        Item(
            4,
            "In the last month, how often have you felt difficulties were piling up so "
            "high that you could not overcome them?",
        ),
    ),
    options=(
        Option(0, "Never"),
        Option(1, "Almost never"),
        Option(2, "Sometimes"),
        Option(3, "Fairly often"),
        Option(4, "Very often"),
    ),
    min_score=0,
    max_score=16,
    higher_means="more stress",
    citation=(
        "Cohen, S., Kamarck, T., & Mermelstein, R. (1983). A global measure of "
        "perceived stress. Journal of Health and Social Behavior 24:385-396. "
        "Cohen, S., & Williamson, G. (1988). Perceived stress in a probability sample "
        "of the United States. In S. Spacapan & S. Oskamp (Eds.), The Social "
        "Psychology of Health. Newbury Park, CA: Sage."
    ),
    terms=(
        "Per its author's page: free for non-commercial research and education; no "
        "permission needed for those uses. Our reading: Nearer is free, open-source "
        "software that each person or household runs for themselves; nothing is sold, "
        "no data leaves the instance and no one but the person sees the score. That is "
        "non-commercial use of the same kind the terms allow, though self-monitoring "
        "is neither research nor teaching in the strict sense, so it is a judgement, "
        "written down here. Whoever runs Nearer as a paid service is a commercial "
        "user: they should ask the author (Sheldon Cohen, Carnegie Mellon University) "
        "for permission or turn the scale off with NEARER_SCALES_PSS4=off."
    ),
    altered=(
        "The instructions drop the paper form's 'by circling' / 'by placing an X' "
        "(a web form has nothing to circle); the answer labels are written in "
        "sentence case ('Almost never' for 'Almost Never')."
    ),
    default_every_days=30,
)

UCLA3 = Scale(
    key="ucla3",
    name="Three-Item Loneliness Scale (from the UCLA Loneliness Scale)",
    short_name="UCLA 3-item",
    measures="loneliness",
    time_frame="",
    instructions=(
        "The next questions are about how you feel about different aspects of your "
        "life. For each one, choose how often you feel that way."
    ),
    items=(
        Item(1, "How often do you feel that you lack companionship?"),
        Item(2, "How often do you feel left out?"),
        Item(3, "How often do you feel isolated from others?"),
    ),
    options=(
        Option(1, "Hardly ever"),
        Option(2, "Some of the time"),
        Option(3, "Often"),
    ),
    min_score=3,
    max_score=9,
    higher_means="more loneliness",
    citation=(
        "Hughes, M. E., Waite, L. J., Hawkley, L. C., & Cacioppo, J. T. (2004). A short "
        "scale for measuring loneliness in large surveys: results from two "
        "population-based studies. Research on Aging 26(6):655-672. "
        "doi:10.1177/0164027504268574 (author manuscript: PMC2394670)."
    ),
    terms=(
        "Published in a peer-reviewed article for use in surveys, freely available "
        "(PubMed Central); no licence or fee is asked for. Cite the article."
    ),
    altered=(
        "The scale was written for a telephone interview: the interviewer's 'tell me "
        "how often you feel that way' becomes 'choose how often you feel that way', "
        "and the spoken 'First,' before the first question is left out. The items "
        "and answers are unchanged. The scale names no time frame, so none is shown."
    ),
    default_every_days=30,
)

SCALES: tuple[Scale, ...] = (WHO5, PSS4, UCLA3)
SCALE_BY_KEY: dict[str, Scale] = {scale.key: scale for scale in SCALES}


def scale_by_key(key: object) -> Scale | None:
    """Return the scale with this key, or None for anything else (never raises)."""
    return SCALE_BY_KEY.get(key) if isinstance(key, str) else None
