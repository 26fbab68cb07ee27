"""`clustermeet output-paper EVENT --pdf FILE --html DIR`."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from clustermeet.paper.models import Paper
from tests.paper.data import PUBLIC_AUTHORITIES, build

pytestmark = pytest.mark.django_db
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<rect width="10" height="10"/></svg>'
)


def test_writes_the_pdf_and_an_offline_folder(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    built = build()
    paper = Paper.objects.create(event=built.event, introduction="Hello *all*.")
    paper.cover.save("cover.svg", ContentFile(SVG))
    call_command(
        "output_paper",
        built.event.slug,
        "--pdf",
        str(tmp_path / "paper.pdf"),
        "--html",
        str(tmp_path / "site"),
    )
    assert (tmp_path / "paper.pdf").read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in (tmp_path / "site").rglob("*")) == [
        "cover.svg",
        "images",
        "index.html",
        "paper.css",
    ]
    index = (tmp_path / "site" / "index.html").read_text()
    assert '<link rel="stylesheet" href="paper.css">' in index
    assert 'src="images/cover.svg"' in index
    assert PUBLIC_AUTHORITIES in index
    assert "http" not in index.split("<body", 1)[0].replace("http://www.w3.org", "")
    out = capsys.readouterr().out
    assert f"Wrote {tmp_path / 'site' / 'index.html'}" in out


def test_in_another_language(tmp_path):
    built = build()
    call_command("output_paper", built.event.slug, "--html", str(tmp_path), "--language", "de")
    index = (tmp_path / "index.html").read_text()
    assert index.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert '<h3 id="day-1">Dienstag, 10. November 2020</h3>' in index


def test_refuses_without_an_output_or_an_event():
    with pytest.raises(CommandError, match=r"^Give --pdf FILE, --html DIR, or both\.$"):
        call_command("output_paper", "nowhere")
    with pytest.raises(CommandError, match=r"^No event with the slug 'nowhere'\.$"):
        call_command("output_paper", "nowhere", "--pdf", "x.pdf")
