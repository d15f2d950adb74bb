"""HTML is built safely by construction: in Python only through ``nearer.lib.html``,
in templates only with autoescaping on.

Every module under ``src/nearer`` is read as a syntax tree (not grepped, so a word in
a comment or a string is no finding, and an alias is no escape). Outside
``lib/html.py`` no module may mark text safe by hand (``mark_safe``, ``SafeString``,
``format_html``, ``Markup(...)``, a ``__html__`` method), escape by hand
(``html.escape``) or import markupsafe; and every ``html()`` call's template must be
a string literal, so that only code is ever trusted as markup. Every template must
leave autoescaping on. Each finding is named by file and line.

``value_call_sites`` (used by the mutation test) lists the calls of ``html()`` and
``join()`` that pass a value not known to be safe as written.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import nearer
from nearer.lib.html import EMPTY, Markup, html, join

SRC = Path(nearer.__file__).resolve().parent
LIB_HTML = "lib/html.py"
MODULE = "nearer.lib.html"

# Names that mark text safe (or build safe text) without lib/html's escaping.
SAFE_MAKERS = frozenset({
    "mark_safe", "SafeString", "SafeText", "SafeData", "format_html", "format_html_join",
})
# Modules whose very import is a way around lib/html.
FORBIDDEN_MODULES = ("markupsafe", "django.utils.safestring")

# Findings allowed in one file, each with the reason (path relative to src/nearer).
ALLOWED: dict[tuple[str, str], str] = {
    ("tests/security/test_escaping_mutation.py", "Markup(...) call"):
        "the mutation test hands text back unescaped on purpose, to prove the sweep "
        "notices",
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
    source: str

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
    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.bound = _Bindings()
        self.sites: list[CallSite] = []
        self._scope: list[str] = []
        self._called: set[int] = set()  # ids of Name/Attribute nodes used as a call's func

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
        self.generic_visit(node)
        self._scope.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name == "__html__":
            self._find(node, "defines __html__ (its text would be printed unescaped)")
        self._scoped(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._scoped(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
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
        elif (node.attr == "html" and owner in self.bound.lib_modules
              and id(node) not in self._called):
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
        if (isinstance(func, ast.Attribute) and _dotted(func.value) in self.bound.lib_modules
                and func.attr in ("html", "join", "Markup")):
            return func.attr
        return None

    def visit_Call(self, node: ast.Call) -> None:
        self._called.add(id(node.func))
        kind = self._kind(node.func)
        if kind == "Markup":
            self._find(node, "Markup(...) call")
        elif kind == "html":
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                self._find(node, "html() template is not a string literal")
            self._site(node, node.args[1:], node.keywords)
        elif kind == "join":
            sep = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "sep"), None)
            if sep is not None and not isinstance(sep, ast.Constant):
                self._find(node, "join() separator is not a literal")
            self._site(node, node.args[:1], [k for k in node.keywords if k.arg != "sep"])
        self.generic_visit(node)

    def _site(self, node: ast.Call, args: list[ast.expr], keywords: list[ast.keyword]) -> None:
        values = [*args, *(k.value for k in keywords)]
        if all(self._safe_as_written(v) for v in values):
            return
        self.sites.append(CallSite(
            path=self.path,
            line=node.lineno,
            end=(node.end_lineno or node.lineno, node.end_col_offset or 0),
            function=".".join(self._scope) or "<module>",
            source=", ".join(ast.unparse(v) for v in values),
        ))

    def _safe_as_written(self, node: ast.expr) -> bool:
        """Whether ``node`` is, by its very text, a literal or markup from lib/html."""
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Call):
            return self._kind(node.func) in ("html", "join")
        if isinstance(node, ast.Name):
            return node.id in self.bound.empty_names
        if isinstance(node, ast.Attribute):
            return node.attr == "EMPTY" and _dotted(node.value) in self.bound.lib_modules
        if isinstance(node, ast.IfExp):
            return self._safe_as_written(node.body) and self._safe_as_written(node.orelse)
        if isinstance(node, ast.List | ast.Tuple):
            return all(self._safe_as_written(e) for e in node.elts)
        if isinstance(node, ast.ListComp | ast.GeneratorExp):
            return self._safe_as_written(node.elt)
        return False



def check_source(source: str, path: str) -> tuple[list[Finding], list[CallSite]]:
    """Return the findings and the value-passing call sites of one module's source."""
    tree = ast.parse(source, filename=path)
    checker = _Checker(path)
    checker.visit(tree)
    if path == LIB_HTML:
        return [], []
    findings = [f for f in checker.findings if (f.path, f.what) not in ALLOWED]
    return sorted(findings), sorted(checker.sites)


def _modules() -> Iterator[tuple[str, str]]:
    for path in python_files():
        yield relative(path), path.read_text(encoding="utf-8")


def python_findings() -> list[Finding]:
    return [f for name, source in _modules() for f in check_source(source, name)[0]]


def value_call_sites() -> list[CallSite]:
    """Every call of html()/join() in src/nearer passing a value not safe as written."""
    return [s for name, source in _modules() for s in check_source(source, name)[1]]


_TEMPLATE_RULES = (
    (re.compile(r"\|\s*safeseq\b"), "|safeseq"),
    (re.compile(r"\|\s*safe\b"), "|safe"),
    (re.compile(r"\{%-?\s*autoescape\s+off\b"), "{% autoescape off %}"),
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
        f for path in template_files()
        for f in check_template(path.read_text(encoding="utf-8"), relative(path))
    ]
    assert not findings, "autoescaping turned off:\n" + "\n".join(map(str, findings))


def test_the_sweep_reads_the_whole_tree() -> None:
    # A wrong root would make both tests above pass on nothing.
    names = {relative(p) for p in python_files()}
    assert {LIB_HTML, "journal/views.py", "people/views.py", "settings.py"} <= names
    assert "templates/base.html" in {relative(p) for p in template_files()}


# --- The checker catches what it must (each rule seen failing) -------------------

_BAD_MODULE = '''
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
'''

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
        "from nearer.lib.html import EMPTY, html, join\n"
        "def rows(people, n):\n"
        "    a = html('<p>{}</p>', 'words')\n"
        "    b = join(html('<li>{}</li>', p) for p in people)\n"
        "    c = join([a, b])\n"
        "    d = html('<p>{}{}</p>', EMPTY, html('<b>{}</b>', n) if n else '')\n"
        "    e = html('<p>{x}</p>', x=n)\n"
        "    return join(people)\n"
    )
    _, sites = check_source(source, "people/rows.py")
    assert [(s.line, s.source) for s in sites] == [
        (4, "p"), (5, "[a, b]"), (6, "n"), (7, "n"), (8, "people")]
    assert sites[0].key == "people/rows.py::rows::p"


def test_the_template_check_finds_each_way_to_turn_escaping_off() -> None:
    text = ("{{ a }}\n{{ b|safe }}\n{{ c | safeseq|join:', ' }}\n"
            "{% autoescape off %}x{% endautoescape %}\n")
    found = check_template(text, "people/templates/people/x.html")
    assert [(f.line, f.what) for f in found] == [
        (2, "|safe"), (3, "|safeseq"), (4, "{% autoescape off %}")]
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


@pytest.mark.parametrize("char, escaped", [
    ("<", "&lt;"), (">", "&gt;"), ("&", "&amp;"), ('"', "&#34;"), ("'", "&#39;"),
])
def test_each_special_character_is_escaped(char: str, escaped: str) -> None:
    assert html("{}", f"a{char}b") == f"a{escaped}b"
    assert join([f"a{char}b"]) == f"a{escaped}b"
