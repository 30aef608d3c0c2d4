//! English: the grammatical words the shared rules need. Vocabulary lives in
//! `gazetteers/cues/en.tsv`.

use super::rules::Rules;

pub(crate) static RULES: Rules = Rules {
    locative: &["in", "at", "in the city of", "in the capital", "from"],
    signer_lead: &["by", "between", "signatories"],
    particles: &[
        "el",
        "al",
        "bin",
        "ben",
        "ibn",
        "de",
        "da",
        "du",
        "van",
        "von",
        "der",
        "ould",
        "bint",
        "la",
        "le",
        "di",
        "dos",
        "bin abdulaziz",
    ],
    continuation: &[
        "this ",
        "these ",
        "it ",
        "they ",
        "the agreement",
        "the deal",
        "the partnership",
        "the mou",
        "the memorandum",
        "under ",
        "the pact",
        "the accord",
        "the two sides",
        "both sides",
    ],
    coordination: &[" and ", "as well as", "along with", ", "],
    visit: &["visit", "trip"],
    visit_to: &[" to"],
    clause_break: &["and", "along with", "with"],
};
