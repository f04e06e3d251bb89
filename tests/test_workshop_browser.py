"""The workshop's roles in a real browser: Debian's chromium driven by Playwright (as tests/test_browser.py).

A facilitator starts a workshop on a laptop (1280×720); a phone (390×844) opens the join
link, as the QR code would, and sees only the participant view; the facilitator's browser
still leads after a reload (the signed leader cookie), a forged cookie leads nothing, and
the projector shows the ranking above the QR code once answers arrive. Screenshots go to
tests/artifacts/.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _serve, _wait_idle

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
LEADER_ONLY = ("Leda workshoppen", "Rummet", "Tidigare workshoppar")


ADMIN_CODE = "webbläsar-admin-4711"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VAGVAL_ADMIN_CODE", ADMIN_CODE)
        yield from _serve([sys.executable, "-m", "ui.launch"], tmp_path_factory.mktemp("workshop-store"))


def lead_from_lobby(page, server: str, code: str, pin: str) -> None:
    """Lead ``code`` from this browser, as a facilitator on a second device does: the lobby's form."""
    page.goto(f"{server}/workshop")
    _wait_idle(page)
    page.get_by_text("Leda en workshop från den här enheten").click()
    form = page.locator('[data-testid="stForm"]').filter(has_text="Ledarkod")
    form.get_by_label("Workshopens kod").fill(code)
    form.get_by_label("Ledarkod").fill(pin)
    form.get_by_role("button", name="Leda härifrån").click()
    page.wait_for_function(f"() => location.search.includes('ws={code}')", timeout=30_000)
    _wait_idle(page)


def _main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_phones_see_only_the_participant_view_and_the_leader_keeps_leading(server: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        laptop = browser.new_context(viewport=DESKTOP)
        lead = laptop.new_page()
        lead.on("pageerror", lambda e: errors.append(str(e)))
        lead.goto(f"{server}/workshop")
        _wait_idle(lead)
        lead.get_by_label("Ge workshoppen en kort kod").fill("KS-mars")
        lead.get_by_role("button", name="Starta workshoppen").click()
        lead.wait_for_function("() => location.search.includes('ws=KS-mars')", timeout=30_000)
        _wait_idle(lead)
        assert "Leda workshoppen" in _main_text(lead)
        link = lead.locator('[data-testid="stCode"]').first.inner_text().strip()
        assert link == f"{server}/workshop?ws=KS-mars", link
        lead.wait_for_function("() => document.cookie.includes('vagval_lead=')", timeout=30_000)
        cookie = next(c for c in laptop.cookies() if c["name"] == "vagval_lead")
        assert cookie["value"].startswith("2099~KS-mars~"), cookie

        # The phone, by the join link (what the QR code holds): the participant view and nothing else.
        phone_context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        phone = phone_context.new_page()
        phone.on("pageerror", lambda e: errors.append(str(e)))
        phone.goto(link)
        _wait_idle(phone)
        phone.get_by_role("button", name="Skicka").wait_for(timeout=30_000)
        shown = _main_text(phone)
        assert not [word for word in LEADER_ONLY if word in shown], shown[:400]
        assert phone.locator('[data-testid="stImage"]').count() == 0  # no QR code: that is the room's
        phone.screenshot(path=str(ARTIFACTS / "workshop-phone-top.png"), full_page=False)
        economy = phone.locator('[data-testid="stSlider"]').filter(has_text="Ekonomi").get_by_role("slider")
        economy.focus()
        for _ in range(4):
            phone.keyboard.press("ArrowRight")
        phone.wait_for_timeout(800)
        phone.get_by_role("button", name="Skicka").click()
        phone.get_by_text("Tack! Ditt svar är sparat.").wait_for(timeout=30_000)
        phone.screenshot(path=str(ARTIFACTS / "workshop-phone.png"), full_page=False)
        # The lobby lists no earlier workshops for the phone.
        phone.goto(f"{server}/workshop")
        _wait_idle(phone)
        assert "Tidigare workshoppar" not in _main_text(phone)

        # A forged leader cookie leads nothing.
        forged = browser.new_context(viewport=PHONE)
        forged.add_cookies([{"name": "vagval_lead", "value": "2099~KS-mars~9999999999~" + "0" * 64, "url": server}])
        other = forged.new_page()
        other.goto(link)
        _wait_idle(other)
        other.get_by_role("button", name="Skicka").wait_for(timeout=30_000)
        assert "Leda workshoppen" not in _main_text(other)

        # The facilitator reloads (a new session): the signed cookie still makes this browser the leader.
        lead.goto(f"{server}/workshop")
        _wait_idle(lead)
        assert "Tidigare workshoppar" in _main_text(lead)
        lead.goto(f"{server}/workshop?ws=KS-mars&present=1")
        _wait_idle(lead)
        heading = lead.get_by_role("heading", name="Rangordning med rummets vikter")
        heading.wait_for(timeout=30_000)
        qr = lead.locator('[data-testid="stImage"] img').first
        qr.wait_for(timeout=30_000)
        lead.wait_for_timeout(600)
        ranking_box, qr_box = heading.bounding_box(), qr.bounding_box()
        assert ranking_box and qr_box
        assert ranking_box["y"] + ranking_box["height"] < qr_box["y"], (ranking_box, qr_box)  # the ranking above
        assert ranking_box["y"] < DESKTOP["height"], ranking_box  # above the fold on a projector
        lead.screenshot(path=str(ARTIFACTS / "workshop-room.png"), full_page=False)

        # The administrator logs in on Data; after a reload (the signed cookie) the lobby lists every workshop.
        admin = browser.new_context(viewport=DESKTOP).new_page()
        admin.goto(f"{server}/data")
        _wait_idle(admin)
        admin.locator('input[aria-label="Administratörens kod"]').first.fill(ADMIN_CODE)
        admin.get_by_role("button", name="Logga in").first.click()
        admin.wait_for_function("() => document.cookie.includes('vagval_admin=')", timeout=30_000)
        admin.goto(f"{server}/workshop")
        _wait_idle(admin)
        assert "Tidigare workshoppar" in _main_text(admin)
        browser.close()
    assert not errors, errors
