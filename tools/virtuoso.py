#!/usr/bin/env python3
"""A throwaway Virtuoso server (Debian's `virtuoso-opensource`) in a folder of its own, for
the tests and the benchmark that run the remote store against it.

    .venv/bin/python tools/virtuoso.py /tmp/vt     # start one, print its URL, stop on Ctrl-C

The database, its log and its `virtuoso.ini` live in the folder; the SQL and HTTP ports are
free loopback ports, so it runs beside a system Virtuoso and beside other test runs. Then the
two grants kgraph's writes need (see README, "Remote stores") are given through `isql-vt`.
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kgraph.serve import free_port

SERVER, ISQL = "virtuoso-t", "isql-vt"  # Debian's names for the server and its SQL shell

INI = """\
[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
CaseMode           = 2
DirsAllowed        = .
NumberOfBuffers    = 20000
MaxDirtyBuffers    = 15000
CheckpointInterval = 60

[HTTPServer]
ServerPort    = 127.0.0.1:{http_port}
ServerRoot    = {folder}
ServerThreads = 10
Charset       = UTF-8

[SPARQL]
; Virtuoso's default, 10000, cuts larger answers (an export of a large graph) short
ResultSetMaxRows      = {max_rows}
MaxQueryExecutionTime = 300
"""

# kgraph writes through the unauthenticated endpoints, as the user SPARQL ("nobody"):
# allowed to run updates, and to read and write every graph.
GRANTS = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"


def installed() -> bool:
    return shutil.which(SERVER) is not None and shutil.which(ISQL) is not None


@contextmanager
def virtuoso_server(folder: Path, *, timeout: float = 60, grant: bool = True,
                    max_rows: int = 10_000_000) -> Iterator[str]:
    """A fresh Virtuoso with its database in `folder` for the length of a `with` block: its
    base URL (`http://127.0.0.1:PORT`; SPARQL at `/sparql`). Without `grant`, as Virtuoso
    comes: anyone may read, nobody write without a password. `max_rows`: the longest answer."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(folder=folder.resolve(), sql_port=sql_port, http_port=http_port,
                              max_rows=max_rows))
    log = open(folder / "server.out", "wb")
    process = subprocess.Popen([SERVER, "-c", str(ini), "+foreground"], cwd=folder, stdout=log,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with status {process.returncode}; see {folder}/virtuoso.log")
            try:
                urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Virtuoso did not answer on {url} within {timeout:.0f} s") from None
                time.sleep(0.2)
        if grant:
            subprocess.run([ISQL, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={GRANTS}"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=30)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: tools/virtuoso.py FOLDER", file=sys.stderr)
        return 2
    if not installed():
        print("virtuoso-t not found: apt-get install virtuoso-opensource", file=sys.stderr)
        return 1
    # SIGTERM (and SIGINT, which a shell's background job ignores) stop the server too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with virtuoso_server(Path(sys.argv[1])) as url:
        print(f"Virtuoso at {url}/sparql (Ctrl-C or SIGTERM stops it)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
