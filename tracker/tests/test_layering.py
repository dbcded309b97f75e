"""Issue 15 item 13: the apps form layers, and no module imports from a layer above its own.

    documents  →  commitments  →  ingestion  →  web, tksync  →  readers, api

Every ``import`` and ``from … import`` statement (at module level or inside a function) of the
non-test modules is read with ``ast``; relative imports are resolved. Tests are left out: they
exercise the whole stack on purpose. The domain tells the layers above about changes through
``tracker.signals`` instead of importing them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: app → the apps it must never import (anything above it).
FORBIDDEN = {
    "documents": ("commitments", "ingestion", "web", "tksync", "readers", "api"),
    "commitments": ("ingestion", "web", "tksync", "readers", "api"),
    "ingestion": ("web", "tksync", "readers", "api"),
    "web": ("tksync", "readers", "api"),
    "tksync": ("web", "readers", "api"),
}


def imported_modules(path: Path, package: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import statement in ``path``, a file in the folder ``package``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative to the module's package (its folder): level 2 is the parent
                parts = package.split(".")
                base = parts[: len(parts) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # ``from web import cache`` and ``from . import x`` name modules too
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def violations(app_dir: Path, app: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in sorted(app_dir.rglob("*.py")):
        rel = path.relative_to(app_dir.parent)
        if "tests" in rel.parts:
            continue
        package = ".".join(rel.with_suffix("").parts[:-1])
        for line, module in imported_modules(path, package):
            top = module.split(".")[0]
            if top in forbidden:
                out.append(f"{rel}:{line} imports {module} ({app} must not import {', '.join(forbidden)})")
    return out


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_no_module_imports_a_layer_above_its_own(app):
    assert (ROOT / app).is_dir()
    assert violations(ROOT / app, app, FORBIDDEN[app]) == []


def test_the_core_signal_module_imports_no_app():
    modules = {m.split(".")[0] for _line, m in imported_modules(ROOT / "tracker" / "signals.py", "tracker")}
    assert not modules & {"documents", "commitments", "ingestion", "web"}


def test_the_check_finds_upward_imports_in_every_form(tmp_path):
    app = tmp_path / "documents"
    (app / "sub").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "sub" / "__init__.py").write_text("from .. import commitments_like\n")
    (app / "a.py").write_text("import web.cache\n")
    (app / "b.py").write_text("def f():\n    from commitments.models import Motion\n")
    (app / "c.py").write_text("from ingestion import pipeline\n")
    (app / "d.py").write_text("from .models import Document\nimport django\n")
    (app / "tests").mkdir()
    (app / "tests" / "test_x.py").write_text("import web\n")  # tests are allowed
    found = violations(app, "documents", FORBIDDEN["documents"])
    assert [v.split(" imports ")[1].split(" (")[0] for v in found] == [
        "web.cache", "commitments.models", "commitments.models.Motion", "ingestion", "ingestion.pipeline",
    ]
    assert imported_modules(app / "d.py", "documents")[0] == (1, "documents.models")
    assert imported_modules(app / "sub" / "__init__.py", "documents.sub")[0] == (1, "documents")
