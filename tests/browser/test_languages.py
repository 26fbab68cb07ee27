"""Every page type of the demo (tests/browser/pages.py) in German and in Czech, as the person who
uses it: no piece of the interface is left in English. A text node (or a visible attribute) that is
exactly one of our English messages whose translation differs, or that has no translation at all,
is a leftover (unless it is marked as not ours to translate: `translate="no"`, or a `lang` of
another language on an organiser's text shown untranslated); the JavaScript-built texts are
included, since the pages are read once the live
parts have connected. CLUSTERMEET_SCREENSHOTS=<dir> keeps a screenshot of every page, to look at
them."""

import functools
import os
import re
from pathlib import Path

import pytest
from django.utils.translation import trans_real
from django.utils.translation.trans_real import DjangoTranslation

from tests.browser.pages import PAGE_TYPES
from tests.browser.test_accessibility import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

LOCALE = Path(__file__).resolve().parents[2] / "src" / "clustermeet" / "locale"
LANGUAGES = ("de", "cs")

TEXTS_JS = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, code, template')) continue;
    // Not ours to translate: people's own content marked translate="no" (e-mail addresses, a
    // word cloud's answers), and organisers' texts marked as written in another language.
    if (parent.closest('[translate="no"]')) continue;
    const marked = parent.closest('[lang]');
    const page = document.documentElement;
    if (marked && marked !== page && marked.lang !== page.lang) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text) texts.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = el.getAttribute(name);
      if (value) texts.push(value.replace(/\\s+/g, ' ').trim());
    }
  }
  for (const el of document.querySelectorAll('input[type=submit], input[type=button]')) {
    texts.push(el.value.trim());
  }
  texts.push(document.title.trim());
  return texts;
}"""

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')  # a quoted string; \" inside it is a quote


@functools.cache
def english_messages(language: str) -> frozenset[str]:
    """The singular msgids of our catalogues for `language` (both domains), unescaped."""
    messages = set()
    for po in (LOCALE / language / "LC_MESSAGES").glob("*.po"):
        entry: list[str] | None = None
        for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
            if line.startswith("msgid "):
                entry = [line[6:]]
            elif entry is not None and line.startswith('"'):
                entry.append(line)
            elif entry is not None:
                text = "".join(m.group(1) for part in entry for m in _STRING.finditer(part))
                text = bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode()
                if text:
                    messages.add(" ".join(text.split()))
                entry = None
    return frozenset(messages)


@functools.cache
def kept_as_is(language: str) -> frozenset[str]:
    """The texts that are the language's own: the translation of some message, even when it is
    spelt like an English message — "Workshop" in German, "Body" (points) in Czech —, so
    seeing them is no leftover."""
    own = set()
    catalogues = [trans_real.translation(language), DjangoTranslation(language, domain="djangojs")]
    for _key, value in (item for c in catalogues for item in c._catalog.items()):
        if isinstance(value, str):
            own.add(" ".join(value.split()))
    return frozenset(own)


def leftovers(texts: list[str], language: str) -> list[str]:
    english = english_messages(language) - kept_as_is(language)
    return sorted({text for text in texts if text in english})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])
def test_the_page_is_entirely_in_the_language(demo_site, page_type, language):
    context, page, problems = open_page(demo_site, page_type, language=language)
    try:
        keep = os.environ.get("CLUSTERMEET_SCREENSHOTS")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{keep}/{page_type.name}-{language}.png", full_page=True)
        assert page.evaluate("document.documentElement.lang") == language
        left = leftovers(page.evaluate(TEXTS_JS), language)
        assert left == [], left
        assert problems == []
    finally:
        context.close()
