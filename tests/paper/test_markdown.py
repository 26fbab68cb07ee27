"""The organisers' Markdown: escaped first, a small safe subset."""

import re

from hypothesis import given
from hypothesis import strategies as st

from clustermeet.paper.markdown import render


def test_paragraphs_lists_emphasis_and_links():
    source = (
        "Clusters are **drivers** of *change*.\nA second line.\n\n"
        "- Training\n- Partner with [others](https://example.org/a?b=1&c=2)\n"
        "  continued\n\n1. First\n2) Second\n\n# A heading"
    )
    assert render(source) == (
        "<p>Clusters are <strong>drivers</strong> of <em>change</em>.<br>A second line.</p>\n"
        '<ul><li>Training</li><li>Partner with <a href="https://example.org/a?b=1&amp;c=2">'
        "others</a> continued</li></ul>\n"
        "<ol><li>First</li><li>Second</li></ol>\n"
        '<p class="lead-in"><strong>A heading</strong></p>'
    )


def test_html_and_unsafe_links_stay_text():
    assert render('<script>alert(1)</script> [x](javascript:alert(1)) "q"') == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) &quot;q&quot;</p>"
    )
    assert render('[x](https://a.org/"onmouseover=alert(1))') == (
        "<p>[x](https://a.org/&quot;onmouseover=alert(1))</p>"
    )
    assert render("") == ""


OUR_TAGS = re.compile(r'</?(?:p|br|ul|ol|li|strong|em|a)(?: href="[^"<>]*"| class="lead-in")?>')


@given(st.text(max_size=300))
def test_no_markup_of_the_author_survives(text):
    assert "<" not in OUR_TAGS.sub("", render(text))
