"""Checks of the data in use: an upload's enrollment capped at the children of its age, and a
stored default that this version refuses."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "check.capped": (
        {
            "one": "Godkänd med en varning: i {count} årskurs har elevantalen (enrollment) fler elever än det finns "
            "barn i den åldern i befolkningen (population) basåret. Modellen kan inte räkna med fler elever än barn, "
            "så andelen som går i kommunens skolor begränsas till 100 %:",
            "other": "Godkänd med en varning: i {count} årskurser har elevantalen (enrollment) fler elever än det "
            "finns barn i den åldern i befolkningen (population) basåret. Modellen kan inte räkna med fler elever än "
            "barn, så andelen som går i kommunens skolor begränsas till 100 %:",
        },
        {
            "one": "Accepted with a warning: in {count} grade the enrollment has more pupils than there are children "
            "of that age in the population in the base year. The model cannot count more pupils than children, so "
            "the share attending the municipality's schools is capped at 100%:",
            "other": "Accepted with a warning: in {count} grades the enrollment has more pupils than there are "
            "children of that age in the population in the base year. The model cannot count more pupils than "
            "children, so the share attending the municipality's schools is capped at 100%:",
        },
    ),
    "check.capped.grade": (
        "{grade}: {pupils} elever men {children} barn i åldern {age} år; modellen räknar med {children}, "
        "{left_out} elever räknas inte",
        "{grade}: {pupils} pupils but {children} children aged {age}; the model counts {children}, {left_out} "
        "pupils are left out",
    ),
    "check.grade.0": ("förskoleklass", "preschool class"),
    "check.grade": ("årskurs {grade}", "grade {grade}"),
    "check.capped.fix": (
        "Stämmer det (till exempel elever från andra kommuner) kan datan användas som den är. Annars: kontrollera "
        "årskurserna i enrollment och åldrarna i population och ladda upp filen igen.",
        "If this is right (pupils from other municipalities, for example) the data can be used as it is. Otherwise: "
        "check the grades in enrollment and the ages in population and upload the file again.",
    ),
    "check.default_broken": (
        "Den data som är vald som standard för alla ({upload}) godtas inte av den här versionen av Vägval, så du "
        "ser {name} i stället. Administratören ser på sidan Data vad som behöver rättas.",
        "The data chosen as everyone's default ({upload}) is not accepted by this version of Vägval, so you see "
        "{name} instead. The administrator sees on the Data page what needs fixing.",
    ),
    "check.default_broken.admin": (
        "**Standarddatan underkänns.** {upload} (`{file}`, uppladdad {when}) är vald som standard för alla men godtas "
        "inte av den här versionens kontroller, så alla nya besökare ser {name} i stället. Rätta filen enligt "
        "felen nedan, ladda upp den igen och gör den till standard — eller välj en annan standard eller ta bort "
        "uppladdningen.",
        "**The default data is refused.** {upload} (`{file}`, uploaded {when}) is everyone's default but is not "
        "accepted by this version's checks, so every new visitor sees {name} instead. Fix the file as the "
        "problems below say, upload it again and make it the default — or choose another default or delete the "
        "upload.",
    ),
}
