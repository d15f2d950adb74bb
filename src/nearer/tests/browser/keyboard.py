"""Moving through a page with the keyboard only, checking that focus can always be seen."""

from __future__ import annotations

from playwright.sync_api import Page

# The accessible-ish name of the focused element: its label, aria-label, or text.
_FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return {name: '', outline: '', tag: ''};
    const label = (el.labels && el.labels.length) ? el.labels[0].innerText : '';
    const name = (label || el.getAttribute('aria-label') || el.innerText || el.value || '').trim();
    const style = getComputedStyle(el);
    const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return {name: name, visible: visible, tag: el.tagName.toLowerCase()};
}"""


def focused(page: Page) -> dict[str, object]:
    result: dict[str, object] = page.evaluate(_FOCUSED)
    return result


def tab_to(page: Page, name: str, *, limit: int = 40, backwards: bool = False) -> None:
    """Press Tab until the element named ``name`` has focus; assert focus shows on each stop.

    Fails if the element is not reached within ``limit`` presses, or if any element
    on the way receives focus without a visible outline (WCAG 2.4.7).
    """
    # The stylesheet must have arrived, or the browser's default focus ring is measured.
    page.wait_for_load_state("load")
    seen: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = focused(page)
        seen.append(str(now["name"])[:40])
        if now["tag"]:
            assert now["visible"], f"focus is not visible on {now['tag']} {now['name']!r}"
        if str(now["name"]).startswith(name):
            return
    raise AssertionError(f"never reached {name!r} with Tab; focus went through: {seen}")
