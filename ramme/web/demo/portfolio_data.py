"""The demo's initiative portfolio: initiatives from Copenhagen's city strategy (seed 003).

Texts as in the strategy (Danish); budget needs per year from its table «Tiltag,
Budgetbehov, År», a cost «i 2 år» as two years. The original spells a few words wrongly;
those are kept only where they are names.
"""

from __future__ import annotations

from typing import NamedTuple

EARLY = "Tidlig indsats i forhold til udsatte børn"
AUTHORITY = "Bedre myndighedsarbejde"
YOUTH = "Hurtig og insisterende indsats i forhold til uroskabende unge"
PLACEMENTS = "Udvikling af anbringelsesviften"
METHODS = "Udvikling af metoder, ansvarlighed og evidens"

WITHIN_FRAME = "Finansieres indenfor den eksisterende budgetramme"
FUNDING = "Budgettilførsel"


class DemoInitiative(NamedTuple):
    focus_area: str
    sub_strategy: str
    problem: str
    action: str
    yearly_cost: str
    financing: str
    expected_effect: str
    prerequisites: str
    start_year: int
    needs: dict[int, int]  # year -> kroner


_SCHOOL = (
    "Der sættes ikke altid rettidigt og koordineret ind overfor bekymrende fravær i skolen og "
    "for mange børn ekskluderes fra de almindelige skoletilbud"
)
_OPEN = (
    "Manglende systematisk samarbejde mellem børnefamilieteamene og almensystemets tilbud og "
    "institutioner, manglende fælles sprog og fælles forståelse af sociale vanskeligheder og "
    "håndtering af dem"
)
_YOUTH_EARLY = (
    "Forskning og erfaringer peger på, at uroskabende unges adfærd er bekymrende på et meget "
    "tidligt tidspunkt i deres liv. Der mangler værktøjer til at se og handle på de "
    "bekymringstegn, som kriminelle og kriminalitetstruede udviser på et tidligere tidspunkt "
    "i deres liv."
)
_CONTACT = (
    "Kontaktpersonarbejdet kan med fordel professionaliseres i højere grad og gøres mere "
    "systematisk med en højere grad af fokus på skole, arbejde og relationer til netværk og "
    "familie"
)
_CONTACT_EFFECT = (
    "Flere unge integreres i alment systemets tilbud, såsom skole og arbejde, flere unge "
    "begår mindre kriminalitet, familier og netværk omkring de unge inddrages i håndteringen "
    "af den unges vanskeligheder"
)
_INSTITUTIONS = (
    "Forskning viser, at mange anbragte børn og unge ikke udvikler sig i positiv retning under "
    "anbringelsen. Samtidig oplever mange børn og unge sammenbrud i deres anbringelser. Der er "
    "derfor et behov for at skabe mere fleksible anbringelsestilbud, som er tilpasset det "
    "enkelte barn/ungs behov."
)
_THRIVING = (
    "Flere børn og unge opnår en større grad af trivsel under anbringelsen, udvikler sig bedre "
    "og der opstår færre sammenbrud i anbringelserne"
)

INITIATIVES: tuple[DemoInitiative, ...] = (
    DemoInitiative(
        EARLY, "Tidligere og bedre hjælp til børn og unge med skolevanskeligheder", _SCHOOL,
        "Hurtig reaktion ved skolefravær", WITHIN_FRAME, "",
        "Flere børn fastholdes i normalsystemet, flere børn får en bedre skolegang",
        "Der er nedsat arbejdsgruppe med deltagere fra BUF og SOF", 2010, {},
    ),
    DemoInitiative(
        EARLY, "Tidligere og bedre hjælp til børn og unge med skolevanskeligheder", _SCHOOL,
        "Skoleskalkerklasser", "4 mill. kr. (delt ligeligt mellem SOF og BUF)", FUNDING,
        "Flere børn får en kvalificerende skolegang og reintegreres i alment systemets tilbud",
        "Forudsætter budgettilførsel og samarbejdsaftale med BUF", 2011, {2011: 4_000_000},
    ),
    DemoInitiative(
        EARLY, "En mere åben og udadvendt Socialforvaltning", _OPEN,
        "Tidlig identifikation af udsatte børn i daginstitutioner", "3 mill. kr.", FUNDING,
        "Tidligere og mere sikker identifikation af socialt sårbare børn og hurtigere og mere "
        "målrettet indsats for at skabe positive forandringer i familien.",
        "Forudsætter budgettilførsel og aftale med BUF om model for implementering af "
        "samarbejdet mellem børnefamilieteamene og daginstitutionerne", 2011, {2011: 3_000_000},
    ),
    DemoInitiative(
        EARLY, "En mere åben og udadvendt Socialforvaltning", _OPEN,
        "Udvidelse af samarbejdet mellem Socialforvaltningen og skolerne",
        "11,6 mill. kr. fra 2011", FUNDING,
        "Flere børn fastholdes i normalsystemet, flere socialt udsatte børn identificeres "
        "tidligere og deres vanskeligheder håndteres på en bedre måde",
        "Forudsætter budgettilførsel fra 2011, men er en fortsættelse og udvidelse af "
        "eksisterende aktiviteter", 2011, {2011: 11_600_000},
    ),
    DemoInitiative(
        EARLY, "En mere åben og udadvendt Socialforvaltning", _OPEN,
        "Fælles uddannelsesforløb for medarbejdere i Socialforvaltningen og Børne- og "
        "Ungdomsforvaltningen", "1 mill. kr. (delt ligeligt mellem SOF og BUF)", FUNDING,
        "Flere udsatte børns vanskeligheder identificeres og håndteres tidligere, flere børn "
        "fastholdes i normalsystemet",
        "Forudsætter budgettilførsel, men vil eventuelt kunne indgå som led i andre indsatser",
        2010, {2010: 1_000_000},
    ),
    DemoInitiative(
        AUTHORITY, "Kvalitet og systematik i sagsarbejdet",
        "Ikke alle formelle myndighedskrav overholdes i dag, hvilket betyder, at der ikke altid "
        "sker den inddragelse af barnet, den unge eller familien, som det er tiltænkt i loven og "
        "som er med til at sikre et godt sagsforløb",
        "Anskaffelse af nyt IT system", "3 mill. kr. (i 2 år)", FUNDING,
        "Mere systematisk sagsbehandling; bedre undersøgelsessager, flere sager med "
        "handleplaner og bedre opfølgning på handleplanerne",
        "Forudsætter tilførsel af budgetmidler eller øremærkning af demografimidler til "
        "udvikling af system", 2010, {2010: 3_000_000, 2011: 3_000_000},
    ),
    DemoInitiative(
        AUTHORITY, "Kontinuitet i anbringelsen",
        "En ikke ubetydelig andel af anbragte børn og unge oplever uplanlagte skift og "
        "sammenbrud i anbringelserne, hvilket er uhensigtsmæssigt for børnenes udvikling",
        "Det rigtige match", WITHIN_FRAME, "",
        "Færre sammenbrud i anbringelser, bedre trivsel for børnene under anbringelser",
        "Kan umiddelbart igangsættes", 2010, {},
    ),
    DemoInitiative(
        YOUTH, "Systematisk screening", _YOUTH_EARLY,
        "Styrket identifikation og systematisk risikovurdering af unge i risikogrupper",
        "0,5 mill. kr. til udvikling af screeningsværktøjer og 1,5 mill. kr. til afprøvning af "
        "værktøjet på tre skoler.", FUNDING,
        "Hurtigere og tidligere identifikation og handlen i forhold til kriminalitetstruede unge",
        "Kan umiddelbart igangsættes, men forudsætter øremærkning af demografimidler til "
        "indsatsen", 2010, {2010: 500_000, 2011: 1_000_000},
    ),
    DemoInitiative(
        YOUTH, "Styrkelse af det opsøgende arbejde",
        "I nogle områder af byen hænger uroskabende unge uden noget fornuftigt at tage sig til. "
        "Nogle af disse unge er i fare for at ende i en kriminel løbebane.",
        "Styrkelse af det opsøgende arbejde på gadeplan",
        "4 mill. kr. ved udvidelse af indsatsen i 4 bydele", FUNDING,
        "Bedre fastholdelse og reintegration af uroskabende unge i skole, uddannelse, klub og "
        "fritidstilbud, færre unge involveres i kriminalitet",
        "En udvidelse af gadeplansindsatsen vil skulle baseres på erfaringer med den igangsatte "
        "indsats og forudsætter tilførsel af budgetmidler", 2011, {2011: 4_000_000},
    ),
    DemoInitiative(
        YOUTH, "Hurtig handlen på unge med bekymrende adfærd",
        "Hurtigheden, samarbejdet og koordinaten i indsatserne omkring unge med bekymrende "
        "adfærd kan med fordel styrkes yderligere",
        "Hurtige forundersøgelser af kriminalitetstruede unge", "3,2 mill. kr.", FUNDING,
        "Hurtig reaktion i forhold til unge, der er i umiddelbar fare for at bevæge sig ind i "
        "en kriminel løbebane og relevant handlen",
        "Forudsætter udvikling af et screeningsværktøj og budgettilførsel", 2011,
        {2011: 3_200_000},
    ),
    DemoInitiative(
        YOUTH, "Opkvalificering af kontaktpersonarbejdet", _CONTACT,
        "Kompetenceudvikling af kontaktpersoner", "1 mill. kr.", FUNDING, _CONTACT_EFFECT,
        "Forudsætter tilførsel af budgetmidler eller øremærkning af demografimidler", 2010,
        {2010: 1_000_000},
    ),
    DemoInitiative(
        YOUTH, "Opkvalificering af kontaktpersonarbejdet", _CONTACT,
        "Oprettelse af kontaktpersonkorps", "2 mill. kr.", FUNDING, _CONTACT_EFFECT,
        "Forudsætter tilførsel af budgetmidler eller øremærkning af demografimidler, hvorefter "
        "indsatsen kan igangsættes umiddelbart.", 2010, {2010: 1_500_000},
    ),
    DemoInitiative(
        PLACEMENTS, "Udvikling af institutionsområdet", _INSTITUTIONS,
        "Indførelse af familieprogrammer mens barnet er anbragt", "2 mill. kr.",
        "Budgettilførsel eller puljemidler",
        "Flere børn og unge anbringes i kortere perioder, familiernes forældreevne forbedres, "
        "samtidig med at barnet/den unges relation til familien forbedres",
        "Forudsætter tilførsel af pulje eller budgetmidler", 2011, {2011: 2_000_000},
    ),
    DemoInitiative(
        PLACEMENTS, "Tilbage til familien - enten egen eller (netværks)plejefamilie",
        "Forskning og erfaringer fra FiC viser, at familien er en vigtig aktør i håndtering og "
        "løsning af et udsat barn eller ungs vanskeligheder. Samtidig viser forskning at mange "
        "anbragte børn og unge har behov for så familielignende rammer som muligt, hvilket "
        "tyder på, at vi i KK med fordel kan anbringe flere børn og unge i familie- eller "
        "netværkspleje",
        "Flere børn og unge anbringes i familie- /netværkspleje", WITHIN_FRAME, "", _THRIVING,
        "Er i gang", 2010, {},
    ),
    DemoInitiative(
        METHODS, "Udrulning af effektbaseret læring og styring",
        "Vi ved på nuværende tidspunkt ikke ret meget om, hvilken virkning vores sociale indsats "
        "har på de børn og unge, der får foranstaltninger, og vi gør ikke brug af denne viden i "
        "tilstrækkelig grad til at ændre praksis i retning af det der virker for børnene/de "
        "unge.",
        "Løbende monitorering af indsatser", "Udgifter ikke fastlagt, forudsætter "
        "IT-understøttelse", "Formentlig budgettilførsel",
        "Bedre viden om, hvordan de forskellige indsatser virker for børnene og dermed bedre "
        "valg af foranstaltninger for børnene",
        "Pilotprojekt er igangsat i Valby, men en videre udbredelse af systematisk monitorering "
        "forudsætter tidssvarende it-understøttelse, samt at der afsættes midler specifikt "
        "hertil.", 2011, {2011: 2_000_000},
    ),
    DemoInitiative(
        METHODS, "Indførelse af forskningsbaserede programmer",
        "Forskningsbaserede programmer har en dokumenteret positiv effekt på udsatte børn og "
        "unge, hvorfor vi i KK med fordel kan gøre mere brug af sådanne programmer",
        "Indførelse af programbaserede indsatser på forebyggelses- og anbringelsesområdet",
        "2 mill. kr.", FUNDING,
        "De børn og unge, der deltager i forskningsbaserede programmer udvikler sig i positiv "
        "retning",
        "Forudsætter øremærkning af demografimidler, men kan umiddelbart igangsættes", 2010,
        {2010: 2_000_000},
    ),
)  # fmt: skip

# Initiatives that serve the demo plan: (action, indicator name, plan action mechanism)
LINKS: tuple[tuple[str, str, str], ...] = (
    (
        "Flere børn og unge anbringes i familie- /netværkspleje",
        "Flere i netværksplejefamilie",
        "conversion",
    ),
    ("Oprettelse af kontaktpersonkorps", "Færre eksterne kontaktpersonordninger", ""),
    ("Indførelse af familieprogrammer mens barnet er anbragt", "", "fewer_new"),
)
