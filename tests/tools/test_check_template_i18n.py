"""tools/check_template_i18n.py: text outside {% translate %} is found, marked text is not."""

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

checker = importlib.import_module("check_template_i18n")


def test_the_real_templates_are_all_marked():
    assert (
        checker.check(Path(checker.__file__).resolve().parents[1] / "src/clustermeet/templates")
        == []
    )


def test_bare_text_is_found_with_its_line():
    source = (
        '{% load i18n %}<h1>{{ event.name }}</h1>\n<p>Side events</p>\n<p>{% translate "Ok" %}</p>'
    )
    assert checker.untranslated(source) == [(2, "Side events")]


def test_translate_and_blocktranslate_mark_text():
    source = (
        "{% load i18n %}<p>{% translate 'See the programme' %}</p>\n"
        "<p>{% blocktranslate trimmed with n=count %}\n  {{ n }} sessions\n"
        "{% endblocktranslate %}</p>"
    )
    assert checker.untranslated(source) == []


def test_tags_variables_comments_scripts_code_and_names_are_not_text():
    source = (
        "{# A note #}{% if a %}{{ b|date:'j F' }}{% endif %} · — ×\n"
        "<script>const label = 'Vote';</script><style>.x { color: red }</style>\n"
        "<p>ClusterMeet · CSV · <code>first_name</code> /events/ecc/programme/</p>"
    )
    assert checker.untranslated(source) == []


def test_visible_attributes_are_checked_and_machine_values_are_not():
    source = (
        '<input type="search" placeholder="Search people">\n'
        '<input type="submit" value="Send" aria-label="{% translate "Close" %}">\n'
        '<input type="hidden" name="kind" value="Offer">\n'
        '<img alt="Portrait of {{ name }}" src="x.png">\n'
        '<option value="cluster">{% translate "Cluster" %}</option>\n'
        '<button name="action" value="seat_all">{% translate "Seat everyone" %}</button>'
    )
    assert checker.untranslated(source) == [
        (1, 'placeholder="Search people"'),
        (2, 'value="Send"'),
        (4, 'alt="Portrait of {{ name }}"'),
    ]


def test_main_lists_the_unmarked_texts_and_exits_1(tmp_path, capsys):
    (tmp_path / "page.html").write_text("<p>Hello</p>")
    (tmp_path / "mail.txt").write_text("{% load i18n %}{% translate 'Hello' %}\n")
    assert checker.main(["check_template_i18n.py", str(tmp_path)]) == 1
    assert capsys.readouterr().out == (
        "page.html:1: Hello\n1 text(s) not marked for translation: use {% translate %}.\n"
    )
    (tmp_path / "page.html").write_text("{% load i18n %}<p>{% translate 'Hello' %}</p>")
    assert checker.main(["check_template_i18n.py", str(tmp_path)]) == 0
