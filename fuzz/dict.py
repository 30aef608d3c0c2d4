#!/usr/bin/env python3
"""Writes a libFuzzer dictionary of the cue words (gazetteers/cues/*.tsv) to stdout.

    python3 fuzz/dict.py > fuzz/cues.dict

Every form becomes one quoted entry; bytes outside printable ASCII are written as \\xNN.
"""
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
seen = set()
for path in sorted((root / "gazetteers" / "cues").glob("*.tsv")):
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) != 3 or cols[2] in seen:
            continue
        seen.add(cols[2])
        body = "".join(
            chr(b) if 32 <= b < 127 and b not in (0x22, 0x5C) else f"\\x{b:02x}"
            for b in cols[2].encode("utf-8")
        )
        print(f'"{body}"')
