"""Medborgardialog: residents' answers on their phones, and the results for politicians."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "dialog.nav": ("Medborgardialog", "Citizens' dialogue"),
    "dialog.title": ("Medborgardialog", "Citizens' dialogue"),
    "dialog.intro": (
        "Invånare och andra som berörs svarar på sina telefoner: vad som är viktigast för dem, vilket alternativ "
        "de föredrar och varför. Här ser politikerna resultatet — totalt, per område och jämfört med "
        "politikernas workshop. Svaren är anonyma; kommentarer visas först när administratören har granskat dem.",
        "Residents and others affected answer on their phones: what matters most to them, which alternative they "
        "prefer and why. Here politicians see the result — in total, by area and compared with the politicians' "
        "workshop. Answers are anonymous; comments are shown only once the administrator has reviewed them.",
    ),
    "dialog.none": (
        "Ingen dialog har startats ännu. Administratören startar en nedan.",
        "No dialogue has been started yet. The administrator starts one below.",
    ),
    "dialog.pick": ("Dialog", "Dialogue"),
    "dialog.link": (
        "Dela länken eller QR-koden med invånarna (i brev, på webbplatsen, på ett möte):",
        "Share the link or the QR code with residents (in a letter, on the website, at a meeting):",
    ),
    "dialog.closed.badge": ("Stängd för nya svar", "Closed for new answers"),
    "dialog.kpi.answers": ("Svar", "Answers"),
    "dialog.kpi.areas": ("Områden som svarat", "Areas that answered"),
    "dialog.kpi.pending": ("Kommentarer att granska", "Comments to review"),
    "dialog.weights.title": ("Vad invånarna tycker är viktigast", "What residents find most important"),
    "dialog.weights.workshop": (
        "Jämfört med politikernas workshop {code}: positivt = invånarna väger kriteriet tyngre.",
        "Compared with the politicians' workshop {code}: positive = residents weigh the criterion more.",
    ),
    "dialog.weights.no_workshop": (
        "Ingen workshop med svar finns att jämföra med.",
        "There is no workshop with answers to compare with.",
    ),
    "dialog.col.criterion": ("Kriterium", "Criterion"),
    "dialog.col.residents": ("Invånarna (0–5)", "Residents (0–5)"),
    "dialog.col.workshop": ("Politikerna (0–5)", "Politicians (0–5)"),
    "dialog.col.difference": ("Skillnad", "Difference"),
    "dialog.col.area": ("Område", "Area"),
    "dialog.col.answers": ("Svar", "Answers"),
    "dialog.area.unsaid": ("Ej angivet", "Not given"),
    "dialog.by_area": ("Per område", "By area"),
    "dialog.preferred": ("Vilket alternativ invånarna föredrar", "Which alternative residents prefer"),
    "dialog.preferred.line": (
        {"one": "{name}: {count} svar", "other": "{name}: {count} svar"},
        {"one": "{name}: {count} answer", "other": "{name}: {count} answers"},
    ),
    "dialog.comments": ("Kommentarer efter tema", "Comments by theme"),
    "dialog.comments.none": ("Inga granskade kommentarer ännu.", "No reviewed comments yet."),
    "dialog.theme.travel": ("Skolväg och skolskjuts", "Journey and school transport"),
    "dialog.theme.quality": ("Kvalitet och lärare", "Quality and teachers"),
    "dialog.theme.economy": ("Ekonomi", "Economy"),
    "dialog.theme.community": ("Bygden och närheten", "The community and closeness"),
    "dialog.theme.children": ("Barnens trygghet och trivsel", "Children's safety and wellbeing"),
    "dialog.theme.other": ("Övrigt", "Other"),
    "dialog.start": ("Starta en ny dialog", "Start a new dialogue"),
    "dialog.start.help": (
        "Dialogen frågar om de alternativ som jämförs just nu, i scenariot {scenario}.",
        "The dialogue asks about the alternatives compared now, in the scenario {scenario}.",
    ),
    "dialog.code": ("Dialogens namn (bokstäver, siffror, - och _)", "The dialogue's name (letters, digits, - and _)"),
    "dialog.code.bad": (
        "Namnet får bara ha bokstäver a–z, siffror, - och _ (högst 64 tecken).",
        "The name may only have letters a–z, digits, - and _ (at most 64 characters).",
    ),
    "dialog.code.taken": ("En dialog med det namnet finns redan.", "A dialogue with that name exists already."),
    "dialog.start.button": ("Starta dialogen", "Start the dialogue"),
    "dialog.open.toggle": ("Öppen för svar", "Open for answers"),
    "dialog.moderate": ("Granska kommentarer", "Review comments"),
    "dialog.moderate.none": ("Inga kommentarer väntar.", "No comments are waiting."),
    "dialog.approve": ("Visa", "Show"),
    "dialog.reject": ("Visa inte", "Do not show"),
    # --- the resident's view ---
    "dialog.ask.title": ("Vad tycker du?", "What do you think?"),
    "dialog.ask.intro": (
        "Barnen i kommunen blir färre, och kommunen behöver anpassa skolorna för att säkra kvaliteten. Politikerna "
        "väger några alternativ. Läs om dem och säg vad som är viktigast för dig — det tar två minuter.",
        "There are fewer children in the municipality, and it needs to adapt its schools to secure quality. The "
        "politicians are weighing a few alternatives. Read about them and say what matters most to you — it takes "
        "two minutes.",
    ),
    "dialog.ask.gone": (
        "Dialogen finns inte eller har avslutats. Tack för ditt intresse!",
        "The dialogue does not exist or has ended. Thank you for your interest!",
    ),
    "dialog.ask.closed": (
        "Dialogen är stängd för nya svar. Tack till alla som svarade!",
        "The dialogue is closed for new answers. Thank you to everyone who answered!",
    ),
    "dialog.ask.alternatives": ("Alternativen", "The alternatives"),
    "dialog.ask.weights": ("Hur viktigt är det här för dig?", "How important is this to you?"),
    "dialog.ask.weights.help": ("0 = inte alls, 5 = mycket viktigt", "0 = not at all, 5 = very important"),
    "dialog.ask.preferred": ("Vilket alternativ föredrar du?", "Which alternative do you prefer?"),
    "dialog.ask.preferred.none": ("Vet inte / inget särskilt", "Don't know / none in particular"),
    "dialog.ask.comment": ("Varför? (frivilligt)", "Why? (optional)"),
    "dialog.ask.comment.help": (
        "Skriv inga namn eller personuppgifter. Kommentaren visas för politikerna först när kommunen har granskat den.",
        "Write no names or personal details. The comment is shown to the politicians only once the municipality has "
        "reviewed it.",
    ),
    "dialog.ask.area": ("Var bor du? (frivilligt)", "Where do you live? (optional)"),
    "dialog.ask.send": ("Skicka mitt svar", "Send my answer"),
    "dialog.ask.thanks": (
        "Tack! Ditt svar är sparat. Du kan ändra det här så länge dialogen är öppen.",
        "Thank you! Your answer is saved. You can change it here while the dialogue is open.",
    ),
    "dialog.ask.slow": (
        "Du skickade nyss ett svar. Vänta några sekunder och skicka igen.",
        "You just sent an answer. Wait a few seconds and send again.",
    ),
    "dialog.ask.privacy": (
        "Vi sparar bara det du svarar här: inga namn, ingen e-post, ingen adress. En slumpad kod i din webbläsare "
        "gör att du kan ändra ditt svar; den visas aldrig och följer inte med i någon export.",
        "We keep only what you answer here: no name, no e-mail, no address. A random code in your browser lets "
        "you change your answer; it is never shown and never exported.",
    ),
}
