"""Every chart keeps its labels inside its viewBox (property tests over labels and values),
names its axes and carries its title and description; the word cloud never overlaps."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from clustermeet.paper.charts import bars, eumap, wordcloud
from clustermeet.paper.charts.svg import Chart

LABEL = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=160,
)
TITLE = st.text(min_size=1, max_size=200)


def inside(chart: Chart) -> bool:
    return all(
        box.x >= -0.01
        and box.y >= -0.01
        and box.right <= chart.width + 0.01
        and box.bottom <= chart.height + 0.01
        for box in chart.texts
    )


def texts(chart: Chart) -> list[str]:
    return [box.text for box in chart.texts]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(LABEL, st.integers(min_value=0, max_value=10**6)), min_size=1, max_size=12),
    TITLE,
    st.booleans(),
)
def test_bar_chart_labels_stay_inside(rows, title, percent):
    items = [bars.Bar(label, value, f"{value:,}") for label, value in rows]
    chart = bars.bar_chart(
        items,
        title=title,
        desc="d",
        key="k",
        x_label="Participants, all of them, in every country of the world",
        y_label="Country",
        maximum=100 if percent else None,
    )
    assert inside(chart)


@settings(max_examples=60, deadline=None)
@given(st.lists(LABEL, min_size=1, max_size=10), TITLE)
def test_ranking_chart_labels_stay_inside(labels, title):
    n = len(labels)
    items = [
        bars.Ranked(label, rank, (n - rank + 1) * 0.9, "9.99")
        for rank, label in enumerate(labels, start=1)
    ]
    chart = bars.ranking_chart(
        items,
        title=title,
        desc="d",
        key="k",
        x_label="Average points per voter",
        y_label="Rank (1 = most selected)",
        maximum=n,
    )
    assert inside(chart)
    assert all(str(rank) in texts(chart) for rank in range(1, n + 1))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**5), min_size=5, max_size=10), TITLE)
def test_rating_chart_labels_stay_inside(counts, title):
    chart = bars.rating_chart(
        [(str(n), count) for n, count in enumerate(counts, start=1)],
        title=title,
        desc="d",
        key="k",
        x_label="Rating (1 = lowest, 10 = highest)",
        y_label="Voters",
    )
    assert inside(chart)


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([*sorted(eumap.GRID), "US", "JP"]),
        st.integers(min_value=0, max_value=10**6),
    ),
    TITLE,
)
def test_map_labels_stay_inside(counts, title):
    chart = eumap.eu_map(
        counts,
        title=title,
        desc="d",
        key="k",
        legend_title="Participants per country",
        no_one="No participants",
        outside="Not on the map: " + ", ".join(counts),
    )
    assert inside(chart)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(LABEL, st.floats(min_value=0, max_value=1)),
        min_size=0,
        max_size=50,
        unique_by=lambda t: t[0],
    ),
)
def test_word_cloud_never_overlaps_nor_leaves_the_picture(words):
    chart = wordcloud.word_cloud(
        [wordcloud.Word(text, weight, 1) for text, weight in words],
        title="Word cloud",
        desc="d",
        key="k",
    )
    assert inside(chart)
    placed = chart.texts[1:]  # the title first
    for i, one in enumerate(placed):
        for other in placed[i + 1 :]:
            assert not one.overlaps(other)


def test_word_cloud_is_deterministic_and_places_the_heaviest_first():
    words = [
        wordcloud.Word(w, 1 / (n + 1), 10 - n)
        for n, w in enumerate(["innovation", "green", "digital", "skills", "resilience"])
    ]
    one = wordcloud.word_cloud(words, title="t", desc="d", key="k")
    two = wordcloud.word_cloud(list(reversed(words)), title="t", desc="d", key="k")
    assert one.svg == two.svg
    assert texts(one)[1:] == ["innovation", "green", "digital", "skills", "resilience"]


def test_bar_chart_has_axes_title_and_alt_text():
    chart = bars.bar_chart(
        [bars.Bar("Increase public investments", 35, "35%"), bars.Bar("Simplify", 14, "14%")],
        title="Share of voters per answer",
        desc="35% Increase public investments; 14% Simplify.",
        key="figure-7",
        x_label="Share of voters (%)",
        y_label="Answer",
        maximum=100,
        suffix="%",
    )
    assert texts(chart) == [
        "Share of voters per answer",
        "Answer",
        "Increase public investments",
        "35%",
        "Simplify",
        "14%",
        "0%",
        "20%",
        "40%",
        "60%",
        "80%",
        "100%",
        "Share of voters (%)",
    ]
    assert re.search(r'<title id="figure-7-t">Share of voters per answer</title>', chart.svg)
    assert '<desc id="figure-7-d">35% Increase public investments; 14% Simplify.</desc>' in (
        chart.svg
    )


def test_map_bands_and_tiles():
    palette = eumap.Palette()
    counts = {"DE": 100, "FR": 50, "BE": 50, "IT": 10, "ES": 1}
    # Quantiles of 1, 10, 50, 50, 100 in four classes: the two 50s stay in one.
    assert [(b.low, b.high) for b in eumap.bands(counts, palette)] == [(1, 10), (11, 50), (51, 100)]
    assert eumap.bands({}, palette) == []
    chart = eumap.eu_map(
        counts, title="t", desc="d", key="k", legend_title="Participants", no_one="None", outside=""
    )
    assert texts(chart)[texts(chart).index("DE") : texts(chart).index("DE") + 2] == ["DE", "100"]


def test_nice_ticks():
    assert bars.nice_ticks(100) == [0, 20, 40, 60, 80, 100]
    assert bars.nice_ticks(137) == [0, 50, 100, 150]
    assert bars.nice_ticks(6) == [0, 2, 4, 6]
    assert bars.nice_ticks(0) == [0, 1]
