//! The few word lists that differ by language and are not gazetteer cues: the small
//! grammatical words the frame builder reads around mentions.

use crate::gazetteer::Lang;
use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;

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
    /// What joins two instruments that share one verb ("ainsi qu'", "and", " و").
    pub coordination: &'static [&'static str],
    /// How a ministry's list of portfolios goes on after a comma ("…, des Télécommunications").
    pub portfolio: &'static [&'static str],
    /// Nouns of a visit, and the prepositions that lead to its place ("visit … to").
    pub visit: &'static [&'static str],
    pub visit_to: &'static [&'static str],
    /// What leads to the counterpart of an instrument ("with", "avec", "مع"): the
    /// countries or bodies after it are the other side.
    pub counterpart_lead: &'static [&'static str],
    /// What leads to the two sides of a segment ("between", "entre", "بين"), and what
    /// repeats it for one more segment ("and between", "et entre", "وبين"): a plural
    /// "between X and Y, and between X and Z" is one instrument per segment.
    pub between_lead: &'static [&'static str],
    pub between_again: &'static [&'static str],
    /// Quantifiers that give a plural instrument without a number ("several",
    /// "plusieurs", "عده"): such a plural names instruments of today's news.
    pub vague_quantifier: &'static [&'static str],
    /// What marks an instrument as one more, not one already named: "un autre
    /// mémorandum", "another MoU" (before it), "مذكرة تفاهم أخرى" (after it).
    pub another_before: &'static [&'static str],
    pub another_after: &'static [&'static str],
    /// Indefinite articles ("a", "un"): "exchanged memoranda … A memorandum on
    /// culture was also exchanged" names one more of the group (rule `group_member`).
    pub indefinite: &'static [&'static str],
    /// Additive sentence leads ("Additionally", "Par ailleurs", "كما"): a sentence so
    /// led that signs an indefinite instrument adds one (rule `additive_instrument`).
    pub additive_lead: &'static [&'static str],
    /// Prefixes of a definite instrument head where no article word stands apart
    /// ("المذكرة"): such a head is no indefinite one.
    pub definite_prefix: &'static [&'static str],
    /// Date grammar: what joins the two days of a range ("du 3 au 5", "from 3 to 5",
    /// "من 3 إلى 5", "بين 3 و6").
    pub range_to: &'static [&'static str],
    /// Suffixes of a day number ("1er", "5th").
    pub day_suffix: &'static [&'static str],
    /// What stands between a day and its month ("the 5th of March", "الخامس من مارس").
    pub day_of: &'static [&'static str],
    /// What may stand between a month and its year ("mars de l'année 2024", "مارس من عام 2024").
    pub year_lead: &'static [&'static str],
    /// Prepositions before a bare year that dates something ("en 2021", "in 2021", "عام 2021").
    pub year_prep: &'static [&'static str],
    /// Marks after a Hijri year ("1445 هـ").
    pub hijri_mark: &'static [&'static str],
    /// What stands after a day that takes the month of the date told before it ("le 22
    /// du même mois", "the 22nd of the same month", "22 من الشهر نفسه").
    pub same_month: &'static [&'static str],
    /// What opens another clause of a sentence (semicolons, coordinators before a new
    /// verb: "; ", ", while", "، كما"): a status cue past one speaks of another clause.
    pub clause: &'static [&'static str],
    /// Relative pronouns: they end the instrument's clause after it, unless they open
    /// right after it ("the MoU, which will be signed").
    pub relative: &'static [&'static str],
    /// Words that end a body's name where they stand: the verb after it ("the ministry
    /// said", "le ministère a officialisé"), "via", a day ("يوم").
    pub org_verbs: &'static [&'static str],
    /// Words a body's name never ends with, dropped from its end ("… of", "… et", "… و").
    pub org_tail: &'static [&'static str],
    /// Elided articles a body's name drops from its start ("l'Agence" → "Agence").
    pub org_article: &'static [&'static str],
    /// Whether a locative before a name shared by a country and its capital names the
    /// city ("à Djibouti"), or may name the country (Arabic "في تونس").
    pub locative_names_city: bool,
    /// Clitic prefixes that place the name they stick to (Arabic "ب": "بالرياض").
    pub clitic_locative: &'static [&'static str],
    /// The noun of a capital, before a country adjective ("capitale", "العاصمه") or
    /// after it ("the Kenyan capital": `capital_after`, led by `capital_article`).
    pub capital_noun: &'static [&'static str],
    pub capital_after: &'static [&'static str],
    pub capital_article: &'static [&'static str],
    /// The noun of a city before a country adjective ("ville", "city", "مدينه").
    pub city_noun: &'static [&'static str],
    /// The noun of a capital before a country's name ("capitale du", "capital of", "عاصمه").
    pub capital_of: &'static [&'static str],
    /// Phrases that lead a city's name ("la capitale", "the city of", "مدينه").
    pub city_lead: &'static [&'static str],
    /// A speaker's welcome to the place where they speak ("welcome to", "bienvenue a",
    /// "مرحبا بكم في"): the venue of a transcript's ceremony.
    pub welcome_to: &'static [&'static str],
}

/// Capitalised words that are never part of a Latin personal name (folded).
pub(crate) const NOT_NAME: &[&str] = &[
    "affairs",
    "affaires",
    "foreign",
    "etrangeres",
    "international",
    "internationale",
    "cooperation",
    "development",
    "developpement",
    "digital",
    "numerique",
    "economy",
    "economie",
    "ministry",
    "ministere",
    "minister",
    "ministre",
    "africa",
    "afrique",
    "nord",
    "north",
    "sud",
    "south",
    "east",
    "est",
    "west",
    "ouest",
    "middle",
    "moyen",
    "orient",
    "republic",
    "republique",
    "kingdom",
    "royaume",
    "union",
    "nations",
    "united",
    "unies",
    "agency",
    "agence",
    "technology",
    "technologies",
    "telecom",
    "telecommunications",
    "innovation",
    "transformation",
    "transition",
    "information",
    "communication",
    "communications",
    "forum",
    "summit",
    "sommet",
    "group",
    "groupe",
    "bank",
    "banque",
    "council",
    "conseil",
    "president",
    "the",
    "le",
    "la",
    "les",
    "ce",
    "cette",
    "this",
    "his",
    "her",
    "son",
    "sa",
    "ses",
    "state",
    "etat",
    "government",
    "gouvernement",
    "office",
    "authority",
    "autorite",
    "department",
    "national",
    "nationale",
    "general",
    "generale",
    "memorandum",
    "agreement",
    "accord",
    "mou",
    "excellency",
    "excellence",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "university",
    "universite",
    "institute",
    "institut",
    "center",
    "centre",
    "company",
    "societe",
    "commission",
    "embassy",
    "palace",
    "hall",
    "hotel",
    "house",
    "headquarters",
    "siege",
    "bureau",
    "division",
    "unit",
    "directorate",
    "cabinet",
    "spokesperson",
    "porte",
    "ambassade",
    "services",
    "service",
    "security",
    "securite",
    "data",
    "smart",
    "global",
    "ict",
    "tic",
];

pub(crate) fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::Fr => &super::fr::RULES,
        Lang::En => &super::en::RULES,
        Lang::Ar => &super::ar::RULES,
    }
}

/// A word list compiled once into one automaton: where the first of its words starts, or
/// the last one ends, in one pass over a window instead of one search per word.
pub(crate) struct WordSet(AhoCorasick);

impl WordSet {
    fn new(words: &[&str]) -> WordSet {
        WordSet(AhoCorasick::new(words).expect("a static word list compiles"))
    }

    /// The start of the occurrence of any word that starts first in `hay`.
    pub fn first_start(&self, hay: &str) -> Option<usize> {
        self.0.find_overlapping_iter(hay).map(|m| m.start()).min()
    }

    /// The end of the occurrence of any word that ends last in `hay`.
    pub fn last_end(&self, hay: &str) -> Option<usize> {
        self.0.find_overlapping_iter(hay).map(|m| m.end()).max()
    }
}

/// The clause words and relative pronouns of a language ([`Rules::clause`],
/// [`Rules::relative`]), compiled.
pub(crate) struct ClauseWords {
    pub clause: WordSet,
    pub relative: WordSet,
}

static CLAUSE_WORDS: Lazy<[ClauseWords; 3]> = Lazy::new(|| {
    Lang::ALL.map(|lang| ClauseWords {
        clause: WordSet::new(rules(lang).clause),
        relative: WordSet::new(rules(lang).relative),
    })
});

pub(crate) fn clause_words(lang: Lang) -> &'static ClauseWords {
    &CLAUSE_WORDS[lang.index()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str;

    #[test]
    fn language_tables_are_indexed_in_the_order_of_all() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), i);
        }
        assert!(std::ptr::eq(clause_words(Lang::Ar), &CLAUSE_WORDS[2]));
    }

    #[test]
    fn word_sets_find_the_first_start_and_the_last_end() {
        let w = WordSet::new(&[", while ", " while ", "; "]);
        let hay = "signed; the MoU, while the other, while it";
        assert_eq!(w.first_start(hay), Some(6));
        assert_eq!(w.last_end(hay), Some(hay.len() - 2));
        assert_eq!(w.first_start("nothing here"), None);
        let none = WordSet::new(&[]);
        assert_eq!(none.last_end(hay), None);
    }

    /// Every word compared with folded text must be written folded, or it never matches
    /// (an Arabic "على" against the text's "علي"). The date grammar words are exempt:
    /// `dates` folds them when it builds its patterns; so are `portfolio` words, which
    /// are read in the original text.
    #[test]
    fn literals_compared_with_folded_text_are_folded() {
        let mut bad = Vec::new();
        let mut check = |list: &str, words: &[&str]| {
            for w in words {
                if fold_str(w) != *w && fold_str(w) != w.trim() {
                    bad.push(format!("{list}: {w:?} folds to {:?}", fold_str(w)));
                }
            }
        };
        check("NOT_NAME", NOT_NAME);
        check("ar::NOT_NAME", super::super::ar::NOT_NAME);
        for lang in [Lang::Fr, Lang::En, Lang::Ar] {
            let r = rules(lang);
            for (name, words) in [
                ("locative", r.locative),
                ("clitic_locative", r.clitic_locative),
                ("capital_noun", r.capital_noun),
                ("capital_after", r.capital_after),
                ("capital_article", r.capital_article),
                ("city_noun", r.city_noun),
                ("capital_of", r.capital_of),
                ("city_lead", r.city_lead),
                ("welcome_to", r.welcome_to),
                ("signer_lead", r.signer_lead),
                ("particles", r.particles),
                ("clause_break", r.clause_break),
                ("continuation", r.continuation),
                ("coordination", r.coordination),
                ("visit", r.visit),
                ("visit_to", r.visit_to),
                ("counterpart_lead", r.counterpart_lead),
                ("between_lead", r.between_lead),
                ("between_again", r.between_again),
                ("vague_quantifier", r.vague_quantifier),
                ("another_before", r.another_before),
                ("another_after", r.another_after),
                ("indefinite", r.indefinite),
                ("additive_lead", r.additive_lead),
                ("definite_prefix", r.definite_prefix),
                ("clause", r.clause),
                ("relative", r.relative),
                ("org_verbs", r.org_verbs),
                ("org_tail", r.org_tail),
            ] {
                check(&format!("{lang:?}.{name}"), words);
            }
        }
        for lang in [Lang::Fr, Lang::En, Lang::Ar] {
            let sw = crate::extract::signatories::signer_words(lang);
            for (name, words) in [
                ("president", sw.president),
                ("name_lead", sw.name_lead),
                ("article", sw.article),
                ("on_behalf", sw.on_behalf),
                ("signing_noun", sw.signing_noun),
                ("title_of", sw.title_of),
            ] {
                check(&format!("{lang:?}.signers.{name}"), words);
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn the_check_catches_an_unfolded_word() {
        assert_ne!(fold_str("على"), "على");
        assert_ne!(fold_str("Où"), "Où");
    }
}
