"""Bygg alternativ: building, trying and saving an alternative."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "build.problem.where": ("År {year}, {what} {unit}: ", "Year {year}, {what} {unit}: "),
    "build.title": ("Bygg ett alternativ", "Build an alternative"),
    "build.intro": (
        "Sätt ihop ett eget handlingsalternativ av åtgärder — stänga, slå samman, ändra kapacitet, öppna igen — "
        "och se direkt vad det betyder jämfört med att behålla alla skolor. Spara det så finns det på alla sidor.",
        "Put together an alternative of your own from actions — close, merge, change capacity, reopen — and see at "
        "once what it means against keeping all schools. Save it and it appears on every page.",
    ),
    "build.from": ("Utgå från", "Start from"),
    "build.from.help": (
        "Börja med ett tomt alternativ, eller kopiera namn, beskrivning och åtgärder från ett befintligt.",
        "Start with an empty alternative, or copy the name, description and actions of an existing one.",
    ),
    "build.from.empty": ("Ett tomt alternativ (inga åtgärder)", "An empty alternative (no actions)"),
    "build.from.saved": ("{name} (sparat här)", "{name} (saved here)"),
    "build.copy_of": ("{name} — ändrat", "{name} — changed"),
    "build.name": ("Namn", "Name"),
    "build.name.help": (
        "Ett kort namn som säger vad som händer och när, t.ex. ”Slå samman Åsby och Norrby (2027)”.",
        "A short name saying what happens and when, e.g. “Merge Åsby and Norrby (2027)”.",
    ),
    "build.description": ("Beskrivning", "Description"),
    "build.description.help": (
        "Skriv på vanlig svenska vad alternativet säkrar (kvalitet, likvärdighet, ekonomi) och vad det kostar "
        "(resor, närhet till skolan).",
        "Say in plain words what the alternative secures (quality, equivalent service, finances) and what it costs "
        "(travel, a school close to home).",
    ),
    "build.description.placeholder": (
        "Vad säkrar alternativet, och vad kostar det? T.ex. ”Norrby får större årskurser och ett starkare lärarlag; "
        "ett trettiotal barn får skolskjuts.”",
        "What does the alternative secure, and what does it cost? E.g. “Norrby gets larger grades and a stronger "
        "teacher team; some thirty children get school transport.”",
    ),
    "build.actions": ("Åtgärder", "Actions"),
    "build.actions.none": (
        "Inga åtgärder ännu — lägg till den första nedan. Utan åtgärder är alternativet detsamma som att behålla alla.",
        "No actions yet — add the first one below. Without actions the alternative is the same as keeping all.",
    ),
    "build.remove": ("Ta bort", "Remove"),
    "build.remove.help": ("Ta bort den här åtgärden", "Remove this action"),
    "build.add": ("Lägg till en åtgärd", "Add an action"),
    "build.add.action": ("Vad ska hända?", "What should happen?"),
    "build.add.unit": ("Vilken enhet?", "Which unit?"),
    "build.add.year": ("Från år", "From year"),
    "build.add.to": ("Eleverna flyttar till", "Pupils move to"),
    "build.add.capacity": ("Ny kapacitet (platser)", "New capacity (places)"),
    "build.add.capacity.help": ("I dag: {capacity} platser.", "Today: {capacity} places."),
    "build.add.button": ("Lägg till åtgärden", "Add the action"),
    "build.add.not_school": (
        "Siffrorna på den här sidan gäller grundskolan. En åtgärd för en annan verksamhet sparas med alternativet "
        "och räknas i den verksamhetens siffror, inte här.",
        "The figures on this page are for the compulsory schools. An action on another service is saved with the "
        "alternative and counted in that service's figures, not here.",
    ),
    "build.untitled": ("Nytt alternativ", "New alternative"),
    "build.effect": ("Vad händer med alternativet?", "What does the alternative do?"),
    "build.effect.caption": (
        "Jämfört med att behålla alla skolor, scenario {scenario}. Siffrorna räknas om direkt när du ändrar "
        "åtgärderna; byt scenario i sidopanelen.",
        "Against keeping all schools, scenario {scenario}. The figures update as soon as you change the actions; "
        "switch scenario in the sidebar.",
    ),
    "build.effect.caption.present": (
        "Jämfört med att behålla alla skolor, scenario {scenario}.",
        "Against keeping all schools, scenario {scenario}.",
    ),
    "build.effect.empty": (
        "Lägg till en åtgärd så visas här vad alternativet sparar och vad det betyder för eleverna.",
        "Add an action and this shows what the alternative saves and what it means for pupils.",
    ),
    "build.invalid": (
        "Alternativet går inte att räkna på som det ser ut nu. Rätta följande:",
        "The alternative cannot be calculated as it stands. Fix the following:",
    ),
    "build.problem.action": ("Åtgärd {n}: {message}", "Action {n}: {message}"),
    "build.fix_first": (
        "Rätta åtgärderna till vänster så visas effekten här.",
        "Fix the actions on the left and the effect shows here.",
    ),
    "build.save.title": ("Spara", "Save"),
    "build.save": ("Spara alternativet", "Save the alternative"),
    "build.save.new": (
        "Sparas som ett nytt alternativ. Det visas sedan på alla sidor, för alla, även efter en omstart.",
        "Saved as a new alternative. It then appears on every page, for everyone, even after a restart.",
    ),
    "build.save.replace": ("Ersätter det sparade alternativet ”{name}”.", "Replaces the saved alternative “{name}”."),
    "build.save.keep_old": (
        "Sparas som ett nytt alternativ; ”{name}” finns kvar. Behåll namnet om du vill ersätta det.",
        "Saved as a new alternative; “{name}” stays. Keep the name if you want to replace it.",
    ),
    "build.save.needs_name": (
        "Ge alternativet ett namn för att kunna spara det.",
        "Give the alternative a name to save it.",
    ),
    "build.save.needs_action": (
        "Lägg till minst en åtgärd: utan åtgärder är alternativet detsamma som att behålla alla.",
        "Add at least one action: without actions the alternative is the same as keeping all.",
    ),
    "build.save.name_taken": (
        "Det finns redan ett alternativ som heter ”{name}”. Välj ett annat namn så att alternativen går att skilja åt.",
        "There is already an alternative called “{name}”. Choose another name so the alternatives can be told apart.",
    ),
    "build.saved": (
        "Sparat: ”{name}”. Det finns nu bland alternativen på sidan Jämför alternativ.",
        "Saved: “{name}”. It is now among the alternatives on the Compare alternatives page.",
    ),
    "build.go_compare": ("Jämför alternativen", "Compare the alternatives"),
    "build.delete.admin": (
        "Att ta bort ett sparat alternativ kräver administratörens kod (logga in på sidan Data).",
        "Deleting a saved alternative needs the administrator's code (log in on the page Data).",
    ),
    "build.delete": ("Ta bort det sparade alternativet", "Delete the saved alternative"),
    "build.delete.confirm": (
        "Vill du ta bort ”{name}”? Det försvinner från alla sidor, för alla användare.",
        "Delete “{name}”? It disappears from every page, for every user.",
    ),
    "build.delete.yes": ("Ja, ta bort", "Yes, delete"),
    "build.deleted": ("”{name}” är borttaget.", "“{name}” has been deleted."),
    "build.from_dataset": (
        "”{name}” kommer från kommunens data (alternatives.toml). Det du sparar blir ett nytt alternativ; originalet "
        "finns kvar.",
        "“{name}” comes from the municipality's data (alternatives.toml). What you save becomes a new alternative; "
        "the original stays.",
    ),
    "build.toml": ("Som text för alternatives.toml", "As text for alternatives.toml"),
    "build.toml.help": (
        "För analytikern: klistra in texten sist i datasetets alternatives.toml så blir alternativet en del av "
        "kommunens data.",
        "For the analyst: paste the text at the end of the dataset's alternatives.toml and the alternative becomes "
        "part of the municipality's data.",
    ),
    "build.toml.download": ("Ladda ner som TOML", "Download as TOML"),
    "build.toml.comment": ("Byggt i Vägval {date} för {dataset}.", "Built in Vägval on {date} for {dataset}."),
}
