//! French: the grammatical words the shared rules need. Vocabulary lives in
//! `gazetteers/cues/fr.tsv`.

use super::events::EventWords;
use super::rules::Rules;
use super::signatories::SignerWords;

pub(crate) static RULES: Rules = Rules {
    locative: &[
        "a",
        "au",
        "aux",
        "depuis",
        "dans",
        "dans la ville de",
        "dans la capitale",
        "en la ville de",
    ],
    signer_lead: &["par", "entre", "signataires", "paraphe par"],
    particles: &[
        "el", "al", "ben", "bin", "ibn", "de", "da", "du", "des", "van", "von", "der", "ould",
        "bint", "la", "le", "di", "dos",
    ],
    continuation: &[
        "par ailleurs",
        "en outre",
        "de plus",
        "aux termes du",
        "selon le texte",
        "les domaines",
        "les principaux domaines",
        "parmi les domaines",
        "les axes",
        "les principaux axes",
        "la cooperation portera",
        "la cooperation couvre",
        "les deux parties",
        "les deux pays s'engagent",
        "les deux ministeres",
        "ce ",
        "cet ",
        "cette ",
        "ces ",
        "cela",
        "il ",
        "elle ",
        "ils ",
        "elles ",
        "celui ci",
        "celle ci",
        "l'accord",
        "le partenariat",
        "la convention",
        "le memorandum",
        "le protocole",
        "aux termes",
        "en vertu",
        "selon les termes",
        "a travers",
    ],
    coordination: &[" et ", "ainsi qu", "de meme qu", ", "],
    portfolio: &["des ", "du ", "de la ", "de l'", "de l’"],
    visit: &["visite"],
    visit_to: &[" a", " au", " en"],
    counterpart_lead: &["avec", "avec chacun de", "avec chacune de"],
    between_lead: &["entre"],
    between_again: &["et entre"],
    vague_quantifier: &[
        "plusieurs",
        "divers",
        "diverses",
        "une serie de",
        "un certain nombre de",
        "differents",
        "differentes",
        "un ensemble de",
        "des",
    ],
    another_before: &["un autre", "une autre", "l'autre"],
    another_after: &[],
    indefinite: &["un", "une"],
    clause_break: &["et", "ainsi que", "avec"],
    range_to: &["au", "a", "et"],
    day_suffix: &["er"],
    day_of: &["de"],
    year_lead: &["de l'année"],
    year_prep: &["en", "depuis", "au cours de"],
    hijri_mark: &[],
    same_month: &[
        "du meme mois",
        "du mois meme",
        "de ce meme mois",
        "de ce mois-la",
    ],
    clause: &[
        "; ",
        ", et ",
        ", mais ",
        " mais ",
        "tandis qu",
        "alors qu",
        ", puis ",
        " cependant",
        " toutefois",
    ],
    locative_names_city: true,
    relative: &[" qui ", " lequel ", " laquelle ", " lesquels ", " dont "],
};

// Signers by role (signatories.rs).

pub(crate) static SIGNERS: SignerWords = SignerWords {
    portfolio_join: &[
        "de",
        "des",
        "du",
        "de la",
        "charge de",
        "charge des",
        "charge du",
        "chargee de",
        "chargee des",
        "chargee du",
    ],
    portfolio_and: &["et"],
    title_of: &["of", "for"],
    president: &["president", "presidente"],
    after_and: &["le ", "la ", "son ", "sa "],
    glued_and: "",
    clause_opener: &[],
    name_lead: &[],
    article: &[],
};

// Events by pattern (events.rs). The corpus convention names an event by its canonical
// English name: a name as written in this language is no such name, so only the
// gazetteer finds events here.

pub(crate) static EVENTS: EventWords = EventWords {
    heads: &[],
    inner: &[],
    edition: &[],
    venues: &[],
};
