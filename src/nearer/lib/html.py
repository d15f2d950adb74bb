"""The one place where Python code builds HTML: every value is escaped unless it is markup.

Templates are Nearer's first way of making HTML. Where a long list must be built in
code for speed (a month of entries, a chart), it is built with these helpers only:

- ``html(template, *values, **named)`` fills a ``str.format`` template written in
  the code (a literal, never a person's words) and escapes every value that is not
  already ``Markup``. Numbers and dates are formatted by the caller first
  (``f"{x:.1f}"``), then passed in as values.
- ``join(parts, sep=...)`` joins fragments, escaping any part that is plain text.
- ``Markup`` is markupsafe's safe string: Django's templates print it as it is (it
  has ``__html__``), and adding plain text to it escapes that text.

Nothing else in Nearer may call ``mark_safe``, build ``Markup`` from a variable, or
use ``format_html``: ``tests/security/test_html_is_built_safely.py`` reads every
module and fails if it does. ``_escape`` is looked up on each call so that the
mutation test can turn escaping off one call site at a time and prove that some
test notices.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# _escape_inner is markupsafe's own escaper (the C one when built), which its escape()
# wraps: here the result of a whole html()/join() is made Markup once instead of every
# value on its own. The version is locked (requirements.lock).
from markupsafe import Markup, _escape_inner  # type: ignore[attr-defined]

__all__ = ["EMPTY", "Markup", "html", "join"]

EMPTY = Markup("")


def _escape(value: Any) -> str:
    """Return ``value`` as markupsafe's escape() would, as a plain str (markup kept)."""
    if value.__class__ is str:  # the common case first, as markupsafe does
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return _escape_inner(str(value))


def html(template: str, /, *values: Any, **named: Any) -> Markup:
    """Return ``template`` filled with ``values``, each escaped unless it is ``Markup``.

    ``template`` must be a string literal in the calling code (a test checks this):
    it is the only text trusted as markup.
    """
    escape = _escape
    # str.__new__ makes the Markup Markup() would make of this plain str, without
    # Markup.__new__'s own checks: a month page makes a few hundred of these. Rows
    # pass their values in order; only they skip building a dict of named ones.
    if not named:
        return str.__new__(Markup, template.format(*[escape(value) for value in values]))
    return str.__new__(
        Markup,
        template.format(
            *[escape(value) for value in values],
            **{name: escape(value) for name, value in named.items()},
        ),
    )


def join(parts: Iterable[Any], sep: str = "") -> Markup:
    """Return ``parts`` joined by ``sep`` (a literal), plain-text parts escaped."""
    escape = _escape
    return str.__new__(Markup, sep.join([escape(part) for part in parts]))  # parts escaped
