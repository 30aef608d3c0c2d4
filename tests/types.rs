//! The public types as users handle them: labels to and from strings, JSON lines read
//! back into agreements, and Unicode forms (NFD, fullwidth) that read like NFC.

use accords::{Agreement, Country, Document, Domain, Extraction, Extractor, Instrument, Status};
use unicode_normalization::UnicodeNormalization;

const TEXTS: &[&str] = &[
    " date 2024-06 Le Sénégal et la Corée du Sud ont signé jeudi 6 juin 2024 à Dakar un \
     mémorandum d'entente dans le domaine de la cybersécurité, signé par M. Moussa Bocar Thiam, \
     ministre sénégalais de la Communication.",
    " date 2024-05 Côte d'Ivoire and Kenya signed an agreement on artificial intelligence in Rabat \
     on Tuesday, May 14, 2024.",
    " date 2024-12 وقعت سلطنة عمان وماليزيا أمس الأربعاء مذكرة تفاهم في مجال الاقتصاد الرقمي في مسقط.",
];

fn extract(text: &str) -> Extraction {
    Extractor::new().extract(&Document::with_dateline(text))
}

#[test]
fn labels_display_and_parse_back() {
    for i in Instrument::ALL {
        assert_eq!(i.to_string().parse::<Instrument>(), Ok(*i));
    }
    for s in Status::ALL {
        assert_eq!(s.to_string().parse::<Status>(), Ok(*s));
    }
    for d in Domain::ALL {
        assert_eq!(d.to_string().parse::<Domain>(), Ok(*d));
    }
    assert_eq!(
        "ma".parse::<Country>().map(|c| c.to_string()),
        Ok("MA".into())
    );
    assert!("MAR".parse::<Country>().is_err());
    assert!("signed_off".parse::<Status>().is_err());
    assert_eq!(
        "deu".parse::<accords::Language>().map(|l| l.code()),
        Ok("deu")
    );
}

#[test]
fn json_lines_read_back_into_equal_agreements() {
    for text in TEXTS {
        let out = extract(text);
        assert!(!out.agreements.is_empty(), "{text}");
        assert!(out.agreements[0].date.is_some(), "{text}");
        let line = serde_json::to_string(&out).unwrap();
        let back: Extraction = serde_json::from_str(&line).unwrap();
        assert_eq!(back, out, "{line}");
        let one = serde_json::to_string(&out.agreements[0]).unwrap();
        assert_eq!(
            serde_json::from_str::<Agreement>(&one).unwrap(),
            out.agreements[0]
        );
    }
    // Evidence that does not match its values is refused.
    let out = extract(TEXTS[1]);
    let mut v = serde_json::to_value(&out.agreements[0]).unwrap();
    v["parties"] = serde_json::json!(["MA"]);
    assert!(serde_json::from_value::<Agreement>(v).is_err());
}

/// Every agreement's values, with spans given as the evidence text in NFC.
fn values(text: &str, out: &Extraction) -> Vec<(String, Vec<String>)> {
    out.agreements
        .iter()
        .map(|a| {
            let mut a2 = a.clone();
            a2.map_spans(|_| accords::Span::new(0, 0));
            let evidence = a
                .evidence()
                .map(|(_, s)| text[s.range()].nfc().collect())
                .collect();
            (serde_json::to_string(&a2).unwrap(), evidence)
        })
        .collect()
}

#[test]
fn nfd_and_fullwidth_texts_give_the_nfc_agreements_with_spans_into_the_original() {
    for nfc in TEXTS {
        let nfd: String = nfc.nfd().collect();
        assert_ne!(&nfd, nfc);
        let (a, b) = (extract(nfc), extract(&nfd));
        assert_eq!(values(nfc, &a), values(&nfd, &b), "{nfc}");
    }
    // Fullwidth ASCII reads as ASCII; the span covers the fullwidth form.
    let text = "Ｍｏｒｏｃｃｏ and Kenya signed an agreement on cybersecurity.";
    let out = extract(text);
    let parties: Vec<_> = out.agreements[0]
        .parties
        .iter()
        .map(|p| p.value.code())
        .collect();
    assert_eq!(parties, ["KE", "MA"]);
    assert_eq!(
        &text[out.agreements[0].parties[1].span.range()],
        "Ｍｏｒｏｃｃｏ"
    );
}
