"""Numbers and words shared by every page: an effect against keeping all, Streamlit's own widget texts."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    # An alternative's effect against keeping all over the period, the same words on Jämför, Ekonomi,
    # Bygg alternativ and in the memo (ui/numbers.py against_keep_all).
    "effect.saves": ("sparar {amount}", "saves {amount}"),
    "effect.costs": ("kostar {amount} mer", "costs {amount} more"),
    "effect.even": ("kostar lika mycket", "costs the same"),
    "effect.tag.saves": ("sparar", "saves"),
    "effect.tag.costs": ("kostar mer", "costs more"),
    # The alternatives' picker: Streamlit's own limit message is English, so the page says it.
    "pick.placeholder": ("Välj alternativ", "Choose alternatives"),
    "pick.limit": (
        "Högst {count} alternativ åt gången jämförs med att behålla alla: {dropped} togs bort.",
        "At most {count} alternatives at a time are compared with keeping all: {dropped} was removed.",
    ),
    # st.file_uploader's own texts, which Streamlit writes in English only (ui/numbers.py uploader_words).
    "upload.button": ("Välj fil", "Choose a file"),
    "upload.limit": ("Högst {mb} MB per fil", "At most {mb} MB per file"),
    # Presentation mode: between the method's pages without the sidebar.
    "present.previous": ("← {page}", "← {page}"),
    "present.next": ("{page} →", "{page} →"),
}
