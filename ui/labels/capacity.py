"""Kapacitet: places against demand for every service."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "cap.title": ("Kapacitet: hur mycket plats har vi – och var?", "Capacity: how much room do we have – and where?"),
    "cap.kpi.empty": ("Tomma platser {year}", "Empty places {year}"),
    "cap.kpi.empty.help": (
        "Platser i öppna skolor som ingen elev behöver: kapacitet minus elever, skola för skola.",
        "Places in open schools that no pupil needs: capacity minus pupils, school by school.",
    ),
    "cap.kpi.utilisation": ("Nyttjandegrad {year}", "Utilisation {year}"),
    "cap.kpi.utilisation.help": (
        "Alla elever delat med alla platser i kommunens öppna skolor.",
        "All pupils divided by all places in the municipality's open schools.",
    ),
    "cap.kpi.lowest": ("Lägst nyttjandegrad {year}", "Lowest utilisation {year}"),
    "cap.kpi.lowest.help": (
        "{name} har {pupils} elever på {capacity} platser. Nyttjandegrad = elever / platser.",
        "{name} has {pupils} pupils in {capacity} places. Utilisation = pupils / places.",
    ),
    "cap.kpi.unused": ("Outnyttjade lokaler {year}", "Unused premises {year}"),
    "cap.per_year": ("{value}/år", "{value}/yr"),
    "cap.kpi.unused.help": (
        "Per år: varje skolas lokalkostnad gånger andelen tomma platser, summerat. Det motsvarar ungefär {area} "
        "lokalyta som eleverna inte behöver.",
        "A year: each school's premises cost times its share of empty places, summed. That is about {area} of floor "
        "area the pupils do not need.",
    ),
    "cap.summary": (
        "**{year} har skolorna {capacity} platser men {pupils} elever: {empty} platser står tomma ({share} av "
        "platserna), mot {empty0} år {first}.** Det motsvarar ungefär {area} lokalyta och {cost} i lokalkostnad per "
        "år. {fragile} av {schools} skolor har ett sårbart lärarlag.",
        "**In {year} the schools have {capacity} places but {pupils} pupils: {empty} places are empty ({share} of "
        "the places), against {empty0} in {first}.** That is about {area} of floor area and {cost} of premises cost "
        "a year. {fragile} of {schools} schools have a fragile teacher team.",
    ),
    "cap.section.trend": ("Hela kommunen år för år", "The whole municipality year by year"),
    "cap.series.empty": ("Tomma platser", "Empty places"),
    "cap.series.capacity": ("Platser (kapacitet)", "Places (capacity)"),
    "cap.chart.trend": ("Elever och tomma platser {first}–{last}", "Pupils and empty places {first}–{last}"),
    "cap.unit.places": ("elever och platser", "pupils and places"),
    "cap.section.schools": ("Skola för skola", "School by school"),
    "cap.year": ("Visa år", "Show year"),
    "cap.year.help": ("Dra för att se hur det ser ut ett visst år.", "Drag to see a particular year."),
    "cap.chart.schools": (
        "Elever och platser per skola {year} (procent = nyttjandegrad)",
        "Pupils and places per school {year} (per cent = utilisation)",
    ),
    "cap.schools.legend": (
        "Skolorna är sorterade från lägst till högst nyttjandegrad. {mark} = sårbart lärarlag (färre än {min_team} "
        "lärare).",
        "Schools are sorted from lowest to highest utilisation. {mark} = fragile teacher team (fewer than {min_team} "
        "teachers).",
    ),
    "cap.series.used_floor": ("Yta som eleverna använder", "Floor area in use"),
    "cap.series.unused_floor": ("Outnyttjad yta", "Unused floor area"),
    "cap.chart.premises": ("Lokalyta per skola {year}", "Floor area per school {year}"),
    "cap.series.average": ("Kommunens snitt: {value}", "Municipal average: {value}"),
    "cap.chart.cost_per_pupil": ("Kostnad per elev och skola {year}", "Cost per pupil by school {year}"),
    "cap.table": ("Alla skolor {year}", "All schools {year}"),
    "cap.col.utilisation": ("Nyttjandegrad (%)", "Utilisation (%)"),
    "cap.col.floor": ("Yta (m²)", "Floor area (m²)"),
    "cap.col.unused_floor": ("Outnyttjad yta (m²)", "Unused floor area (m²)"),
    "cap.col.unused_cost": ("Lokalkostnad för outnyttjad yta (kr per år)", "Premises cost of unused area (SEK a year)"),
    "cap.col.cost_per_pupil": ("Kostnad per elev (kr)", "Cost per pupil (SEK)"),
    "cap.col.fragile": ("Sårbart lärarlag", "Fragile teacher team"),
    # Kapacitet: every service
    "cap.intro.all": (
        "Platserna jämfört med behoven i scenariot **{scenario}**, om vi behåller allt som i dag – i skolor, "
        "förskolor, särskilda boenden och fritids- och kulturlokaler. Tomma platser binder lokaler och personal; "
        "platser som saknas måste köpas.",
        "Places compared with needs in the scenario **{scenario}**, if we keep everything as it is today – in "
        "schools, preschools, care homes and leisure and culture facilities. Empty places tie up premises and "
        "staff; missing places must be bought.",
    ),
    "cap.section.directions": ("Behoven går åt olika håll", "Needs move in opposite directions"),
    "cap.svc.grundskola": ("Grundskola", "Compulsory school"),
    "cap.svc.forskola": ("Förskola", "Preschool"),
    "cap.svc.aldreboende": ("Särskilt boende", "Care homes"),
    "cap.svc.fritid_kultur": ("Fritid och kultur", "Leisure and culture"),
    "cap.dir.kpi": ("{service} {year}", "{service} {year}"),
    "cap.dir.caption": (
        "Nyttjandegrad {year}: behov delat med platser. Under 100 % står platser tomma, över 100 % saknas platser.",
        "Utilisation {year}: need divided by places. Below 100 % places stand empty, above 100 % places are missing.",
    ),
    "cap.dir.kpi.help.grundskola": (
        "Nyttjandegrad = elever / platser i kommunens skolor.",
        "Utilisation = pupils / places in the municipality's schools.",
    ),
    "cap.dir.kpi.help.forskola": (
        "Nyttjandegrad = barn i förskolan / förskoleplatser.",
        "Utilisation = preschool children / preschool places.",
    ),
    "cap.dir.kpi.help.aldreboende": (
        "Nyttjandegrad = platser som behövs / platser som finns. Över 100 % = platser saknas och måste köpas.",
        "Utilisation = places needed / places available. Above 100 % = places are missing and must be bought.",
    ),
    "cap.dir.kpi.help.fritid_kultur": (
        "Nyttjandegrad = besök / de besök lokalerna kan ta emot per år.",
        "Utilisation = visits / the visits the facilities can take a year.",
    ),
    "cap.dir.summary.grundskola": ("i grundskolan från {u0} till {u1}", "in the schools from {u0} to {u1}"),
    "cap.dir.summary.forskola": ("i förskolan från {u0} till {u1}", "in the preschools from {u0} to {u1}"),
    "cap.dir.summary.grundskola.steady": ("i grundskolan (kvar på {u0})", "in the schools (staying at {u0})"),
    "cap.dir.summary.forskola.steady": ("i förskolan (kvar på {u0})", "in the preschools (staying at {u0})"),
    "cap.word.and": (" och ", " and "),
    "cap.dir.summary": (
        "**Mellan {first} och {last} sjunker nyttjandegraden {children}, medan behovet av platser i särskilt "
        "boende växer från {c0} till {c1} av platserna.** Samma kommun får alltså fler tomma platser för barnen och "
        "för få platser för de äldre.",
        "**Between {first} and {last} utilisation falls {children}, while the need for care-home places grows "
        "from {c0} to {c1} of the places.** The same municipality thus gets more empty places for children and too "
        "few places for the elderly.",
    ),
    "cap.dir.summary.mixed": (
        "**Mellan {first} och {last} ändras nyttjandegraden {children}, och behovet av platser i särskilt boende "
        "från {c0} till {c1} av platserna.**",
        "**Between {first} and {last} utilisation changes {children}, and the need for care-home places from "
        "{c0} to {c1} of the places.**",
    ),
    "cap.dir.chart": (
        "Nyttjandegrad per verksamhet {first}–{last} (över 100 % = platserna räcker inte)",
        "Utilisation by service {first}–{last} (above 100 % = not enough places)",
    ),
    "cap.dir.axis": ("behov / platser", "need / places"),
    "cap.dir.full": ("100 % = fullt", "100 % = full"),
    "cap.dir.no_usage": (
        "Fritids- och kulturlokaler visas inte: besöksdata (facility_usage.csv) saknas.",
        "Leisure and culture facilities are not shown: visit data (facility_usage.csv) is missing.",
    ),
    "cap.none": ("Kommunens data har ingen {service}.", "The municipality's data has no {service}."),
    "cap.col.unit": ("Enhet", "Unit"),
    "cap.col.facility": ("Lokal", "Facility"),
    "cap.col.cost": ("Kostnad (kr per år)", "Cost (SEK a year)"),
    "cap.pre.kpi.children": ("Barn i förskolan {year}", "Children in preschool {year}"),
    "cap.pre.kpi.children.help": (
        "Barn 1–5 år i scenariot × andelen som går i förskola.",
        "Children aged 1–5 in the scenario × the share attending preschool.",
    ),
    "cap.pre.kpi.empty": ("Tomma förskoleplatser {year}", "Empty preschool places {year}"),
    "cap.pre.kpi.empty.help": (
        "Förskoleplatser som inga barn behöver: platser minus barn.",
        "Preschool places no child needs: places minus children.",
    ),
    "cap.pre.kpi.utilisation": ("Förskolornas nyttjandegrad {year}", "Preschool utilisation {year}"),
    "cap.pre.kpi.lowest": ("Lägst nyttjad förskola {year}", "Least used preschool {year}"),
    "cap.pre.kpi.lowest.help": (
        "{name} har {children} barn på {capacity} platser.",
        "{name} has {children} children in {capacity} places.",
    ),
    "cap.pre.summary": (
        "**{year} har de {units} förskolorna {capacity} platser men {children} barn: {empty} platser står tomma, "
        "mot {empty0} år {first}.**",
        "**In {year} the {units} preschools have {capacity} places but {children} children: {empty} places are "
        "empty, against {empty0} in {first}.**",
    ),
    "cap.pre.series.children": ("Barn", "Children"),
    "cap.pre.unit": ("barn och platser", "children and places"),
    "cap.pre.chart.trend": (
        "Barn i förskolan och tomma platser {first}–{last}",
        "Preschool children and empty places {first}–{last}",
    ),
    "cap.pre.section.units": ("Förskola för förskola", "Preschool by preschool"),
    "cap.pre.chart.units": (
        "Barn och platser per förskola {year} (procent = nyttjandegrad)",
        "Children and places per preschool {year} (per cent = utilisation)",
    ),
    "cap.care.kpi.needed": ("Platser som behövs {year}", "Places needed {year}"),
    "cap.care.kpi.needed.help": (
        "Invånare 65–79, 80–89 och 90+ år i scenariot × andelen i varje grupp som behöver särskilt boende.",
        "Inhabitants aged 65–79, 80–89 and 90+ in the scenario × the share of each group needing a care home.",
    ),
    "cap.care.kpi.places": ("Egna platser {year}", "Own places {year}"),
    "cap.care.kpi.places.help": ("Platser i kommunens särskilda boenden.", "Places in the municipality's care homes."),
    "cap.care.kpi.shortage": ("Platser som saknas {year}", "Places missing {year}"),
    "cap.care.kpi.empty": ("Tomma platser i särskilt boende {year}", "Empty care-home places {year}"),
    "cap.care.kpi.purchased": ("Köpta platser kostar {year}", "Purchased places cost {year}"),
    "cap.care.kpi.purchased.help": (
        "Platser som saknas × {cost} per köpt plats och år.",
        "Missing places × {cost} per purchased place a year.",
    ),
    "cap.care.kpi.empty_cost": ("Tomma platser kostar {year}", "Empty places cost {year}"),
    "cap.care.kpi.empty_cost.help": (
        "Tomma platser × {per_place}: lokal- och fasta kostnader per plats, som betalas även när platsen står tom.",
        "Empty places × {per_place}: premises and fixed cost per place, paid even when the place is empty.",
    ),
    "cap.care.summary": (
        "**Behovet av platser i särskilt boende växer från {n0} till {n1} mellan {first} och {last}, men kommunen har "
        "{places} platser: {gap}.**",
        "**The need for care-home places grows from {n0} to {n1} between {first} and {last}, but the municipality "
        "has {places} places: {gap}.**",
    ),
    "cap.care.gap.short": (
        {"one": "{count} plats saknas och måste köpas", "other": "{count} platser saknas och måste köpas"},
        {
            "one": "{count} place is missing and must be bought",
            "other": "{count} places are missing and must be bought",
        },
    ),
    "cap.care.gap.empty": (
        {"one": "{count} plats står tom", "other": "{count} platser står tomma"},
        {"one": "{count} place stands empty", "other": "{count} places stand empty"},
    ),
    "cap.care.series.needed": ("Platser som behövs", "Places needed"),
    "cap.care.series.places": ("Egna platser", "Own places"),
    "cap.care.series.shortage": ("Platser som saknas", "Places missing"),
    "cap.care.unit": ("platser", "places"),
    "cap.care.chart.places": (
        "Särskilt boende: behov och platser {first}–{last}",
        "Care homes: need and places {first}–{last}",
    ),
    "cap.care.chart.cost": (
        "Vad obalansen kostar per år {first}–{last}",
        "What the imbalance costs a year {first}–{last}",
    ),
    "cap.care.series.purchased": ("Köpta platser", "Purchased places"),
    "cap.care.series.empty_cost": ("Tomma egna platser", "Empty own places"),
    "cap.care.units": ("Boenden {year}: {units} platser.", "Care homes {year}: {units} places."),
    "cap.care.col.empty": ("Tomma platser", "Empty places"),
    "cap.care.col.purchased": ("Köpta platser (kr per år)", "Purchased places (SEK a year)"),
    "cap.care.col.empty_cost": ("Tomma platser (kr per år)", "Empty places (SEK a year)"),
    "cap.fk.no_usage": (
        "Besöks- och bokningsdata saknas (filen facility_usage.csv), så beläggning och kostnad per besök kan inte "
        "räknas fram för: {units}.",
        "Visit and booking data is missing (the file facility_usage.csv), so occupancy and cost per visit cannot be "
        "calculated for: {units}.",
    ),
    "cap.fk.kpi.occupancy": ("Beläggning {year}", "Occupancy {year}"),
    "cap.fk.kpi.occupancy.help": (
        "Bokade timmar / bokningsbara timmar i alla lokaler.",
        "Booked hours / bookable hours in all facilities.",
    ),
    "cap.fk.kpi.visits": ("Besök {year}", "Visits {year}"),
    "cap.fk.kpi.cost_per_visit": ("Kostnad per besök {year}", "Cost per visit {year}"),
    "cap.fk.kpi.cost_per_visit.help": (
        "Lokalernas kostnad (lokaler och fasta kostnader) / besök.",
        "The facilities' cost (premises and fixed costs) / visits.",
    ),
    "cap.fk.kpi.lowest": ("Lägst beläggning {year}", "Lowest occupancy {year}"),
    "cap.fk.summary": (
        "**Besöken går från {v0} till {v1} om året mellan {first} och {last}; beläggningen från {o0} till {o1}, och "
        "kostnaden per besök från {c0} till {c1}.**",
        "**Visits go from {v0} to {v1} a year between {first} and {last}; occupancy from {o0} to {o1}, and the cost "
        "per visit from {c0} to {c1}.**",
    ),
    "cap.fk.section.units": ("Lokal för lokal", "Facility by facility"),
    "cap.fk.series.occupancy": ("Beläggning", "Occupancy"),
    "cap.fk.series.cost_per_visit": ("Kostnad per besök", "Cost per visit"),
    "cap.fk.visits": ("besök", "visits"),
    "cap.fk.visits_year": ("besök per år", "visits a year"),
    "cap.fk.chart.occupancy": ("Beläggning per lokal {year}", "Occupancy per facility {year}"),
    "cap.fk.chart.cost_per_visit": ("Kostnad per besök och lokal {year}", "Cost per visit by facility {year}"),
    "cap.fk.chart.visits": ("Besök per lokal {first}–{last}", "Visits per facility {first}–{last}"),
    "cap.fk.col.visits": ("Besök", "Visits"),
    "cap.fk.col.capacity": ("Kapacitet (besök per år)", "Capacity (visits a year)"),
    "cap.fk.col.booked": ("Bokade timmar", "Booked hours"),
    "cap.fk.col.bookable": ("Bokningsbara timmar", "Bookable hours"),
    "cap.fk.col.occupancy": ("Beläggning (%)", "Occupancy (%)"),
    "cap.fk.col.cost_per_visit": ("Kostnad per besök (kr)", "Cost per visit (SEK)"),
}
