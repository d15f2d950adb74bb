"""HTML is built safely by construction: in Python only through ``nearer.lib.html``,
in templates only with autoescaping on.

Every module under ``src/nearer`` is read as a syntax tree (not grepped, so a word in
a comment or a string is no finding, and an alias is no escape). Outside
``lib/html.py`` no module may mark text safe by hand (``mark_safe``, ``SafeString``,
``format_html``, ``Markup(...)`` or ``__new__``, a subclass of ``Markup``, a
``__html__`` method), escape by hand (``html.escape``) or import markupsafe; and
every ``html()`` call's template must be a string literal, so that only code is
ever trusted as markup. Every template must leave autoescaping on. Each finding is
named by file and line.

``value_call_sites`` (used by the mutation test) lists the calls of ``html()`` and
``join()`` that pass a value not known to be safe as written.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import nearer
from nearer.lib.html import EMPTY, Markup, html, join

SRC = Path(nearer.__file__).resolve().parent
LIB_HTML = "lib/html.py"
MODULE = "nearer.lib.html"

# Names that mark text safe (or build safe text) without lib/html's escaping.
SAFE_MAKERS = frozenset(
    {
        "mark_safe",
        "SafeString",
        "SafeText",
        "SafeData",
        "format_html",
        "format_html_join",
    }
)
# Modules whose very import is a way around lib/html.
FORBIDDEN_MODULES = ("markupsafe", "django.utils.safestring")

# Findings allowed in one file, each with the reason (path relative to src/nearer).
ALLOWED: dict[tuple[str, str], str] = {
    (
        "tests/security/test_escaping_mutation.py",
        "Markup(...) call",
    ): "the mutation test hands text back unescaped on purpose, to prove the sweep notices",
}


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


@dataclass(frozen=True, order=True)
class CallSite:
    """One call of ``html()`` or ``join()`` passing values that must be escaped.

    ``end`` (line, column where the call's source ends) identifies the call at run
    time too: Python records it for the call instruction.
    """

    path: str
    line: int
    end: tuple[int, int]
    function: str
    source: str  # the values passed that are not safe as written

    @property
    def label(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def key(self) -> str:
        """A name that survives edits above it: file, function and the values passed."""
        return f"{self.path}::{self.function}::{self.source}"


def python_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if ".venv" not in p.parts)


def template_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.html") if "templates" in p.relative_to(SRC).parts)


def relative(path: Path) -> str:
    return path.resolve().relative_to(SRC).as_posix()


class _Bindings:
    """What each name in a module stands for, as far as HTML building goes."""

    def __init__(self) -> None:
        self.html_funcs: set[str] = set()  # names bound to nearer.lib.html.html
        self.join_funcs: set[str] = set()
        self.markup_names: set[str] = set()
        self.empty_names: set[str] = set()  # names bound to nearer.lib.html.EMPTY
        self.lib_modules: set[str] = set()  # dotted names bound to nearer.lib.html
        self.stdlib_html: set[str] = set()  # names bound to the standard html module


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


class _Checker(ast.NodeVisitor):
    def __init__(self, path: str, markup_functions: dict[str, frozenset[str]]) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.bound = _Bindings()
        self.sites: list[CallSite] = []
        self._scope: list[str] = []
        self._called: set[int] = set()  # ids of Name/Attribute nodes used as a call's func
        self._markup_functions = markup_functions
        # Names known to hold markup: the module's, then each function's own.
        self._module_safe: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        self._local_safe: list[tuple[frozenset[str], frozenset[str]]] = []
        self._markup_calls: set[str] = set()  # functions in scope that return Markup

    def visit_Module(self, node: ast.Module) -> None:
        # Imports first: which names are lib/html's decides what is safe below.
        for child in ast.walk(node):
            if isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                for alias in child.names:
                    if alias.name in self._markup_functions.get(child.module, ()):
                        self._markup_calls.add(alias.asname or alias.name)
        self._markup_calls |= _returns_markup(node)
        for child in ast.walk(node):  # what imports bind (even inside functions) first
            if isinstance(child, ast.Import | ast.ImportFrom):
                self._bind_only(child)
        self._module_safe = self._safe_names(node.body, params=())
        self.generic_visit(node)

    def _bind_only(self, node: ast.Import | ast.ImportFrom) -> None:
        saved = list(self.findings)
        self.visit(node)
        self.findings = saved

    def _find(self, node: ast.AST, what: str) -> None:
        self.findings.append(Finding(self.path, getattr(node, "lineno", 0), what))

    # --- imports -------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            name = alias.name
            if any(name == m or name.startswith(m + ".") for m in FORBIDDEN_MODULES):
                self._find(node, f"import {name}")
            if name == "html":
                self.bound.stdlib_html.add(alias.asname or "html")
            if name == MODULE:
                self.bound.lib_modules.add(alias.asname or MODULE)
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level == 0 and any(
            module == m or module.startswith(m + ".") for m in FORBIDDEN_MODULES
        ):
            self._find(node, f"from {module} import …")
        for alias in node.names:
            local = alias.asname or alias.name
            if node.level == 0 and module == "html" and alias.name == "escape":
                self._find(node, "from html import escape")
            if node.level == 0 and module == "django.utils" and alias.name == "safestring":
                self._find(node, "from django.utils import safestring")
            if alias.name in SAFE_MAKERS:
                self._find(node, f"imports {alias.name}")
            if module == MODULE:
                if alias.name == "html":
                    self.bound.html_funcs.add(local)
                elif alias.name == "join":
                    self.bound.join_funcs.add(local)
                elif alias.name == "Markup":
                    self.bound.markup_names.add(local)
                elif alias.name == "EMPTY":
                    self.bound.empty_names.add(local)
            elif alias.name == "Markup":
                self._find(node, f"imports Markup from {module or 'a relative module'}")
            if module == "nearer.lib" and alias.name == "html":
                self.bound.lib_modules.add(local)
        self.generic_visit(node)

    # --- scopes (for naming call sites) ----------------------------------------
    def _scoped(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self._scope.append(node.name)
        if isinstance(node, ast.ClassDef):
            self.generic_visit(node)
        else:
            arguments = node.args
            params = [
                a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
            ]
            params += [a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None]
            self._local_safe.append(self._safe_names(node.body, params=params))
            self.generic_visit(node)
            self._local_safe.pop()
        self._scope.pop()

    def _safe_names(
        self, body: list[ast.stmt], *, params: Iterable[str]
    ) -> tuple[frozenset[str], frozenset[str]]:
        """Return which names bound in ``body`` (not in nested functions) only ever
        hold markup, and all the names bound there.

        ``name`` stands for its value and ``name[]`` for its elements (a list of
        markup): every assignment, ``+=``, ``append``, ``insert`` and ``extend``
        must give a value safe as written.
        """
        given: dict[str, list[tuple[ast.expr | None, bool]]] = {}  # key -> (value, each)
        for name in params:
            given.setdefault(name, []).append((None, False))
        for node in _walk_scope(body):
            for key, value, each in _bindings_of(node):
                given.setdefault(key, []).append((value, each))
        for key in [k for k in given if not k.endswith("[]")]:
            # A name's elements are safe when each value it is given is a list of
            # markup (a loop variable's elements are never followed).
            given.setdefault(f"{key}[]", [])[:0] = [
                (None if each else value, True) for value, each in given[key]
            ]
        bound = frozenset(given)
        safe = set(given)
        changed = True
        while changed:  # the largest set consistent with itself (rows += [...] is fine)
            changed = False
            for key in list(safe):
                if not all(
                    value is not None
                    and self._safe_as_written(value, extra=(safe, bound), each=each)
                    for value, each in given[key]
                ):
                    safe.discard(key)
                    changed = True
        return frozenset(safe), bound

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name == "__html__":
            self._find(node, "defines __html__ (its text would be printed unescaped)")
        self._scoped(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._scoped(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if any(self._is_markup(base) for base in node.bases):
            self._find(node, "subclasses Markup")
        self._scoped(node)

    # --- names -----------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:
        if node.id in SAFE_MAKERS:
            self._find(node, f"uses {node.id}")
        elif node.id in self.bound.html_funcs and id(node) not in self._called:
            self._find(node, "html passed around instead of called with a literal template")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        owner = _dotted(node.value)
        if node.attr in SAFE_MAKERS:
            self._find(node, f"uses {owner or '…'}.{node.attr}")
        elif node.attr == "escape" and owner in self.bound.stdlib_html:
            self._find(node, "uses html.escape")
        elif (
            node.attr == "html" and owner in self.bound.lib_modules and id(node) not in self._called
        ):
            self._find(node, "html passed around instead of called with a literal template")
        self.generic_visit(node)

    # --- calls -----------------------------------------------------------------
    def _kind(self, func: ast.expr) -> str | None:
        if isinstance(func, ast.Name):
            if func.id in self.bound.html_funcs:
                return "html"
            if func.id in self.bound.join_funcs:
                return "join"
            if func.id in self.bound.markup_names:
                return "Markup"
        if (
            isinstance(func, ast.Attribute)
            and _dotted(func.value) in self.bound.lib_modules
            and func.attr in ("html", "join", "Markup")
        ):
            return func.attr
        return None

    def _is_markup(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Name):
            return node.id in self.bound.markup_names
        return (
            isinstance(node, ast.Attribute)
            and node.attr == "Markup"
            and _dotted(node.value) in self.bound.lib_modules
        )

    def visit_Call(self, node: ast.Call) -> None:
        self._called.add(id(node.func))
        kind = self._kind(node.func)
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "__new__"
            and any(self._is_markup(a) for a in [func.value, *node.args[:1]])
        ):
            self._find(node, "Markup made with __new__")
        if isinstance(func, ast.Name | ast.Attribute) and (
            _dotted(func) in ("__import__", "importlib.import_module", "import_module")
        ):
            first = node.args[0] if node.args else None
            name = first.value if isinstance(first, ast.Constant) else None
            if isinstance(name, str) and any(
                name == m or name.startswith(m + ".") for m in FORBIDDEN_MODULES
            ):
                self._find(node, f"imports {name} by name")
        if kind == "Markup":
            self._find(node, "Markup(...) call")
        elif kind == "html":
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                self._find(node, "html() template is not a string literal")
            self._site(
                node, [(v, False) for v in [*node.args[1:], *(k.value for k in node.keywords)]]
            )
        elif kind == "join":
            sep = (
                node.args[1]
                if len(node.args) > 1
                else next((k.value for k in node.keywords if k.arg == "sep"), None)
            )
            if sep is not None and not isinstance(sep, ast.Constant):
                self._find(node, "join() separator is not a literal")
            parts = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "parts")]
            self._site(node, [(v, True) for v in parts])
        self.generic_visit(node)

    def _site(self, node: ast.Call, values: list[tuple[ast.expr, bool]]) -> None:
        """Note ``node`` when a value it is given (or an element of it) may be text."""
        unsafe = [v for v, each in values if not self._safe_as_written(v, each=each)]
        if not unsafe:
            return
        self.sites.append(
            CallSite(
                path=self.path,
                line=node.lineno,
                end=(node.end_lineno or node.lineno, node.end_col_offset or 0),
                function=".".join(self._scope) or "<module>",
                source=", ".join(ast.unparse(v) for v in unsafe),
            )
        )

    def _safe_as_written(
        self,
        node: ast.expr,
        *,
        extra: tuple[set[str], frozenset[str]] | None = None,
        each: bool = False,
        inner: frozenset[str] = frozenset(),
    ) -> bool:
        """Whether ``node`` is, by its very text, a literal or markup from lib/html.

        ``each``: whether every element of the iterable ``node`` is. ``extra``: names
        taken as markup while working out which names are. ``inner``: comprehension
        variables over such elements.
        """

        def safe(value: ast.expr, *, elements: bool = False) -> bool:
            return self._safe_as_written(value, extra=extra, each=elements, inner=inner)

        if each:
            if isinstance(node, ast.List | ast.Tuple | ast.Set):
                return all(safe(e) for e in node.elts)
            if isinstance(node, ast.ListComp | ast.GeneratorExp):
                names = frozenset(
                    t.id
                    for g in node.generators
                    if isinstance(t := g.target, ast.Name)
                    and self._safe_as_written(g.iter, extra=extra, each=True, inner=inner)
                )
                return self._safe_as_written(node.elt, extra=extra, inner=inner | names)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and (node.func.id in ("reversed", "list", "tuple", "sorted"))
                and node.args
            ):
                return safe(node.args[0], elements=True)
            return isinstance(node, ast.Name) and self._known(f"{node.id}[]", extra, inner)
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Call):
            if self._kind(node.func) in ("html", "join"):
                return True
            return isinstance(node.func, ast.Name) and node.func.id in self._markup_calls
        if isinstance(node, ast.Name):
            return node.id in self.bound.empty_names or self._known(node.id, extra, inner)
        if isinstance(node, ast.Attribute):
            return node.attr == "EMPTY" and _dotted(node.value) in self.bound.lib_modules
        if isinstance(node, ast.IfExp):
            return safe(node.body) and safe(node.orelse)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return safe(node.left) and safe(node.right)
        return False

    def _known(
        self, key: str, extra: tuple[set[str], frozenset[str]] | None, inner: frozenset[str]
    ) -> bool:
        """Whether the name (or ``name[]``, its elements) ``key`` holds only markup:
        decided by the innermost scope that binds it."""
        if key in inner:
            return True
        scopes = [
            *([extra] if extra is not None else []),
            *reversed(self._local_safe),
            self._module_safe,
        ]
        for safe, bound in scopes:
            if key in bound:
                return key in safe
        return False


def _walk_scope(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node of ``body`` but those inside nested functions and classes."""
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda
            ):
                todo.append(child)


def _names_in(target: ast.expr) -> list[str]:
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]


def _bindings_of(node: ast.AST) -> Iterator[tuple[str, ast.expr | None, bool]]:
    """Yield (name, value given, whether each element of it) for what ``node`` binds.

    A value of None is a binding this reading cannot follow (never markup).
    """
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if isinstance(target, ast.Name):
                yield target.id, node.value, False
            else:
                for name in _names_in(target):
                    yield name, None, False
    elif isinstance(node, ast.AnnAssign | ast.AugAssign) and isinstance(node.target, ast.Name):
        if isinstance(node, ast.AugAssign) and not isinstance(node.op, ast.Add):
            yield node.target.id, None, False
        elif node.value is not None:
            yield node.target.id, node.value, False
    elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
        names = _names_in(node.target)
        for name in names:
            yield name, (node.iter if isinstance(node.target, ast.Name) else None), True
    elif isinstance(node, ast.NamedExpr):
        yield node.target.id, node.value, False
    elif isinstance(node, ast.With | ast.AsyncWith):
        for item in node.items:
            if item.optional_vars is not None:
                for name in _names_in(item.optional_vars):
                    yield name, None, False
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name, None, False
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.args
    ):
        # rows.append(x), rows.extend(xs), rows.insert(i, x): what a list is given.
        method, name = node.func.attr, node.func.value.id
        if method == "append":
            yield f"{name}[]", node.args[0], False
        elif method == "insert" and len(node.args) == 2:
            yield f"{name}[]", node.args[1], False
        elif method == "extend":
            yield f"{name}[]", node.args[0], True


def _returns_markup(tree: ast.Module) -> set[str]:
    """Names of the module's functions annotated to return Markup (mypy holds them to it)."""
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and node.returns is not None
        and ast.unparse(node.returns).strip("'\"") in ("Markup", "lib_html.Markup")
    }


def check_source(
    source: str,
    path: str,
    markup_functions: dict[str, frozenset[str]] | None = None,
) -> tuple[list[Finding], list[CallSite]]:
    """Return the findings and the value-passing call sites of one module's source.

    ``markup_functions``: by module name, the functions annotated to return Markup
    (their results are safe where they are passed on).
    """
    tree = ast.parse(source, filename=path)
    checker = _Checker(path, markup_functions or {})
    checker.visit(tree)
    if path == LIB_HTML:
        return [], []
    findings = [f for f in checker.findings if (f.path, f.what) not in ALLOWED]
    return sorted(findings), sorted(checker.sites)


def _module_name(path: str) -> str:
    parts = ["nearer", *path.removesuffix(".py").split("/")]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> list[tuple[str, str]]:
    return [(relative(path), path.read_text(encoding="utf-8")) for path in python_files()]


def _checked_tree() -> list[tuple[str, list[Finding], list[CallSite]]]:
    modules = _modules()
    table = {
        _module_name(name): frozenset(_returns_markup(ast.parse(source)))
        for name, source in modules
    }
    return [(name, *check_source(source, name, table)) for name, source in modules]


def python_findings() -> list[Finding]:
    return [f for _, findings, _ in _checked_tree() for f in findings]


def value_call_sites() -> list[CallSite]:
    """Every call of html()/join() in src/nearer passing a value not safe as written.

    Tests are left out: they build HTML to test the helpers, never a page.
    """
    return [
        site
        for name, _, sites in _checked_tree()
        if "tests" not in name.split("/")
        for site in sites
    ]


_TEMPLATE_RULES = (
    (re.compile(r"\|\s*safeseq\b"), "|safeseq"),
    (re.compile(r"\|\s*safe\b"), "|safe"),
    (re.compile(r"\{%-?\s*autoescape\s+off\b"), "{% autoescape off %}"),
    (re.compile(r"\{%-?\s*filter\s[^%]*\bsafe"), "{% filter safe %}"),
)


def check_template(text: str, path: str) -> list[Finding]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, what in _TEMPLATE_RULES:
            if pattern.search(line):
                found.append(Finding(path, number, what))
                break
    return found


# --- The tree as it is ---------------------------------------------------------


def test_no_module_marks_text_safe_or_escapes_by_hand() -> None:
    findings = python_findings()
    assert not findings, "HTML built outside nearer.lib.html:\n" + "\n".join(map(str, findings))


def test_no_template_turns_autoescaping_off() -> None:
    findings = [
        f
        for path in template_files()
        for f in check_template(path.read_text(encoding="utf-8"), relative(path))
    ]
    assert not findings, "autoescaping turned off:\n" + "\n".join(map(str, findings))


def test_the_sweep_reads_the_whole_tree() -> None:
    # A wrong root would make both tests above pass on nothing.
    names = {relative(p) for p in python_files()}
    assert {LIB_HTML, "journal/views.py", "people/views.py", "settings.py"} <= names
    assert "templates/base.html" in {relative(p) for p in template_files()}


# --- The checker catches what it must (each rule seen failing) -------------------

_BAD_MODULE = """
import html
import html as stdlib_html
import markupsafe
from html import escape
from django.utils.safestring import mark_safe
from django.utils.html import format_html, format_html_join
from django.utils import safestring
from markupsafe import Markup as Raw
from nearer.lib.html import Markup, html as h, join
from nearer.lib import html as lib
import django.utils.safestring

def page(name, template):
    a = mark_safe(name)
    b = html.escape(name)
    c = stdlib_html.escape(name)
    d = django.utils.safestring.SafeString(name)
    e = h(template, name)
    f = h(f"<p>{name}</p>")
    g = lib.html("<p>" + name + "</p>")
    i = Markup(name)
    j = lib.Markup(name)
    k = list(map(h, [name]))
    m = join([name], sep=name)

class Fake:
    def __html__(self):
        return "<b>"

def sneaky(name):
    import importlib
    a = str.__new__(Markup, name)
    b = Markup.__new__(lib.Markup, name)
    c = importlib.import_module("markupsafe")
    d = __import__("django.utils.safestring")

class Mine(lib.Markup):
    pass
"""

_EXPECTED_LINES = {
    (4, "import markupsafe"),
    (5, "from html import escape"),
    (6, "from django.utils.safestring import …"),
    (6, "imports mark_safe"),
    (7, "imports format_html"),
    (7, "imports format_html_join"),
    (8, "from django.utils import safestring"),
    (9, "from markupsafe import …"),
    (9, "imports Markup from markupsafe"),
    (12, "import django.utils.safestring"),
    (15, "uses mark_safe"),
    (16, "uses html.escape"),
    (17, "uses html.escape"),
    (18, "uses django.utils.safestring.SafeString"),
    (19, "html() template is not a string literal"),
    (20, "html() template is not a string literal"),
    (21, "html() template is not a string literal"),
    (22, "Markup(...) call"),
    (23, "Markup(...) call"),
    (24, "html passed around instead of called with a literal template"),
    (25, "join() separator is not a literal"),
    (28, "defines __html__ (its text would be printed unescaped)"),
    (33, "Markup made with __new__"),
    (34, "Markup made with __new__"),
    (35, "imports markupsafe by name"),
    (36, "imports django.utils.safestring by name"),
    (38, "subclasses Markup"),
}


def test_the_checker_names_every_way_around_lib_html_by_line() -> None:
    findings, _ = check_source(_BAD_MODULE, "people/bad.py")
    assert {(f.line, f.what) for f in findings} == _EXPECTED_LINES


def test_the_checker_lets_lib_html_used_as_meant_pass() -> None:
    good = (
        "from nearer.lib.html import EMPTY, html, join\n"
        "import html as stdlib  # imported, never used to escape\n"
        "def row(name):\n"
        "    # mark_safe in a comment is no finding, nor is 'mark_safe' in a string\n"
        "    return join([html('<li>{}</li>', name), EMPTY, 'mark_safe'])\n"
    )
    findings, sites = check_source(good, "people/good.py")
    assert findings == []
    assert [(s.line, s.function, s.source) for s in sites] == [(5, "row", "name")]


def test_value_call_sites_leave_out_values_safe_as_written() -> None:
    source = (
        "from nearer.lib.html import EMPTY, Markup, html, join\n"
        "from nearer.people.rows import person_rows\n"
        "_ROW = html('<hr>')\n"
        "def _cell(x) -> Markup:\n"
        "    return html('<td>{}</td>', x)\n"
        "def rows(people, n):\n"
        "    a = html('<p>{}</p>', 'words')\n"
        "    b = join(html('<li>{}</li>', p) for p in people)\n"
        "    c = join([a, b, _ROW, _cell(n), person_rows(people)])\n"
        "    d = html('<p>{}{}</p>', EMPTY, html('<b>{}</b>', n) if n else '')\n"
        "    e = html('<p>{x}</p>', x=n)\n"
        "    parts = [a]\n"
        "    for p in people:\n"
        "        parts.append(html('<i>{}</i>', p))\n"
        "    parts += [b]\n"
        "    mixed = []\n"
        "    mixed.append(a)\n"
        "    mixed.extend(people)\n"
        "    return join([join(parts), join(mixed), join(reversed(parts)), join(people)])\n"
    )
    source += (
        "def lazy(people):\n"
        "    from nearer.lib.html import html as h, join as j\n"
        "    rows = [h('<li>{}</li>', p) for p in people]\n"
        "    return j(rows)\n"
    )
    table = {"nearer.people.rows": frozenset({"person_rows"})}
    _, sites = check_source(source, "people/rows.py", table)
    assert [(s.line, s.source) for s in sites] == [
        (5, "x"),
        (8, "p"),
        (10, "n"),
        (11, "n"),
        (14, "p"),
        (19, "mixed"),
        (19, "people"),
        (22, "p"),
    ]
    assert sites[1].key == "people/rows.py::rows::p"
    # Without knowing what person_rows returns, its result is a value like any other.
    _, sites = check_source(source, "people/rows.py")
    assert (9, "[a, b, _ROW, _cell(n), person_rows(people)]") in [(s.line, s.source) for s in sites]


def test_the_template_check_finds_each_way_to_turn_escaping_off() -> None:
    text = (
        "{{ a }}\n{{ b|safe }}\n{{ c | safeseq|join:', ' }}\n"
        "{% autoescape off %}x{% endautoescape %}\n{% filter lower|safe %}x{% endfilter %}\n"
    )
    found = check_template(text, "people/templates/people/x.html")
    assert [(f.line, f.what) for f in found] == [
        (2, "|safe"),
        (3, "|safeseq"),
        (4, "{% autoescape off %}"),
        (5, "|safe"),
    ]
    found = check_template("{% filter safe %}x{% endfilter %}", "x.html")
    assert [(f.line, f.what) for f in found] == [(1, "{% filter safe %}")]
    assert check_template("{{ name|safe_words }}{% autoescape on %}", "x.html") == []


# --- lib/html escapes what it must ----------------------------------------------

HOSTILE = "<b>&\"'</b>"
HOSTILE_ESCAPED = "&lt;b&gt;&amp;&#34;&#39;&lt;/b&gt;"


def test_html_escapes_every_value_and_leaves_markup_alone() -> None:
    made = html('<p title="{}">{}{named}</p>', HOSTILE, html("<i>ours</i>"), named=HOSTILE)
    assert made == f'<p title="{HOSTILE_ESCAPED}"><i>ours</i>{HOSTILE_ESCAPED}</p>'
    assert isinstance(made, Markup)


def test_join_escapes_plain_parts_and_leaves_markup_alone() -> None:
    made = join([HOSTILE, html("<i>{}</i>", 1), EMPTY], sep="<br>")
    assert made == f"{HOSTILE_ESCAPED}<br><i>1</i><br>"
    assert isinstance(made, Markup)


@pytest.mark.parametrize(
    "char, escaped",
    [
        ("<", "&lt;"),
        (">", "&gt;"),
        ("&", "&amp;"),
        ('"', "&#34;"),
        ("'", "&#39;"),
    ],
)
def test_each_special_character_is_escaped(char: str, escaped: str) -> None:
    assert html("{}", f"a{char}b") == f"a{escaped}b"
    assert join([f"a{char}b"]) == f"a{escaped}b"
