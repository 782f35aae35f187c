"""Content hashes: data versions of files, and code versions derived by convention.

An asset's code version is a hash of the module that defines it and of every module of
this project (`pipeline`, `schemas`) that module imports, transitively, with the packages'
`__init__` files that Python runs on the way. Modules are read as syntax trees, so
comments and formatting do not count and code does. A module's data files (a template or
a metadata file named like it, such as `failure_report.html.j2` beside
`failure_report.py`) count with it. No list of files is kept by hand.
"""

import ast
import hashlib
import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path

PROJECT_PACKAGES = ("pipeline", "schemas")
MISSING = "missing"


def file_version(path: Path) -> str:
    """SHA-256 of the file's bytes; 'missing' when it does not exist."""
    if not path.is_file():
        return MISSING
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_version(paths: Iterable[Path], root: Path | None = None) -> str:
    """One hash over several files, by name (relative to root) and content."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        name = path.relative_to(root).as_posix() if root else path.name
        digest.update(f"{name}\0{file_version(path)}\n".encode())
    return digest.hexdigest()


@cache
def module_file(name: str) -> Path | None:
    if name.split(".", 1)[0] not in PROJECT_PACKAGES:
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def _module_name(path: Path) -> str:
    parts = []
    for parent in [path.with_suffix(""), *path.parents]:
        if parent.name in PROJECT_PACKAGES and not (parent.parent / "__init__.py").exists():
            parts.append(parent.name)
            break
        parts.append(parent.name)
    names = list(reversed(parts))
    return ".".join(names[:-1] if names[-1] == "__init__" else names)


def imported_modules(source: str, package: str = "") -> set[str]:
    """Project modules a piece of code imports by name (anywhere in it)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if module_file(name) is not None}


@cache
def _imports_of(path: Path) -> frozenset[Path]:
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    modules = imported_modules(path.read_text(encoding="utf-8"), package)
    # Importing a module runs its packages' __init__ files first.
    parts = name.split(".")
    modules |= {".".join(parts[:i]) for i in range(1, len(parts))}
    return frozenset(p for p in (module_file(m) for m in modules) if p is not None)


def closure(paths: Iterable[Path]) -> list[Path]:
    """The modules and everything they import from this project, transitively."""
    seen: set[Path] = set()
    todo = list(paths)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += _imports_of(path)
    return sorted(seen)


def data_files(module: Path) -> list[Path]:
    return sorted(
        p for p in module.parent.glob(f"{module.stem}.*") if p.suffix != ".py" and p.is_file()
    )


@cache
def _module_digest(path: Path) -> str:
    tree = ast.dump(ast.parse(path.read_text(encoding="utf-8")), include_attributes=False)
    digest = hashlib.sha256(tree.encode())
    for data in data_files(path):
        digest.update(data.name.encode() + b"\0" + data.read_bytes())
    return digest.hexdigest()


def code_version(modules: Iterable[Path]) -> str:
    """A short hash of the modules' code and everything they import from this project."""
    digest = hashlib.sha256()
    for path in closure(modules):
        digest.update(f"{_module_name(path)}\0{_module_digest(path)}\n".encode())
    return digest.hexdigest()[:16]


def code_version_of(*objects) -> str:
    """The code version of the modules that define these functions or classes."""
    import inspect

    return code_version(Path(inspect.getfile(o)).resolve() for o in objects)


def forget() -> None:
    """Drop the cached module hashes (after code on disk changed in this process)."""
    for cached in (module_file, _imports_of, _module_digest):
        cached.cache_clear()
