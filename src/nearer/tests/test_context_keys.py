"""Every key a view hands to ``render()`` is read by its template (or one it includes).

A key no template reads is work done on every request for nothing, and a place where
opened words wait to be logged. Views are read with ``ast``: a context given as a dict
literal, or as a name bound to one in the same function (``**spread`` of such a name
followed), is checked against the words of the template named in the call and every
template it extends or includes.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
_INCLUDES = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _templates() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("templates/**/*.html"):
        found[path.as_posix().split("/templates/", 1)[1]] = path.read_text(encoding="utf-8")
    return found


def template_words(name: str, templates: dict[str, str]) -> set[str] | None:
    """Return the words of ``name`` and all it extends or includes, or None if unknown."""
    if name not in templates:
        return None
    seen: set[str] = set()
    todo, text = [name], []
    while todo:
        current = todo.pop()
        if current in seen or current not in templates:
            continue
        seen.add(current)
        text.append(templates[current])
        todo.extend(_INCLUDES.findall(templates[current]))
    return set(_WORD.findall("\n".join(text)))


def _keys(node: ast.expr | None, bound: dict[str, ast.expr]) -> Iterator[tuple[str, int]]:
    if isinstance(node, ast.Name) and node.id in bound:
        yield from _keys(bound[node.id], bound)
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                yield from _keys(value, bound)
            elif isinstance(key, ast.Constant) and isinstance(key.value, str):
                yield key.value, key.lineno


def unread_keys(source: str, filename: str, templates: dict[str, str]) -> list[str]:
    """Return "file:line: key (template)" for each context key its template never names."""
    tree = ast.parse(source, filename=filename)
    module_bound = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    unread: list[str] = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        bound = dict(module_bound)
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                bound.update({t.id: node.value for t in node.targets if isinstance(t, ast.Name)})
            elif (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and node.value is not None
            ):
                bound[node.target.id] = node.value
        for node in ast.walk(function):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id != "render" or len(node.args) < 3:
                continue
            name_node = node.args[1]
            if not (isinstance(name_node, ast.Constant) and isinstance(name_node.value, str)):
                continue
            words = template_words(name_node.value, templates)
            if words is None:
                unread.append(f"{filename}:{node.lineno}: no template {name_node.value}")
                continue
            unread.extend(
                f"{filename}:{line}: {key} ({name_node.value})"
                for key, line in _keys(node.args[2], bound)
                if key not in words
            )
    return unread


def test_every_context_key_is_read_by_its_template() -> None:
    templates = _templates()
    unread = [
        problem
        for path in sorted(PACKAGE.rglob("*.py"))
        if not {"tests", "migrations"} & set(path.relative_to(PACKAGE).parts)
        for problem in unread_keys(path.read_text(encoding="utf-8"), str(path), templates)
    ]
    assert unread == [], "context keys no template reads:\n" + "\n".join(unread)


def test_the_check_finds_an_unread_key_and_follows_includes() -> None:
    templates = {
        "a/page.html": '{% extends "base.html" %}{{ shown }}{% include "a/_part.html" %}',
        "a/_part.html": "{{ in_part }}",
        "base.html": "{{ in_base }}",
    }
    source = (
        "SHARED = {'in_base': 1}\n"
        "def view(request):\n"
        "    context = {**SHARED, 'shown': 1, 'in_part': 2, 'never_read_anywhere': 3}\n"
        "    return render(request, 'a/page.html', context)\n"
        "def other(request):\n"
        "    return render(request, 'a/missing.html', {})\n"
    )
    assert unread_keys(source, "v.py", templates) == [
        "v.py:3: never_read_anywhere (a/page.html)",
        "v.py:6: no template a/missing.html",
    ]
