//! Signatories by role, on short texts written for the project.

use accords::{Document, Extractor};

fn names(text: &str) -> Vec<String> {
    Extractor::new()
        .extract(&Document::with_dateline(text))
        .agreements
        .iter()
        .flat_map(|a| a.signatories.iter().map(|s| s.name.clone()))
        .collect()
}

#[test]
fn a_portfolio_after_a_join_is_no_name() {
    let n = names(" date 2025-03 The agreement was signed by the Minister in charge of Digital Transition \
        and Public Service Reform, Leila Haddad, and the Director General of National Security and Border \
        Control, Omar Benali.");
    assert!(n.iter().any(|x| x == "Leila Haddad"), "{n:?}");
    assert!(n.iter().any(|x| x == "Omar Benali"), "{n:?}");
    assert!(
        !n.iter()
            .any(|x| x.contains("Reform") || x.contains("Control")),
        "{n:?}"
    );
}

#[test]
fn a_portfolio_in_french_is_no_name() {
    let n = names(
        " date 2025-03 Le mémorandum d'entente a été signé par le ministre Paul Ndiaye et par \
        Jeanne Koffi, vice-présidente en charge des Affaires Publiques pour l'Afrique de l'Ouest.",
    );
    assert!(!n.iter().any(|x| x.contains("Affaires")), "{n:?}");
}

#[test]
fn people_who_exchange_or_accompany_do_not_sign() {
    let n = names(
        " date 2025-03 Kenyan Minister of Information Peter Otieno and Ghanaian Minister of \
        Communications Dr. Kofi Mensah exchanged a memorandum of understanding on digital skills.",
    );
    assert!(n.is_empty(), "{n:?}");
    let n = names(
        " date 2025-03 Le ministre sénégalais du Numérique, Moussa Diallo, a signé un accord \
        avec le Maroc, accompagné de l'ambassadeur Ibrahima Sarr.",
    );
    assert!(!n.iter().any(|x| x.contains("Sarr")), "{n:?}");
}

#[test]
fn a_head_of_state_who_presides_does_not_sign() {
    let n = names(
        " date 2025-03 وقع مذكرة التفاهم بحضور رئيس الجمهورية، السيد أحمد منصور، وزير \
        الاتصالات السيد كريم العلوي ونظيره التونسي السيد سامي الطرابلسي.",
    );
    assert!(!n.iter().any(|x| x.contains("منصور")), "{n:?}");
}

#[test]
fn the_arabic_given_name_ali_is_a_name() {
    let n = names(
        " date 2025-03 ووقع المذكرة عن الجانب الجزائري وزير الرقمنة، السيد محمد علي بوزيد، \
        وعن الجانب الإيطالي وزير الصناعة، السيد ماركو روسي.",
    );
    assert!(n.iter().any(|x| x.contains("بوزيد")), "{n:?}");
}

#[test]
fn a_national_president_presides_in_arabic() {
    let n = names(
        " date 2025-03 وقع وزير الاتصالات المغربي كريم العلوي ونظيره التونسي سامي الطرابلسي \
        مذكرة تفاهم في مجال التحول الرقمي، بحضور الرئيس التونسي أحمد منصور.",
    );
    assert!(n.iter().any(|x| x == "كريم العلوي"), "{n:?}");
    assert!(n.iter().any(|x| x == "سامي الطرابلسي"), "{n:?}");
    assert!(!n.iter().any(|x| x.contains("منصور")), "{n:?}");
}
