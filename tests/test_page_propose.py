"""Föreslå alternativ (pages/foresla.py) in AppTest: the demo's frontier, its cards and "Ta till Jämför".

The demo has 8 schools; at most 3 closures give 92 sets, few enough that the page shows the
frontier at once (exact enumeration, engine/measures/propose.py).
"""

from __future__ import annotations

from pathlib import Path

from pages_support import figures, metrics, open_page, texts

from engine.core import formatting as fmt
from engine.measures import propose as propose_module
from engine.measures.propose import Constraints, propose

PAGE = "pages/foresla.py"


def test_the_demo_frontier_is_shown_at_once_with_cards_and_the_own_alternatives(app_store: Path, demo) -> None:
    at = open_page(PAGE)
    shown = texts(at)
    expected = propose(demo, "bas", Constraints(max_closures=3))
    assert "Vägval prövade alla 92 möjliga uppsättningar nedläggningar" in shown and "Svaret är exakt" in shown
    for n, p in enumerate(expected.proposals, 1):
        assert f"Förslag {n}: {p.alternative.name}" in shown
    # The big numbers are the engine's, written the Swedish way.
    saved = metrics(at)["2025–2035"]  # the scoreboard's column "Sparar (nuvärde)"
    assert saved == [fmt.mnkr(-p.scores.cost_pv_sek) for p in expected.proposals]
    assert "Åsby skola stängs 2027; eleverna går till Norrby skola" in shown
    assert "Framtidssäker" in shown
    # The municipality's own school alternatives beside the frontier.
    assert "Slå samman Åsby och Norrby (2027): sparar" in shown and "bakom fronten" in shown
    chart = figures(at)["propose.chart"]
    kinds = [trace["name"] for trace in chart["data"]]
    assert kinds == ["Behåll alla", "Egna alternativ", "Förslag"]
    assert len(chart["data"][2]["x"]) == len(expected.proposals)
    assert [b.proto.label for b in at.button].count("Ta till Jämför") == len(expected.proposals)


def test_a_condition_changes_the_frontier(app_store: Path) -> None:
    at = open_page(PAGE)
    at.multiselect(key="w.propose.keep").set_value(["S-ASBY", "S-ANGEN"])
    at = next(b for b in at.button if b.proto.label == "Föreslå alternativ").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Åsby skola stängs" not in shown and "Ängsskolan stängs" not in shown
    assert "Förslag 1:" in shown


def test_take_to_compare_saves_the_proposal_and_opens_jamfor_with_it(app_store: Path, demo) -> None:
    at = open_page(PAGE)
    first = propose(demo, "bas", Constraints(max_closures=3)).proposals[0]
    at = at.button(key="propose.take.1").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Jämför alternativ"
    view = at.session_state["view"]
    saved = view.alternatives[-1]
    assert saved.startswith("stang-")
    picker = next(m for m in at.multiselect if saved in m.value)
    assert picker.format_func(saved) == first.alternative.name
    # Saved in the store: a new session finds it among the alternatives.
    again = open_page("pages/jamfor.py", alt=saved)
    assert saved in again.session_state["view"].alternatives
    # Taking it again does not save a copy.
    at = open_page(PAGE).button(key="propose.take.1").click().run()
    assert at.session_state["view"].alternatives[-1] == saved


def test_more_closures_widen_the_search(app_store: Path) -> None:
    at = open_page(PAGE)
    at.slider(key="w.propose.k").set_value(6)
    # 8 schools, at most 6 closures: 8 + 28 + 56 + 70 + 56 + 28 = 246 sets, still tried one by one.
    at = next(b for b in at.button if b.proto.label == "Föreslå alternativ").click().run()
    assert "Vägval prövade alla 246 möjliga uppsättningar" in texts(at)


def test_a_large_search_waits_for_the_button_then_runs_the_programme(app_store: Path, monkeypatch) -> None:
    monkeypatch.setattr(propose_module, "ENUMERATION_LIMIT", 10)  # few sets count as many
    # Älvdalen: 4 schools, at most 3 closures → 4 + 6 + 4 = 14 sets.
    at = open_page(PAGE, data="alvdalen")
    assert "Villkoren ger 14 möjliga uppsättningar" in "\n".join(i.value for i in at.info)
    assert "Förslag 1:" not in texts(at) and not at.get("plotly_chart")
    at = next(b for b in at.button if b.proto.label == "Föreslå alternativ").click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert "Det finns 14 möjliga uppsättningar" in shown and "Ett optimeringsprogram valde" in shown
    assert "Förslag 1:" in shown or "Inget alternativ uppfyller villkoren" in "\n".join(i.value for i in at.info)


def test_presentation_mode_and_english(app_store: Path) -> None:
    at = open_page(PAGE, present="1")
    assert "Förslag 1:" in texts(at)
    at = open_page(PAGE, lang="en")
    shown = texts(at)
    assert "Proposal 1:" in shown and "The answer is exact" in shown
    assert [b.proto.label for b in at.button].count("Take to Compare") >= 3
