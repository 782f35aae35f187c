"""Content hashes: data versions of files and code versions of the modules behind assets."""

import hashlib
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
MISSING = "missing"


def file_version(path: Path) -> str:
    """SHA-256 of the file's bytes; 'missing' when it does not exist."""
    if not path.is_file():
        return MISSING
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_version(paths) -> str:
    """One hash over several files, by relative name and content, order-independent."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        digest.update(path.name.encode() + b"\0" + file_version(path).encode() + b"\n")
    return digest.hexdigest()


def code_version(*relative: str) -> str:
    """Version of the code behind an asset: a short hash of the named files and folders."""
    paths = []
    for rel in relative:
        target = PACKAGE_ROOT / rel
        paths += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    return files_version(paths)[:16]
