"""Agreements from many articles on Apache Spark, with the accords Python package.

Reads a folder of ``.txt`` articles (recursively), or a JSON Lines or Parquet dataset of
``{"id", "text", "published"?}`` rows, into a DataFrame, extracts the agreements, and
writes Parquet or JSON Lines:

    python examples/spark/extract_articles.py examples/articles out/ --format jsonl
    spark-submit examples/spark/extract_articles.py s3a://bucket/articles.parquet s3a://bucket/out

Two ways to run the extractor (``--mode``):

- ``pandas`` (the default): ``DataFrame.mapInPandas`` hands each task Arrow batches of
  rows; every executor Python process builds one ``accords.Extractor`` (kept on the
  module, so reused tasks reuse it) and runs ``extract_many`` on each batch.
  Executors need the ``accords`` package installed (``pip install ./python``).
- ``pipe``: ``RDD.pipe`` streams the rows as JSON Lines through the batch tool
  (``accords --input jsonl --offsets chars``), for clusters with the Rust binary but no
  Python package. The binary must be on every executor at ``--binary``.

Output rows: ``id``, ``path`` (text folders in pandas mode), ``language``,
``published``, ``n_agreements``, ``agreements`` (the batch tool's JSON array, offsets in
code points), ``error``. JSON Lines output writes ``agreements`` as JSON, so each line
is the batch tool's line.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import unquote, urlparse

# A Python worker starts with this interpreter, so it sees the same packages.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

from pyspark.sql import DataFrame, SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql.types import IntegerType, StringType, StructField, StructType  # noqa: E402

OUTPUT_SCHEMA = StructType(
    [
        StructField("id", StringType()),
        StructField("path", StringType()),
        StructField("language", StringType()),
        StructField("published", StringType()),
        StructField("n_agreements", IntegerType()),
        StructField("agreements", StringType()),
        StructField("error", StringType()),
    ]
)


def session(master: Optional[str] = None, app: str = "accords") -> SparkSession:
    """A session; ``master`` defaults to spark-submit's, else ``local[2]``."""
    builder = SparkSession.builder.appName(app)
    # Under spark-submit the driver is handed a gateway and the submitted master.
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:
        builder = builder.master(master or "local[2]")
    spark = (
        builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    return spark


def _input_format(path: str) -> str:
    """``text``, ``json`` or ``parquet``, from the path's name or a folder's files."""
    lower = path.rstrip("/").lower()
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith((".jsonl", ".json", ".ndjson")):
        return "json"
    local = Path(urlparse(path).path if "://" in path else path)
    if local.is_dir():
        names = [p.name.lower() for p in local.rglob("*") if p.is_file()]
        if any(n.endswith(".parquet") for n in names):
            return "parquet"
        if any(n.endswith((".jsonl", ".ndjson")) for n in names):
            return "json"
    return "text"


def read_articles(spark: SparkSession, path: str, fmt: str = "auto") -> DataFrame:
    """Articles as rows ``id, path, text, published``.

    A text folder gives one row per ``.txt`` file, ``id`` its path relative to the
    folder (as the batch tool names it) and ``published`` null (the text's ` date` line
    sets it). A JSON Lines or Parquet dataset must have ``id`` and ``text`` columns, and
    may have ``published`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
    fmt = _input_format(path) if fmt == "auto" else fmt
    if fmt == "text":
        df = (
            spark.read.text(path, wholetext=True, pathGlobFilter="*.txt", recursiveFileLookup=True)
            .select(F.col("value").alias("text"), F.col("_metadata.file_path").alias("uri"))
        )
        root = _uri_path(path if "://" in path else Path(path).resolve().as_uri())
        shown = path.rstrip("/")

        @F.udf(StringType())
        def relative(uri):
            p = _uri_path(uri)
            return p[len(root) :].lstrip("/") if p.startswith(root) else p

        df = df.withColumn("id", relative("uri"))
        return df.select(
            "id",
            F.concat(F.lit(shown + "/"), F.col("id")).alias("path"),
            "text",
            F.lit(None).cast(StringType()).alias("published"),
        )
    df = spark.read.parquet(path) if fmt == "parquet" else spark.read.json(path)
    if "published" not in df.columns:
        df = df.withColumn("published", F.lit(None).cast(StringType()))
    return df.select(
        F.col("id").cast(StringType()),
        F.lit(None).cast(StringType()).alias("path"),
        F.col("text").cast(StringType()),
        F.col("published").cast(StringType()),
    )


def _uri_path(uri: str) -> str:
    return unquote(urlparse(uri).path).rstrip("/")


def _process_extractor(gazetteers: Optional[str]):
    """One Extractor per Python worker process, kept on the accords module (a function
    shipped by Spark gets fresh globals with each task; the module lives on)."""
    import accords

    cache = accords.__dict__.setdefault("_spark_extractors", {})
    if gazetteers not in cache:
        cache[gazetteers] = accords.Extractor(gazetteers)
    return cache[gazetteers]


def _date(value) -> Optional[str]:
    if value is None or value != value or value == "":  # None, NaN, empty
        return None
    return str(value)


def extract_with_pandas(df: DataFrame, gazetteers: Optional[str] = None, jobs: int = 1) -> DataFrame:
    """Adds the extraction with ``mapInPandas``: one Extractor per executor process,
    ``extract_many`` on each Arrow batch with ``jobs`` threads (one per task core)."""

    def extract_batches(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:  # noqa: F821
        import pandas as pd

        extractor = _process_extractor(gazetteers)
        for batch in batches:
            texts = ["" if t is None else t for t in batch["text"].tolist()]
            dates = [_date(p) for p in batch["published"].tolist()]
            results = extractor.extract_many(texts, published=dates, jobs=jobs)
            yield pd.DataFrame(
                {
                    "id": batch["id"],
                    "path": batch["path"],
                    "language": [r.get("language") for r in results],
                    "published": [r.get("published") for r in results],
                    "n_agreements": [len(r.get("agreements", [])) for r in results],
                    "agreements": [
                        json.dumps(r["agreements"], ensure_ascii=False) if "agreements" in r else None
                        for r in results
                    ],
                    "error": [r.get("error") for r in results],
                }
            )

    return df.select("id", "path", "text", "published").mapInPandas(extract_batches, OUTPUT_SCHEMA)


def extract_with_pipe(df: DataFrame, binary: str = "accords", gazetteers: Optional[str] = None) -> DataFrame:
    """Streams the rows through the batch tool with ``RDD.pipe`` (one process per
    partition, one thread each: Spark runs the partitions in parallel)."""
    command = [binary, "--input", "jsonl", "--offsets", "chars", "-q", "-j", "1"]
    if gazetteers:
        command += ["--gazetteers", gazetteers]

    def line(row) -> str:
        doc = {"id": row["id"], "text": row["text"] or ""}
        if _date(row["published"]):
            doc["published"] = _date(row["published"])
        return json.dumps(doc, ensure_ascii=False)

    def parse(out: str):
        r = json.loads(out)
        agreements = r.get("agreements")
        return (
            r.get("id"),
            None,
            r.get("language"),
            r.get("published"),
            len(agreements) if agreements is not None else 0,
            json.dumps(agreements, ensure_ascii=False) if agreements is not None else None,
            r.get("error"),
        )

    lines = df.select("id", "text", "published").rdd.map(line)
    out = lines.pipe(shlex.join(command)).map(parse)
    return df.sparkSession.createDataFrame(out, OUTPUT_SCHEMA)


def write(df: DataFrame, out: str, fmt: str = "parquet") -> None:
    """Parquet, or JSON Lines (one batch-tool line per article, in part files)."""
    if fmt == "parquet":
        df.write.mode("overwrite").parquet(out)
        return
    spark = df.sparkSession
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(out)
    hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(hpath, True)

    def as_line(row) -> str:
        line = {"id": row["id"], "path": row["path"]}
        if row["error"] is not None:
            line["error"] = row["error"]
        else:
            line["language"] = row["language"]
            line["published"] = row["published"]
            line["agreements"] = json.loads(row["agreements"])
        return json.dumps(line, ensure_ascii=False)

    df.rdd.map(as_line).saveAsTextFile(out)


def main(argv: Optional[list] = None, spark: Optional[SparkSession] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a folder of .txt articles, or a JSON Lines / Parquet dataset")
    parser.add_argument("output", help="the output folder (replaced)")
    parser.add_argument("--input-format", choices=["auto", "text", "json", "parquet"], default="auto")
    parser.add_argument("--format", choices=["parquet", "jsonl"], default="parquet", help="output format")
    parser.add_argument("--mode", choices=["pandas", "pipe"], default="pandas")
    parser.add_argument("--binary", default="accords", help="the batch tool, for --mode pipe")
    parser.add_argument("--gazetteers", help="a gazetteer folder adding to the embedded data")
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[2])")
    parser.add_argument("--partitions", type=int, help="repartition the articles first")
    parser.add_argument("--jobs", type=int, default=1, help="threads per task in pandas mode")
    args = parser.parse_args(argv)

    spark = spark or session(args.master)
    articles = read_articles(spark, args.input, args.input_format)
    if args.partitions:
        articles = articles.repartition(args.partitions)
    if args.mode == "pandas":
        result = extract_with_pandas(articles, args.gazetteers, args.jobs)
    else:
        result = extract_with_pipe(articles, args.binary, args.gazetteers)
    write(result, args.output, args.format)
    return 0


if __name__ == "__main__":
    sys.exit(main())
