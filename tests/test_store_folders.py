"""A store folder is a store and nothing else (issue 8.8), and a full disk or a read-only file
system ends a build with one line and nothing left behind (issue 8.7).

Full disks are simulated by a pyoxigraph store whose writes fail with the OSError RocksDB
gives; a read-only file system by a read-only bind mount where the test may mount (root with
CAP_SYS_ADMIN), else by the OSError of one (root ignores chmod)."""
from __future__ import annotations

import errno
import fcntl
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kgraph.store
from kgraph.cli import app
from kgraph.pipeline import build

ARTICLES = {"a.txt": "Russia condemned Ukraine.\n", "b.txt": "Japan supplied radars to the Philippines.\n"}
REAL_STORE = ox.Store
FULL = "IO error: No space left on device: While appending to file: 000008.log: No space left on device"
runner = CliRunner()


def _articles(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def _listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def _data_files(store: Path) -> dict[str, int]:
    """The store's files but RocksDB's info log (which it rotates at every open)."""
    return {name: size for name, size in _listing(store).items() if not name.startswith("LOG")}


def one_error(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.stderr.splitlines() if line.startswith("kgraph: error: ")]
    assert len(errors) == 1 and result.stderr.strip() == errors[0], result.stderr
    assert result.stdout == ""
    return errors[0]


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    build([str(_articles(folder / "in"))], store=str(folder / "kg"), ingest_process=False)
    return folder / "kg"


# --- issue 8.8: what a store folder may be --------------------------------------------------

def test_a_folder_of_ones_own_files_is_not_made_a_store(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes\n")
    before = _listing(mine)
    error = one_error(["build", str(_articles(tmp_path / "in")), "--store", str(mine)])
    assert "not a kgraph store" in error and "notes.txt" in error
    assert _listing(mine) == before
    for args in (["remove", "x.txt", "--store", str(mine)], ["query", str(mine), "actors"],
                 ["export", str(mine), "-o", str(tmp_path / "g.graphml")]):
        assert "not a kgraph store" in one_error(args)
        assert _listing(mine) == before  # not even a lock file


def test_an_empty_folder_becomes_a_store(tmp_path: Path) -> None:
    (tmp_path / "kg").mkdir()
    (tmp_path / "kg" / ".gitkeep").write_text("")
    build([str(_articles(tmp_path / "in"))], store=str(tmp_path / "kg"), ingest_process=False)
    assert (tmp_path / "kg" / "CURRENT").is_file()


def test_remove_from_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    error = one_error(["remove", "a.txt", "--store", str(tmp_path / "missing")])
    assert "no store at" in error and not (tmp_path / "missing").exists()


@pytest.mark.parametrize("damage", ["missing CURRENT", "truncated SST", "truncated MANIFEST"])
def test_a_damaged_store_is_one_line_naming_it_for_build_and_query(tmp_path: Path, good_store: Path,
                                                                   damage: str) -> None:
    import shutil

    store = tmp_path / "kg"
    shutil.copytree(good_store, store)
    if damage == "missing CURRENT":
        (store / "CURRENT").unlink()
    elif damage == "truncated SST":
        victim = max(store.glob("*.sst"), key=lambda p: p.stat().st_size)
        with open(victim, "r+b") as handle:
            handle.truncate(victim.stat().st_size // 3)
    else:  # cut inside its first record (RocksDB reads a manifest cut later as an older one)
        with open(next(store.glob("MANIFEST-*")), "r+b") as handle:
            handle.truncate(10)
    before = _data_files(store)
    inputs = str(_articles(tmp_path / "in"))
    for args in (["build", inputs, "--store", str(store)], ["query", str(store), "actors"],
                 ["remove", "a.txt", "--store", str(store)]):
        error = one_error(args)
        assert str(store) in error and "damaged" in error, error
    assert _data_files(store) == before  # never replaced by a new, empty database


def test_a_store_with_a_damaged_block_is_one_line_for_every_command(tmp_path: Path, good_store: Path) -> None:
    # The store opens; RocksDB finds the damage only when it reads the block (a checksum).
    import shutil

    store = tmp_path / "kg"
    shutil.copytree(good_store, store)
    for table in store.glob("*.sst"):
        with open(table, "r+b") as handle:
            handle.seek(200)
            handle.write(b"\xde\xad\xbe\xef")
    inputs = str(_articles(tmp_path / "in"))
    for args in (["query", str(store), "SELECT * { ?s ?p ?o }"],
                 ["export", str(store), "-o", str(tmp_path / "kg.nq")],
                 ["build", inputs, "--store", str(store)], ["remove", "a.txt", "--store", str(store)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 3, result.output
        assert result.stderr.startswith(f"kgraph: error: the store {store} is damaged (Corruption: ")
        assert result.stderr.endswith("; rebuild it\n") and result.stderr.count("\n") == 1, result.stderr


def test_a_damaged_store_opened_by_a_relative_path_is_named() -> None:
    """RocksDB names the damaged file by the path the store was opened with: "kg/000019.sst"
    gave "the store is damaged", naming none."""
    from kgraph.storefolder import damage_in

    error = damage_in(RuntimeError("Corruption: block checksum mismatch: stored = 1, computed = 2, "
                                   "type = 4 in kg/000019.sst offset 0 size 4055, block_type = Data"))
    assert str(error).startswith("the store kg is damaged (Corruption: block checksum mismatch")


@pytest.mark.parametrize("command", [["query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"], ["export", "-o", "g.graphml"]])
def test_a_count_over_a_damaged_block_runs_out_of_memory_in_one_line(tmp_path: Path, command: list[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A COUNT over a store with a damaged data block made Oxigraph gather the same read error
    without end: 240 MB a second, until the system's out-of-memory killer stopped it, and Rust's
    report on the terminal; so did an export to GraphML. The query runs in a process with a
    memory limit (three quarters of the machine's; here 1 GiB more than the test's own
    process), and the user reads one line."""
    from kgraph import killable

    store = tmp_path / "kg"
    build([str(Path(__file__).resolve().parents[1] / "examples")], store=str(store), ingest_process=False)
    for table in store.glob("*.sst"):
        if table.stat().st_size > 3100:
            with open(table, "r+b") as handle:
                handle.seek(3000)
                handle.write(b"\xde\xad\xbe\xef")
    monkeypatch.setattr(killable, "memory_limit", lambda: killable._address_space() + 2**30)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [command[0], str(store), *command[1:]])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("kgraph: error: the query ran out of memory (it may take ")
    assert "damaged" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg"]  # no output, no temporary file


# --- issue 8.7: full disks and read-only file systems -----------------------------------------

class _FullDisk:
    """A pyoxigraph store whose writes fail as RocksDB's do on a full disk."""

    def __init__(self, path: str | None = None) -> None:
        self.real = REAL_STORE(path)

    def __getattr__(self, name: str):
        if name in ("extend", "update", "flush", "bulk_extend", "add"):
            def fail(*args, **kwargs):
                raise OSError(FULL)
            return fail
        return getattr(self.real, name)


def test_a_full_disk_during_an_output_build_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    inputs = _articles(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(kgraph.store.ox, "Store", _FullDisk)
    error = one_error(["build", str(inputs), "-o", str(out / "g.ttl")])
    assert error == f"kgraph: error: cannot write {out / 'g.ttl'}: No space left on device"
    assert list(out.iterdir()) == []  # no hidden .g.ttl.*.store


def test_a_full_disk_while_the_file_is_written_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    inputs, out = _articles(tmp_path / "in"), tmp_path / "out"
    out.mkdir()

    def serialize(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kgraph.store.ox, "serialize", serialize)
    error = one_error(["build", str(inputs), "-o", str(out / "g.ttl")])
    assert "No space left on device" in error and list(out.iterdir()) == []


def test_a_full_disk_during_a_store_build_keeps_the_store_as_it_was(tmp_path: Path, good_store: Path,
                                                                    monkeypatch) -> None:
    import shutil

    store = tmp_path / "kg"
    shutil.copytree(good_store, store)
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "c.txt").write_text("France warned Russia.\n")
    monkeypatch.setattr(kgraph.store.ox, "Store", _FullDisk)
    error = one_error(["build", str(tmp_path / "new"), "--store", str(store)])
    assert error == f"kgraph: error: cannot write store {store}: No space left on device"
    monkeypatch.undo()
    assert "Russia" in runner.invoke(app, ["query", str(store), "who-condemned-whom"]).stdout


def test_a_store_that_cannot_be_created_on_a_full_disk_is_not_left_behind(tmp_path: Path, monkeypatch) -> None:
    def full(path=None):
        raise OSError(f"IO error: DB::Open() failed --- {FULL}")

    monkeypatch.setattr(kgraph.store.ox, "Store", full)
    error = one_error(["build", str(_articles(tmp_path / "in")), "--store", str(tmp_path / "kg")])
    assert "No space left on device" in error and not (tmp_path / "kg").exists()


@pytest.fixture
def read_only(tmp_path: Path, good_store: Path):
    """A folder holding a store and an article, on a read-only bind mount when possible; else
    the folder as it is and `simulated` set, for the test to fake the file system's OSError."""
    import shutil

    source, mount = tmp_path / "source", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    shutil.copytree(good_store, source / "kg")
    (source / "a.txt").write_text("France warned Russia.\n")
    bound = subprocess.run(["mount", "--bind", str(source), str(mount)], capture_output=True).returncode == 0
    if bound and subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], capture_output=True).returncode == 0:
        yield mount, False
        subprocess.run(["umount", str(mount)], check=True)
        return
    if bound:
        subprocess.run(["umount", str(mount)], check=True)
    yield source, True


def test_a_store_build_on_a_read_only_file_system_is_one_line(read_only, monkeypatch) -> None:
    folder, simulated = read_only
    if simulated:
        def refuse(*args, **kwargs):
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(kgraph.store.Path, "mkdir", refuse)
        monkeypatch.setattr(kgraph.store, "open", refuse, raising=False)
    before = _listing(folder)
    error = one_error(["build", str(folder / "a.txt"), "--store", str(folder / "new")])
    assert error.endswith("Read-only file system") and str(folder / "new") in error
    error = one_error(["build", str(folder / "a.txt"), "--store", str(folder / "kg")])
    assert error.endswith("Read-only file system") and str(folder / "kg") in error
    assert _listing(folder) == before
    if not simulated:  # reading a store on read-only media works
        assert "Russia" in runner.invoke(app, ["query", str(folder / "kg"), "who-condemned-whom"]).stdout


def test_a_temporary_store_a_killed_build_left_is_removed_by_the_next(tmp_path: Path) -> None:
    inputs, out = _articles(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    stale, running = out / ".g.ttl.k1ll3d.store", out / ".g.ttl.busy00.store"
    for folder in (stale, running):
        folder.mkdir()
        (folder / "kgraph.lock").write_text("")
        (folder / "000008.log").write_text("x")
    with open(running / "kgraph.lock") as held:  # another build of g.ttl, still running
        fcntl.flock(held, fcntl.LOCK_EX)
        build([str(inputs)], out / "g.ttl", ingest_process=False)
    assert sorted(p.name for p in out.iterdir()) == [running.name, "g.ttl"]
