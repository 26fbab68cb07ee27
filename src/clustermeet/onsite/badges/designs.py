"""How each kind of badge looks at an event: the default colours, an event's BadgeDesign rows
over them, and the text colour that stays readable on the band.

The defaults are five hues far apart (red, blue, amber, green, slate), dark or light enough to
print the same on office laser printers, each with a text colour of at least 4.5:1 contrast
(WCAG AA) — computed here, so a colour chosen in the back office gets its own readable text."""

from dataclasses import dataclass

from clustermeet.events.models import Event
from clustermeet.onsite.models import BadgeDesign, BadgeKind

DEFAULT_COLOURS: dict[str, str] = {
    BadgeKind.ORGANISER: "#B71C1C",
    BadgeKind.SPEAKER: "#0D47A1",
    BadgeKind.PRESS: "#F9A825",
    BadgeKind.EXHIBITOR: "#1B5E20",
    BadgeKind.PARTICIPANT: "#37474F",
}
BLACK, WHITE = "#000000", "#FFFFFF"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The relative luminance of a #rrggbb colour (WCAG 2.1)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with the band."""
    return BLACK if contrast(background, BLACK) >= contrast(background, WHITE) else WHITE


@dataclass(frozen=True)
class Design:
    kind: str
    colour: str
    text_colour: str
    label: str  # the band's text: the organisers' label, else the kind's name (lazy, translated)
    style: str

    @property
    def is_default(self) -> bool:
        return self.colour.upper() == DEFAULT_COLOURS[self.kind].upper()


def designs_for(event: Event) -> dict[str, Design]:
    """Every kind's design at this event (one query): the event's BadgeDesign where it has one,
    the defaults otherwise. Labels are lazy, so they render in the language active when the
    badge is drawn."""
    chosen = {design.kind: design for design in BadgeDesign.objects.filter(event=event)}
    designs = {}
    for kind in BadgeKind:
        design = chosen.get(kind.value)
        colour = (design.colour if design else DEFAULT_COLOURS[kind]).upper()
        designs[kind.value] = Design(
            kind=kind.value,
            colour=colour,
            text_colour=text_colour(colour),
            label=(design.label if design and design.label else kind.label),
            style=design.style if design else BadgeDesign.Style.BAND,
        )
    return designs
