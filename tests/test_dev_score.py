"""Regression guard on the development set: extraction quality must not drop.

The documents and gold events live outside the project (`../shared/eval/dev`) and are read
from there, never copied in. The graph is built with the real model and scored by the
project's own scorer (`../shared/eval/score.py`). Without the set the tests are skipped, but
in CI (CI=true) they fail: CI always has ../shared, and a guard that never ran guards nothing.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kgraph.cli import app

from conftest import ROOT, require_shared

EVAL = ROOT.parent / "shared" / "eval"
DEV_DOCS = EVAL / "dev" / "docs"
DEV_GOLD = EVAL / "dev" / "dev.gold.jsonl"
SCORER = EVAL / "score.py"

# The strict F1 reached on the development set with the shipped models: 0.808 at stop 52 (0.824 before
# the models were refitted on that stop's rules), 0.800 at stop 55 (one in-sample key lost to that
# stop's refit; README, "Quality"; docs/quality.md). It is
# a floor, not a target: raise it whenever extraction improves, so gains cannot silently be lost.
REACHED_STRICT_F1 = 0.80
TOLERANCE = 0.02


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    require_shared(DEV_DOCS, DEV_GOLD, SCORER, what="development set")  # skipped here, failed in CI
    folder = tmp_path_factory.mktemp("dev")
    graph, report = folder / "dev.ttl", folder / "scores.json"
    built = CliRunner().invoke(app, ["build", str(DEV_DOCS), "--output", str(graph), "--quiet"])
    assert built.exit_code == 0, built.output
    scored = subprocess.run([sys.executable, str(SCORER), str(graph), str(DEV_GOLD), "--json", str(report)],
                            capture_output=True, text=True, timeout=120)
    assert scored.returncode == 0, scored.stderr
    return json.loads(report.read_text(encoding="utf-8"))


def test_every_dev_document_is_scored(scores: dict) -> None:
    assert scores["documents"] == len(list(DEV_DOCS.glob("*.txt")))


def test_strict_f1_has_not_dropped(scores: dict) -> None:
    strict = scores["strict"]
    print(f"dev strict F1 {strict['f1']} (P {strict['p']}, R {strict['r']}); reached {REACHED_STRICT_F1}")
    assert strict["f1"] >= REACHED_STRICT_F1 - TOLERANCE, (
        f"dev strict F1 fell to {strict['f1']} (P {strict['p']}, R {strict['r']}), "
        f"more than {TOLERANCE} below the {REACHED_STRICT_F1} reached before"
    )
