"""Beslutsunderlag: the council paper (tjänsteskrivelse) in Word and PDF, and its legal checklist."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "council.nav": ("Beslutsunderlag", "Council paper"),
    "council.title": ("Beslutsunderlag (tjänsteskrivelse)", "Council paper"),
    "council.intro": (
        "Allt det som ett beslut i fullmäktige behöver, samlat i en tjänsteskrivelse: förslag till beslut, bakgrund "
        "med scenarierna, alternativen sida vid sida, förslagets konsekvenser, den juridiska checklistan, "
        "barnkonsekvensanalysen, dialogen med politiker och invånare, omställningsstrategin och en bilaga om "
        "beslutsanalysen. Ladda ner den som Word-dokument att redigera, eller som PDF.",
        "Everything a decision in the council needs, in one paper: the proposed decision, background with the "
        "scenarios, the alternatives side by side, the proposal's consequences, the legal checklist, the child "
        "impact assessment, the dialogue with politicians and residents, the transition strategy and an appendix "
        "on the decision analysis. Download it as a Word document to edit, or as a PDF.",
    ),
    "council.pick": ("Förslaget", "The proposal"),
    "council.none": (
        "Det finns inget alternativ att föreslå. Bygg ett på sidan *Bygg alternativ*.",
        "There is no alternative to propose. Build one on the page *Build an alternative*.",
    ),
    "council.download.docx": ("Ladda ner som Word-dokument", "Download as a Word document"),
    "council.download.pdf": ("Ladda ner som PDF", "Download as a PDF"),
    "council.file": ("tjansteskrivelse", "council-paper"),
    "council.meta": (
        "{municipality} · scenario {scenario} · {first}–{last} · framtagen med Vägval {date}",
        "{municipality} · scenario {scenario} · {first}–{last} · prepared with Vägval {date}",
    ),
    "council.heading": ("Tjänsteskrivelse: {alternative}", "Council paper: {alternative}"),
    "council.proposal": ("Förslag till beslut", "Proposed decision"),
    "council.proposal.do": (
        "Kommunfullmäktige beslutar att genomföra {alternative} enligt tidsplanen i omställningsstrategin.",
        "The municipal council decides to carry out {alternative} according to the timeline in the transition "
        "strategy.",
    ),
    "council.proposal.plan": (
        "Kommunfullmäktige uppdrar åt förvaltningen att genomföra kommunikationsplanen och återrapportera.",
        "The municipal council instructs the administration to carry out the communication plan and report back.",
    ),
    "council.proposal.follow": (
        "Kommunfullmäktige uppdrar åt förvaltningen att följa upp konsekvenserna för barnen {year} enligt "
        "barnkonsekvensanalysen.",
        "The municipal council instructs the administration to follow up the consequences for children in {year} "
        "as the child impact assessment sets out.",
    ),
    "council.background": ("Bakgrund", "Background"),
    "council.background.text": (
        "Barnen blir färre och de äldre fler. Kommunen anpassar verksamheten för att säkra kvaliteten. Underlaget "
        "bygger på tre antaganden om framtiden — scenarier, inte prognoser; spannet mellan dem visar osäkerheten. "
        "Om vi behåller alla skolor:",
        "Children are becoming fewer and older people more. The municipality adapts its services to secure "
        "quality. The paper rests on three assumptions about the future — scenarios, not forecasts; the spread "
        "between them shows the uncertainty. If we keep all schools:",
    ),
    "council.col.scenario": ("Scenario", "Scenario"),
    "council.col.pupils": ("Elever {first} → {last}", "Pupils {first} → {last}"),
    "council.col.population": ("Invånare {first} → {last}", "Inhabitants {first} → {last}"),
    "council.alternatives": ("Alternativen {year}", "The alternatives in {year}"),
    "council.consequences": ("Förslagets konsekvenser", "The proposal's consequences"),
    "council.cons.closed": ("Skolor som stängs: {schools}.", "Schools that close: {schools}."),
    "council.cons.closed.none": ("Ingen skola stängs.", "No school closes."),
    "council.cons.premises": (
        "Lokaler som står tomma kostar {amount} under {first}–{last} tills de säljs, ställs om eller rivs.",
        "Premises left empty cost {amount} over {first}–{last} until they are sold, converted or pulled down.",
    ),
    "council.cons.transport": (
        "Skolskjutsen kostar {amount} {direction} per år {year} än om vi behåller alla skolor.",
        "School transport costs {amount} {direction} a year in {year} than if we keep all schools.",
    ),
    "council.cons.staff": (
        "Lärare: {amount} heltidstjänster {direction} {year} än om vi behåller alla skolor.",
        "Teachers: {amount} full-time posts {direction} in {year} than if we keep all schools.",
    ),
    "council.cons.meals": (
        "Skolmåltider, material och elevhälsa ingår i kostnaden per elev och följer eleverna till den nya skolan.",
        "School meals, materials and pupil health are in the cost per pupil and follow the pupils to the new school.",
    ),
    "council.cons.total": (
        "Sammantaget {first}–{last}: {amount} {direction} än om vi behåller alla skolor.",
        "In total over {first}–{last}: {amount} {direction} than if we keep all schools.",
    ),
    "council.cons.risk": (
        "Risk: förslaget kostar mindre än att behålla alla skolor i {k} av {count} scenarier.",
        {
            "one": "Risk: the proposal costs less than keeping all schools in {k} of {count} scenario.",
            "other": "Risk: the proposal costs less than keeping all schools in {k} of {count} scenarios.",
        },
    ),
    "council.cons.areas": ("Skolvägen per område {year}", "The journey to school by area in {year}"),
    "council.more": ("mer", "more"),
    "council.less": ("mindre", "less"),
    "council.fewer": ("färre", "fewer"),
    "council.more_count": ("fler", "more"),
    "council.legal": ("Juridisk checklista", "Legal checklist"),
    "council.legal.help": (
        "Bocka av det som är prövat och skriv hur. Checklistan sparas för alla och följer med i underlaget.",
        "Tick what has been checked and write how. The checklist is saved for everyone and goes into the paper.",
    ),
    "council.legal.col.item": ("Krav", "Requirement"),
    "council.legal.col.done": ("Prövat", "Checked"),
    "council.legal.col.comment": ("Kommentar", "Comment"),
    "council.legal.yes": ("Ja", "Yes"),
    "council.legal.no": ("Nej", "No"),
    "council.legal.save": ("Spara checklistan", "Save the checklist"),
    "council.legal.saved": ("Checklistan är sparad.", "The checklist is saved."),
    "council.legal.placement": (
        "Skollagen 10 kap. 30 §: eleverna placeras vid den skolenhet vårdnadshavarna önskar, så långt det går utan "
        "att andra elevers berättigade krav på placering nära hemmet åsidosätts.",
        "Education Act ch. 10 s. 30: pupils are placed at the school unit their guardians wish, as far as possible "
        "without setting aside other pupils' justified claims to a place near home.",
    ),
    "council.legal.transport": (
        "Skollagen 10 kap. 32 §: kostnadsfri skolskjuts när det behövs med hänsyn till färdvägens längd, "
        "trafikförhållanden, funktionsnedsättning eller annan särskild omständighet.",
        "Education Act ch. 10 s. 32: free school transport where needed because of the journey's length, traffic, "
        "a disability or another special circumstance.",
    ),
    "council.legal.equal": (
        "Skollagen 1 kap. 9 §: utbildningen är likvärdig inom skolformen oavsett var den anordnas.",
        "Education Act ch. 1 s. 9: education is equivalent within the school form wherever it is provided.",
    ),
    "council.legal.best_interest": (
        "Barnkonventionen art. 3 och skollagen 1 kap. 10 §: barnets bästa är utrett och beaktat "
        "(barnkonsekvensanalysen).",
        "Convention on the Rights of the Child art. 3 and the Education Act ch. 1 s. 10: the child's best interest is "
        "investigated and weighed (the child impact assessment).",
    ),
    "council.legal.heard": (
        "Barnkonventionen art. 12: barnen har fått uttrycka sina åsikter i frågan.",
        "Convention on the Rights of the Child art. 12: the children have been able to express their views.",
    ),
    "council.legal.mbl": (
        "Medbestämmandelagen 11 §: förhandling med arbetstagarorganisationerna före beslutet.",
        "Co-determination Act s. 11: negotiation with the employees' organisations before the decision.",
    ),
    "council.child": ("Barnkonsekvensanalys", "Child impact assessment"),
    "council.child.facts": (
        "{year} går {moved} elever i en annan skola än om vi behåller alla skolor; {longer} av dem får längre "
        "skolväg, i snitt {km} längre, och {newly} elever får längre än gränsen för skolskjuts.",
        "In {year}, {moved} pupils go to another school than if we keep all schools; {longer} of them have a longer "
        "journey, {km} further on average, and {newly} pupils travel further than the school transport threshold.",
    ),
    "council.child.nobody": (
        "Ingen elev byter skola under perioden jämfört med om vi behåller alla skolor.",
        "No pupil changes school over the period compared with keeping all schools.",
    ),
    "council.child.empty": ("(inte ifyllt)", "(not filled in)"),
    "council.dialogue": ("Dialog med politiker och invånare", "Dialogue with politicians and residents"),
    "council.dialogue.workshop": (
        "Workshop {code}: {count} svar. Politikernas vikter (0–5, medelvärde): {weights}.",
        {
            "one": "Workshop {code}: {count} answer. The politicians' weights (0–5, mean): {weights}.",
            "other": "Workshop {code}: {count} answers. The politicians' weights (0–5, mean): {weights}.",
        },
    ),
    "council.dialogue.no_workshop": ("Ingen workshop har hållits.", "No workshop has been held."),
    "council.dialogue.citizens": (
        "Medborgardialog {code}: {count} svar från {areas} områden. Invånarnas vikter (0–5, medelvärde): {weights}.",
        {
            "one": "Citizens' dialogue {code}: {count} answer from {areas} areas. The residents' weights (0–5, mean): "
            "{weights}.",
            "other": "Citizens' dialogue {code}: {count} answers from {areas} areas. The residents' weights (0–5, "
            "mean): {weights}.",
        },
    ),
    "council.dialogue.no_citizens": ("Ingen medborgardialog har hållits.", "No citizens' dialogue has been held."),
    "council.dialogue.comments": (
        "Invånarnas kommentarer (granskade), efter tema:",
        "Residents' comments (reviewed), by theme:",
    ),
    "council.strategy": ("Omställningsstrategi", "Transition strategy"),
    "council.strategy.none": (
        "Ingen strategi är sparad ännu (sidan Omställningsstrategi).",
        "No strategy is saved yet (the page Transition strategy).",
    ),
    "council.analysis": ("Bilaga: beslutsanalys", "Appendix: decision analysis"),
    "council.analysis.weights": ("Vikter (0–5): {weights} — {source}.", "Weights (0–5): {weights} — {source}."),
    "council.analysis.source.workshop": ("workshoppens medelvärde", "the workshop's mean"),
    "council.analysis.source.equal": ("lika vikter, ingen workshop", "equal weights, no workshop"),
    "council.analysis.col.rank": ("Plats", "Rank"),
    "council.analysis.col.score": ("Poäng (0–1)", "Score (0–1)"),
    "council.analysis.change": (
        "Om {criterion} vägde {levels} i stället för {now} kom {leaders} först.",
        "Had {criterion} weighed {levels} instead of {now}, {leaders} would come first.",
    ),
    "council.analysis.stable": (
        "Ingen enskild vikt mellan 0 och 5 ändrar vilket alternativ som kommer först.",
        "No single weight between 0 and 5 changes which alternative comes first.",
    ),
}
