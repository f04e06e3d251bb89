"""The store: a name that is taken, and a store that stays busy (engine/store)."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "store.replace.ask": (
        "Det finns redan ett alternativ som heter ”{name}”. Ersätta det?",
        "There is already an alternative called “{name}”. Replace it?",
    ),
    "store.replace.yes": ("Ja, ersätt", "Yes, replace"),
    "store.replace.no": ("Avbryt", "Cancel"),
    "store.replace.meanwhile": (
        "Någon sparade just ett alternativ som heter ”{name}”. Ditt är inte sparat än.",
        "Someone just saved an alternative called “{name}”. Yours is not saved yet.",
    ),
    "store.busy.page": (
        "Det är många som använder Vägval just nu. Ladda om sidan om en liten stund.",
        "Many people are using Vägval right now. Reload the page in a moment.",
    ),
    "store.busy": (
        "Det är många som sparar just nu. Vänta en liten stund och försök igen – det du gjorde är inte sparat.",
        "Many people are saving right now. Wait a moment and try again – what you did has not been saved.",
    ),
}
