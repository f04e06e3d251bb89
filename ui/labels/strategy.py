"""Omställningsstrategi: the transition strategy the municipality writes and keeps."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "strategy.nav": ("Omställningsstrategi", "Transition strategy"),
    "strategy.title": ("Omställningsstrategi", "Transition strategy"),
    "strategy.intro": (
        "Strategin beskriver hur kommunen anpassar verksamheten när barnen blir färre och de äldre fler, för att "
        "säkra kvaliteten: vilka principer som gäller, hur vi prioriterar, vad som händer år för år och hur vi "
        "berättar det. Den sparas här för alla och kan laddas ner som ett Word-dokument att arbeta vidare i.",
        "The strategy describes how the municipality adapts its services as children become fewer and older "
        "people more, to secure quality: which principles apply, how we prioritise, what happens year by year and "
        "how we tell it. It is saved here for everyone and can be downloaded as a Word document to work on.",
    ),
    "strategy.pick": ("Valt alternativ", "Chosen alternative"),
    "strategy.none": (
        "Välj först ett alternativ att genomföra: bygg ett på sidan *Bygg alternativ* om inget passar.",
        "First choose an alternative to carry out: build one on the page *Build an alternative* if none fits.",
    ),
    "strategy.framing": (
        "**Vi anpassar för att säkra kvaliteten.** I scenariot {scenario} går antalet elever från {p0} till {p1} "
        "mellan {first} och {last}. Med alternativet {alternative} har klasserna {last} i snitt {size} elever "
        "({size_base} om vi behåller alla skolor) och {combined} av eleverna går i åldersblandade klasser "
        "({combined_base}); grundskolan kostar {cost} per år {direction} än om vi behåller alla skolor.",
        "**We adapt to secure quality.** In the scenario {scenario} the number of pupils goes from {p0} to {p1} "
        "between {first} and {last}. With the alternative {alternative}, classes in {last} average {size} pupils "
        "({size_base} if we keep all schools) and {combined} of pupils are in combined-grade classes "
        "({combined_base}); compulsory school costs {cost} a year {direction} than if we keep all schools.",
    ),
    "strategy.less": ("mindre", "less"),
    "strategy.more": ("mer", "more"),
    "strategy.principles": ("Principer", "Principles"),
    "strategy.principles.help": (
        "En princip per rad. Förslagen kommer från metoden: ändra, ta bort eller lägg till egna.",
        "One principle per row. The suggestions come from the method: change, remove or add your own.",
    ),
    "strategy.col.principle": ("Princip", "Principle"),
    "strategy.principle.1": (
        "Likvärdig service, inte identisk service: alla barn ska få en god utbildning, men den behöver inte se "
        "likadan ut överallt.",
        "Equivalent service, not identical service: every child shall get a good education, but it need not look "
        "the same everywhere.",
    ),
    "strategy.principle.2": (
        "Kvaliteten för barnen och de äldre går före att behålla byggnader.",
        "Quality for children and older people comes before keeping buildings.",
    ),
    "strategy.principle.3": (
        "Vi beslutar i god tid, på fakta och scenarier som alla kan se och pröva.",
        "We decide in good time, on facts and scenarios that everyone can see and test.",
    ),
    "strategy.principle.4": (
        "Vi talar med en röst till personal, elever, vårdnadshavare och invånare.",
        "We speak with one voice to staff, pupils, guardians and residents.",
    ),
    "strategy.principle.5": (
        "Lokaler som inte behövs ställs om till det som behövs i stället för att stå tomma.",
        "Premises no longer needed are converted to what is needed instead of standing empty.",
    ),
    "strategy.criteria": ("Prioriteringskriterier", "Prioritisation criteria"),
    "strategy.criteria.help": (
        "Hur mycket varje kriterium väger när förändringar prioriteras: 0 = inte alls, 5 = mycket.",
        "How much each criterion weighs when changes are prioritised: 0 = not at all, 5 = very much.",
    ),
    "strategy.criteria.workshop": (
        "Vikterna kommer från workshoppen {code} ({count} svar, medelvärde). Ändra dem om ni beslutar annat.",
        {
            "one": "The weights come from the workshop {code} ({count} response, the mean). Change them if you "
            "decide otherwise.",
            "other": "The weights come from the workshop {code} ({count} responses, the mean). Change them if you "
            "decide otherwise.",
        },
    ),
    "strategy.criteria.default": (
        "Ingen workshop har hållits ännu: alla kriterier väger lika tills ni bestämmer annat.",
        "No workshop has been held yet: every criterion weighs the same until you decide otherwise.",
    ),
    "strategy.timeline": ("Tidsplan år för år", "Timeline year by year"),
    "strategy.timeline.help": (
        "Åtgärderna kommer från det valda alternativet; samråd, beslut, information och uppföljning läggs runt "
        "varje år då något händer.",
        "The actions come from the chosen alternative; consultation, decision, information and follow-up are "
        "placed around every year in which something happens.",
    ),
    "strategy.timeline.none": (
        "Det valda alternativet ändrar ingenting, så det finns ingen tidsplan.",
        "The chosen alternative changes nothing, so there is no timeline.",
    ),
    "strategy.col.year": ("År", "Year"),
    "strategy.col.step": ("Steg", "Step"),
    "strategy.step.consultation": (
        "Samråd med elever, vårdnadshavare och personal om förändringarna {year}",
        "Consultation with pupils, guardians and staff on the changes of {year}",
    ),
    "strategy.step.decision": (
        "Beslut i kommunfullmäktige om förändringarna {year}",
        "Decision in the municipal council on the changes of {year}",
    ),
    "strategy.step.communication": (
        "Information till personal och vårdnadshavare, med en röst, om förändringarna {year}",
        "Information to staff and guardians, in one voice, on the changes of {year}",
    ),
    "strategy.step.follow_up": (
        "Uppföljning av förändringarna {year}: barnen, personalen och kostnaderna",
        "Follow-up of the changes of {year}: the children, the staff and the costs",
    ),
    "strategy.action.close": ("{unit} stängs", "{unit} closes"),
    "strategy.action.merge": ("{unit} slås samman med {to}", "{unit} is merged into {to}"),
    "strategy.action.set_capacity": ("{unit} får {capacity} platser", "{unit} gets {capacity} places"),
    "strategy.action.reopen": ("{unit} öppnar igen", "{unit} reopens"),
    "strategy.action.build": ("{unit} öppnar", "{unit} opens"),
    "strategy.action.convert": ("{unit} ställs om till {to}", "{unit} is converted into {to}"),
    "strategy.plan": ("Kommunikationsplan", "Communication plan"),
    "strategy.plan.help": (
        "Vem som ska få veta vad, hur, när och av vem. Förslagen går att ändra; lägg till rader för fler grupper.",
        "Who is to hear what, how, when and from whom. The suggestions can be changed; add rows for more groups.",
    ),
    "strategy.col.audience": ("Målgrupp", "Audience"),
    "strategy.col.message": ("Budskap", "Message"),
    "strategy.col.channel": ("Kanal", "Channel"),
    "strategy.col.when": ("När", "When"),
    "strategy.col.who": ("Ansvarig", "Responsible"),
    # A suggested row of the communication plan: its five cells (audience, message, channel, when,
    # who) separated by "|".
    "strategy.plan.staff": (
        "Personalen|Varför förändringen behövs, vad som händer med deras arbete och vilket stöd de får|Arbetsplatsträffar "
        "och samverkan med fackliga organisationer|Före beslutet och direkt efter|Förvaltningschef och rektorer",
        "Staff|Why the change is needed, what happens to their work and what support they get|Staff meetings and "
        "consultation with the unions|Before the decision and right after|Head of department and head teachers",
    ),
    "strategy.plan.guardians": (
        "Vårdnadshavare|Vad som händer för just deras barn, när och hur skolvägen blir|Brev, föräldramöten och "
        "webbplatsen|Samma dag som beslutet|Rektorer och kommunikatör",
        "Guardians|What happens for their own child, when, and how the journey to school will be|Letters, parent "
        "meetings and the website|The day of the decision|Head teachers and communications officer",
    ),
    "strategy.plan.pupils": (
        "Elever|Vad som blir annorlunda och vad som blir bättre; hur de kan påverka|Klassråd och elevråd|Före "
        "beslutet (samråd) och efter|Lärare och rektorer",
        "Pupils|What will be different and what will be better; how they can have a say|Class and pupil "
        "councils|Before the decision (consultation) and after|Teachers and head teachers",
    ),
    "strategy.plan.residents": (
        "Invånare|Varför kommunen anpassar verksamheten för att säkra kvaliteten|Medborgardialog, webbplatsen och "
        "lokalpressen|Före beslutet och vid beslutet|Kommunstyrelsens ordförande",
        "Residents|Why the municipality adapts its services to secure quality|Citizens' dialogue, the website and "
        "the local press|Before the decision and at the decision|Chair of the executive board",
    ),
    "strategy.save": ("Spara strategin", "Save the strategy"),
    "strategy.saved": ("Senast sparad {time}.", "Last saved {time}."),
    "strategy.saved.never": (
        "Inte sparad ännu: förslagen nedan visas tills ni sparar.",
        "Not saved yet: the suggestions below are shown until you save.",
    ),
    "strategy.saved.now": ("Strategin är sparad.", "The strategy is saved."),
    "strategy.download": ("Ladda ner som Word-dokument", "Download as a Word document"),
    "strategy.file": ("omstallningsstrategi", "transition-strategy"),
}
