//! Status by verb class and clause, and places, in French, English and Arabic, on short
//! texts written for the project: signing, planning, ratification and recall; which
//! clause's verb tells the instrument's status; where it was signed.

use accords::{Document, Extractor, Status};

fn run(text: &str) -> Vec<accords::Agreement> {
    Extractor::new()
        .extract(&Document::with_dateline(text))
        .agreements
}

/// The statuses of the agreements found, in order.
fn statuses(text: &str) -> Vec<Status> {
    run(text).iter().map(|a| a.status.value).collect()
}

fn check(cases: &[(&str, &[Status])]) {
    let bad: Vec<String> = cases
        .iter()
        .map(|(text, want)| (text, want, statuses(text)))
        .filter(|(_, want, got)| got.as_slice() != **want)
        .map(|(text, want, got)| format!("{text}\n  want {want:?}, got {got:?}"))
        .collect();
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

use Status::{Planned, Ratified, Referenced, Signed};

#[test]
fn signing_verbs() {
    check(&[
        (" date 2024-06 Le Maroc et le Sénégal ont paraphé mardi un mémorandum d'entente.", &[Signed]),
        (" date 2024-06 La Tunisie et l'Italie ont renouvelé mardi leur accord de coopération.", &[Signed]),
        (" date 2024-06 Le Bénin et le Togo ont reconduit mardi leur convention de coopération.", &[Signed]),
        (" date 2024-06 Kenya and Rwanda inked a memorandum of understanding on Tuesday.", &[Signed]),
        (" date 2024-06 Kenya and Rwanda sealed a cooperation agreement on Tuesday.", &[Signed]),
        (" date 2024-06 Ghana and Nigeria formalised a memorandum of understanding on Tuesday.", &[Signed]),
        (" date 2024-06 The memorandum of understanding between Oman and Jordan was renewed on Tuesday.", &[Signed]),
        (" date 2024-06 أبرمت مصر والأردن يوم الثلاثاء اتفاقية تعاون في مجال الاتصالات.", &[Signed]),
        (" date 2024-06 جددت تونس والجزائر يوم الثلاثاء مذكرة التفاهم في مجال الرقمنة.", &[Signed]),
    ]);
}

#[test]
fn planning_with_a_modal_and_adverbs_between() {
    check(&[
        (" date 2024-06 Le Maroc et le Sénégal devraient prochainement signer un mémorandum d'entente.", &[Planned]),
        (" date 2024-06 Un mémorandum d'entente entre le Maroc et le Sénégal sera officiellement signé en juillet.", &[Planned]),
        (" date 2024-06 Le Maroc et le Sénégal sont sur le point de parapher un accord de coopération.", &[Planned]),
        (" date 2024-06 Kenya and Rwanda are set to formally ink a memorandum of understanding.", &[Planned]),
        (" date 2024-06 Kenya and Rwanda are expected to sign a memorandum of understanding next week.", &[Planned]),
        (" date 2024-06 The officials said that a memorandum of understanding between Kenya and Rwanda will soon be signed in the capital.", &[Planned]),
        (" date 2024-06 Kenya and Rwanda are on the verge of concluding a cooperation agreement.", &[Planned]),
        (" date 2024-06 من المتوقع أن يتم التوقيع على مذكرة تفاهم بين مصر والأردن الشهر المقبل.", &[Planned]),
        (" date 2024-06 سيتم خلال الزيارة توقيع مذكرة تفاهم بين مصر والأردن.", &[Planned]),
        (" date 2024-06 تعتزم مصر والأردن توقيع مذكرة تفاهم في مجال الأمن السيبراني.", &[Planned]),
    ]);
}

#[test]
fn a_discussion_of_signing_is_no_signing() {
    check(&[
        (" date 2024-06 The two ministers discussed signing a memorandum of understanding between Kenya and Rwanda.", &[Planned]),
        (" date 2024-06 Les deux ministres ont discuté de la signature d'un mémorandum d'entente entre le Maroc et le Sénégal.", &[Planned]),
        (" date 2024-06 ناقش الوزيران توقيع مذكرة تفاهم بين مصر والأردن.", &[Planned]),
        // A reporting verb gives no status: nothing is anchored.
        (" date 2024-06 The Kenyan minister said the memorandum of understanding with Rwanda matters.", &[]),
    ]);
}

#[test]
fn ratification() {
    check(&[
        (" date 2024-06 Le conseil des ministres a approuvé mercredi l'accord de coopération entre le Maroc et le Sénégal.", &[Ratified]),
        (" date 2024-06 Le gouvernement a adopté un projet de décret portant ratification de la convention entre le Bénin et le Togo.", &[Ratified]),
        (" date 2024-06 The Kenyan cabinet approved on Wednesday the memorandum of understanding with Rwanda.", &[Ratified]),
        (" date 2024-06 وافق مجلس الوزراء المصري يوم الأربعاء على اتفاقية التعاون مع الأردن.", &[Ratified]),
        (" date 2024-06 صادق البرلمان التونسي على مذكرة التفاهم مع الجزائر.", &[Ratified]),
        // The headline's signed "agreement" is the memorandum the cabinet approved.
        (" date 2024-06 India signs a cooperation agreement with Armenia.\nThe Indian cabinet on Wednesday approved a memorandum of understanding between the ministries of India and Armenia.", &[Ratified]),
        (" date 2024-06 الهند توقع اتفاقية تعاون للتحول الرقمي مع أرمينيا.\nوافق مجلس الوزراء الهندي يوم الأربعاء على مذكرة تفاهم بين وزارة الإلكترونيات في الهند ووزارة الصناعة في أرمينيا.", &[Ratified]),
    ]);
}

#[test]
fn the_main_verb_of_the_clause_governs_a_signing_told_after_the_instrument() {
    check(&[
        // The approval is the clause's verb; the signing describes what it approves.
        (" date 2024-06 وافق مجلس الوزراء المصري خلال اجتماعه الأسبوعي الذي ترأسه رئيس الحكومة على مذكرة تفاهم وقعتها وزارة الاتصالات مع الأردن.", &[Ratified]),
        (" date 2024-06 Le conseil des ministres du Sénégal a approuvé lors de sa réunion hebdomadaire un mémorandum d'entente signé avec le Maroc.", &[Ratified]),
    ]);
}

#[test]
fn the_status_is_read_in_the_instruments_own_clause() {
    check(&[
        // Two clauses, two tenses: the plan of the second clause is not the signing's.
        (" date 2024-06 وقع وزير الاتصالات المصري ونظيره الأردني يوم الثلاثاء في عمان مذكرة تفاهم في مجال التحول الرقمي والأمن السيبراني، ومن المتوقع أن تسهم في تطوير الخدمات.", &[Signed]),
        (" date 2024-06 Kenya and Rwanda signed a memorandum of understanding on digital skills and cybersecurity on Tuesday; further talks are expected to follow.", &[Signed]),
        (" date 2024-06 Le Maroc et le Sénégal ont signé mardi un mémorandum d'entente sur la cybersécurité, et les deux pays devraient prochainement approfondir leur coopération.", &[Signed]),
        // A modal after the signing, or past a comma, governs no signing.
        (" date 2024-06 Le mémorandum d'entente signé mardi par le Maroc et le Sénégal devrait permettre de former des ingénieurs.", &[Signed]),
        (" date 2024-06 The agreement between Kenya and Rwanda, which will boost trade, was signed on Tuesday in Nairobi.", &[Signed]),
    ]);
}

/// "C'est la continuation d'un autre mémorandum signé entre …": the other instrument a
/// new one continues is background; the new one signed stays signed.
#[test]
fn the_instrument_a_new_one_continues_is_referenced() {
    check(&[
        ("Le Maroc et le Sénégal ont signé un mémorandum d'entente sur la cybersécurité. C'est la continuation d'un autre mémorandum d'entente signé entre le Maroc et le Sénégal.", &[Signed, Referenced]),
        ("Morocco and Senegal signed a memorandum of understanding on cybersecurity. It is the continuation of another memorandum of understanding signed between Morocco and Senegal.", &[Signed, Referenced]),
        // Without the continuation, the participle tells a signing.
        ("Un mémorandum d'entente signé entre le Maroc et le Sénégal porte sur la cybersécurité.", &[Signed]),
    ]);
}

#[test]
fn recall() {
    check(&[
        (" date 2024-06 Under the memorandum of understanding signed last year, Kenya and Rwanda opened a data centre.", &[Referenced]),
        (" date 2024-06 Dans le cadre de la convention signée en 2021, le Maroc et le Sénégal ont ouvert un centre de données.", &[Referenced]),
        (" date 2024-06 في إطار مذكرة التفاهم الموقعة العام الماضي بين مصر والأردن، افتتح البلدان مركزا للبيانات.", &[Referenced]),
        (" date 2024-06 Kenya and Rwanda launched a data centre under an agreement signed in March 2022.", &[Referenced]),
    ]);
}

fn location(text: &str) -> String {
    let out = run(text);
    assert_eq!(out.len(), 1, "{text}\n{out:?}");
    out[0]
        .location
        .as_ref()
        .map_or(String::new(), |d| d.value.clone())
}

#[test]
fn places() {
    let cases = [
        // The stated ceremony place, a city beside its country.
        (" date 2024-06 La Mauritanie et les Emirats arabes unis ont signé le 31 mai un mémorandum d'entente à Marrakech, au Maroc.", "Marrakech"),
        (" date 2024-06 Malaysia and Singapore signed a memorandum of understanding in Shenzhen, China, on Tuesday.", "Shenzhen"),
        (" date 2024-06 La déclaration commune a été signée par le Maroc et Israël dans la capitale, Rabat.", "Rabat"),
        // The city of the event on whose sidelines it was signed.
        (" date 2024-06 Le Maroc et la Mauritanie ont signé un mémorandum d'entente en marge du forum de Dakar.", "Dakar"),
        (" date 2024-06 Kenya and Rwanda signed a memorandum of understanding on the sidelines of the Riyadh meeting of the ministers.", "Riyadh"),
        // A visit's destination.
        (" date 2024-06 Kenya and Rwanda signed a memorandum of understanding on Tuesday during the working visit of the Kenyan minister to Kigali.", "Kigali"),
        // Videoconference.
        (" date 2024-06 Le Maroc et le Sénégal ont signé par visioconférence un accord de coopération.", "videoconference"),
        // A wire dateline alone is not where it was signed.
        (" date 2024-06 RABAT, 12 juin (MAP) - Le Maroc et le Sénégal ont signé mercredi un accord de coopération.", ""),
        // A name shared by a country and its city: the city beside the signing verb,
        // the country elsewhere.
        (" date 2024-06 صادق مجلس الأمة على مذكرة التفاهم بين الكويت ورواندا الموقعة في الكويت في مارس الماضي.", "Kuwait City"),
        (" date 2024-06 أبرمت تونس وفرنسا يوم الاثنين اتفاقية تعاون لتركيز برنامج للاقتصاد الرقمي في تونس.", ""),
    ];
    let bad: Vec<String> = cases
        .iter()
        .map(|(text, want)| (text, want, location(text)))
        .filter(|(_, want, got)| got != *want)
        .map(|(text, want, got)| format!("{text}\n  want {want:?}, got {got:?}"))
        .collect();
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

#[test]
fn a_city_beside_its_country_names_no_party() {
    let out = run(" date 2024-06 La Mauritanie et les Emirats arabes unis ont signé le 31 mai un mémorandum d'entente à Marrakech, au Maroc.");
    assert_eq!(out.len(), 1, "{out:?}");
    let parties: Vec<String> = out[0].parties.iter().map(|p| p.value.to_string()).collect();
    assert_eq!(parties, ["AE", "MR"]);
}

#[test]
fn a_signing_dated_months_before_the_report_is_recalled() {
    check(&[
        (" date 2021-07-16 Le 10 décembre, le Maroc et Israël ont annoncé la reprise des relations. Le 22 du même mois, le Maroc et Israël ont signé une déclaration commune à Rabat.", &[Referenced]),
        (" date 2021-07-16 Morocco and Israel signed a joint declaration in Rabat on 22 December 2020.", &[Referenced]),
        (" date 2021-07-16 وقع المغرب وإسرائيل إعلانا مشتركا في الرباط يوم 22 ديسمبر 2020.", &[Referenced]),
        // Days or weeks before the report are news.
        (" date 2021-07-16 Morocco and Israel signed a joint declaration in Rabat on 2 July 2021.", &[Signed]),
        (" date 2021-07-16 Le Maroc et Israël ont signé une déclaration commune à Rabat le 28 juin.", &[Signed]),
    ]);
}
