"""The frame of every page: navigation, sidebar, link and undo, errors, downloads."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "app.tagline": (
        "Beslutsstöd för framtidssäkring när behoven minskar",
        "Decision support for future-proofing when needs shrink",
    ),
    "nav.overview": ("Översikt", "Overview"),
    "nav.scenarios": ("Scenarier", "Scenarios"),
    "nav.capacity": ("Kapacitet", "Capacity"),
    "nav.compare": ("Jämför alternativ", "Compare alternatives"),
    "nav.build": ("Bygg alternativ", "Build an alternative"),
    "nav.about": ("Om modellen", "About the model"),
    "nav.section.method": ("Metoden steg för steg", "The method step by step"),
    "side.municipality": ("Kommun", "Municipality"),
    "side.municipality.help": (
        "Vålberga är en påhittad demokommun. Ragunda och Älvdalen är riktiga kommuner byggda ur SCB:s, "
        "Skolverkets och Koladas offentliga statistik; det som är uppskattat står i deras README. "
        "Egen data laddar du upp på sidan Data.",
        "Vålberga is a made-up demo municipality. Ragunda and Älvdalen are real municipalities built from "
        "the public statistics of SCB, Skolverket and Kolada; what is estimated is listed in their README. "
        "Upload your own data on the Data page.",
    ),
    "side.scenario": ("Scenario", "Scenario"),
    "side.scenario.help": (
        "Ett antaget framtida befolkningsläge — inte en prognos. Byt för att se om slutsatsen håller.",
        "An assumed demographic future — not a forecast. Switch to see whether the conclusion holds.",
    ),
    "side.years": ("År framåt", "Years ahead"),
    "side.language": ("Språk", "Language"),
    "side.present": ("Presentationsläge", "Presentation mode"),
    "side.present.help": (
        "Stor text, inget i sidopanelen, nyckeltalen stora — för projektor och fullmäktige.",
        "Large text, no sidebar clutter, key numbers big — for projector and council meetings.",
    ),
    "side.share": ("Dela länk", "Share link"),
    "side.share.help": (
        "Länken öppnar exakt denna vy: scenario, alternativ och alla reglage.",
        "The link opens exactly this view: scenario, alternatives and every slider.",
    ),
    "side.share.copy": ("Kopiera länken nedan:", "Copy the link below:"),
    "state.ignored": (
        "Några värden i länken kunde inte användas och har ignorerats: {keys}",
        "Some values in the link could not be used and were ignored: {keys}",
    ),
    "state.changes": ("Ändrat från standard", "Changed from defaults"),
    "state.no_changes": ("Inga ändringar från standard.", "No changes from defaults."),
    "state.undo": ("Ångra senaste ändringen", "Undo last change"),
    "state.nothing_to_undo": ("Det finns inget att ångra.", "There is nothing to undo."),
    "state.reset": ("Återställ", "Reset"),
    "source.line": (
        "Källa: Vägval-modellen, {dataset}, scenario {scenario}. Utskrivet {date}.",
        "Source: Vägval model, {dataset}, scenario {scenario}. Printed {date}.",
    ),
    "how": ("Hur räknas detta?", "How is this calculated?"),
    "error.data": (
        "Datan kunde inte läsas. Rätta följande och ladda om sidan:",
        "The data could not be read. Fix the following and reload the page:",
    ),
    "error.value": ("Värdet kunde inte användas: {message}", "The value could not be used: {message}"),
    "download.csv": ("Ladda ner tabellen (CSV)", "Download the table (CSV)"),
    "download.xlsx": ("Ladda ner tabellen (Excel)", "Download the table (Excel)"),
    "chart.accumulated": (
        "Ackumulerad skillnad mot att behålla alla, från {first}",
        "Accumulated difference against keeping all, from {first}",
    ),
    "chart.distance_bands": ("Elever efter avstånd till skolan {year}", "Pupils by distance to school {year}"),
    "nav.economy": ("Ekonomi", "Economy"),
    "nav.investments": ("Investeringar", "Investments"),
    # --- the administrator (ui/roles.py) ---
    "admin": ("Administratör", "Administrator"),
    "admin.data": (
        "Att ladda upp data, välja vad nya besökare får och ta bort uppladdningar kräver administratörens kod.",
        "Uploading data, choosing what new visitors get and deleting uploads need the administrator's code.",
    ),
    "admin.code": ("Administratörens kod", "The administrator's code"),
    "admin.code.help": (
        "Koden står i serverns logg när Vägval startar första gången (eller sätts med VAGVAL_ADMIN_CODE).",
        "The code is in the server's log when Vägval first starts (or is set with VAGVAL_ADMIN_CODE).",
    ),
    "admin.login": ("Logga in", "Log in"),
    "admin.logout": ("Logga ut", "Log out"),
    "admin.wrong": ("Fel kod.", "Wrong code."),
    "admin.wait": (
        "För många försök. Vänta en minut och försök igen.",
        "Too many tries. Wait a minute and try again.",
    ),
}
