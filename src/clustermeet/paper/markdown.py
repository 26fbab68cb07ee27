"""The organisers' texts (introduction, takeaways) from a small, safe subset of Markdown to
HTML. Pure Python. Everything is escaped first, so no HTML of the author's passes through;
then paragraphs (blank lines), bullet lists (lines starting with "-", "*", "•" or "❖"),
numbered lists ("1." or "1)"), **bold**, *italic* and [links](https://…) (http, https and
mailto only; any other address stays plain text). Headings ("# …") become bold paragraphs, so
an author's text never breaks the document's outline."""

import re
from html import escape, unescape

_BULLET = re.compile(r"^\s*(?:[-*•❖])\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)[^\s\"'<>]+$", re.I)


def _link(match: re.Match) -> str:
    text, url = match.group(1), match.group(2)
    # The URL was escaped with the rest (&amp; is what an href must hold); it is checked as
    # the author wrote it.
    if _SAFE_URL.match(unescape(url)):
        return f'<a href="{url}">{text}</a>'
    return match.group(0)


def _inline(text: str) -> str:
    text = escape(text, quote=True)
    text = _LINK.sub(_link, text)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _ITALIC.sub(r"<em>\1</em>", text)


def render(source: str) -> str:
    """The HTML of `source` ("" for an empty text)."""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    kind = ""

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append("<p>" + "<br>".join(_inline(line) for line in paragraph) + "</p>")
            paragraph.clear()

    def flush_list() -> None:
        nonlocal kind
        if items:
            tag = "ol" if kind == "ol" else "ul"
            blocks.append(
                f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>"
            )
            items.clear()
        kind = ""

    for raw in (source or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        bullet, numbered, heading = _BULLET.match(line), _NUMBERED.match(line), _HEADING.match(line)
        if not line.strip():
            flush_paragraph()
            flush_list()
        elif bullet or numbered:
            flush_paragraph()
            wanted = "ul" if bullet else "ol"
            if kind and kind != wanted:
                flush_list()
            kind = wanted
            items.append((bullet or numbered).group(1))
        elif heading:
            flush_paragraph()
            flush_list()
            blocks.append(f'<p class="lead-in"><strong>{_inline(heading.group(1))}</strong></p>')
        elif items:
            items[-1] += " " + line.strip()  # a continuation line of the last item
        else:
            paragraph.append(line.strip())
    flush_paragraph()
    flush_list()
    return "\n".join(blocks)
