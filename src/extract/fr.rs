//! French: the grammatical words the shared rules need. Vocabulary lives in
//! `gazetteers/cues/fr.tsv`.

use super::rules::Rules;

pub(crate) static RULES: Rules = Rules {
    locative: &[
        "a",
        "au",
        "aux",
        "depuis",
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
        "ce ",
        "cet ",
        "cette ",
        "ces ",
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
    visit: &["visite"],
    visit_to: &[" a", " au", " en"],
    clause_break: &["et", "ainsi que", "avec"],
};
