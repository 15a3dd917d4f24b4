"""A store built from the bundled examples, for the API and browser tests (shared helper, not a test)."""

import atexit
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DYAD = ("LTU", "BLR")  # the bundled baltic-standoff page has events both ways between these two


@lru_cache(maxsize=1)
def example_store() -> Path:
    """`whowhom ingest examples/` into a temporary store, once per test session."""
    tmp = tempfile.mkdtemp(prefix="whowhom-api-")
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    db = Path(tmp) / "examples.duckdb"
    res = subprocess.run([sys.executable, "-m", "whowhom.cli", "ingest", str(ROOT / "examples"), "--db", str(db)],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    return db
