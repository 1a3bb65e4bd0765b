"""validation/miss_taxonomy.py and validation/miss_taxonomy.toml.

The taxonomy must cover exactly the held-out targets the catalogue lists as known misses or as
passes for the wrong reason (checked against the catalogue itself, so no validation run is
needed), and the script's checks must catch the drift they are for.
"""
import importlib.util
import os
import tomllib
from pathlib import Path

ROOT = Path(os.environ.get("BRAINLOAD_ROOT", Path(__file__).resolve().parents[2]))
spec = importlib.util.spec_from_file_location("miss_taxonomy",
                                              ROOT / "validation" / "miss_taxonomy.py")
miss_taxonomy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(miss_taxonomy)


def load(name):
    with open(ROOT / "validation" / name, "rb") as f:
        return tomllib.load(f)


def test_covers_exactly_the_uncounted_held_out_targets():
    catalogue = load("catalogue.toml")["target"]
    expected = {t["id"] for t in catalogue
                if t.get("role") == "held_out" and (t.get("known_miss") or t.get("wrong_reason"))}
    assert set(load("miss_taxonomy.toml")["target"]) == expected


def test_entries_are_well_formed():
    ids = {t["id"] for t in load("catalogue.toml")["target"]}
    for tid, e in load("miss_taxonomy.toml")["target"].items():
        assert e["class"] in miss_taxonomy.CLASSES, tid
        assert e["needs"], tid
        assert (e["class"] == "conflict") == ("with" in e), tid
        if "with" in e:
            assert e["with"] in ids and e["with"] != tid, tid


def report(*targets):
    return {"targets": [dict(role=r, id=i, layer=l, **{"pass": p}, wrong_reason=w)
                        for r, i, l, p, w in targets]}


def test_check_flags_drift():
    rep = report(("held_out", "a.miss", "acute", False, ""),
                 ("held_out", "b.pass", "acute", True, ""),
                 ("held_out", "c.wrong", "chronic", True, "seed"),
                 ("fitted", "d.fit", "acute", True, ""))
    good = {"target": {"a.miss": {"class": "conflict", "with": "d.fit", "needs": "x"},
                       "c.wrong": {"class": "parameter", "needs": "y"}}}
    assert miss_taxonomy.check(rep, good) == []
    stale = {"target": dict(good["target"], **{"b.pass": {"class": "parameter", "needs": "z"}})}
    assert any("counts as a held-out pass" in p for p in miss_taxonomy.check(rep, stale))
    missing = {"target": {"a.miss": good["target"]["a.miss"]}}
    assert any("c.wrong: not classified" in p for p in miss_taxonomy.check(rep, missing))
    bad = {"target": dict(good["target"], **{"a.miss": {"class": "conflict", "needs": "x"}})}
    assert any("'with'" in p for p in miss_taxonomy.check(rep, bad))


def test_summary_ceiling():
    rep = report(("held_out", "a", "acute", False, ""), ("held_out", "b", "acute", False, ""),
                 ("held_out", "c", "acute", True, ""), ("held_out", "d", "acute", True, ""),
                 ("fitted", "f", "acute", True, ""), ("held_out", "e", "chronic", True, ""))
    tax = {"target": {"a": {"class": "conflict", "with": "f", "needs": "x"},
                      "b": {"class": "mechanism", "needs": "y"}}}
    lines = miss_taxonomy.summary(rep, tax)
    assert lines[0].startswith("acute: 2 of 4 held-out targets pass (50 %); 75% needs 3")
    assert "3 of 4 (75 %)" in lines[2]
    assert lines[-1].startswith("conflicts: 1, 1 of them with a fitted")


def test_doc_must_quote_the_digest(tmp_path):
    rep = report(("held_out", "a", "acute", False, ""), ("held_out", "c", "acute", True, ""),
                 ("fitted", "f", "acute", True, ""), ("held_out", "e", "chronic", True, ""))
    tax = {"target": {"a": {"class": "conflict", "with": "f", "needs": "x"}}}
    line = miss_taxonomy.digest(rep, tax)
    assert line == ("miss taxonomy: conflict 1, mechanism 0, parameter 0, protocol 0; "
                    "ceiling 50 % acute, 100 % chronic")
    rp = tmp_path / "report.json"
    rp.write_text(__import__("json").dumps(rep))
    tp = tmp_path / "tax.toml"
    tp.write_text('[target."a"]\nclass = "conflict"\nwith = "f"\nneeds = "x"\n')
    good = tmp_path / "good.md"
    good.write_text("Counts:\n`miss taxonomy: conflict 1, mechanism 0, parameter 0,\nprotocol 0; "
                    "ceiling 50 % acute, 100 % chronic`\n")
    stale = tmp_path / "stale.md"
    stale.write_text("`miss taxonomy: conflict 2, mechanism 0, parameter 0, protocol 0`\n")
    assert miss_taxonomy.main(["x", str(rp), str(tp), "--doc", str(good)]) == 0
    assert miss_taxonomy.main(["x", str(rp), str(tp), "--doc", str(stale)]) == 1
    assert miss_taxonomy.main(["x", str(rp), str(tp), "--doc"]) == 2
