//! The few word lists that differ by language and are not gazetteer cues: the small
//! grammatical words the frame builder reads around mentions.

use crate::gazetteer::Lang;

/// Grammatical words of one language (folded).
pub(crate) struct Rules {
    /// Prepositions that make a following city a place ("à Rabat", "in Doha").
    pub locative: &'static [&'static str],
    /// Words after which come the signers ("signé par", "signed by").
    pub signer_lead: &'static [&'static str],
    /// Lower-case particles inside Latin personal names.
    pub particles: &'static [&'static str],
    /// Words that end a title phrase before a name, besides punctuation.
    pub clause_break: &'static [&'static str],
}

pub(crate) fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::Fr => &super::fr::RULES,
        Lang::En => &super::en::RULES,
        Lang::Ar => &super::ar::RULES,
    }
}
