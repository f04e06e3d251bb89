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
    # The button Streamlit shows top right while a page is being computed (ui/numbers.py status_words).
    "status.stop": ("Avbryt", "Stop"),
    "status.stopping": ("Avbryter …", "Stopping …"),
    # Streamlit's and plotly's own words on buttons and in tooltips, which neither lets a page set:
    # the launcher's script writes the Swedish where the English stands (ui/launch.py, chrome_words).
    # The English must be exactly theirs.
    "chrome.columns": ("Visa eller dölj kolumner", "Show/hide columns"),
    "chrome.csv": ("Ladda ner som CSV", "Download as CSV"),
    "chrome.search": ("Sök", "Search"),
    "chrome.fullscreen": ("Helskärm", "Fullscreen"),
    "chrome.close_fullscreen": ("Stäng helskärm", "Close fullscreen"),
    "chrome.skip": ("Hoppa till innehållet", "Skip to main content"),
    "chrome.running": ("Räknar …", "Running..."),
    "chrome.png": ("Ladda ner diagrammet som PNG", "Download plot as a PNG"),
    "chrome.zoom": ("Zooma", "Zoom"),
    "chrome.pan": ("Panorera", "Pan"),
    "chrome.zoom_in": ("Zooma in", "Zoom in"),
    "chrome.zoom_out": ("Zooma ut", "Zoom out"),
    "chrome.autoscale": ("Anpassa skalan", "Autoscale"),
    "chrome.reset": ("Återställ axlarna", "Reset axes"),
    # Presentation mode: between the method's pages without the sidebar.
    "present.previous": ("← {page}", "← {page}"),
    "present.next": ("{page} →", "{page} →"),
}
