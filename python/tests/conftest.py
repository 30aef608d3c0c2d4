"""Shared fixtures: the repository, the sample articles and the batch tool's output."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "examples" / "articles"


def batch_binary() -> Path:
    """The batch tool: $ACCORDS_BIN, else target/release/accords (`cargo build --release`)."""
    path = Path(os.environ.get("ACCORDS_BIN", ROOT / "target" / "release" / "accords"))
    if not path.exists():
        pytest.fail(f"the batch tool {path} is missing: run `cargo build --release` first")
    return path


def run_batch(*args: str, stdin: str = None) -> dict:
    """The batch tool's lines, by id."""
    out = subprocess.run(
        [str(batch_binary()), "-q", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    return {line["id"]: line for line in lines}


def without_names(line: dict) -> dict:
    """A batch line less `id` and `path`: what the Python API returns."""
    return {k: v for k, v in line.items() if k not in ("id", "path")}


@pytest.fixture(scope="session")
def articles() -> dict:
    """The sample articles' texts, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def batch_chars() -> dict:
    """`accords --offsets chars examples/articles`, by id."""
    return run_batch("--offsets", "chars", str(ARTICLES))


@pytest.fixture(scope="session")
def batch_bytes() -> dict:
    """`accords examples/articles` (byte offsets), by id."""
    return run_batch(str(ARTICLES))
