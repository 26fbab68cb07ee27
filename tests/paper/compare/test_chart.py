"""The grouped bar chart of the editions: a bar per edition and figure on the figure's own
scale, the values written, a missing figure without a bar, the tint readable as a graphic."""

from clustermeet.paper.charts.svg import Palette, contrast
from clustermeet.paper.compare.chart import Group, grouped_chart


def chart(palette=None):
    return grouped_chart(
        ["2020", "2022"],
        [
            Group("Participants", [1000, 500], ["1,000", "500"]),
            Group("Award ballots", [None, 40], ["—", "40"]),
        ],
        title="ECC: the editions compared",
        desc="Participants: 2020 1,000, 2022 500; Award ballots: 2020 —, 2022 40",
        key="compare",
        palette=palette,
    )


def test_a_bar_per_edition_and_figure_each_on_its_own_scale():
    svg = chart().svg
    texts = [box.text for box in chart().texts]
    assert texts == [
        "ECC: the editions compared",
        "Participants",
        "2020",
        "1,000",
        "2022",
        "500",
        "Award ballots",
        "2020",
        "—",
        "2022",
        "40",
    ]
    # full length for each group's largest value, half for half; no bar for the missing one
    bars = [float(part.split('width="')[1].split('"')[0]) for part in svg.split("<rect")[2:]]
    left = float(svg.split('<line x1="')[1].split('"')[0])
    assert round(bars[0] + left) == 640 - 12 - 64  # from the axis to the values' room
    assert [round(bar / bars[0], 2) for bar in bars] == [1.0, 0.5, 1.0]
    assert 'role="img" aria-labelledby="compare-t compare-d"' in svg


def test_no_text_overlaps():
    boxes = chart().texts
    assert [
        (a.text, b.text) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)
    ] == []


def test_the_tint_keeps_three_to_one_on_white_whatever_the_primary():
    for primary in ("#0b4f9c", "#1a7f37", "#6b21a8", "#333333"):
        svg = chart(Palette(primary=primary)).svg
        fills = {part.split('fill="')[1][:7] for part in svg.split("<rect")[2:]}
        assert primary in fills
        assert [f for f in fills if contrast(f, "#ffffff") < 3] == []
