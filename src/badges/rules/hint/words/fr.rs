//! French hints (French counts 0 and 1.5 as singular).

use super::{EventWords, PeriodWords, Words, SYMBOLS};

pub(super) const FR: Words = Words {
    orders: crate::forms![
        "encore {n} commande",
        "encore {n} commandes",
        "encore {n} de commandes",
    ],
    green_orders: crate::forms![
        "encore {n} commande verte",
        "encore {n} commandes vertes",
        "encore {n} de commandes vertes",
    ],
    count: "{count}{qual}",
    placed: " {when}",
    at: " {when}",
    with: " avec {with}",
    units: [
        crate::forms!["encore {n} kg de CO2"],
        crate::forms!["encore {n} kg de CO2 de référence"],
        crate::forms!["encore {n} kg de CO2 économisé"],
        crate::forms!["encore {n} de part recyclée"],
        crate::forms!["encore {n} kg de CO2 compensé"],
        crate::forms![
            "encore {n} arbre sauvé",
            "encore {n} arbres sauvés",
            "encore {n} d’arbres sauvés",
        ],
        crate::forms![
            "encore {n} chaîne d’approvisionnement",
            "encore {n} chaînes d’approvisionnement",
            "encore {n} de chaînes d’approvisionnement",
        ],
        crate::forms![
            "encore {n} chaîne d’approvisionnement vérifiée",
            "encore {n} chaînes d’approvisionnement vérifiées",
            "encore {n} de chaînes d’approvisionnement vérifiées",
        ],
        crate::forms!["encore {n} de valeur"],
    ],
    sum: "{amount}{from}",
    from_green: " grâce à des commandes vertes",
    from_orders: " grâce à des commandes{qual}",
    in_green: " dans des commandes vertes",
    in_orders: " dans des commandes{qual}",
    streaks: [
        crate::forms![
            "encore {n} mois consécutif avec {one}",
            "encore {n} mois consécutifs avec {one}",
            "encore {n} de mois consécutifs avec {one}",
        ],
        crate::forms![
            "encore {n} semaine consécutive avec {one}",
            "encore {n} semaines consécutives avec {one}",
            "encore {n} de semaines consécutives avec {one}",
        ],
    ],
    a_green_order: "une commande verte",
    an_order: "une commande{qual}",
    periods: [
        PeriodWords {
            met_reached: "atteint jusqu’ici ce mois-ci{from}\u{A0}: obtenu à la fin du mois",
            met_covered: "couvert jusqu’ici ce mois-ci{from}\u{A0}: obtenu à la fin du mois",
            cover_first: "une commande ce mois-ci dont {sum} couvre {field} du mois{from}",
            cover: "{amount}{from} ce mois-ci pour couvrir {field} du mois",
            reach: "{amount}{from} ce mois-ci",
        },
        PeriodWords {
            met_reached:
                "atteint jusqu’ici cette semaine{from}\u{A0}: obtenu à la fin de la semaine",
            met_covered:
                "couvert jusqu’ici cette semaine{from}\u{A0}: obtenu à la fin de la semaine",
            cover_first: "une commande cette semaine dont {sum} couvre {field} de la semaine{from}",
            cover: "{amount}{from} cette semaine pour couvrir {field} de la semaine",
            reach: "{amount}{from} cette semaine",
        },
    ],
    amounts: [
        crate::forms!["{op} {x} kg de CO2"],
        crate::forms!["{op} {x} kg de CO2 de référence"],
        crate::forms!["{op} {x} kg de CO2 économisé"],
        crate::forms!["{op} {x}\u{202F}% de contenu recyclé"],
        crate::forms!["{op} {x} kg de CO2 compensé"],
        crate::forms![
            "{op} {x} arbre sauvé",
            "{op} {x} arbres sauvés",
            "{op} {x} d’arbres sauvés",
        ],
        crate::forms![
            "{op} {x} chaîne d’approvisionnement",
            "{op} {x} chaînes d’approvisionnement",
            "{op} {x} de chaînes d’approvisionnement",
        ],
        crate::forms![
            "{op} {x} chaîne d’approvisionnement vérifiée",
            "{op} {x} chaînes d’approvisionnement vérifiées",
            "{op} {x} de chaînes d’approvisionnement vérifiées",
        ],
        crate::forms!["une valeur de {op} {x}"],
    ],
    ops: ["plus de", "au moins", "moins de", "au plus", "exactement"],
    field_ops: SYMBOLS,
    versus: "{a} {op} {b}",
    one_of: "{field} de {values}",
    tier_is: "le niveau {names}",
    nouns: [
        "le CO2",
        "le CO2 de référence",
        "le CO2 économisé",
        "la part recyclée",
        "la compensation",
        "les arbres sauvés",
        "les chaînes d’approvisionnement",
        "les chaînes d’approvisionnement vérifiées",
        "l’heure",
        "le jour de la semaine",
        "la valeur",
        "le niveau",
    ],
    and: " et ",
    comma: ", ",
    or: " ou ",
    hours: "entre {from} et {to}",
    no_hour: "à aucune heure",
    hours_days: "{days} {hours}",
    days: [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    days_from_to: "du {a} au {b}",
    days_range: "{a} à {b}",
    days_on: "le {days}",
    no_day: "aucun jour",
    events: [
        EventWords {
            count: crate::forms![
                "encore {n} inscription",
                "encore {n} inscriptions",
                "encore {n} d’inscriptions",
            ],
            many: "inscriptions",
            one: "une inscription",
        },
        EventWords {
            count: crate::forms![
                "encore {n} parrainage",
                "encore {n} parrainages",
                "encore {n} de parrainages",
            ],
            many: "parrainages",
            one: "un parrainage",
        },
        EventWords {
            count: crate::forms!["encore {n} avis", "encore {n} avis", "encore {n} d’avis"],
            many: "avis",
            one: "un avis",
        },
        EventWords {
            count: crate::forms![
                "encore {n} niveau atteint",
                "encore {n} niveaux atteints",
                "encore {n} de niveaux atteints",
            ],
            many: "niveaux atteints",
            one: "un niveau atteint",
        },
        EventWords {
            count: crate::forms![
                "encore {n} événement «\u{A0}{name}\u{A0}»",
                "encore {n} événements «\u{A0}{name}\u{A0}»",
                "encore {n} d’événements «\u{A0}{name}\u{A0}»",
            ],
            many: "événements «\u{A0}{name}\u{A0}»",
            one: "un événement «\u{A0}{name}\u{A0}»",
        },
    ],
    event_sum: "{amount} grâce à des {events}{qual}",
    a_event: "{a}{qual}",
    reach_tier: "atteindre le niveau {tier}",
    sign_up: "s’inscrire",
};
