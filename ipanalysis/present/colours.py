"""The colour of each status code: one palette for every chart and page (matplotlib charts, the progress
page's squares, its grid), green → yellow → orange → red as in the UN SDG Progress Chart 2023; blues for
"not yet", greys for no verdict.  No plotting library is imported here.

>>> status_colour("no_data"), status_colour("x"), text_colour("missed")
('#dee2e6', '#999999', '#ffffff')
>>> STATUS_ORDER[:3]
('met', 'target_achieved', 'substantial_progress')
"""

from __future__ import annotations

__all__ = ["STATUS_COLOURS", "STATUS_ORDER", "status_colour", "text_colour"]

#: Colour per status code: attainment's headline verdicts (best first), the schedule (序时进度) readings and
#: the audit's statuses.
STATUS_COLOURS: dict[str, str] = {
    "met": "#0b6e2f", "target_achieved": "#0b6e2f", "substantial_progress": "#2f9e44",
    "borderline": "#a9c23f", "moderate_progress": "#f2c12e", "limited_progress": "#f08c00",
    "deterioration": "#c92a2a", "missed": "#8f1d1d", "too_early": "#74a9cf", "distance_only": "#a6c8e0",
    "not_assessable": "#868e96", "no_data": "#dee2e6",
    "ahead_of_schedule": "#2f9e44", "on_schedule": "#a9c23f", "behind_schedule": "#f08c00",
    "consistent": "#2f9e44", "needs_review": "#f2c12e", "inconsistent": "#c92a2a",
}
#: The headline statuses, best first, then the ones that say why there is no verdict.
STATUS_ORDER = ("met", "target_achieved", "substantial_progress", "borderline", "moderate_progress",
                "limited_progress", "deterioration", "missed", "too_early", "distance_only", "not_assessable",
                "no_data")
_DARK = {"met", "target_achieved", "substantial_progress", "deterioration", "missed", "not_assessable",
         "ahead_of_schedule", "consistent", "inconsistent"}


def status_colour(code: object) -> str:
    """The fill of a status (an unknown code: mid grey)."""
    return STATUS_COLOURS.get(str(code), "#999999")


def text_colour(code: object) -> str:
    """Text on a status fill: white on the dark ones, near-black on the others."""
    return "#ffffff" if code in _DARK else "#1b1b1b"
