#!/usr/bin/env python3
"""Split the shared dev corpus into a tuning part and a kept-back part, by event key.

Articles that share an event key (the same instrument reported by several outlets) are
joined into one group, so an instrument is never on both sides. Articles with no
instrument ("none") are grouped alone. Each group goes to the kept-back part when the
SHA-1 of its smallest key, read as a number, is 0 modulo 3: about a third, stable across
runs and machines, decided by no one's reading of the texts.

    python3 eval/split.py ../shared/corpus/dev            # prints "name<TAB>tune|heldout"
    python3 eval/split.py ../shared/corpus/dev --make DIR # DIR/tune and DIR/heldout as symlinks

`score.py` takes a folder, so `--make` lays out two folders of links to the gold files.
"""
import hashlib
import os
import sys


def groups(manifest):
    rows = []
    with open(manifest, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                continue
            name, keys = cols[0], cols[2]
            keys = [k for k in keys.split(",") if k and k != "none"] or ["none:" + name]
            rows.append((name, keys))
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for name, keys in rows:
        for k in keys:
            parent[find(k)] = find(keys[0])
    members = {}
    for name, keys in rows:
        members.setdefault(find(keys[0]), []).append((name, keys))
    return members.values()


def language(name):
    return name.split("_")[0].rstrip("0123456789") if not name.startswith("seed") else "seed"


def split(dev):
    gs = list(groups(os.path.join(dev, "MANIFEST.tsv")))
    gs.sort(key=lambda g: hashlib.sha1(min(k for _, ks in g for k in ks).encode()).hexdigest())
    total, held, out = {}, {}, {}
    for g in gs:
        for name, _ in g:
            total[language(name)] = total.get(language(name), 0) + 1
    for g in gs:
        need = {}
        for name, _ in g:
            need[language(name)] = need.get(language(name), 0) + 1
        fits = all(held.get(l, 0) + n <= total[l] / 3 for l, n in need.items())
        for l, n in need.items():
            held[l] = held.get(l, 0) + (n if fits else 0)
        for name, _ in g:
            out[name] = "heldout" if fits else "tune"
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    dev = sys.argv[1]
    sides = split(dev)
    if len(sys.argv) == 4 and sys.argv[2] == "--make":
        root = sys.argv[3]
        for side in ("tune", "heldout"):
            os.makedirs(os.path.join(root, side), exist_ok=True)
        for name, side in sides.items():
            for ext in (".txt", ".json"):
                src = os.path.abspath(os.path.join(dev, name + ext))
                dst = os.path.join(root, side, name + ext)
                if not os.path.lexists(dst):
                    os.symlink(src, dst)
        counts = {s: sum(1 for v in sides.values() if v == s) for s in ("tune", "heldout")}
        print(f"tune: {counts['tune']} articles, heldout: {counts['heldout']} articles", file=sys.stderr)
        return
    for name in sorted(sides):
        print(f"{name}\t{sides[name]}")


if __name__ == "__main__":
    main()
