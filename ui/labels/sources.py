"""Starting from public statistics (the Data page's section for any municipality)."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "src.title": ("Börja med valfri kommun", "Start from any municipality"),
    "src.howto": (
        "Välj en av Sveriges 290 kommuner och ladda ner en arbetsbok som redan är ifylld med offentlig statistik: "
        "befolkning per område och ålder (SCB), grundskolor med elever per årskurs och förskolor (Skolverket), "
        "kostnader och befolkningsutveckling (Källa: Kolada) och scenarier kalibrerade på de senaste årens födda "
        "och flyttningar. **Gula celler** och bladet `att_fylla_i` visar vad du själv måste fylla i (till exempel "
        "koordinater som saknas och kommunens ekonomi). Ladda sedan upp arbetsboken här nedanför.",
        "Pick one of Sweden's 290 municipalities and download a workbook already filled with public statistics: "
        "population by area and age (SCB), compulsory schools with pupils per grade and preschools (Skolverket), "
        "costs and population change (Source: Kolada) and scenarios calibrated on the last years' births and "
        "migration. **Yellow cells** and the sheet `att_fylla_i` show what you must fill in yourself (for example "
        "missing coordinates and the municipality's economy). Then upload the workbook below.",
    ),
    "src.pick": ("Kommun att börja med", "Municipality to start from"),  # the sidebar has its own "Kommun"
    "src.download": ("Ladda ner ifylld arbetsbok för {name}", "Download the prefilled workbook for {name}"),
    "src.download.help": (
        "Arbetsboken skapas när du klickar (några sekunder; längre för de största kommunerna).",
        "The workbook is made when you click (a few seconds; longer for the largest municipalities).",
    ),
    "src.cli": (
        "Samma sak från kommandoraden: `python -m engine start {code} {folder}` skriver en datamapp och arbetsboken.",
        "The same from the command line: `python -m engine start {code} {folder}` writes a dataset folder and the workbook.",
    ),
}
