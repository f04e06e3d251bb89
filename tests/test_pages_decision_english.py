"""The decision track's pages open in English: English titles and English words (AppTest)."""

from __future__ import annotations

import pytest
from pages_support import open_page

PAGES = {
    "pages/barnkonsekvenser.py": ("Child impact assessment", "1. Which children are affected?"),
    "pages/omstallning.py": ("Transition strategy", "Timeline year by year"),
    "pages/dialog.py": ("Citizens' dialogue", "Administrator"),
    "pages/beslutsunderlag.py": ("Council paper", "Proposed decision"),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_the_page_speaks_english(app_store, page: str) -> None:
    at = open_page(page, lang="en", alt="merge-a-b")
    title, heading = PAGES[page]
    assert at.title[0].value == title
    assert heading in [h.value for h in at.header]
