"""Each name a kgraph module defines at its top level is defined once.

Stop 30 gave the warning readers' suffering verbs the name `lexicon.SUFFERING_VERBS`, which
another list already had: the later assignment replaced the earlier one, and the readers of the
first ("Kyiv repelled the assault") silently read the second.
"""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kgraph"


def _defined_names(tree: ast.Module) -> Counter:
    names: Counter = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not any(
                isinstance(d, ast.Name) and d.id == "overload" for d in node.decorator_list):
            names[node.name] += 1
    return names


def test_no_module_defines_a_top_level_name_twice():
    twice = {f"{path.name}: {name}" for path in sorted(PACKAGE.glob("*.py"))
             for name, count in _defined_names(ast.parse(path.read_text(encoding="utf-8"))).items() if count > 1}
    assert not twice


def test_the_check_finds_a_name_defined_twice():
    tree = ast.parse("WORDS = frozenset()\nOTHER = 1\nWORDS = frozenset({'a'})\n")
    assert _defined_names(tree)["WORDS"] == 2


def test_no_data_file_holds_a_key_twice():
    """json.load keeps the last of two equal keys as silently as Python keeps the last assignment."""
    import json

    twice = []

    def keep(pairs):
        keys = [k for k, _ in pairs]
        twice.extend(k for k in set(keys) if keys.count(k) > 1)
        return dict(pairs)

    for path in sorted((PACKAGE / "data").glob("*.json")):
        json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=keep)
    assert not twice
