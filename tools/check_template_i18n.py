"""Every piece of text a template shows is marked for translation (run by `make lint`).

Reports, as `file:line: text`, each run of visible text with a letter in it that stands outside
`{% translate %}` / `{% blocktranslate %}…{% endblocktranslate %}`, and each user-visible
attribute (placeholder, title, aria-label, alt, and the value of submit/button inputs) holding
literal text. A <button>'s value is never shown: it is what the view compares, so it stays as is.
Template tags and variables, comments, `<script>` and `<style>` bodies and `<code>` (names of
fields and values a machine reads) are not text; names that
are the same in every language (ALLOWED) are not either.

Usage: python tools/check_template_i18n.py [TEMPLATE_DIR]   (default: src/clustermeet/templates)
Exits 1 listing what is not marked, 0 when everything is."""

import re
import sys
from pathlib import Path

# Proper names and symbols that stay as they are in every language.
ALLOWED = {
    "ClusterMeet",
    "iCalendar",
    "CSV",
    "XLSX",
    "JSON",
    "XML",
    "QR",
    "Jitsi",
    "frab",
    "Markdown",
    "ICS",
    "PDF",
    "ID",
    "OK",
}

COMMENT = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)
SCRIPT = re.compile(r"(<(script|style|code)\b[^>]*>).*?(</\2>)", re.S | re.I)
TRANSLATED = re.compile(
    r"{%\s*(?:translate|trans)\s.*?%}"
    r"|{%\s*(?:blocktranslate|blocktrans)\b.*?%}.*?{%\s*(?:endblocktranslate|endblocktrans)\s*%}",
    re.S,
)
TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}", re.S)
TAG = re.compile(r"<[^>]*>", re.S)
ATTRIBUTE = re.compile(
    r"""\s(placeholder|title|aria-label|alt|value)\s*=\s*("[^"]*"|'[^']*')""", re.I | re.S
)
# An <input> whose value is its visible label.
BUTTONISH = re.compile(r"^<input\b[^>]*\btype\s*=\s*[\"']?(submit|button|reset)\b", re.I)
WORD = re.compile(r"[^\W\d_]", re.U)
NAME_OR_SYMBOL = re.compile(r"[\w.-]+")


def _blank(match: re.Match) -> str:
    """The match replaced by spaces, newlines kept, so later offsets keep their line numbers."""
    return re.sub(r"[^\n]", " ", match.group(0))


URL_PATH = re.compile(r"\S*/\S*")


def _is_text(fragment: str) -> bool:
    fragment = URL_PATH.sub(" ", fragment)  # a path such as /events/<slug>/ is not prose
    words = [w for w in NAME_OR_SYMBOL.findall(fragment) if WORD.search(w)]
    return any(w not in ALLOWED for w in words)


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, text) of every unmarked text run and literal attribute of a template."""
    text = COMMENT.sub(_blank, source)
    text = SCRIPT.sub(lambda m: m.group(1) + _blank(m)[len(m.group(1)) : -len(m.group(3))]
                      + m.group(3), text)  # fmt: skip
    text = TRANSLATED.sub(_blank, text)
    found = []
    for tag in TAG.finditer(text):
        for attribute in ATTRIBUTE.finditer(tag.group(0)):
            name, value = attribute.group(1).lower(), attribute.group(2)[1:-1]
            if name == "value" and not BUTTONISH.match(tag.group(0)):
                continue
            if _is_text(TEMPLATE_CODE.sub(" ", value)):
                line = text.count("\n", 0, tag.start() + attribute.start()) + 1
                found.append((line, f'{name}="{" ".join(value.split())}"'))
    outside = TEMPLATE_CODE.sub(_blank, TAG.sub(_blank, text))
    for run in re.finditer(r"[^\s].*?(?=\s{2,}|\n|$)", outside):
        if _is_text(run.group(0)):
            found.append((outside.count("\n", 0, run.start()) + 1, run.group(0).strip()))
    return sorted(found)


def check(root: Path) -> list[str]:
    problems = []
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".html", ".txt")):
        for line, snippet in untranslated(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(root)}:{line}: {snippet}")
    return problems


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parents[1] / "src" / "clustermeet" / "templates"
    problems = check(Path(argv[1]) if len(argv) > 1 else default)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} text(s) not marked for translation: use {{% translate %}}.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
