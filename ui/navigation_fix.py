"""Make Streamlit treat app.py's st.navigation as the only page registry.

Streamlit decides once per process whether an app "uses the pages directory" (the
old multipage mode) by checking whether a folder named pages/ sits beside the main
script, and only unlearns it when a script run reaches st.navigation. Until then a
visitor who opens a deep link such as /jamfor on a fresh server gets pages/jamfor.py
run on its own, without app.py's frame, with file names as navigation. Our pages/
folder holds st.navigation pages, so the launcher (and the test harness, where
AppTest re-detects it on every run) declares the answer up front.
"""

from __future__ import annotations

from streamlit.runtime.pages_manager import PagesManager


def use_navigation_only() -> None:
    """Declare that pages/ holds st.navigation pages (call before the server or AppTest runs)."""
    original_init = PagesManager.__init__
    if getattr(original_init, "_navigation_only", False):
        return

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    init._navigation_only = True  # type: ignore[attr-defined]
    PagesManager.__init__ = init  # type: ignore[method-assign]
    PagesManager.uses_pages_directory = False
