#!/usr/bin/env python3
"""Validate the gazetteer TSV files.  Usage: python3 gazetteers/check.py
Prints `file:line: reason` for each problem and exits 1 if any; exits 0 when clean.

Forms that fold to the same key for two different entities are errors unless declared
in the same file with a comment line:   # shared:<TAB>form<TAB>free text
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = {"en", "fr", "ar"}
errors = []


def err(path, line, msg):
    errors.append(f"gazetteers/{os.path.basename(path)}:{line}: {msg}")


AR_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
AR_MARKS = re.compile("[\u064B-\u0652\u0670]")


def fold(s):
    """Approximation of the Rust matcher's normalisation."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = AR_MARKS.sub("", s).translate(AR_MAP)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06FF")
    s = re.sub(r"[-\u2010-\u2015\u2212]", " ", s.lower())
    return re.sub(r"\s+", " ", s).strip()


def read(name, ncols):
    """Yield (lineno, fields) and collect `# shared:` declarations."""
    path = os.path.join(HERE, name)
    shared = set()
    rows = []
    if not os.path.exists(path):
        err(path, 0, "missing file")
        return path, rows, shared
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.endswith("\r"):
                err(path, n, "CRLF line ending")
                line = line.rstrip("\r")
            if line.startswith("# shared:"):
                parts = line.split("\t")
                if len(parts) < 2 or not parts[1].strip():
                    err(path, n, "malformed '# shared:' line (want '# shared:<TAB>form<TAB>why')")
                else:
                    shared.add(fold(parts[1]))
                continue
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                err(path, n, f"expected {ncols} columns, got {len(cols)}")
                continue
            bad = False
            for c in cols:
                if not c or c != c.strip() or "  " in c:
                    err(path, n, f"empty field or stray whitespace in {cols!r}")
                    bad = True
                    break
            if not bad:
                rows.append((n, cols))
    return path, rows, shared


def check_dups(path, rows, keyf):
    seen = {}
    for n, cols in rows:
        k = keyf(cols)
        if k in seen:
            err(path, n, f"duplicate row (first at line {seen[k]}): {cols!r}")
        else:
            seen[k] = n


def check_shared(path, entries, shared, what):
    """entries: list of (lineno, folded_form, entity). Reports forms used by >1 entity."""
    by = {}
    for n, form, ent in entries:
        by.setdefault(form, {}).setdefault(ent, n)
    for form, ents in sorted(by.items()):
        if len(ents) > 1 and form not in shared:
            where = ", ".join(f"{e}@{l}" for e, l in sorted(ents.items()))
            line = max(ents.values())
            err(path, line, f"form {form!r} shared by different {what}: {where} (declare with '# shared:' if unavoidable)")


def main():
    # --- countries -------------------------------------------------------
    pc, crow, _ = read("countries.tsv", 4)
    px, xrow, xshared = read("countries.extra.tsv", 4)
    codes = set()
    for n, (code, lang, kind, form) in crow:
        if not re.fullmatch(r"[A-Z]{2}", code):
            err(pc, n, f"bad code {code!r}")
        if kind != "name":
            err(pc, n, f"generated file may only contain kind 'name', got {kind!r}")
        if lang not in LANGS:
            err(pc, n, f"bad lang {lang!r}")
        codes.add(code)
    kinds = {"name", "official", "abbr", "adj", "capital"}
    for n, (code, lang, kind, form) in xrow:
        if code not in codes:
            err(px, n, f"unknown country code {code!r} (not in countries.tsv)")
        if lang not in LANGS:
            err(px, n, f"bad lang {lang!r}")
        if kind not in kinds:
            err(px, n, f"bad kind {kind!r} (want one of {sorted(kinds)})")
    allrows = [(pc, n, c) for n, c in crow] + [(px, n, c) for n, c in xrow]
    seen = {}
    for p, n, c in allrows:
        k = tuple(c)
        if k in seen:
            err(p, n, f"duplicate row (first at {seen[k]}): {c!r}")
        else:
            seen[k] = f"{os.path.basename(p)}:{n}"
    have = {(c[0], c[1]) for _, _, c in allrows if c[2] == "name"}
    for code in sorted(codes):
        for lang in sorted(LANGS):
            if (code, lang) not in have:
                err(pc, 0, f"{code} has no {lang} name")
    caps = {}
    for p, n, c in allrows:
        if c[2] == "capital":
            caps.setdefault((c[0], c[1]), []).append(n)
    # shared forms across codes (abbr compared exactly, the rest folded)
    entries = []
    for p, n, (code, lang, kind, form) in allrows:
        key = ("ABBR:" + form) if kind == "abbr" else fold(form)
        entries.append((n if p == px else -n, key, code))
    by = {}
    for n, key, code in entries:
        by.setdefault(key, {}).setdefault(code, n)
    for key, ents in sorted(by.items()):
        if len(ents) > 1 and key not in xshared:
            where = ", ".join(f"{c}@{'extra' if l > 0 else 'cldr'}:{abs(l)}" for c, l in sorted(ents.items()))
            err(px, max(abs(l) for l in ents.values()), f"form {key!r} used by different codes: {where}")

    # --- places ----------------------------------------------------------
    pp, prow, pshared = read("places.tsv", 4)
    canon_country = {}
    entries = []
    for n, (canon, cc, lang, form) in prow:
        if cc not in codes:
            err(pp, n, f"unknown country code {cc!r}")
        if lang not in LANGS:
            err(pp, n, f"bad lang {lang!r}")
        if canon_country.setdefault(canon, cc) != cc:
            err(pp, n, f"{canon!r} given two countries")
        entries.append((n, fold(form), canon))
    en_ok = {c for _, (c, _, l, f) in prow if l == "en" and f == c}
    for n, (canon, cc, lang, form) in prow:
        if canon not in en_ok:
            err(pp, n, f"{canon!r} has no en line with form == canonical")
            en_ok.add(canon)
    check_dups(pp, prow, lambda c: (c[0], c[2], c[3]))
    check_shared(pp, entries, pshared, "places")

    # --- events ----------------------------------------------------------
    pe, erow, eshared = read("events.tsv", 3)
    entries = []
    for n, (canon, lang, form) in erow:
        if lang not in LANGS:
            err(pe, n, f"bad lang {lang!r}")
        entries.append((n, form if form.isupper() else fold(form), canon))
    check_dups(pe, erow, lambda c: tuple(c))
    check_shared(pe, entries, eshared, "events")
    # Every event is named in the three languages.
    elangs = {}
    for n, (canon, lang, form) in erow:
        elangs.setdefault(canon, (n, set()))[1].add(lang)
    for canon, (n, ls) in elangs.items():
        if ls != LANGS:
            err(pe, n, f"event {canon!r} has no form in {sorted(LANGS - ls)}")
    # An event form is no country, place, organisation or person: the longest match
    # would take the other entity's mention away.
    others = {}
    for p_, rows_, col in ((pc, crow, 3), (px, xrow, 3), (pp, prow, 3)):
        for _, c in rows_:
            if not (p_ == px and c[2] == "abbr"):
                others.setdefault(fold(c[col]), os.path.basename(p_))
    for n, (canon, lang, form) in erow:
        if fold(form) in others:
            err(pe, n, f"event form {form!r} is also in {others[fold(form)]}")

    # --- organizations ---------------------------------------------------
    po, orow, oshared = read("organizations.tsv", 5)
    entries = []
    okinds = {"intl", "gov", "company"}
    canon_meta = {}
    for n, (canon, kind, cc, lang, form) in orow:
        if kind not in okinds:
            err(po, n, f"bad kind {kind!r} (want one of {sorted(okinds)})")
        if kind == "gov" and cc not in codes:
            err(po, n, f"gov body needs a valid country code, got {cc!r}")
        if kind != "gov" and cc != "-":
            err(po, n, f"{kind} row must have country '-', got {cc!r}")
        if lang not in LANGS:
            err(po, n, f"bad lang {lang!r}")
        if canon_meta.setdefault(canon, (kind, cc)) != (kind, cc):
            err(po, n, f"{canon!r} has inconsistent kind/country")
        entries.append((n, form if form.isupper() else fold(form), canon))
    check_dups(po, orow, lambda c: (c[0], c[3], c[4]))
    check_shared(po, entries, oshared, "organizations")

    # --- people ----------------------------------------------------------
    ph, hrow, hshared = read("people.tsv", 5)
    entries = []
    meta = {}
    for n, (canon, cc, role, lang, form) in hrow:
        if cc not in codes:
            err(ph, n, f"unknown country code {cc!r}")
        if lang not in LANGS:
            err(ph, n, f"bad lang {lang!r}")
        if meta.setdefault(canon, (cc, role)) != (cc, role):
            err(ph, n, f"{canon!r} has inconsistent country/role")
        entries.append((n, fold(form), canon))
    check_dups(ph, hrow, lambda c: (c[0], c[3], c[4]))
    check_shared(ph, entries, hshared, "people")

    taken = {}
    for p_, rows_, col in ((po, orow, 4), (ph, hrow, 4)):
        for _, c in rows_:
            taken.setdefault(fold(c[col]), os.path.basename(p_))
    for n, (canon, lang, form) in erow:
        if fold(form) in taken:
            err(pe, n, f"event form {form!r} is also in {taken[fold(form)]}")

    for e in errors:
        print(e)
    counts = dict(countries=len(crow), extra=len(xrow), places=len(prow), events=len(erow),
                  organizations=len(orow), people=len(hrow))
    print(("FAILED: %d error(s); " % len(errors) if errors else "OK; ") +
          ", ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
