"""Readers: formats sniffed by content, encodings detected, bad input reported in one line."""

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from whowhom.errors import InputError
from whowhom.io import RawDoc, read_inputs

PAGES = Path(__file__).parent / "pages"
HTML = PAGES / "serbia-kosovo.html"
TEXT = PAGES / "baltic-pipeline.txt"


def read(*paths, fmt="auto"):
    return list(read_inputs([str(p) for p in paths], fmt))


def test_text_dump_is_text():
    [doc] = read(TEXT)
    assert doc == RawDoc(id=str(TEXT), content=TEXT.read_text(encoding="utf-8"), kind="text")


def test_html_file_is_html():
    [doc] = read(HTML)
    assert doc.kind == "html" and "<h1" in doc.content


def test_gzipped_html_found_by_content_despite_its_name(tmp_path):
    odd = tmp_path / "page.txt"  # misleading name: the bytes say gzip, then HTML
    odd.write_bytes(gzip.compress(HTML.read_bytes()))
    [doc] = read(odd)
    assert doc.kind == "html" and "Pristina" in doc.content
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(HTML.read_bytes()))
    assert read(gz)[0].content == doc.content


def test_html_without_doctype_found_by_its_tags(tmp_path):
    f = tmp_path / "fragment"
    f.write_text("<div><h2>Talks</h2><p>One.</p><p>Two.</p><ul><li>a</li><li>b</li></ul><span>x</span></div>")
    assert read(f)[0].kind == "html"


def test_jsonl_records_keep_their_ids(tmp_path):
    f = tmp_path / "batch.data"  # no .jsonl suffix: sniffed
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a1", "text": "Chile recalled its ambassador.", "date": "2022-03-04T10:00:00Z"},
        {"id": 7, "html": "<html><body><p>Peru protested.</p></body></html>", "url": "https://x.test/7"},
        {"id": "a3", "text": "Bolivia agreed.", "date": "5 March 2022"},
    ]) + "\n\n")
    docs = read(f)
    assert [(d.id, d.kind, d.date) for d in docs] == [("a1", "text", "2022-03-04"), ("7", "html", None),
                                                      ("a3", "text", "2022-03-05")]
    assert docs[1].url == "https://x.test/7"


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Ghana hosted the talks.\n".encode())))
    [doc] = list(read_inputs(["-"]))
    assert (doc.id, doc.kind, doc.content.strip()) == ("-", "text", "Ghana hosted the talks.")


def test_stdin_gzip_html(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(HTML.read_bytes()))))
    assert list(read_inputs(["-"]))[0].kind == "html"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_decoded_right(tmp_path, encoding):
    text = "Le président français a reçu à l'Élysée le ministre allemand des Affaires étrangères.\n"
    f = tmp_path / "page.txt"
    f.write_bytes(text.encode(encoding))
    assert read(f)[0].content == text


def test_cp1252_quotes_and_dashes(tmp_path):
    text = "Señor Müller said the café – “costs” €5.\n"
    f = tmp_path / "page.txt"
    f.write_bytes(text.encode("cp1252"))
    assert read(f)[0].content == text


def test_meta_charset_honoured(tmp_path):
    page = '<html><head><meta charset="windows-1251"></head><body><p>Москва и Пекин</p></body></html>'
    f = tmp_path / "ru.html"
    f.write_bytes(page.encode("cp1251"))
    assert "Москва и Пекин" in read(f)[0].content


def test_utf16_bom(tmp_path):
    f = tmp_path / "page.txt"
    f.write_bytes("Zürich hosted the summit.".encode("utf-16"))
    assert read(f)[0].content == "Zürich hosted the summit."


def test_directory_recursion_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "one.txt").write_text("Second page.")
    (tmp_path / "a.txt").write_text("First page.")
    (tmp_path / ".hidden").write_text("not a page")
    assert [Path(d.id).name for d in read(tmp_path)] == ["a.txt", "one.txt"]


def test_explicit_format_overrides_sniffing(tmp_path):
    f = tmp_path / "x.html"
    f.write_text("<html><body><p>Hi</p></body></html>")
    assert read(f, fmt="text")[0].kind == "text"


def one_line_error(paths, fmt="auto") -> str:
    with pytest.raises(InputError) as err:
        list(read_inputs([str(p) for p in paths], fmt))
    msg = str(err.value)
    assert "\n" not in msg
    return msg


def test_errors(tmp_path):
    assert "nope.txt" in one_line_error([tmp_path / "nope.txt"])
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    assert "empty input" in one_line_error([empty])
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 20)
    assert "junk.bin" in one_line_error([junk])
    assert "unknown input format" in one_line_error([TEXT], fmt="pdf")


@pytest.mark.parametrize("lines, needle", [
    (['{"id": "a", "text": "ok"}', '{"id": "b", "text": '], ":2: malformed JSON"),
    (['{"id": "a", "text": "ok"}', '{"text": "no id"}'], ":2: record without an id"),
    (['{"id": "a"}'], ":1: record a has no text or html"),
    (['[1, 2]'], None),
])
def test_jsonl_errors_name_file_and_line(tmp_path, lines, needle):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(lines) + "\n")
    msg = one_line_error([f])
    assert msg.startswith(str(f))
    if needle:
        assert needle in msg
