"""Barnkonsekvenser (AppTest): the model's facts for an alternative, the officials' texts saved and shown again."""

from __future__ import annotations

from pages_support import metrics, open_page, texts

from engine.store import Store

PAGE = "pages/barnkonsekvenser.py"


def test_the_merge_of_asby_and_norrby_shows_who_changes_school(app_store) -> None:
    at = open_page(PAGE, alt="merge-a-b")
    assert at.title[0].value == "Barnkonsekvensanalys"
    assert at.selectbox(key="w.child.alternative").value == "merge-a-b"
    # The page opens on the merge's first year, 2027, when Åsby's pupils go to Norrby.
    assert at.select_slider[0].value == 2027
    shown = metrics(at)
    assert set(shown) >= {"Byter skola 2027", "I berörda skolor 2027", "Nya över skjutsgränsen"}
    moved = shown["Byter skola 2027"][0]
    assert moved != "0" and "." not in moved  # Swedish form: "39", never "39.0"
    summary = texts(at)
    assert "**2027 går 39 elever i en annan skola än om vi behåller alla skolor.**" in summary
    assert "Åsby skola, Norrby skola" in summary
    # Every table cell is text already written the Swedish way (no raw floats such as 12.345).
    for table in at.dataframe:
        for column in table.value.columns:
            assert not any(isinstance(v, float) for v in table.value[column]), column


def test_the_assessment_texts_are_saved_with_the_alternative(app_store) -> None:
    at = open_page(PAGE, alt="merge-a-b")
    at.text_area(key="child.views.merge-a-b").input("Elevrådet i Åsby vill ha kvar sin fritidsgård.")
    at.text_area(key="child.follow_up.merge-a-b").input(
        "Uppföljning efter ett år: [länk](https://evil.example) <b>x</b>"
    )
    at.button[0].click().run()  # the form's only button: Spara bedömningen
    assert not at.exception
    assert any(s.value == "Bedömningen är sparad." for s in at.success)
    # Another visitor sees the saved texts, as they were written (a text area shows text, never markup).
    again = open_page(PAGE, alt="merge-a-b")
    assert again.text_area(key="child.views.merge-a-b").value == "Elevrådet i Åsby vill ha kvar sin fritidsgård."
    assert again.text_area(key="child.follow_up.merge-a-b").value.endswith("<b>x</b>")
    assert any(c.value.startswith("Senast sparad ") for c in again.caption)
    # Kept per dataset and alternative in the store.
    store = Store(app_store)
    assert store.document("2099", "child_impact", "merge-a-b") is not None  # the demo's municipality code
    assert store.document("2099", "child_impact", "merge-b-c") is None


def test_the_page_speaks_english(app_store) -> None:
    at = open_page(PAGE, lang="en", alt="merge-b-c")
    assert at.title[0].value == "Child impact assessment"
    assert "Change school" in " ".join(metrics(at))


def test_the_link_reopens_the_chosen_year(app_store) -> None:
    at = open_page(PAGE, alt="merge-a-b")
    assert "year" not in at.query_params  # the opening year (2027) is the default, left out of the link
    at.select_slider[0].set_value(2030).run()
    assert not at.exception
    link = dict(at.query_params)
    assert link["year"] == "2030" and link["alt"] == "merge-a-b"
    fresh = open_page(PAGE, **link)
    assert fresh.select_slider[0].value == 2030
    assert "Byter skola 2030" in metrics(fresh)
    assert dict(fresh.query_params) == link
