"""examples/spark/extract_articles.py on Spark local[2] equals the batch tool."""

import importlib.util
import json
import os
import shutil

import pytest

from conftest import ARTICLES, ROOT, batch_binary, without_names

if os.environ.get("ACCORDS_REQUIRE_SPARK") != "1":
    pytest.importorskip("pyspark")
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime", allow_module_level=True)

spec = importlib.util.spec_from_file_location("extract_articles", ROOT / "examples" / "spark" / "extract_articles.py")
example = importlib.util.module_from_spec(spec)
spec.loader.exec_module(example)


@pytest.fixture(scope="module")
def spark():
    session = example.session("local[2]")
    yield session
    session.stop()


def lines(folder):
    out = {}
    for part in sorted(folder.glob("part-*")):
        for line in part.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out[row["id"]] = row
    return out


@pytest.mark.parametrize("mode", ["pandas", "pipe"])
def test_spark_equals_the_batch_tool(spark, tmp_path, batch_chars, mode):
    out = tmp_path / "out"
    argv = [str(ARTICLES), str(out), "--format", "jsonl", "--mode", mode, "--binary", str(batch_binary())]
    assert example.main(argv, spark=spark) == 0
    got = lines(out)
    assert set(got) == set(batch_chars)
    for name, line in batch_chars.items():
        assert without_names(got[name]) == without_names(line), (mode, name)


def test_spark_jsonl_in_parquet_out(spark, tmp_path, articles):
    import pandas as pd
    from conftest import run_batch

    src = tmp_path / "articles.jsonl"
    docs = [{"id": n, "text": t, "published": "2025-01"} for n, t in articles.items()]
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "out.parquet"
    assert example.main([str(src), str(out), "--format", "parquet"], spark=spark) == 0
    table = pd.read_parquet(out)
    expected = run_batch("--input", "jsonl", "--offsets", "chars", str(src))
    assert len(table) == len(docs)
    for row in table.itertuples():
        line = expected[row.id]
        assert row.published == line["published"] == "2025-01"
        assert row.language == line["language"]
        assert json.loads(row.agreements) == line["agreements"]
        assert row.n_agreements == len(line["agreements"])
