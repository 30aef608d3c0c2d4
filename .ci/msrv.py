"""Checks that Cargo.toml's rust-version is at least every locked dependency's own.

No other toolchain can be installed here, so the MSRV is not built with: it is checked
against the `rust-version` that each dependency in Cargo.lock declares (normal and build
dependencies of the library and the binary; dev-dependencies excluded).
"""
import json
import subprocess
import sys


def version(text):
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


meta = json.loads(subprocess.run(
    ["cargo", "metadata", "--format-version", "1", "--locked"],
    check=True, capture_output=True, text=True).stdout)
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = meta["resolve"]["root"]
ours = version(packages[root]["rust_version"])
seen, todo = set(), [root]
while todo:
    node = todo.pop()
    if node in seen:
        continue
    seen.add(node)
    for dep in nodes[node]["deps"]:
        kinds = {k["kind"] for k in dep["dep_kinds"]}
        if node == root and kinds == {"dev"}:
            continue
        todo.append(dep["pkg"])
needs = sorted((version(packages[p]["rust_version"]), packages[p]["name"])
               for p in seen if p != root and packages[p].get("rust_version"))
top, name = needs[-1]
shown = ".".join(map(str, top))
if top > ours:
    sys.exit(f"CI: rust-version {packages[root]['rust_version']} is below {name}'s {shown}")
print(f"  rust-version {packages[root]['rust_version']} >= every locked dependency's (highest: {name} {shown})")
