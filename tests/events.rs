//! The events gazetteer: its size and languages, and events found in short texts written
//! for the project in each language, with negatives for short forms that are common words.

use std::collections::{BTreeMap, BTreeSet};

use accords::{Document, Extractor};

const EVENTS: &str = include_str!("../gazetteers/events.tsv");

/// The languages of each canonical event.
fn languages() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let mut out: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for line in EVENTS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line:?}");
        out.entry(cols[0]).or_default().insert(cols[1]);
    }
    out
}

#[test]
fn at_least_three_hundred_events_each_in_three_languages() {
    let events = languages();
    assert!(events.len() >= 300, "only {} events", events.len());
    let partial: Vec<_> = events
        .iter()
        .filter(|(_, l)| l.len() < 3)
        .map(|(e, l)| format!("{e}: {l:?}"))
        .collect();
    assert!(
        partial.is_empty(),
        "events without en, fr and ar forms: {partial:#?}"
    );
}

/// The event of the only agreement of `text`, which has a ` date` line.
fn event(text: &str) -> Option<String> {
    let out = Extractor::new().extract(&Document::with_dateline(text));
    assert_eq!(out.agreements.len(), 1, "{text:?}: {:?}", out.agreements);
    out.agreements[0].event.as_ref().map(|e| e.value.clone())
}

#[test]
fn french_events() {
    let cases = [
        (
            " date 2024-05 Le Maroc et le Rwanda ont signé un mémorandum d'entente dans le domaine \
             du numérique, en marge du GITEX Africa à Marrakech.",
            "GITEX Africa",
        ),
        (
            " date 2024-04 Le Maroc et la Mauritanie ont signé une convention de partenariat \
             agricole en marge du Salon international de l'agriculture au Maroc, à Meknès.",
            "SIAM",
        ),
        (
            " date 2018-11 Le Burkina Faso et la Côte d'Ivoire ont signé un accord de coopération \
             dans les télécommunications en marge de la Conférence des plénipotentiaires de l'UIT.",
            "ITU Plenipotentiary Conference",
        ),
        (
            " date 2023-09 La Tunisie et l'Égypte ont signé un mémorandum d'entente sur la \
             cybersécurité lors du Sommet de la CEDEAO à Abuja.",
            "ECOWAS Summit",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(event(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn english_events() {
    let cases = [
        (
            " date 2024-06 Kenya and China signed a memorandum of understanding on digital \
             infrastructure on the sidelines of MWC Shanghai, the ministry said on Thursday.",
            "MWC Shanghai",
        ),
        (
            " date 2024-02 Egypt and Spain signed a memorandum of understanding on 5G \
             networks on the sidelines of MWC Barcelona, the ministry said in a statement.",
            "Mobile World Congress",
        ),
        (
            " date 2023-10 The United Arab Emirates and India signed an agreement on energy \
             cooperation on the sidelines of ADIPEC in Abu Dhabi, the ministry said on Monday.",
            "ADIPEC",
        ),
        (
            " date 2024-10 Nigeria and Morocco signed a memorandum of understanding on digital \
             skills at the Intra-African Trade Fair, the ministry said in a statement.",
            "Intra-African Trade Fair",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(event(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn arabic_events() {
    let cases = [
        (
            " date 2023-10 وقعت الإمارات والمغرب مذكرة تفاهم في مجال التحول الرقمي على هامش معرض جيتكس.",
            "GITEX Global",
        ),
        (
            " date 2023-10 وقعت مصر والأردن مذكرة تفاهم في مجال الأمن السيبراني على هامش معرض ومؤتمر أبوظبي الدولي للبترول.",
            "ADIPEC",
        ),
        (
            " date 2024-04 وقعت تونس والسعودية اتفاقية في مجال الاقتصاد الرقمي على هامش اجتماعات الربيع لصندوق النقد الدولي والبنك الدولي.",
            "World Bank-IMF Spring Meetings",
        ),
        (
            " date 2024-01 وقعت الكويت وقطر مذكرة تفاهم في مجال الاتصالات خلال اجتماع مجلس وزراء الداخلية العرب.",
            "Council of Arab Interior Ministers",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(event(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn common_words_are_no_event() {
    let cases = [
        " date 2024-03 Ghana and Togo signed a memorandum of understanding on digital cooperation, \
         a leap forward for seamless data exchange, the ministry said on Thursday.",
        " date 2024-03 Le Sénégal et la Gambie ont signé un mémorandum d'entente sur la \
         connectivité ; ces engagements marquent un bond en avant, a indiqué le ministère.",
        " date 2024-03 وقعت الجزائر وتونس مذكرة تفاهم في مجال الرقمنة خلال زيارة رسمية.",
    ];
    for text in cases {
        assert_eq!(event(text), None, "{text}");
    }
}
