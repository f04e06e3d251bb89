"""Workshop: phones, the projector and the export."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "ws.title": ("Workshop", "Workshop"),
    "ws.intro": (
        "Alla i rummet väger kriterierna på sin egen telefon. Skärmen visar direkt hur alternativen rangordnas med "
        "rummets vikter och om rangordningen håller. Inga namn sparas.",
        "Everyone in the room weights the criteria on their own phone. The screen shows at once how the alternatives "
        "rank under the room's weights and whether the ranking holds. No names are stored.",
    ),
    "ws.join": ("Gå med i en workshop", "Join a workshop"),
    "ws.code": ("Workshopens kod", "The workshop's code"),
    "ws.join.button": ("Gå med", "Join"),
    "ws.join.how": (
        "**Gå med:** skanna koden med mobilkameran eller öppna länken. Koden:",
        "**Join:** scan the code with your phone's camera or open the link. The code:",
    ),
    "ws.unknown": (
        "Det finns ingen workshop med koden '{code}' för dessa data. Kontrollera koden med den som leder.",
        "There is no workshop with the code '{code}' for this data. Check the code with the facilitator.",
    ),
    "ws.local_link": (
        "Länken pekar på den här datorn, och telefoner når den inte. Öppna Vägval med datorns nätverksadress "
        "(eller starta servern med VAGVAL_PUBLIC_URL) så blir länken och QR-koden rätt.",
        "The link points at this computer, which phones cannot reach. Open Vägval by the computer's network address "
        "(or start the server with VAGVAL_PUBLIC_URL) and the link and QR code will be right.",
    ),
    "ws.earlier": ("Tidigare workshoppar", "Earlier workshops"),
    "ws.open_earlier": ("Öppna", "Open"),
    "ws.closed.short": ("stängd", "closed"),
    "ws.start": ("Starta en workshop", "Start a workshop"),
    "ws.start.help": (
        "Workshoppen låser det som visas nu: scenario {scenario}, {years} år framåt, reglagens värden och "
        "alternativen nedan. Alla deltagare rangordnar samma sak.",
        "The workshop fixes what is shown now: scenario {scenario}, {years} years ahead, the sliders' values and the "
        "alternatives below. Every participant ranks the same thing.",
    ),
    "ws.start.pick": (
        "Jämförs alltid med att behålla alla skolor (om vi inte agerar).",
        "Always compared with keeping all schools (if we do not act).",
    ),
    "ws.start.code": ("Ge workshoppen en kort kod", "Give the workshop a short code"),
    "ws.start.button": ("Starta workshoppen", "Start the workshop"),
    "ws.start.bad_code": (
        "Koden får bara ha bokstäverna a–z, siffror, - och _ (till exempel KS-mars).",
        "The code may only contain the letters a–z, digits, - and _ (for example KS-mars).",
    ),
    "ws.start.exists": (
        "Det finns redan en workshop med koden '{code}'. Välj en annan kod eller öppna den under Tidigare workshoppar.",
        "A workshop with the code '{code}' already exists. Choose another code or open it under Earlier workshops.",
    ),
    "ws.header": (
        "Workshop **{code}** · scenario {scenario} · {first}–{last} · {count} alternativ",
        {
            "one": "Workshop **{code}** · scenario {scenario} · {first}–{last} · {count} alternative",
            "other": "Workshop **{code}** · scenario {scenario} · {first}–{last} · {count} alternatives",
        },
    ),
    "ws.gone": (
        "Några alternativ i workshoppen finns inte längre i datan och visas inte: {ids}",
        "Some of the workshop's alternatives are no longer in the data and are not shown: {ids}",
    ),
    "ws.too_few": (
        "Workshoppen har färre än två alternativ kvar i datan, så det finns inget att rangordna.",
        "The workshop has fewer than two alternatives left in the data, so there is nothing to rank.",
    ),
    "ws.leave": ("Lämna workshoppen", "Leave the workshop"),
    "ws.mode": ("Visa", "Show"),
    "ws.mode.answer": ("Ditt svar", "Your input"),
    "ws.mode.room": ("Rummet", "The room"),
    "ws.mode.lead": ("Leda workshoppen", "Lead the workshop"),
    "ws.closed": (
        "Workshoppen är stängd: nya svar tas inte emot.",
        "The workshop is closed: no new input is taken.",
    ),
    "ws.answer.intro": (
        "**Hur viktigt är varje kriterium för dig?** 0 = inte alls, 5 = mycket viktigt.",
        "**How much does each criterion matter to you?** 0 = not at all, 5 = very much.",
    ),
    "ws.crit.economy": ("Ekonomi", "Economy"),
    "ws.crit.economy.help": (
        "Hur mycket alternativet sparar eller kostar mot att behålla alla skolor, sammanlagt över perioden "
        "(engångskostnader medräknade).",
        "How much the alternative saves or costs against keeping all schools, added up over the period (one-off "
        "costs included).",
    ),
    "ws.crit.quality": ("Kvalitet i skolan", "Quality of schooling"),
    "ws.crit.quality.help": (
        "Färre elever i åldersblandade klasser och färre sårbara lärarlag (för få lärare för att täcka ämnen och "
        "frånvaro).",
        "Fewer pupils in combined-grade classes and fewer fragile teacher teams (too few teachers to cover subjects "
        "and absence).",
    ),
    "ws.crit.travel": ("Resvägar och skolskjuts", "Travel and school transport"),
    "ws.crit.travel.help": (
        "Kortare genomsnittligt avstånd till skolan och färre elever över gränsen för skolskjuts.",
        "A shorter mean distance to school and fewer pupils beyond the school transport threshold.",
    ),
    "ws.crit.moves": ("Närhet: färre byter skola", "Continuity: fewer change school"),
    "ws.crit.moves.help": (
        "Färre elever som går i en annan skola än om vi behåller alla skolor — omställningen för barn och familjer.",
        "Fewer pupils at another school than if we keep all schools — the transition for children and families.",
    ),
    "ws.yours": ("Rangordning med dina vikter", "Ranking with your weights"),
    "ws.no_weights": (
        "Dra i minst ett reglage: utan vikter rangordnas inget.",
        "Move at least one slider: without weights nothing is ranked.",
    ),
    "ws.points": ("{points} av 100", "{points} of 100"),
    "ws.and": (" och ", " and "),
    "ws.changes.intro": (
        "**När skulle förstaplatsen ändras?** En vikt i taget, de andra som de är:",
        "**When would the first place change?** One weight at a time, the others as they are:",
    ),
    "ws.change": (
        "om {criterion} vägde {levels} (nu {now}) kommer {leaders} först",
        "if {criterion} weighed {levels} (now {now}), {leaders} comes first",
    ),
    "ws.change.tie": (
        "om {criterion} vägde {levels} (nu {now}) delar {leaders} förstaplatsen",
        "if {criterion} weighed {levels} (now {now}), {leaders} share the first place",
    ),
    "ws.robust": (
        "**Förstaplatsen står sig:** ingen enskild vikt mellan 0 och 5 ändrar den, med de andra som de är.",
        "**The first place holds:** no single weight between 0 and 5 changes it, the others as they are.",
    ),
    "ws.how": (
        "Varje alternativ får 0–100 på varje kriterium, jämfört med de andra alternativen i workshoppen: bäst = 100, "
        "sämst = 0 och däremellan i proportion. Bättre är lägre kostnad, färre elever i åldersblandade klasser, färre "
        "sårbara lärarlag, kortare avstånd, färre över gränsen för skolskjuts och färre som byter skola. Ett "
        "kriterium med två mått får medelvärdet av dem. Totalen är det vägda medelvärdet: summan av vikt × poäng "
        "delad med summan av vikterna, så ett kriterium med vikt 0 räknas inte. Lika poäng ger delad plats. "
        "Skalan är relativ: en liten skillnad kan ge hela skalan, så se också måtten nedan. Ekonomi är "
        "kostnadsskillnaden mot att behålla alla skolor, summerad över perioden; de andra måtten gäller sista året.",
        "Each alternative gets 0–100 on each criterion, compared with the workshop's other alternatives: best = 100, "
        "worst = 0 and in proportion between. Better is lower cost, fewer pupils in combined-grade classes, fewer "
        "fragile teacher teams, shorter distance, fewer beyond the school transport threshold and fewer who change "
        "school. A criterion with two measures gets their mean. The total is the weighted mean: the sum of weight × "
        "points divided by the sum of the weights, so a criterion weighted 0 does not count. Equal points share a "
        "place. The scale is relative: a small difference can span the whole scale, so look at the measures below "
        "too. Economy is the cost difference against keeping all schools, added up over the period; the other "
        "measures are for the last year.",
    ),
    "ws.m.cost_diff_sek": ("Kostnad mot att behålla alla, hela perioden", "Cost against keeping all, whole period"),
    "ws.m.combined_grade_share": ("Andel i åldersblandade klasser", "Share in combined-grade classes"),
    "ws.m.fragile_teams": ("Sårbara lärarlag", "Fragile teacher teams"),
    "ws.m.mean_distance_km": ("Genomsnittligt avstånd till skolan", "Mean distance to school"),
    "ws.m.pupils_over_threshold": ("Elever över gränsen för skolskjuts", "Pupils beyond the transport threshold"),
    "ws.m.pupils_changing_school": ("Elever som byter skola", "Pupils who change school"),
    "ws.send.title": ("Skicka ditt svar", "Send your input"),
    "ws.preferred": ("Vilket alternativ föredrar du? (frivilligt)", "Which alternative do you prefer? (optional)"),
    "ws.preferred.help": (
        "Ditt eget val, oavsett poängen. Rummet ser hur många som föredrar varje alternativ.",
        "Your own choice, whatever the points. The room sees how many prefer each alternative.",
    ),
    "ws.no_preference": ("Inget särskilt", "No preference"),
    "ws.comment": ("Kommentar (frivillig)", "Comment (optional)"),
    "ws.comment.help": (
        "Visas för alla på skärmen. Skriv inga namn eller personuppgifter.",
        "Shown to everyone on the screen. Write no names or personal details.",
    ),
    "ws.send": ("Skicka", "Send"),
    "ws.resend": ("Skicka igen (ersätter ditt förra svar)", "Send again (replaces your earlier input)"),
    "ws.thanks": (
        "Tack! Ditt svar är sparat. Du kan ändra och skicka igen; då ersätts det.",
        "Thank you! Your input is saved. You can change it and send again; it will be replaced.",
    ),
    "ws.sent_before": ("Du skickade ditt svar kl. {time}.", "You sent your input at {time}."),
    "ws.responses": ("Svar", "Responses"),
    "ws.room.summary": (
        "Med rummets vikter kommer {leaders} först. För {part} av {whole} deltagare sätter de egna vikterna samma "
        "alternativ först.",
        "Under the room's weights {leaders} comes first. For {part} of {whole} participants their own weights put the "
        "same alternative first.",
    ),
    "ws.room.summary.tie": (
        "Med rummets vikter delar {leaders} förstaplatsen. För {part} av {whole} deltagare sätter de egna vikterna "
        "samma alternativ först.",
        "Under the room's weights {leaders} share the first place. For {part} of {whole} participants their own "
        "weights put the same alternative first.",
    ),
    "ws.room.summary.help": (
        "Rummets vikter är medelvärdet av vikterna från alla som har vägt något. Rangordningen är ett underlag för "
        "samtalet, inte ett beslut.",
        "The room's weights are the mean of the weights of everyone who weighted anything. The ranking is input for "
        "the discussion, not a decision.",
    ),
    "ws.same_first": ("Samma etta", "Same first place"),
    "ws.same_first.help": (
        "Hur många deltagares egna vikter sätter samma alternativ först (av dem som har vägt något).",
        "How many participants' own weights put the same alternative first (of those who weighted anything).",
    ),
    "ws.of": ("{part} av {whole}", "{part} of {whole}"),
    "ws.waiting": (
        "Inga svar ännu. Sidan uppdateras av sig själv när svaren kommer.",
        "No input yet. The page updates itself as input arrives.",
    ),
    "ws.room.ranking": ("Rangordning med rummets vikter", "Ranking under the room's weights"),
    "ws.room.no_weights": (
        "Ingen har gett något kriterium en vikt ännu, så inget rangordnas.",
        "Nobody has weighted any criterion yet, so nothing is ranked.",
    ),
    "ws.first_for": ("etta för {n}", "first for {n}"),
    "ws.room.blank": (
        {
            "one": "{count} svar gav alla kriterier vikten 0. Det räknas bland svaren och med sitt föredragna "
            "alternativ, men inte i vikterna eller rangordningen.",
            "other": "{count} svar gav alla kriterier vikten 0. De räknas bland svaren och med sina föredragna "
            "alternativ, men inte i vikterna eller rangordningen.",
        },
        {
            "one": "{count} response gave every criterion the weight 0. It counts among the responses and with its "
            "preferred alternative, but not in the weights or the ranking.",
            "other": "{count} responses gave every criterion the weight 0. They count among the responses and with "
            "their preferred alternatives, but not in the weights or the ranking.",
        },
    ),
    "ws.room.weights": ("Rummets vikter (medelvärde)", "The room's weights (mean)"),
    "ws.of_five": ("{value} av 5", "{value} of 5"),
    "ws.room.preferred": ("Föredraget alternativ", "Preferred alternative"),
    "ws.room.comments": ("Kommentarer ({n})", "Comments ({n})"),
    "ws.room.more_comments": ("… och {n} till i exporten.", "… and {n} more in the export."),
    "ws.pin": ("Ledarkod", "Leader code"),
    "ws.pin.title": ("Leda en workshop från den här enheten", "Lead a workshop from this device"),
    "ws.pin.help": (
        "Den som startade workshoppen leder den, också när den kommer tillbaka i samma webbläsare. Från en annan "
        "enhet: skriv workshoppens kod och ledarkoden.",
        "Whoever started the workshop leads it, also when coming back in the same browser. From another device: "
        "enter the workshop's code and the leader code.",
    ),
    "ws.pin.button": ("Leda härifrån", "Lead from here"),
    "ws.pin.wrong": ("Fel ledarkod.", "Wrong leader code."),
    "ws.pin.yours": (
        "Ledarkod: **{pin}** — skriv upp den om du vill leda från en annan dator.",
        "Leader code: **{pin}** — note it down if you want to lead from another computer.",
    ),
    "ws.lead.present": (
        "Till projektorn: välj Rummet och slå på presentationsläget. Rummet uppdateras av sig själv.",
        "For the projector: choose The room and turn on presentation mode. The room updates itself.",
    ),
    "ws.status.open": (
        "**Öppen för svar** · {count} svar hittills",
        {
            "one": "**Open for input** · {count} response so far",
            "other": "**Open for input** · {count} responses so far",
        },
    ),
    "ws.status.closed": (
        "**Stängd för nya svar** · {count} svar",
        {"one": "**Closed for new input** · {count} response", "other": "**Closed for new input** · {count} responses"},
    ),
    "ws.close": ("Stäng för nya svar", "Close for new input"),
    "ws.close.help": (
        "Svaren finns kvar och visas; ingen kan skicka eller ändra.",
        "The input stays and is shown; nobody can send or change.",
    ),
    "ws.reopen": ("Öppna för svar igen", "Open for input again"),
    "ws.export": ("Ladda ner svaren", "Download the input"),
    "ws.col.participant": ("Deltagare (anonym)", "Participant (anonymous)"),
    "ws.col.saved": ("Sparad", "Saved"),
    "ws.col.first": ("Etta med egna vikter", "First under own weights"),
    "ws.col.first.blank": ("(inga vikter)", "(no weights)"),
    "ws.col.preferred": ("Föredrar", "Prefers"),
    "ws.col.comment": ("Kommentar", "Comment"),
    "ws.danger": ("Rensa eller ta bort", "Clear or delete"),
    "ws.confirm": ("Jag vill verkligen ta bort svaren", "I really want to remove the input"),
    "ws.clear": ("Rensa alla svar", "Clear all input"),
    "ws.delete": ("Ta bort workshoppen och alla svar", "Delete the workshop and all input"),
}
