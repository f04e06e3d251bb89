"""The decision memo (ui/memo.py): a PDF that stands alone, in the view's language, with or without a browser.

The memo is read back with pypdf; the numbers it must contain are computed here from
the engine's results and formatted as the memo formats them.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from ui import data, memo, session
from ui.i18n import LABELS
from ui.state import ViewState

PAGE = str(Path(__file__).with_name("memo_page.py"))
ALTERNATIVES = ("merge-a-b", "close-smallest-2028")
COMPARED = [KEEP_ALL, *ALTERNATIVES]


def view(lang: str = "sv") -> ViewState:
    return ViewState(scenario="stress", alternatives=ALTERNATIVES, overrides={"max_class_size": 22.0}, lang=lang)


def words(text: str) -> str:
    """Whitespace (line breaks, non-breaking spaces) as single spaces, as in text read back from a PDF."""
    return re.sub(r"\s+", " ", text).strip()


def read(pdf: bytes) -> tuple[str, int]:
    """The memo's text and its number of images."""
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return words(" ".join(page.extract_text() for page in reader.pages)), sum(len(p.images) for p in reader.pages)


def total_difference(v: ViewState, alt: str) -> float:
    """Σ (cost + one-off) over the horizon, against keep-all: the memo's 'Mot att behålla alla' row."""

    def total(a: str) -> float:
        y = data.result(v, a).years
        return float(y["cost_sek"].sum() + y["one_off_cost_sek"].sum())

    return total(alt) - total(KEEP_ALL)


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """No Chromium on this machine, and none started by an earlier test."""
    monkeypatch.setattr(memo, "browser_path", lambda: None)
    monkeypatch.setattr(memo, "_renderer", None)


def test_swedish_memo_stands_alone(app_store, no_browser) -> None:
    v = view()
    text, _ = read(memo.build_memo(v, COMPARED))
    ds = data.dataset()
    alts = data.alternatives()
    assert "Beslutsunderlag" in text and "Sammanfattning" in text
    assert ds.name in text
    for alt in COMPARED:
        assert words(alts[alt].name) in text
    for scenario in ds.scenarios.values():  # the robustness table has every scenario
        assert words(scenario.name) in text
    saving = words(fmt.mnkr(total_difference(v, "close-smallest-2028")))
    assert saving.startswith("−") and saving in text  # '−53,8 mnkr': Swedish minus and decimal comma
    cost_per_pupil = float(data.result(v, KEEP_ALL).years["cost_per_pupil_sek"].iloc[-1])
    assert words(fmt.kr(cost_per_pupil)) in text  # e.g. '167 764 kr'
    assert "Största klass" in text and "22 elever" in text and "25 elever" in text  # changed, with its default
    assert words(LABELS["memo.assumptions.others"][0]) in text
    assert session.share_url(v) in text.replace(" ", "")
    assert "Källa: Vägval-modellen" in text


def test_english_view_gives_an_english_memo(app_store, no_browser) -> None:
    text, _ = read(memo.build_memo(view("en"), COMPARED))
    for key in ("memo.title", "memo.summary", "memo.assumptions", "memo.trace"):
        english, swedish = LABELS[key][1], LABELS[key][0]
        assert english in text and swedish not in text
    assert "Largest class" in text and "Source: Vägval model" in text


def test_keep_all_alone_is_a_memo_too(app_store, no_browser) -> None:
    text, _ = read(memo.build_memo(view().with_(alternatives=()), [KEEP_ALL]))
    assert words(LABELS["memo.none"][0]) in text


def test_another_municipality_with_one_scenario(app_store, no_browser, tiny_path, monkeypatch) -> None:
    monkeypatch.setattr(data, "DATASET_DIR", tiny_path)
    data.dataset.clear()
    try:
        v = ViewState(scenario="bas", alternatives=("close-b", "merge-b-c"))
        text, _ = read(memo.build_memo(v, [KEEP_ALL, "close-b", "merge-b-c"]))
        saves = total_difference(v, "merge-b-c") < 0
    finally:
        data.dataset.clear()
    assert "Lillby kommun" in text and "Slå ihop Björkängen med Östra Cé 2026" in text
    assert f"i {int(saves)} av 1 scenarier" in text  # the robustness sentence counts its one scenario


def test_without_chromium_the_memo_has_a_note_instead_of_charts(app_store, no_browser) -> None:
    text, images = read(memo.build_memo(view(), COMPARED))
    assert images == 0
    assert words(LABELS["memo.charts.missing"][0]) in text


def test_a_browser_that_does_not_start_gives_the_note_not_an_error(app_store, monkeypatch) -> None:
    monkeypatch.setattr(memo, "browser_path", lambda: "/nonexistent/chromium")
    monkeypatch.setattr(memo, "_renderer", None)
    text, images = read(memo.build_memo(view(), COMPARED))
    assert images == 0 and words(LABELS["memo.charts.missing"][0]) in text


def test_without_a_unicode_font_the_memo_falls_back_to_helvetica(app_store, no_browser, monkeypatch) -> None:
    monkeypatch.setattr(memo, "_font_files", lambda: None)
    v = view()
    text, _ = read(memo.build_memo(v, COMPARED))
    assert "Vålberga kommun" in text  # å ä ö are Latin-1
    assert words(fmt.mnkr(total_difference(v, "merge-a-b"))).replace("−", "-") in text  # '−' is not


def browser_or_skip() -> None:
    if memo.browser_path() is None:
        if os.environ.get("VAGVAL_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required here (VAGVAL_REQUIRE_BROWSER=1) but none was found")
        pytest.skip("no Chromium for kaleido (apt-get install -y chromium)")


def test_with_chromium_the_memo_has_the_three_charts(app_store) -> None:
    browser_or_skip()
    text, images = read(memo.build_memo(view(), COMPARED))
    assert images == 3
    assert words(LABELS["memo.charts.missing"][0]) not in text


def test_the_button_builds_the_memo_once_through_streamlit(app_store, monkeypatch) -> None:
    browser_or_skip()
    built: list[ViewState] = []

    def counting(v: ViewState, compared: list[str]) -> bytes:
        built.append(v)
        return build(v, compared)

    build = memo.build_memo
    monkeypatch.setattr(memo, "build_memo", counting)
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["alt"] = ",".join(ALTERNATIVES)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.get("download_button")  # nothing is built before it is asked for
    at.button(key="memo.build").click().run()
    assert not at.exception, [e.value for e in at.exception]
    [download] = at.get("download_button")
    assert download.label == LABELS["memo.download"][1]
    at.run()  # a rerun (a slider elsewhere, say) does not build it again
    assert len(built) == 1
    _, compared, pdf = at.session_state[memo.STATE_KEY]
    text, images = read(pdf)
    assert compared == COMPARED and images == 3 and "Decision memo" in text
