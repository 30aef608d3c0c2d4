//! Segmentation rules (`src/extract/segment.rs`): one agreement per instrument, told
//! apart by counterparts, on short texts written for the project.

use accords::{Document, Extractor, Status};

fn run(text: &str) -> Vec<accords::Agreement> {
    Extractor::new()
        .extract(&Document::with_dateline(text))
        .agreements
}

/// Each agreement's parties, as sorted code lists, sorted.
fn pairs(out: &[accords::Agreement]) -> Vec<Vec<&str>> {
    let mut p: Vec<Vec<&str>> = out
        .iter()
        .map(|a| a.parties.iter().map(|p| p.value.code()).collect())
        .collect();
    p.sort();
    p
}

// Rule `distributive_counterparts`: a plural "with" a list of countries.

#[test]
fn en_plural_with_a_list_is_one_agreement_per_country() {
    let out = run(" date 2024-03-12 The Emirati government signed separate partnership agreements with Ghana, \
        Jamaica and Fiji on government modernisation on Tuesday in Dubai.");
    assert_eq!(pairs(&out), [["AE", "FJ"], ["AE", "GH"], ["AE", "JM"]]);
    assert!(out.iter().all(|a| a.status.value == Status::Signed));
}

#[test]
fn fr_plural_with_a_list_is_one_agreement_per_country() {
    let out = run(" date 2023-06-02 Le Maroc a signé des conventions avec le Sénégal et le Gabon dans le domaine \
        de la transformation numérique, jeudi à Rabat.");
    assert_eq!(pairs(&out), [["GA", "MA"], ["MA", "SN"]]);
}

#[test]
fn ar_plural_with_each_of_is_one_agreement_per_country() {
    let out = run(" date 2023-01-20 وقعت مصر مذكرات تفاهم مع كل من الأردن وتونس في مجال الاتصالات وتكنولوجيا المعلومات.");
    assert_eq!(pairs(&out), [["EG", "JO"], ["EG", "TN"]]);
}

#[test]
fn a_counted_group_with_a_list_gives_each_member_its_country() {
    let out = run(" date 2023-01-20 وقع وزير الاتصالات المصري مذكرتي تفاهم مع كل من فلسطين والصومال لتعزيز التعاون في مجال البريد.");
    assert_eq!(pairs(&out), [["EG", "PS"], ["EG", "SO"]]);
}

#[test]
fn the_home_side_comes_from_the_article_when_the_clause_names_only_the_list() {
    let out = run(" date 2022-02-15 Kenya's ICT ministry said on Monday it had inked memoranda of understanding \
        with Botswana and Namibia. Kenya hopes the deals will boost its digital exports.");
    assert_eq!(pairs(&out), [["BW", "KE"], ["KE", "NA"]]);
}

#[test]
fn a_signer_named_in_the_list_signs_for_their_own_item() {
    let out = run(" date 2022-02-15 The UAE signed partnership agreements with Jean Dupont, Minister of Digital \
        Affairs of Benin; and Ana Silva, Minister of Communications of Angola.");
    assert_eq!(pairs(&out), [["AE", "AO"], ["AE", "BJ"]]);
    for a in &out {
        let names: Vec<&str> = a.signatories.iter().map(|s| s.name.as_str()).collect();
        let country = a.parties.iter().find(|p| p.value.code() != "AE").unwrap();
        let expected = if country.value.code() == "BJ" {
            "Jean Dupont"
        } else {
            "Ana Silva"
        };
        assert!(names.contains(&expected), "{names:?}");
        assert!(names.len() == 1, "{names:?}");
    }
}

#[test]
fn a_singular_with_two_countries_is_one_trilateral_instrument() {
    let out = run(" date 2022-10-05 Ghana signed a memorandum of understanding with Rwanda and Mozambique on \
        cybersecurity cooperation on Wednesday.");
    assert_eq!(pairs(&out), [["GH", "MZ", "RW"]]);
}

#[test]
fn existing_agreements_with_a_list_open_no_frame_without_a_signing() {
    let out = run(" date 2022-10-05 The minister reviewed the existing agreements with Rwanda and Mozambique \
        during the meeting.");
    assert!(out.is_empty(), "{out:?}");
}

// Rule `new_counterpart`: another counterpart is another instrument.

#[test]
fn en_coordinated_instruments_with_two_counterparts_are_two() {
    let out = run(" date 2015-04-21 The Korean ministry signed a memorandum of understanding on public security \
        with Colombia and a memorandum of understanding on e-government with Peru.");
    assert_eq!(pairs(&out), [["CO", "KR"], ["KR", "PE"]]);
}

#[test]
fn fr_additive_discourse_with_a_new_counterpart_opens_another_instrument() {
    let out = run(" date 2024-05-30 Le Maroc a signé jeudi un mémorandum d'entente avec le Rwanda sur \
        l'intelligence artificielle. Par ailleurs, le Maroc a également signé un mémorandum d'entente avec \
        le Bénin sur la cybersécurité.");
    assert_eq!(pairs(&out), [["BJ", "MA"], ["MA", "RW"]]);
}

#[test]
fn ar_additive_discourse_with_a_new_counterpart_opens_another_instrument() {
    let out = run(" date 2024-05-30 وقع المغرب مذكرة تفاهم مع موريتانيا في مجال الرقمنة. كما وقع المغرب مذكرة تفاهم مع السنغال في مجال الأمن السيبراني.");
    assert_eq!(pairs(&out), [["MA", "MR"], ["MA", "SN"]]);
}

#[test]
fn the_same_counterpart_named_again_is_the_same_instrument() {
    let out = run(
        " date 2024-05-30 Morocco signed an MoU with Rwanda on Thursday. The MoU was signed with \
        Rwanda's ICT ministry in Kigali and covers digital skills.",
    );
    assert_eq!(pairs(&out), [["MA", "RW"]]);
}

#[test]
fn the_counterpart_signing_back_is_the_same_instrument() {
    let out = run(" date 2024-05-30 Senegal signed a memorandum of understanding with Togo on Thursday in Dakar. \
        Togo signed the memorandum of understanding with Senegal to share e-government tools.");
    assert_eq!(pairs(&out), [["SN", "TG"]]);
}

#[test]
fn a_ratification_of_agreements_with_a_list_takes_each_signing_in_turn() {
    let out = run(" date 2023-12-15 New Delhi, Dec 15 (PTI) The Union Cabinet has approved two cooperation \
        agreements signed with Tanzania and Saudi Arabia. A memorandum of cooperation between India and \
        Saudi Arabia was signed for digitisation. An MoU was signed on 9 October 2023 between India and \
        Tanzania on digital solutions.");
    assert_eq!(pairs(&out), [["IN", "SA"], ["IN", "TZ"]]);
    assert!(out.iter().all(|a| a.status.value == Status::Ratified));
    let tz = out
        .iter()
        .find(|a| a.parties.iter().any(|p| p.value.code() == "TZ"))
        .unwrap();
    assert_eq!(tz.date.as_ref().unwrap().value.to_string(), "2023-10-09");
    assert!(out
        .iter()
        .all(|a| a.instrument.value == accords::Instrument::MemorandumOfUnderstanding));
}

// Rule `another_instrument`: "un autre", "another", "أخرى" is one more instrument.

#[test]
fn fr_another_instrument_is_one_more() {
    let out = run(" date 2024-04-10 Le Sénégal et la France ont signé mardi à Dakar un mémorandum d'entente sur \
        la cybersécurité. Un autre mémorandum d'entente a été signé par les deux pays sur l'administration électronique.");
    assert_eq!(out.len(), 2, "{out:?}");
    assert_eq!(pairs(&out), [["FR", "SN"], ["FR", "SN"]]);
    // Each reads the subject of its own sentence.
    let domains: Vec<Vec<accords::Domain>> = out
        .iter()
        .map(|a| a.domains.iter().map(|d| d.value).collect())
        .collect();
    assert_eq!(
        domains,
        [
            vec![accords::Domain::Cybersecurity],
            vec![accords::Domain::EGovernment]
        ]
    );
}

#[test]
fn en_another_instrument_is_one_more() {
    let out = run(" date 2024-04-10 Ghana and India signed a memorandum of understanding on digital payments \
        on Tuesday in Accra. Another memorandum of understanding was signed by the two countries on cybersecurity.");
    assert_eq!(out.len(), 2, "{out:?}");
}

#[test]
fn ar_another_instrument_is_one_more() {
    let out = run(" date 2024-04-10 وقعت مصر والأردن مذكرة تفاهم في مجال الأمن السيبراني. كما وقع البلدان مذكرة \
        تفاهم أخرى في مجال الحكومة الإلكترونية.");
    assert_eq!(out.len(), 2, "{out:?}");
}

#[test]
fn another_within_a_counted_group_opens_no_third() {
    let out = run(" date 2024-04-10 Ghana and India signed two memoranda of understanding on Tuesday: one on \
        digital payments, and another memorandum of understanding on cybersecurity.");
    assert_eq!(out.len(), 2, "{out:?}");
}

#[test]
fn the_same_instrument_named_again_is_no_other() {
    let out = run(" date 2024-04-10 Ghana and India signed a memorandum of understanding on digital payments \
        on Tuesday. The memorandum of understanding was signed by the two ministers in Accra.");
    assert_eq!(out.len(), 1, "{out:?}");
}

#[test]
fn fr_vague_plural_with_a_list_opens_its_own_agreements_beside_the_news() {
    let out = run(" date 2023-06-07 Le Tchad a signé le 31 mai un mémorandum d'entente avec le Niger à Niamey. \
        Le pays avait déjà conclu divers protocoles d'accords avec la France et le Sénégal en 2022.");
    assert_eq!(pairs(&out), [["FR", "TD"], ["NE", "TD"], ["SN", "TD"]]);
}

#[test]
fn en_vague_plural_with_a_list_does_not_join_the_signed_instrument() {
    let out = run(" date 2023-06-07 Chad signed a memorandum of understanding with Niger on Monday in Niamey. \
        Chad also signed several MoUs with Senegal and Ghana on trade.");
    assert_eq!(pairs(&out), [["GH", "TD"], ["NE", "TD"], ["SN", "TD"]]);
}

#[test]
fn a_plural_without_quantifier_or_list_opens_nothing_new() {
    let out = run(" date 2023-06-07 Chad signed a memorandum of understanding with Niger on Monday in Niamey. \
        The existing agreements between the two countries cover trade.");
    assert_eq!(pairs(&out), [["NE", "TD"]]);
}

// Instrument names that overlap: the longest, most specific name wins.

#[test]
fn en_letter_of_intent_is_a_declaration() {
    let out = run(" date 2023-06-07 Chad and Niger signed a letter of intent on digital cooperation on Monday.");
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].instrument.value, accords::Instrument::Declaration);
}

#[test]
fn fr_protocole_d_accord_de_cooperation_is_a_memorandum() {
    let out = run(" date 2023-06-07 Le Tchad et le Niger ont signé lundi un protocole d'accord de coopération numérique.");
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].instrument.value,
        accords::Instrument::MemorandumOfUnderstanding
    );
    let out = run(
        " date 2023-06-07 Le Tchad et le Niger ont signé lundi un accord de coopération numérique.",
    );
    assert_eq!(out[0].instrument.value, accords::Instrument::Agreement);
}

// Rule `group_member`: a plural group, then its members one by one.

#[test]
fn en_members_of_a_plural_group_are_agreements_of_their_own() {
    let out = run(" date 2023-06-07 Chad and Niger exchanged memorandums of understanding on Monday in Niamey. \
        A memorandum of understanding on health was also signed. \
        The two ministers exchanged a memorandum of understanding on youth.");
    assert_eq!(out.len(), 3);
}

#[test]
fn fr_members_of_a_plural_group_are_agreements_of_their_own() {
    let out = run(" date 2023-06-07 Le Tchad et le Niger ont signé lundi des mémorandums d'entente à Niamey. \
        Les deux ministres ont signé un mémorandum d'entente sur la santé. \
        Ils ont aussi signé un mémorandum d'entente sur la jeunesse.");
    assert_eq!(out.len(), 3);
}

#[test]
fn a_definite_re_mention_of_a_member_joins_it() {
    let out = run(" date 2023-06-07 Chad and Niger exchanged memorandums of understanding on Monday in Niamey. \
        A memorandum of understanding on health was also signed. \
        The memorandum of understanding was signed by the two health ministers.");
    assert_eq!(out.len(), 2);
}

#[test]
fn without_a_group_an_indefinite_re_mention_joins_the_instrument() {
    let out = run(
        " date 2023-06-07 Chad signed an MoU with Niger on Monday in Niamey. \
        Chad's minister said he had signed an MoU that would boost trade.",
    );
    assert_eq!(pairs(&out), [["NE", "TD"]]);
}

// Rule `between_segments`: a plural "between X and Y, and between Z".

#[test]
fn ar_plural_between_repeated_is_one_agreement_per_segment() {
    let out = run(" date 2024-05-08 وافق مجلس الوزراء على مذكرات التفاهم بين وزارة الصحة الهندية ووزارة الصحة في كينيا، وبين وزارة الصحة في غانا.");
    assert_eq!(pairs(&out), [["GH", "IN"], ["IN", "KE"]]);
}

#[test]
fn en_plural_between_repeated_is_one_agreement_per_segment() {
    let out = run(" date 2024-05-08 The cabinet approved the memoranda of understanding between India and Kenya, \
        and between India and Ghana on health cooperation.");
    assert_eq!(pairs(&out), [["GH", "IN"], ["IN", "KE"]]);
}

#[test]
fn fr_plural_between_repeated_is_one_agreement_per_segment() {
    let out = run(" date 2024-05-08 Le conseil des ministres a approuvé les accords de coopération entre le Maroc \
        et le Gabon, et entre le Maroc et le Sénégal dans le domaine de la santé.");
    assert_eq!(pairs(&out), [["GA", "MA"], ["MA", "SN"]]);
}

#[test]
fn a_singular_between_two_countries_stays_one_agreement() {
    let out = run(" date 2024-05-08 The cabinet approved the memorandum of understanding between India and Kenya \
        on health cooperation.");
    assert_eq!(pairs(&out), [["IN", "KE"]]);
    let out = run(" date 2024-05-08 Le conseil des ministres a approuvé l'accord de coopération entre le Maroc \
        et le Gabon dans le domaine de la santé.");
    assert_eq!(pairs(&out), [["GA", "MA"]]);
}
