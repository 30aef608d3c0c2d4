//! Date rules, one construction at a time, in French, English and Arabic, on short
//! texts written for the project: what dates a signing, and what does not.

use accords::{Document, Extractor, Status};

fn run(text: &str) -> Vec<accords::Agreement> {
    Extractor::new()
        .extract(&Document::with_dateline(text))
        .agreements
}

/// The date of the only agreement ("" when none), or a panic naming what came out.
fn date(text: &str) -> String {
    let out = run(text);
    assert_eq!(out.len(), 1, "{text}\n{out:?}");
    out[0]
        .date
        .as_ref()
        .map_or(String::new(), |d| d.value.to_string())
}

fn location(text: &str) -> String {
    let out = run(text);
    assert_eq!(out.len(), 1, "{text}\n{out:?}");
    out[0]
        .location
        .as_ref()
        .map_or(String::new(), |d| d.value.clone())
}

fn check(cases: &[(&str, &str)]) {
    let bad: Vec<String> = cases
        .iter()
        .map(|(text, want)| (text, want, date(text)))
        .filter(|(_, want, got)| got != *want)
        .map(|(text, want, got)| format!("{text}\n  want {want:?}, got {got:?}"))
        .collect();
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

// Publication day of the relative cases below: Friday 15 March 2024.
const EN: &str =
    " date 2024-03-15 Morocco and Estonia signed a memorandum of understanding on e-government";
const FR: &str =
    " date 2024-03-15 Le Maroc et l'Estonie ont signé un mémorandum d'entente sur l'e-gouvernement";
const AR: &str = " date 2024-03-15 وقع المغرب وإستونيا مذكرة تفاهم في مجال الحكومة الرقمية";

#[test]
fn relative_days_count_back_from_the_publication_day() {
    let cases = [
        (format!("{EN} yesterday."), "2024-03-14"),
        (format!("{EN} the day before yesterday."), "2024-03-13"),
        (format!("{EN} last Monday."), "2024-03-11"),
        (format!("{EN} ten days ago."), "2024-03-05"),
        (format!("{EN} 3 days ago."), "2024-03-12"),
        (format!("{EN} last month."), "2024-02"),
        (format!("{FR} hier."), "2024-03-14"),
        (format!("{FR} avant-hier."), "2024-03-13"),
        (format!("{FR} mardi dernier."), "2024-03-12"),
        (format!("{FR} il y a dix jours."), "2024-03-05"),
        (format!("{FR} le mois dernier."), "2024-02"),
        (format!("{AR} أمس."), "2024-03-14"),
        (format!("{AR} أول أمس."), "2024-03-13"),
        (format!("{AR} يوم الجمعة الماضي."), "2024-03-15"),
        (format!("{AR} الأربعاء الماضي."), "2024-03-13"),
        (format!("{AR} قبل عشرة أيام."), "2024-03-05"),
        (format!("{AR} الشهر الماضي."), "2024-02"),
    ];
    let cases: Vec<(&str, &str)> = cases.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    check(&cases);
}

#[test]
fn last_year_recalls_a_signing_and_dates_it_by_year() {
    for text in [
        " date 2024-03-15 Under the memorandum of understanding Morocco and Estonia signed last year, the two countries launched a pilot.",
        " date 2024-03-15 Dans le cadre du mémorandum d'entente signé l'an dernier par le Maroc et l'Estonie, un projet pilote a été lancé.",
        " date 2024-03-15 وفي إطار مذكرة التفاهم الموقعة العام الماضي بين المغرب وإستونيا، أطلق البلدان مشروعا تجريبيا.",
    ] {
        let out = run(text);
        assert_eq!(out.len(), 1, "{text}\n{out:?}");
        assert_eq!(out[0].status.value, Status::Referenced, "{text}");
        assert_eq!(out[0].date.as_ref().unwrap().value.to_string(), "2023", "{text}");
    }
}

#[test]
fn ordinal_days_and_levantine_months() {
    check(&[
        (" date 2024-03 Morocco and Estonia signed a memorandum of understanding on 5th March.", "2024-03-05"),
        (" date 2024-03 Morocco and Estonia signed a memorandum of understanding on the 5th of March 2024.", "2024-03-05"),
        (" date 2024-03 Le Maroc et l'Estonie ont signé un mémorandum d'entente le 1er mars 2024.", "2024-03-01"),
        (" date 2024-03 Le Maroc et l'Estonie ont signé un mémorandum d'entente le premier mars.", "2024-03-01"),
        (" date 2024-03 وقع المغرب وإستونيا مذكرة تفاهم في الخامس من مارس.", "2024-03-05"),
        (" date 2024-03 وقع المغرب وإستونيا مذكرة تفاهم في الحادي والعشرين من آذار 2024.", "2024-03-21"),
        (" date 2024-02 وقع الأردن وإستونيا مذكرة تفاهم في 12 شباط 2024.", "2024-02-12"),
        (" date 2024-01 وقع الأردن وإستونيا مذكرة تفاهم في 9 كانون الثاني/يناير 2024.", "2024-01-09"),
    ]);
}

#[test]
fn numeric_dates_day_first_month_first_and_year_first() {
    check(&[
        ("Morocco and Estonia signed a memorandum of understanding on 05/03/2024, with the aim of improving the services of the state.", "2024-03-05"),
        ("Morocco and Estonia signed a memorandum of understanding on 3/25/2024, with the aim of improving the services of the state.", "2024-03-25"),
        ("Le Maroc et l'Estonie ont signé un mémorandum d'entente le 2024-03-05.", "2024-03-05"),
        ("Le Maroc et l'Estonie ont signé un mémorandum d'entente le 05.03.24.", "2024-03-05"),
        ("وقع المغرب وإستونيا مذكرة تفاهم بتاريخ 05/03/2024.", "2024-03-05"),
        // A version number or an address is no date.
        ("Morocco and Estonia signed a memorandum of understanding on release 1.2.3.4 of the platform, with the aim of improving the services of the state.", ""),
    ]);
}

#[test]
fn a_page_stamp_resolves_weekdays_and_month_days_without_a_year() {
    check(&[
        (
            "News & Notices\nDate : 2015.04.21 Read : 120\nThe Republic of Korea and Peru signed a memorandum of understanding on e-government on April 17.",
            "2015-04-17",
        ),
        (
            "Actualités\nAmina Diallo | 16.07.2021 - Mise à jour : 16.07.2021\nLe Maroc et Israël ont signé jeudi à Rabat un accord de coopération en cybersécurité.",
            "2021-07-15",
        ),
        (
            "أخبار\n05/03/2024\nوقع المغرب وإستونيا يوم الاثنين مذكرة تفاهم في مجال الحكومة الرقمية.",
            "2024-03-04",
        ),
        // The nearest stamp before the sentence, not a later page date.
        (
            "Tallinn, November 21st 2024 - 18:25 UTC\nKey deal signed\nThursday, April 11th 2024 - 10:13 UTC\nUruguay and Estonia signed a memorandum of understanding Wednesday in Montevideo.",
            "2024-04-10",
        ),
    ]);
}

#[test]
fn a_dateline_day_is_the_report_not_the_signing() {
    check(&[
        (
            " date 2026-02-05 دبي في 4 فبراير /وام/ وقعت الإمارات وإستونيا اتفاقية تعاون في مجال الحكومة الرقمية.",
            "2026-02",
        ),
        (
            " date 2026-02-05 RABAT, 4 February (MAP) - Morocco and Estonia signed a cooperation agreement on digital government.",
            "2026-02",
        ),
        (
            " date 2026-02-05 RABAT, 4 février (MAP) - Le Maroc et l'Estonie ont signé un accord de coopération sur l'administration numérique.",
            "2026-02",
        ),
        // A day the text gives the signing itself still counts.
        (
            " date 2026-02-05 RABAT, 4 February (MAP) - Morocco and Estonia signed a cooperation agreement on 2 February 2026.",
            "2026-02-02",
        ),
    ]);
}

#[test]
fn an_event_edition_gives_the_year_and_its_range_the_month() {
    check(&[
        ("Morocco and Estonia signed a memorandum of understanding during the World Government Summit 2022 in Dubai.", "2022"),
        ("Le Maroc et l'Estonie ont signé un mémorandum d'entente en marge du GITEX Africa 2024 à Marrakech.", "2024"),
        ("وقع المغرب وإستونيا مذكرة تفاهم على هامش الدورة الثانية لجيتكس أفريقيا المغرب 2024 بمراكش.", "2024"),
        // The edition year gives way to a day the text states.
        ("Morocco and Estonia signed a memorandum of understanding on 12 February 2022 during the World Government Summit 2022.", "2022-02-12"),
        // A year that is part of the event's name is no edition.
        ("Morocco and Estonia signed a memorandum of understanding at Expo 2020 Dubai, with the aim of improving the services of the state.", ""),
        // A stated range: the month.
        (
            "GITEX Africa, held between 3 and 6 November 2024 in Marrakech, gathered ministers from the continent. Morocco and Estonia signed a memorandum of understanding on the sidelines of GITEX Africa.",
            "2024-11",
        ),
        (
            "Le Maroc et l'Estonie ont signé un mémorandum d'entente lors du GITEX Africa, organisé du 15 au 19 décembre 2024 à Marrakech.",
            "2024-12",
        ),
        (
            "وقع المغرب وإستونيا مذكرة تفاهم على هامش جيتكس أفريقيا الذي يقام بين 3 و6 تشرين الثاني/نوفمبر 2024 في مراكش.",
            "2024-11",
        ),
        // A weekday inside the range picks the day.
        (
            " date 2024-11 Morocco and Estonia signed a memorandum of understanding on Tuesday at GITEX Africa, held from 3 to 6 November.",
            "2024-11-05",
        ),
    ]);
}

#[test]
fn a_visit_range_gives_the_month() {
    check(&[
        ("Le ministre togolais, en visite en Estonie du 16 au 18 mai 2022, a signé avec son homologue estonien un mémorandum d'entente.", "2022-05"),
        ("During a visit to Colombia and Peru from April 17 to 20, 2015, Korea signed a memorandum of understanding with Peru.", "2015-04"),
        ("وقع المغرب وإستونيا مذكرة تفاهم خلال زيارة الوزير إلى تالين من 7 إلى 9 مارس 2024.", "2024-03"),
    ]);
}

#[test]
fn the_ceremony_sentence_gives_the_day_and_place() {
    let cases = [
        (
            " date 2020-01-13 Ghana has signed a memorandum of understanding with Türkiye on information technologies.\n\nThe ministers signed on behalf of their countries.\n\nThe signing ceremony took place on Saturday in Istanbul.",
            "2020-01-11",
            "Istanbul",
        ),
        (
            " date 2020-01-13 Le Sénégal a signé un mémorandum d'entente avec la Tunisie sur le numérique.\n\nLa cérémonie de signature s'est déroulée samedi à Dakar.",
            "2020-01-11",
            "Dakar",
        ),
        (
            " date 2020-01-13 وقعت تونس والسنغال مذكرة تفاهم في مجال الاقتصاد الرقمي.\n\nوجرى التوقيع يوم السبت في الرباط.",
            "2020-01-11",
            "Rabat",
        ),
    ];
    for (text, d, l) in cases {
        assert_eq!(date(text), d, "{text}");
        assert_eq!(location(text), l, "{text}");
    }
}

#[test]
fn the_lead_day_dates_instruments_exchanged_at_the_talks() {
    check(&[
        (
            " date 2023-01-26 New Delhi: India and Egypt on Wednesday (January 25th) decided to deepen their partnership. The two countries also exchanged a memorandum of understanding on cybersecurity.",
            "2023-01-25",
        ),
        // A lead about other countries does not date it.
        (
            " date 2023-01-26 New Delhi: India and Japan on Wednesday (January 25th) decided to deepen their partnership. India and Egypt also exchanged a memorandum of understanding on cybersecurity.",
            "",
        ),
    ]);
}

#[test]
fn the_lead_day_dates_instruments_exchanged_paragraphs_later() {
    check(&[
        (
            " date 2023-01-26 New Delhi: India and Egypt on Wednesday (January 25th) decided to deepen their partnership.\nThe leaders discussed trade and security.\nIndia and Egypt also exchanged a memorandum of understanding on cybersecurity.",
            "2023-01-25",
        ),
        // Two different days stated for the two countries: neither is the talks'.
        (
            " date 2023-01-26 New Delhi: India and Egypt on Wednesday (January 25th) decided to deepen their partnership.\nTheir foreign ministers, India and Egypt said, held talks on Tuesday (January 24th) in Cairo.\nThe leaders discussed trade and security.\nIndia and Egypt also exchanged a memorandum of understanding on cybersecurity.",
            "",
        ),
    ]);
}

#[test]
fn a_planned_instrument_takes_no_announcement_day() {
    check(&[
        (" date 2024-03-15 Morocco and Estonia said on Monday they are expected to sign a memorandum of understanding.", ""),
        (" date 2024-03-15 Le Maroc et l'Estonie ont annoncé hier qu'ils devraient prochainement signer un mémorandum d'entente.", ""),
        (" date 2024-03-15 أعلن المغرب وإستونيا أمس أنه من المتوقع أن يتم توقيع مذكرة تفاهم.", ""),
    ]);
}

#[test]
fn status_by_verb_class() {
    let cases = [
        ("Morocco and Estonia renewed their memorandum of understanding on e-government for five more years.", Some(Status::Signed)),
        ("Le Maroc et l'Estonie ont renouvelé leur mémorandum d'entente sur l'e-gouvernement pour cinq ans.", Some(Status::Signed)),
        ("جدد المغرب وإستونيا مذكرة التفاهم في مجال الحكومة الرقمية لخمس سنوات.", Some(Status::Signed)),
        ("Morocco and Estonia are on the verge of signing a memorandum of understanding on e-government.", Some(Status::Planned)),
        ("Le Maroc et l'Estonie devraient prochainement signer un mémorandum d'entente sur l'e-gouvernement.", Some(Status::Planned)),
        ("Le Maroc et l'Estonie sont sur le point de conclure un mémorandum d'entente sur l'e-gouvernement.", Some(Status::Planned)),
        ("من المتوقع أن يوقع المغرب وإستونيا مذكرة تفاهم في مجال الحكومة الرقمية.", Some(Status::Planned)),
        ("وافق مجلس الوزراء على مذكرة التفاهم بين المغرب وإستونيا في مجال الحكومة الرقمية.", Some(Status::Ratified)),
        // Talk of a signing is no signing.
        ("The ministers of Morocco and Estonia discussed the memorandum of understanding on e-government, with the aim of improving the services of the state.", None),
    ];
    let bad: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = run(text).first().map(|a| a.status.value);
            (got != *want).then(|| format!("{text}\n  want {want:?}, got {got:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

/// Years at the edges of the calendar give no date rather than a wrong one: a
/// publication year 0000 or 9999 is not read, a year outside 1900–2199 in the text is
/// no date, and a caller's impossible publication date is not used.
#[test]
fn years_out_of_range_give_no_date() {
    check(&[
        (
            " date 0000-01 Le Maroc et le Sénégal ont signé hier un mémorandum d'entente.",
            "",
        ),
        (
            " date 9999-12-31 Morocco and Senegal will sign a memorandum of understanding tomorrow.",
            "",
        ),
        (
            " date 2024-05 Le Maroc et le Sénégal ont signé en 0000 un mémorandum d'entente.",
            "",
        ),
        (
            " date 2024-05 Le Maroc et le Sénégal ont signé en 2023 un mémorandum d'entente.",
            "2023",
        ),
    ]);
    assert!(" date 0000-01".trim()[5..]
        .parse::<accords::PartialDate>()
        .is_err());
    assert!("2200".parse::<accords::PartialDate>().is_err());
    let impossible = accords::PartialDate {
        year: 0,
        month: Some(1),
        day: Some(1),
    };
    assert!(!impossible.is_valid());
    let text = "Morocco and Senegal signed a memorandum of understanding yesterday.";
    let out = Extractor::new().extract(&Document::new(text).published(impossible));
    assert_eq!(out.agreements.len(), 1);
    assert_eq!(out.agreements[0].date, None);
}

#[test]
fn an_event_range_with_weekdays_gives_its_month() {
    check(&[
        (" date 2024-06-10 Le Sénégal et la Guinée ont signé un protocole d'accord en marge du Transform Africa Summit, organisé du mercredi 12 au vendredi 14 juin à Conakry.", "2024-06"),
        (" date 2024-06-10 Senegal and Guinea signed a memorandum of understanding on the sidelines of the Transform Africa Summit, held from Wednesday 5 to Friday 7 June in Conakry.", "2024-06"),
        (" date 2024-06-10 وقعت السنغال وغينيا مذكرة تفاهم على هامش قمة تحول أفريقيا المنعقدة من الأربعاء 5 إلى الجمعة 7 يونيو في كوناكري.", "2024-06"),
        // A weekday before a single day is still that day.
        (" date 2024-06-10 Le Sénégal et la Guinée ont signé un protocole d'accord le vendredi 7 juin à Conakry.", "2024-06-07"),
    ]);
}

#[test]
fn a_day_of_the_same_month_takes_the_month_told_before() {
    check(&[
        (" date 2024-03-15 Le 10 février, le Maroc et l'Estonie ont ouvert des négociations. Le 22 du même mois, ils ont signé un mémorandum d'entente à Rabat.", "2024-02-22"),
        (" date 2024-03-15 On 10 February, Morocco and Estonia opened talks. On the 22nd of the same month, they signed a memorandum of understanding in Rabat.", "2024-02-22"),
        (" date 2024-03-15 في 10 فبراير بدأ المغرب وإستونيا المفاوضات. وفي 22 من الشهر نفسه وقع البلدان مذكرة تفاهم في الرباط.", "2024-02-22"),
        // With no date told before, "the same month" dates nothing.
        (" date 2024-03-15 Le 22 du même mois, le Maroc et l'Estonie ont signé un mémorandum d'entente à Rabat.", ""),
    ]);
}

#[test]
fn a_date_after_another_kind_of_instrument_is_that_ones() {
    for text in [
        " date 2024-07 Le Congo et le Gabon ont signé vendredi une feuille de route pour la mise en œuvre de l'accord-cadre conclu entre les deux pays en mars 2022.",
        " date 2024-07 Kenya and Rwanda signed a roadmap on Friday to implement the framework agreement concluded between the two countries in March 2022.",
    ] {
        let out = run(text);
        let roadmap = out
            .iter()
            .find(|a| a.instrument.value == accords::Instrument::ActionPlan)
            .unwrap_or_else(|| panic!("{text}\n{out:?}"));
        let date = roadmap.date.as_ref().map(|d| d.value.to_string());
        assert_eq!(date.as_deref(), Some("2024-07"), "{text}");
    }
    // Coordinated instruments share their date.
    let out = run(" date 2024-07 Kenya and Rwanda signed a roadmap and a framework agreement on 12 July 2024.");
    assert!(!out.is_empty());
    for a in &out {
        assert_eq!(
            a.date.as_ref().map(|d| d.value.to_string()).as_deref(),
            Some("2024-07-12"),
            "{out:?}"
        );
    }
}
