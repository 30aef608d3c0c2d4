#!/usr/bin/env bash
# Python bindings and the Spark example: makes a virtual environment under target/pyvenv
# (idempotent), installs Java if missing (Debian packages), pyspark, pandas, pyarrow,
# maturin and pytest, builds the package and runs python/tests (the Spark test too).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=$ROOT/target/pyvenv
if ! command -v java >/dev/null; then
  echo "python/ci.sh: installing a Java runtime (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
if ! "$VENV/bin/python" -c "import pyspark, pandas, pyarrow, maturin, pytest" 2>/dev/null; then
  "$VENV/bin/pip" install -q --disable-pip-version-check "pyspark>=3.5" "pandas<3" pyarrow "maturin>=1.7,<2" pytest
fi
cargo build --release --quiet --bin accords
export CARGO_TARGET_DIR=$ROOT/target
(cd python && VIRTUAL_ENV=$VENV PATH=$VENV/bin:$PATH maturin develop --release --quiet)
set +e
ACCORDS_REQUIRE_SPARK=1 ACCORDS_BIN=$ROOT/target/release/accords "$VENV/bin/python" -m pytest -q python/tests -p no:cacheprovider
status=$?
set -e
if [ $status -eq 5 ]; then echo "python/ci.sh: pytest collected no test" >&2; exit 1; fi
exit $status
