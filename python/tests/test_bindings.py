"""The Python package against the batch tool, on the sample articles."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import accords
from conftest import run_batch, without_names


def spans(agreement: dict):
    """Every (field, [start, end]) of an agreement's evidence."""
    for field, value in agreement["evidence"].items():
        if value is None:
            continue
        if field in ("parties", "domains"):
            for _label, span in value:
                yield field, span
        elif field in ("organizations", "signatories"):
            for span in value:
                yield field, span
        else:
            yield field, value


def test_samples_have_agreements(articles, batch_chars):
    assert len(articles) >= 6
    assert set(batch_chars) == set(articles)
    assert sum(len(line["agreements"]) for line in batch_chars.values()) >= 6


def test_extract_equals_the_batch_tool(articles, batch_chars):
    extractor = accords.Extractor()
    for name, text in articles.items():
        assert extractor.extract(text) == without_names(batch_chars[name]), name


def test_module_extract_equals_the_batch_tool(articles, batch_chars):
    for name, text in articles.items():
        assert accords.extract(text) == without_names(batch_chars[name]), name


@pytest.mark.parametrize("jobs", [None, 1, 2, 7])
def test_extract_many_equals_the_batch_tool(articles, batch_chars, jobs):
    names = list(articles)
    out = accords.Extractor().extract_many([articles[n] for n in names], jobs=jobs)
    assert out == [without_names(batch_chars[n]) for n in names]
    assert accords.extract_many([articles[n] for n in names], jobs=jobs) == out


def test_spans_slice_the_python_string(articles, batch_chars, batch_bytes):
    """Python string indices: text[start:end] is the evidence the byte spans name."""
    seen = 0
    for name, text in articles.items():
        raw = text.encode("utf-8")
        got = accords.extract(text)["agreements"]
        for mine, bytes_ in zip(got, batch_bytes[name]["agreements"]):
            for (field, (s, e)), (_, (bs, be)) in zip(spans(mine), spans(bytes_)):
                assert 0 <= s < e <= len(text), (name, field)
                assert text[s:e] == raw[bs:be].decode("utf-8"), (name, field)
                assert text[s:e].strip(), (name, field)
                seen += 1
    assert seen > 30


def test_spans_past_astral_characters():
    """An emoji is one Python index and four UTF-8 bytes."""
    text = "🇲🇦🤝🇸🇳 Le Maroc et le Sénégal ont signé un mémorandum d'entente à Dakar."
    out = accords.extract(text, published="2024-06")
    (mou,) = out["agreements"]
    assert mou["parties"] == ["MA", "SN"]
    ev = mou["evidence"]
    assert text[slice(*ev["instrument"])] == "mémorandum d'entente"
    assert text[slice(*ev["location"])] == "Dakar"
    assert {text[slice(*span)] for _, span in ev["parties"]} == {"Maroc", "Sénégal"}


def test_published_overrides_the_date_line(articles, batch_chars):
    name = "fr_togo_estonie_declaration.txt"
    text = articles[name]
    assert accords.extract(text)["published"] == batch_chars[name]["published"]
    out = accords.extract(text, published="2026-01")
    assert out["published"] == "2026-01"
    assert accords.extract(text, published=datetime.date(2026, 1, 2))["published"] == "2026-01-02"
    assert accords.extract(text, published=datetime.datetime(2026, 1, 2, 9))["published"] == "2026-01-02"
    line = run_batch("--offsets", "chars", "--published", "2026-01", "-", stdin=text)["stdin"]
    assert out == without_names(line)


def test_extract_many_dates_per_text(articles):
    texts = list(articles.values())[:3]
    out = accords.extract_many(texts, published=["2020", None, "2021-02-03"])
    assert [o["published"] for o in out[::2]] == ["2020", "2021-02-03"]
    assert out[1] == accords.extract(texts[1])
    assert [o["published"] for o in accords.extract_many(texts, published="2019")] == ["2019"] * 3
    assert accords.extract_many([]) == []


def test_no_agreement_and_other_languages():
    assert accords.extract("") == {"language": "und", "published": None, "agreements": []}
    out = accords.extract("Der Vertrag wurde gestern in Berlin unterzeichnet.")
    assert out == {"language": "deu", "published": None, "agreements": []}


def test_bad_dates_are_value_errors():
    with pytest.raises(ValueError, match="2024-13"):
        accords.extract("text", published="2024-13")
    with pytest.raises(ValueError, match="YYYY"):
        accords.Extractor().extract("text", published="June 2024")
    with pytest.raises(ValueError, match="2 dates for 3 texts"):
        accords.extract_many(["a", "b", "c"], published=["2024", "2025"])
    with pytest.raises(ValueError, match="bad"):
        accords.extract_many(["a"], published=["bad"])
    with pytest.raises(TypeError):
        accords.extract("text", published=2024)
    with pytest.raises(ValueError, match="jobs"):
        accords.extract_many(["a"], jobs=0)
    with pytest.raises(TypeError):
        accords.extract_many("not a list of texts")


def test_gazetteer_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope"):
        accords.Extractor(gazetteers=tmp_path / "nope")
    with pytest.raises(OSError):
        accords.Extractor(str(tmp_path / "nope"))
    (tmp_path / "places.tsv").write_text("Kara\tTG\tfr\tKara\n", encoding="utf-8")
    extractor = accords.Extractor(gazetteers=tmp_path)
    assert repr(extractor).startswith("accords.Extractor(gazetteers=")
    text = "Le Togo et le Ghana ont signé jeudi à Kara un mémorandum d'entente."
    (mou,) = extractor.extract(text, published="2024-06")["agreements"]
    assert mou["location"] == "Kara"
    # The batch tool with the same folder agrees.
    line = run_batch("--offsets", "chars", "--gazetteers", str(tmp_path), "--published", "2024-06", "-", stdin=text)
    assert extractor.extract(text, published="2024-06") == without_names(line["stdin"])


def test_bad_gazetteer_line_names_the_file(tmp_path):
    (tmp_path / "places.tsv").write_text("only one column\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"places\.tsv:1"):
        accords.Extractor(gazetteers=tmp_path)


def test_threads_share_one_extractor(articles, batch_chars):
    extractor = accords.Extractor()
    names = list(articles) * 20
    expected = [without_names(batch_chars[n]) for n in names]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda n: extractor.extract(articles[n]), names))
        many = list(pool.map(lambda chunk: extractor.extract_many([articles[n] for n in chunk], jobs=2),
                             [names[i : i + 10] for i in range(0, len(names), 10)]))
    assert got == expected
    assert [r for chunk in many for r in chunk] == expected


def test_extraction_releases_the_gil(articles):
    """Another Python thread runs while extract_many works."""
    texts = list(articles.values()) * 300
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        accords.extract_many(texts, jobs=1)
    finally:
        done.set()
        t.join()
    assert len(ticks) > 10


def test_module_surface():
    assert accords.__version__
    for name in ("Extractor", "extract", "extract_many"):
        assert getattr(accords, name).__doc__, name
    assert "published" in accords.Extractor.extract.__text_signature__
