"""Hypothesis strategies the property tests of every file reader share."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def lines_file(
    lines: Sequence[str], *, end: str, most_lines: int, line_size: int
) -> st.SearchStrategy[bytes]:
    """A file of lines ending in ``end``: each one of the ``lines`` that look like the
    format (and break it), or any text, encoded as UTF-8 (lone surrogates kept, as
    broken files hold them)."""
    line = st.one_of(
        st.sampled_from(list(lines)),
        st.text(max_size=line_size).filter(lambda t: "\r" not in t and "\n" not in t),
    )
    return st.lists(line, max_size=most_lines).map(
        lambda chosen: end.join(chosen).encode("utf-8", "surrogatepass")
    )


def bytes_or_lines(
    lines: Sequence[str], *, end: str, most_lines: int, line_size: int
) -> st.SearchStrategy[bytes]:
    """Any bytes, or a ``lines_file``."""
    files = lines_file(lines, end=end, most_lines=most_lines, line_size=line_size)
    return st.one_of(st.binary(max_size=2000), files)
