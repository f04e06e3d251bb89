"""Data: the dataset in use, the template and uploads."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "data.nav": ("Data", "Data"),
    "data.title": ("Data: underlaget som alla sidor räknar på", "Data: what every page computes from"),
    "data.intro": (
        "Här ser du vilken kommuns data instrumentpanelen använder, och här laddar du upp kommunens egen. "
        "En fil kontrolleras innan den används; en felaktig fil ändrar ingenting.",
        "See which municipality's data the dashboard uses, and upload your own here. "
        "A file is checked before it is used; a faulty file changes nothing.",
    ),
    "data.in_use": ("Datan som används", "The data in use"),
    "data.from_built_in": (
        "**{name}** (kommunkod {code}) — en riktig kommun byggd ur SCB:s, Skolverkets och Koladas offentliga "
        "statistik, från `{folder}`. Källor och uppskattningar står i mappens README.md.",
        "**{name}** (municipality code {code}) — a real municipality built from the public statistics of SCB, "
        "Skolverket and Kolada, from `{folder}`. Sources and estimates are listed in the folder's README.md.",
    ),
    "data.from_server": (
        "**{name}** (kommunkod {code}) — serverns egen data, från `{folder}`.",
        "**{name}** (municipality code {code}) — the server's own data, from `{folder}`.",
    ),
    "data.from_upload": (
        "**{name}** (kommunkod {code}) — uppladdad som `{file}` den {when}.",
        "**{name}** (municipality code {code}) — uploaded as `{file}` on {when}.",
    ),
    "data.is_default": ("Nya besökare får den här datan.", "New visitors get this data."),
    "data.make_default": ("Gör till standard för alla nya besökare", "Make it the default for every new visitor"),
    "data.make_default.help": (
        "Den som öppnar instrumentpanelen utan länk till en viss datamängd får då den här. "
        "Länkar som redan delats öppnar fortfarande sin egen data.",
        "Whoever opens the dashboard without a link to a particular dataset then gets this one. "
        "Links already shared still open their own data.",
    ),
    "data.default_set": ("Nu får alla nya besökare {name}.", "Every new visitor now gets {name}."),
    "data.summary": (
        "Basår {year} · {inhabitants} invånare i {areas} planeringsområden.",
        "Base year {year} · {inhabitants} inhabitants in {areas} planning areas.",
    ),
    "data.contents": ("Vad datan innehåller", "What the data holds"),
    "data.col.table": ("Tabell (blad eller fil)", "Table (sheet or file)"),
    "data.col.rows": ("Rader", "Rows"),
    "data.table.areas": ("Planeringsområden (areas)", "Planning areas (areas)"),
    "data.table.population": (
        "Befolkning: område × ålder med invånare (population)",
        "Population: area × age with inhabitants (population)",
    ),
    "data.table.demography": ("Demografi: en rad per ålder (demography)", "Demography: one row per age (demography)"),
    "data.table.units": (
        "Enheter: skolor, förskolor, boenden, lokaler (units)",
        "Units: schools, preschools, care homes, facilities (units)",
    ),
    "data.table.enrollment": ("Elever per skola och årskurs (enrollment)", "Pupils per school and grade (enrollment)"),
    "data.table.distances": ("Vägavstånd (distances)", "Road distances (distances)"),
    "data.table.facility_usage": (
        "Användning av fritids- och kulturlokaler (facility_usage)",
        "Use of leisure and culture facilities (facility_usage)",
    ),
    "data.table.investments": ("Planerade investeringar (investments)", "Planned investments (investments)"),
    "data.table.scenarios": ("Scenarier (scenarios)", "Scenarios (scenarios)"),
    "data.table.alternatives": ("Handlingsalternativ (alternatives)", "Alternatives (alternatives)"),
    "data.scenarios": ("**Scenarier:** {names}", "**Scenarios:** {names}"),
    "data.alternatives": ("**Handlingsalternativ:** {names}", "**Alternatives:** {names}"),
    "data.switch": ("Byt till data som redan finns här", "Switch to data already here"),
    "data.switch.button": ("Byt", "Switch"),
    "data.switch.failed": (
        "Den datan kan inte användas längre (den klarar inte dagens kontroller). Ladda upp en rättad fil.",
        "That data can no longer be used (it fails today's checks). Upload a corrected file.",
    ),
    "data.now_used": (
        "Nu används {name}. Alla sidor räknar på den, och länken i sidopanelen öppnar den.",
        "{name} is now in use. Every page computes from it, and the link in the sidebar opens it.",
    ),
    "data.delete": ("Ta bort uppladdad data", "Delete uploaded data"),
    "data.delete.pick": ("Vilken uppladdning", "Which upload"),
    "data.delete.sure": (
        "Ja, ta bort {name} för alla som använder instrumentpanelen",
        "Yes, delete {name} for everyone who uses the dashboard",
    ),
    "data.delete.button": ("Ta bort", "Delete"),
    "data.delete.help": (
        "Filen tas bort ur instrumentpanelens lagring. Länkar till den öppnar sedan standarddatan, med ett "
        "meddelande. Sparade alternativ för kommunen ligger kvar.",
        "The file is removed from the dashboard's storage. Links to it then open the default data, with a "
        "message. Alternatives saved for the municipality stay.",
    ),
    "data.deleted": (
        "{name} är borttagen. Nya besökare och gamla länkar får nu {default}.",
        "{name} is deleted. New visitors and old links now get {default}.",
    ),
    "data.upload": ("Ladda upp kommunens egen data", "Upload your municipality's own data"),
    "data.upload.howto": (
        "1. Ladda ner mallen: demokommunen som Excel-arbetsbok, ett blad per tabell. Skriv över den med kommunens "
        "uppgifter; kolumnerna beskrivs under *Om modellen*.\n"
        "2. Ladda upp arbetsboken (.xlsx) — eller en zip-fil med datamappens CSV-filer och `municipality.toml`, "
        "`scenarios.toml` och `alternatives.toml`.\n"
        "3. Filen kontrolleras. Är något fel ser du fil, rad och kolumn för varje fel, och datan som används "
        "ändras inte. Är allt rätt väljer du om den ska användas.",
        "1. Download the template: the demo municipality as an Excel workbook, one sheet per table. Overwrite it "
        "with your municipality's data; the columns are described under *About the model*.\n"
        "2. Upload the workbook (.xlsx) — or a zip file with the dataset folder's CSV files and "
        "`municipality.toml`, `scenarios.toml` and `alternatives.toml`.\n"
        "3. The file is checked. If something is wrong you see the file, row and column of every problem, and "
        "the data in use does not change. If all is well you choose whether to use it.",
    ),
    "data.template": ("Ladda ner mallen (Excel)", "Download the template (Excel)"),
    "data.upload.label": (
        "Arbetsbok (.xlsx) eller zip-fil med CSV- och TOML-filerna",
        "Workbook (.xlsx) or zip file with the CSV and TOML files",
    ),
    "data.upload.help": (
        "Högst {mb} MB. CSV-filer får vara komma- eller semikolonavgränsade, i UTF-8 eller Windows-1252 "
        "(som Excel sparar dem), med decimalkomma eller decimalpunkt.",
        "At most {mb} MB. CSV files may be comma or semicolon separated, in UTF-8 or Windows-1252 "
        "(as Excel saves them), with decimal comma or point.",
    ),
    "data.checking": ("Kontrollerar filen …", "Checking the file …"),
    "data.already": ("`{file}` är redan den data som används.", "`{file}` is already the data in use."),
    "data.accepted": (
        "`{file}` är kontrollerad och kan användas: **{name}** (kommunkod {code}). Så här ser den ut:",
        "`{file}` has been checked and can be used: **{name}** (municipality code {code}). This is what it holds:",
    ),
    "data.use": ("Använd den här datan", "Use this data"),
    "data.use.help": (
        "Byter data i den här sessionen och i länken du delar. Vyn börjar om från den nya datans scenarier "
        "och alternativ.",
        "Switches the data in this session and in the link you share. The view starts again from the new "
        "data's scenarios and alternatives.",
    ),
    "data.rejected": (
        "`{file}` kan inte användas: {count} fel. Ingenting har ändrats — {name} används fortfarande.",
        {
            "one": "`{file}` cannot be used: {count} problem. Nothing has changed — {name} is still in use.",
            "other": "`{file}` cannot be used: {count} problems. Nothing has changed — {name} is still in use.",
        },
    ),
    "data.rejected.fix": (
        "Rätta felen nedan och ladda upp filen igen. *Rad* är radnumret som Excel visar (rubrikraden är rad 1); "
        "i TOML-filer raden där tabellen börjar.",
        "Fix the problems below and upload the file again. *Row* is the row number Excel shows (the header is "
        "row 1); in TOML files the line where the table starts.",
    ),
    "data.col.file": ("Fil [blad]", "File [sheet]"),
    "data.col.row": ("Rad", "Row"),
    "data.col.column": ("Kolumn", "Column"),
    "data.col.problem": ("Vad som är fel", "What is wrong"),
    "data.link_unknown": (
        "Länken pekar på data (`{id}`) som inte finns på den här servern. {name} visas i stället.",
        "The link points to data (`{id}`) that this server does not have. {name} is shown instead.",
    ),
}
