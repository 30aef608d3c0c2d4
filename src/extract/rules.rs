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
    /// How a sentence that goes on about the instrument begins ("Ce partenariat vise",
    /// "It covers", "وتهدف"): such a sentence belongs to the frame before it.
    pub continuation: &'static [&'static str],
}

/// Capitalised words that are never part of a Latin personal name (folded).
pub(crate) const NOT_NAME: &[&str] = &[
    "affairs", "affaires", "foreign", "etrangeres", "international", "internationale", "cooperation", "development",
    "developpement", "digital", "numerique", "economy", "economie", "ministry", "ministere", "minister", "ministre",
    "africa", "afrique", "nord", "north", "sud", "south", "east", "est", "west", "ouest", "middle", "moyen", "orient",
    "republic", "republique", "kingdom", "royaume", "union", "nations", "united", "unies", "agency", "agence",
    "technology", "technologies", "telecom", "telecommunications", "innovation", "transformation", "transition",
    "information", "communication", "communications", "forum", "summit", "sommet", "group", "groupe", "bank",
    "banque", "council", "conseil", "president", "the", "le", "la", "les", "ce", "cette", "this", "his", "her",
    "son", "sa", "ses", "state", "etat", "government", "gouvernement", "office", "authority", "autorite",
    "department", "national", "nationale", "general", "generale", "memorandum", "agreement", "accord", "mou",
    "excellency", "excellence", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "university", "universite", "institute", "institut", "center", "centre", "company", "societe", "commission",
    "embassy", "ambassade", "services", "service", "security", "securite", "data", "smart", "global", "ict", "tic",
];

pub(crate) fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::Fr => &super::fr::RULES,
        Lang::En => &super::en::RULES,
        Lang::Ar => &super::ar::RULES,
    }
}
