"""Reading articles: formats, metadata, identity, and every kind of bad input named with its place."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conflictkg.articles import MAX_BYTES, article_from_text, detect_language, read_articles
from conflictkg.errors import InputError

AR = "سيطرت قوات المعارضة على مبنى البلدية في مدينة درعا صباح اليوم بعد اشتباكات قصيرة مع الحراس."
EN = "Opposition fighters took over the municipal building in the city of Daraa this morning after clashes."


def _one(path: Path, **kw):
    (item,) = list(read_articles([path], **kw))
    return item


def test_txt_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    meta = {"id": "daraa-1", "published": "2023-05-02", "source": "https://example.org/1", "title": "T"}
    (tmp_path / "a.json").write_text(json.dumps(meta), encoding="utf-8")
    item = _one(tmp_path / "a.txt")
    assert item.error is None and item.article is not None
    a = item.article
    assert a.id == "https://w3id.org/conflictkg/id/article-daraa-1"
    assert (a.language, a.published, a.source, a.title) == (
        "ar",
        date(2023, 5, 2),
        "https://example.org/1",
        "T",
    )
    assert a.text == AR


def test_published_flag_fills_missing_date_and_identity_is_stable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    first = _one(tmp_path / "a.txt", published=date(2022, 4, 14)).article
    again = _one(tmp_path / "a.txt", published=date(2022, 4, 14)).article
    assert first is not None and again is not None
    assert first.published == date(2022, 4, 14)
    assert first.id == again.id


def test_source_url_gives_identity_independent_of_text() -> None:
    a = article_from_text(AR, where="x", published=date(2022, 1, 1), source="https://example.org/n/1")
    b = article_from_text(
        AR + " تحديث.", where="x", published=date(2022, 1, 1), source="https://example.org/n/1"
    )
    c = article_from_text(AR, where="x", published=date(2022, 1, 1))
    assert a.id == b.id != c.id


def test_missing_date_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    item = _one(tmp_path / "a.txt")
    assert item.article is None and item.error is not None
    assert "--published" in str(item.error) and "a.txt" in str(item.error)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"   \n  ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (
            "Bonjour à tous, ceci n'est ni arabe ni anglais: ça suffit? Non, ĉu ŝi ĝuas?".encode("utf-16"),
            "binary",
        ),
        (
            "这是一篇中文文章，讲述了城市里发生的事件，没有阿拉伯语也没有英语的内容在这里。".encode(),
            "unknown language",
        ),
        (b"\xff\xfe\xfa\x80 latin garbage that is not arabic either, quite long text here", "not UTF-8"),
    ],
)
def test_bad_text_files_are_named(tmp_path: Path, content: bytes, needle: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    item = _one(p, published=date(2022, 1, 1))
    assert item.article is None and item.error is not None
    assert needle in str(item.error) and "bad.txt" in str(item.error)


def test_cp1256_arabic_is_read(tmp_path: Path) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes(AR.encode("cp1256"))
    item = _one(p, published=date(2022, 1, 1))
    assert item.article is not None and item.article.text == AR


def test_too_large_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    p.write_bytes((AR + "\n").encode() * (MAX_BYTES // len(AR.encode()) + 10))
    item = _one(p, published=date(2022, 1, 1))
    assert item.error is not None and "limit" in str(item.error)


def test_html_gives_its_text(tmp_path: Path) -> None:
    p = tmp_path / "page.txt"
    p.write_text(
        f"<html><head><script>var x=1;</script></head><body><p>{EN}</p></body></html>", encoding="utf-8"
    )
    item = _one(p, published=date(2022, 1, 1))
    assert item.article is not None
    assert item.article.text == EN and item.article.language == "en"


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "one", "text": AR, "published": "2022-04-14"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "two", "published": "2022-04-14"}),
        "",
        json.dumps({"id": "three", "text": EN, "published": "14/04/2022"}),
        json.dumps({"id": "four", "text": EN, "published": "2022-04-15", "url": "https://example.org/4"}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_articles([p]))
    assert [i.location for i in items] == [f"{p}:1", f"{p}:2", f"{p}:3", f"{p}:5", f"{p}:6"]
    ok = [i for i in items if i.article]
    assert [i.article.id.rsplit("-", 1)[-1] for i in ok if i.article] == ["one", "four"]
    errors = {i.location: str(i.error) for i in items if i.error}
    assert "invalid JSON" in errors[f"{p}:2"]
    assert "text" in errors[f"{p}:3"]
    assert "YYYY-MM-DD" in errors[f"{p}:5"]


def test_folder_is_read_recursively_and_missing_paths_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "y.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "y.json").write_text('{"published": "2022-04-14"}', encoding="utf-8")
    items = list(read_articles([tmp_path, tmp_path / "nope.txt"], published=date(2021, 1, 1)))
    assert len(items) == 3
    assert [i.article.language for i in items[:2] if i.article] == ["en", "ar"]
    assert items[2].error is not None and "no such file" in str(items[2].error)
    with pytest.raises(InputError, match="language"):
        article_from_text("12345 67890 ..." * 3, where="w", published=date(2022, 1, 1))


def test_detect_language() -> None:
    assert detect_language(AR) == "ar"
    assert detect_language(EN) == "en"
    assert detect_language("ok") is None
