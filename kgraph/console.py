"""The `kgraph` command's entry point. It imports the CLI itself, so that Ctrl-C while the CLI's
modules load (a fifth of a second) ends with the CLI's one line and exit status 130 too, not
with a traceback."""
from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("kgraph: error: interrupted\n")
        raise SystemExit(130) from None
    run()
