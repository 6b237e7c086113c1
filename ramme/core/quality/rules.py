"""The registry of data-quality rules, in the order pages and reports list them."""

from __future__ import annotations

from ramme.core.quality.age import start_after_23
from ramme.core.quality.grants import missing_approval, unnegotiated_supplement
from ramme.core.quality.model import Rule
from ramme.core.quality.overlap import overlap
from ramme.core.quality.payments import no_payments
from ramme.core.quality.planned import planned_end_before_start
from ramme.core.quality.postings import unlinked_posting
from ramme.core.quality.price import missing_price, price_deviation
from ramme.core.quality.timing import payment_after_end, payment_before_start

RULES: tuple[Rule, ...] = (
    Rule(
        "no_payments",
        "Aktiv indsats uden betalinger",
        "Indsatsen er aktiv, men der er ikke bogført noget på den i længere tid end grænsen "
        "(eller end linjens normale interval mellem betalinger, fx kvartalsvise regninger). "
        "Måske er indsatsen ophørt uden at være afsluttet, eller regningerne er ikke kommet.",
        no_payments,
    ),
    Rule(
        "payment_after_end",
        "Betaling efter ophør",
        "Der er bogført en udgift på indsatsen efter dens slutdato, senere end aktiviteten "
        "normalt faktureres efter ophør (lært af data). Måske er slutdatoen forkert, eller "
        "betalingen er ikke stoppet.",
        payment_after_end,
    ),
    Rule(
        "payment_before_start",
        "Betaling før start",
        "Der er bogført en udgift på indsatsen før dens startdato, tidligere end aktiviteten "
        "normalt betales forud (lært af data). Måske er startdatoen forkert.",
        payment_before_start,
    ),
    Rule(
        "overlap",
        "Overlappende indsatser",
        "Barnet har to indsatser af samme type på samme tid. Måske er den første ikke "
        "afsluttet, da den nye blev bevilget, så der betales dobbelt.",
        overlap,
    ),
    Rule(
        "price_deviation",
        "Betaling afviger fra takst",
        "Det bogførte for et afsluttet år afviger fra takst × dage med mere end både den "
        "relative og den absolutte grænse (standard 10 % og 5.000 kr., som i OS2bos).",
        price_deviation,
    ),
    Rule(
        "unlinked_posting",
        "Postering uden indsats",
        "En driftspostering er konteret på et barn (barn eller CPR), men ikke på en indsats, "
        "så den indgår ikke i sagens udgift og ikke i den sagsbaserede prognose.",
        unlinked_posting,
    ),
    Rule(
        "missing_approval",
        "Mangler ledelsesgodkendelse",
        "Indsatsen er aktiv, men der er ikke registreret en ledelsesgodkendelse af bevillingen.",
        missing_approval,
    ),
    Rule(
        "unnegotiated_supplement",
        "Tillæg ikke forhandlet",
        "Et tillæg til taksten er gældende, men er markeret som ikke forhandlet med leverandøren.",
        unnegotiated_supplement,
    ),
    Rule(
        "missing_price",
        "Mangler takst",
        "Indsatsen er aktiv, men har ingen gældende takst, så dens udgift kan ikke beregnes "
        "i prognosen.",
        missing_price,
    ),
    Rule(
        "start_after_23",
        "Indsats startet efter barnets 23-års fødselsdag",
        "Indsatsen er startet, efter at barnet er fyldt 23 år. Indsatser efter barnets lov, "
        "også efterværn, ophører senest dagen før barnets 23-års fødselsdag. Måske er "
        "indsatsen registreret på det forkerte barn, eller startdatoen er forkert. Da kun "
        "fødselsmåneden kendes, regnes barnet først for 23 år ved udgangen af måneden.",
        start_after_23,
    ),
    Rule(
        "planned_end_before_start",
        "Indsats med planlagt slutdato før startdato",
        "Indsatsens planlagte (forventede) slutdato ligger før dens startdato. Måske er "
        "startdatoen forkert, eller den planlagte slutdato er tastet forkert.",
        planned_end_before_start,
    ),
)

BY_KIND = {rule.kind: rule for rule in RULES}
