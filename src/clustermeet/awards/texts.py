"""The awards' texts in the reader's language: a category's, criterion's or nomination's
`translations` hold {"de": {"name": "…", "description": "…"}, …}; a missing text falls back to
the generic language ("pt" for "pt-br"), then to the original field."""


def text_in(obj, field: str, language: str | None) -> str:
    original = getattr(obj, field)
    translations = obj.translations if isinstance(obj.translations, dict) else {}
    if language:
        for code in (language, language.split("-")[0]):
            texts = translations.get(code)
            if isinstance(texts, dict) and isinstance(texts.get(field), str) and texts[field]:
                return texts[field]
    return original
