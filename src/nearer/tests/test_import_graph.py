"""The layers hold: lib/ imports no app, and no two apps import each other in a ring.

Imports are read with ``ast`` from the source (nothing is imported), so an import
inside a function counts as much as one at the top: both make the apps depend on each
other. Tests and migrations are left out: a test may reach across apps to set up data.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]  # src/nearer
ROOT = "nearer"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_skipped(path: Path) -> bool:
    rel = path.relative_to(PACKAGE).parts
    return any(
        part in ("tests", "migrations") or part.startswith(("test_", "conftest")) for part in rel
    )


def source_modules() -> Iterator[tuple[str, Path]]:
    """Every module of the package but tests and migrations, as (dotted name, path)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if not _is_skipped(path):
            yield _module_name(path), path


def imported_names(module: str, path: Path) -> set[str]:
    """Return the dotted names a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                drop = node.level - 1 if is_package else node.level
                base = base[: len(base) - drop]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.add(prefix)
            # ``from nearer import people`` imports the app, not just the package.
            names.update(f"{prefix}.{alias.name}" for alias in node.names)
    return names


def _area(dotted: str) -> str | None:
    """The second part of a nearer.* name (an app, ``lib``, or a top-level module)."""
    parts = dotted.split(".")
    if len(parts) < 2 or parts[0] != ROOT:
        return None
    return parts[1]


def app_names() -> set[str]:
    """The apps: packages under nearer/ with an apps.py."""
    return {p.parent.name for p in PACKAGE.glob("*/apps.py")}


def app_graph() -> dict[str, set[str]]:
    """nearer.<app> → the other apps it imports anything from."""
    apps = app_names()
    graph: dict[str, set[str]] = {app: set() for app in apps}
    for module, path in source_modules():
        source = _area(module)
        if source not in apps:
            continue
        for name in imported_names(module, path):
            target = _area(name)
            if target in apps and target != source:
                graph[source].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one cycle as a path that starts and ends at the same node, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def _edge_sources(graph_from: str, graph_to: str) -> list[str]:
    """The modules of one app that import the other (to say where a cycle is made)."""
    where = []
    for module, path in source_modules():
        if _area(module) != graph_from:
            continue
        if any(_area(name) == graph_to for name in imported_names(module, path)):
            where.append(module)
    return where


def test_lib_imports_no_app() -> None:
    apps = app_names()
    offenders = [
        f"{module} imports {name}"
        for module, path in source_modules()
        if _area(module) == "lib"
        for name in sorted(imported_names(module, path))
        if _area(name) in apps
    ]
    assert offenders == [], "lib/ must import no app:\n" + "\n".join(offenders)


def test_the_apps_import_each_other_in_no_cycle() -> None:
    graph = app_graph()
    cycle = find_cycle(graph)
    if cycle is not None:
        edges = [
            f"  {a} → {b} (in {', '.join(_edge_sources(a, b))})"
            for a, b in itertools.pairwise(cycle)
        ]
        message = "cycle between apps: " + " → ".join(cycle) + "\n" + "\n".join(edges)
        print(message)
        pytest.fail(message)


def test_the_checker_sees_a_cycle_and_a_lib_import(tmp_path: Path) -> None:
    # The check itself can fail: a made-up ring of three is found and printed in order.
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    module = tmp_path / "clock.py"
    module.write_text("from ..people import models\nimport nearer.journal.search\n")
    names = imported_names("nearer.lib.clock", module)
    assert {_area(n) for n in names} >= {"people", "journal"}


def test_the_graph_reads_the_real_apps() -> None:
    # Guards the reader: if it found no edges, the cycle test above would pass vacuously.
    graph = app_graph()
    assert {"people", "journal", "moments", "today"} <= set(graph)
    assert "people" in graph["journal"] or "people" in graph["moments"]
