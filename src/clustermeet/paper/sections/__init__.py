"""From figures to what the document shows: per section its charts (SVG from `paper.charts`)
with their data tables, numbered as figures in document order. One layout per kind of section
(`glance`, `polls`, `others`, `awards`), all on `base.Base`; the rules for percentages and
rankings are in `base` and `polls`, and the annex (`templates/paper/_annex.html`) states them."""

from dataclasses import dataclass

from clustermeet.paper.sections.awards import AwardsLayout
from clustermeet.paper.sections.base import (
    Base,
    Figure,
    Numbers,
    Table,
    percent_text,
    whole_percent,
)
from clustermeet.paper.sections.glance import GlanceLayout
from clustermeet.paper.sections.others import OthersLayout
from clustermeet.paper.sections.polls import PollsLayout


@dataclass
class Builder(GlanceLayout, PollsLayout, OthersLayout, AwardsLayout, Base):
    """`builder.<section key>(figure)` lays out one section's figure."""


__all__ = ["Builder", "Figure", "Numbers", "Table", "percent_text", "whole_percent"]
