//! One test per extraction rule, on short texts written for the project.

use accords::{Document, Extractor, Instrument, Status};

fn run(text: &str) -> Vec<accords::Agreement> {
    Extractor::new()
        .extract(&Document::with_dateline(text))
        .agreements
}

fn codes(a: &accords::Agreement) -> Vec<&str> {
    a.parties.iter().map(|p| p.value.code()).collect()
}

/// Each signatory's name and side ("" when unknown).
fn sides(a: &accords::Agreement) -> Vec<(&str, &str)> {
    a.signatories
        .iter()
        .map(|s| (s.name.as_str(), s.country.as_ref().map_or("", |c| c.code())))
        .collect()
}

fn names(a: &accords::Agreement) -> Vec<&str> {
    a.signatories.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn coordinated_instruments_share_the_verb() {
    let out = run(" date 2025-02 Le Bénin et le Rwanda ont signé mardi 11 février 2025 à Cotonou un mémorandum \
        d'entente sur l'e-gouvernement ainsi qu'un plan d'action pour sa mise en œuvre.");
    let kinds: Vec<Instrument> = out.iter().map(|a| a.instrument.value).collect();
    assert_eq!(
        kinds,
        [
            Instrument::MemorandumOfUnderstanding,
            Instrument::ActionPlan
        ]
    );
    assert!(out
        .iter()
        .all(|a| a.status.value == Status::Signed && codes(a) == ["BJ", "RW"]));
    assert!(out
        .iter()
        .all(|a| a.date.as_ref().unwrap().value.to_string() == "2025-02-11"));
}

#[test]
fn a_verb_does_not_reach_an_instrument_it_is_not_coordinated_with() {
    let out = run("Kenya and South Africa are drafting a memorandum of understanding on ICT, and the document \
        will provide a roadmap on areas of collaboration, the ministers said.");
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(
        out[0].instrument.value,
        Instrument::MemorandumOfUnderstanding
    );
    assert_eq!(out[0].status.value, Status::Planned);
}

#[test]
fn ordinals_route_signatories_within_a_counted_group() {
    let out = run(" date 2023-10-18 وقعت سلطنة عمان والهند أمس مذكرتي تفاهم في مجال التقنية. ووقع المذكرة الأولى \
        الدكتور سالم بن راشد الهنائي، مع أرجون سينغ، المدير العام لشركة هندية. ووقع المذكرة الثانية الدكتور سالم بن راشد الهنائي مع \
        كافيا راو، المديرة التنفيذية لشركة هندية.");
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(out.iter().all(|a| codes(a) == ["IN", "OM"]));
    assert!(
        names(&out[1]).iter().any(|n| n.contains("كافيا راو")),
        "{:?}",
        names(&out[1])
    );
    assert!(
        !names(&out[0]).iter().any(|n| n.contains("كافيا راو")),
        "{:?}",
        names(&out[0])
    );
}

#[test]
fn witnesses_are_not_signatories() {
    let out = run(
        "Ghana and Rwanda signed a memorandum of understanding on digital skills in Accra. \
        The memorandum was signed by Kwame Mensah, Minister of Communications, and Jean Uwimana, \
        Ambassador of Rwanda, in the presence of President Nana Owusu. \
        Nana Owusu and Paul Habimana presided over the signing of the memorandum.",
    );
    let a = &out[0];
    assert_eq!(names(a), ["Kwame Mensah", "Jean Uwimana"]);
    assert_eq!(a.signatories[1].country.unwrap().code(), "RW");
}

#[test]
fn a_visit_names_the_place_and_an_event_names_its_city() {
    let visit = run(
        "وقعت دولة قطر ورواندا مذكرة تفاهم في مجال الذكاء الاصطناعي خلال زيارة رسمية لوفد قطري \
        إلى العاصمة الرواندية كيغالي.",
    );
    assert_eq!(visit[0].location.as_ref().unwrap().value, "Kigali");
    let expo = run("Mauritania and the United Arab Emirates signed a memorandum of understanding on innovation \
        on the sidelines of Expo 2020 Dubai.");
    assert_eq!(expo[0].event.as_ref().unwrap().value, "Expo 2020 Dubai");
    assert_eq!(expo[0].location.as_ref().unwrap().value, "Dubai");
    let city = run(
        "Senegal and Morocco signed an agreement on e-commerce in the city of Dakhla on Wednesday.",
    );
    assert_eq!(city[0].location.as_ref().unwrap().value, "Dakhla");
}

#[test]
fn a_signing_recalled_with_a_past_date_is_referenced() {
    let out = run(" date 2025-06 La visite s'inscrit dans le sillage de la déclaration conjointe signée à Rabat \
        le 21 octobre 2024 entre le Maroc et l'Estonie.");
    assert_eq!(out[0].status.value, Status::Referenced);
    assert_eq!(out[0].instrument.value, Instrument::Declaration);
    assert_eq!(
        out[0].date.as_ref().unwrap().value.to_string(),
        "2024-10-21"
    );
}

#[test]
fn a_ratification_keeps_the_signing_date_and_place() {
    let out = run("وافق مجلس الوزراء السعودي، خلال اجتماعه يوم الثلاثاء 29 أبريل 2025 بمدينة جدة، على مذكرة تفاهم \
        مع المملكة المغربية. وتأتي هذه الخطوة عقب توقيع مذكرة التفاهم يوم 16 ديسمبر الماضي في العاصمة الرياض.");
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].status.value, Status::Ratified);
    assert_eq!(codes(&out[0]), ["MA", "SA"]);
    assert_eq!(
        out[0].date.as_ref().unwrap().value.to_string(),
        "2024-12-16"
    );
    assert_eq!(out[0].location.as_ref().unwrap().value, "Riyadh");
}

#[test]
fn a_quoted_post_dates_an_undated_signing() {
    let out = run(" date 2021-01 Les deux pays ont signé un mémorandum d'entente, le Maroc et le Luxembourg, par \
        visioconférence.\n— Ministère (@ministere) January 25, 2021");
    assert_eq!(
        out[0].date.as_ref().unwrap().value.to_string(),
        "2021-01-25"
    );
    assert_eq!(out[0].location.as_ref().unwrap().value, "videoconference");
}

#[test]
fn a_signing_sentence_before_any_instrument_does_not_break_the_frames() {
    // Regression: a sentence with a signing verb and no instrument, before the first
    // frame's sentence, once indexed out of bounds.
    let out = run("Le ministre a signé le livre d'or de l'ambassade. Le Maroc et la Tunisie ont signé un accord \
        de coopération numérique. Il a été signé par M. Karim Ben Salah, ministre tunisien des Technologies.");
    assert_eq!(out.len(), 1);
    assert_eq!(codes(&out[0]), ["MA", "TN"]);
    assert_eq!(names(&out[0]), ["Karim Ben Salah"]);
}

#[test]
fn signers_named_in_the_next_sentence_and_in_apposition() {
    let out = run("Saudi Arabia and Indonesia signed a memorandum of understanding on data centres on Wednesday. \
        H.E. Eng. Faisal Al-Harbi, Deputy Minister for Technology, signed on behalf of the Kingdom, while \
        Vice Minister Rini Kusumawardani signed for Indonesia.");
    let a = &out[0];
    let sides = sides(a);
    assert_eq!(sides.len(), 2, "{sides:?}");
    assert!(sides[0].0.ends_with("Faisal Al-Harbi"), "{sides:?}");
    assert_eq!(sides[1], ("Rini Kusumawardani", "ID"));
}

#[test]
fn planned_instruments_name_no_signers_unless_the_text_does() {
    let out = run("Egypt and India are expected to sign an agreement on digital identity during a visit to India \
        by Egypt's Minister of Communications, Tarek Abdel Aziz, officials said.");
    assert_eq!(out[0].status.value, Status::Planned);
    assert!(out[0].signatories.is_empty(), "{:?}", out[0].signatories);
}

#[test]
fn heads_of_state_preside_and_ministers_sign() {
    let out = run("La Guinée et le Rwanda ont signé un protocole d'entente en marge de la visite du président \
        rwandais, Paul Kagame. Le protocole a été signé par Mme Aïssata Camara, ministre guinéenne des Postes, \
        et M. Jean Nsengimana, président de l'Autorité rwandaise de régulation.");
    let a = &out[0];
    assert_eq!(names(a), ["Aïssata Camara", "Jean Nsengimana"]);
    assert_eq!(codes(a), ["GN", "RW"]);
}

#[test]
fn amman_is_a_city_after_a_locative_and_in_a_dateline() {
    let out = run(
        "عمّان - وقعت المملكة الأردنية الهاشمية وجمهورية إستونيا، أمس الثلاثاء في عمّان، مذكرة تفاهم \
        للتعاون في مجال الحكومة الرقمية.",
    );
    let a = &out[0];
    assert_eq!(codes(a), ["EE", "JO"]);
    assert_eq!(a.location.as_ref().unwrap().value, "Amman");
    let oman = run("وقعت سلطنة عمان وسنغافورة مذكرة تفاهم في مجال الأمن السيبراني.");
    assert_eq!(codes(&oman[0]), ["OM", "SG"]);
}

#[test]
fn a_negated_signing_is_no_agreement() {
    let out = run(
        "La délégation congolaise a rencontré le ministre norvégien du Numérique à Oslo. \
        Aucun accord n'a été signé à ce stade, les deux parties préférant identifier des projets.",
    );
    assert!(out.is_empty(), "{out:?}");
    let en = run(
        "Singapore's minister visited Oman and met young entrepreneurs in Muscat. \
        No documents were signed during the visit.",
    );
    assert!(en.is_empty(), "{en:?}");
}

#[test]
fn the_two_countries_carry_the_pair_to_a_second_instrument() {
    let out = run(" date 2024-03-12 Le Sénégal et le Kazakhstan ont signé lundi 11 mars à Astana un mémorandum \
        d'entente sur l'administration électronique. Le mémorandum vient compléter l'accord de coopération \
        dans le domaine des télécommunications signé par les deux pays à Dakar en juin 2019.");
    assert_eq!(out.len(), 2, "{out:?}");
    assert_eq!(out[1].status.value, Status::Referenced);
    assert_eq!(codes(&out[1]), ["KZ", "SN"]);
    assert_eq!(out[1].date.as_ref().unwrap().value.to_string(), "2019-06");
    // A memorandum of the cabinet's own business, beside the agreement, is not one.
    let stray = run("The Cabinet of Bahrain approved the memorandum of understanding with Georgia on \
        e-government. The Cabinet also reviewed a memorandum on preparations for the upcoming winter season.");
    assert_eq!(stray.len(), 1, "{stray:?}");
}

#[test]
fn a_national_roadmap_is_no_agreement_and_dates_stay_with_their_instrument() {
    let out = run(
        " date 2025-02 Le Conseil des ministres du Tchad a adopté la feuille de route numérique \
        nationale 2025-2030 présentée par le ministre des Télécommunications.",
    );
    assert!(out.is_empty(), "{out:?}");
    let out = run(" date 2024-07 La République démocratique du Congo et la République du Congo ont signé vendredi \
        une feuille de route pour la mise en œuvre de l'accord-cadre de coopération numérique conclu entre \
        les deux pays en mars 2022 à Brazzaville.");
    let plan = out
        .iter()
        .find(|a| a.instrument.value == Instrument::ActionPlan)
        .unwrap();
    assert_eq!(plan.status.value, Status::Signed);
    let frame = out
        .iter()
        .find(|a| a.instrument.value == Instrument::Agreement)
        .unwrap();
    assert_eq!(frame.status.value, Status::Referenced);
    assert_eq!(frame.date.as_ref().unwrap().value.to_string(), "2022-03");
}

#[test]
fn countries_that_only_situate_a_city_or_name_a_family_are_no_parties() {
    let fr = run("Riyad (Arabie saoudite) – Le Cameroun et le Maroc ont signé lundi une convention de partenariat \
        en marge du Forum sur la gouvernance de l'internet, qui se tient dans la capitale saoudienne.");
    assert_eq!(codes(&fr[0]), ["CM", "MA"]);
    let ar = run("وقعت سلطنة عمان وماليزيا مذكرة تفاهم. ووقع المذكرة عن الجانب العماني المهندس حمد بن سالم الكندي \
        وزير النقل والاتصالات، وعن الجانب الماليزي وزير الاقتصاد الرقمي أحمد فضلي.");
    assert_eq!(codes(&ar[0]), ["MY", "OM"]);
    assert_eq!(names(&ar[0])[0], "حمد بن سالم الكندي");
}

#[test]
fn an_intention_governs_the_signing_after_it_and_adverts_are_no_declarations() {
    let out = run("الكويت وتركيا تعتزمان توقيع مذكرة تفاهم في مجال الأمن السيبراني خلال زيارة وزير تركي الشهر المقبل.");
    assert_eq!(out[0].status.value, Status::Planned);
    let ad = run("إعلان\nوقعت موريتانيا وبرنامج الأمم المتحدة الإنمائي اتفاقية شراكة تهدف إلى تقليص الفجوة الرقمية.\n\
        إعلان\nوأكد الوزير أهمية الشراكة.");
    assert_eq!(ad.len(), 1, "{ad:?}");
    assert_eq!(ad[0].instrument.value, Instrument::Agreement);
}

#[test]
fn a_plural_without_a_number_opens_no_instrument() {
    let out = run(
        "Guinea and Rwanda signed a memorandum of understanding on ICT in Conakry on Tuesday. \
        The two parties agreed to review the existing agreements between the two countries.",
    );
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(
        out[0].instrument.value,
        Instrument::MemorandumOfUnderstanding
    );
    let counted =
        run("Qatar and Azerbaijan signed three cooperation documents in Baku on Wednesday.");
    assert_eq!(counted.len(), 3, "{counted:?}");
}

#[test]
fn arabic_sides_follow_each_clause() {
    let out = run("وقعت وزارة الاقتصاد الرقمي والريادة الأردنية ونظيرتها الإماراتية اتفاقية تعاون في مجال الحكومة \
        الرقمية. ووقع الاتفاقية عن الجانب الأردني وزير الاقتصاد الرقمي والريادة أحمد الهناندة، وعن الجانب \
        الإماراتي عمر سلطان العلماء وزير دولة للذكاء الاصطناعي.");
    let a = &out[0];
    let sides = sides(a);
    assert_eq!(
        sides,
        [("أحمد الهناندة", "JO"), ("عمر سلطان العلماء", "AE")]
    );
}

#[test]
fn english_sides_through_portfolios_and_no_places_as_names() {
    let out = run("The governments of Indonesia and the United Arab Emirates signed a partnership agreement on \
        data centres. Indonesia's Communication and Digital Affairs Minister Meutya Hafid and UAE Minister of \
        State Omar Sultan Al Olama signed the deal at the Presidential Palace.");
    let a = &out[0];
    let sides = sides(a);
    assert_eq!(
        sides,
        [("Meutya Hafid", "ID"), ("Omar Sultan Al Olama", "AE")]
    );
}

#[test]
fn towards_a_signing_is_planned() {
    let out = run(" date 2024-06 Tunisie-Algérie : vers la signature d'un mémorandum sur la cybersécurité\n\
        Les ministres tunisien et algérien ont convenu de finaliser un mémorandum d'entente qui devrait être \
        signé lors de la prochaine commission mixte.");
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].status.value, Status::Planned);
    assert_eq!(codes(&out[0]), ["DZ", "TN"]);
}

#[test]
fn an_international_body_signs_for_no_country_and_the_other_side_is_the_party() {
    let out = run(" date 2025-05-14 L'Alliance Smart Africa et le gouvernement du Burkina Faso ont signé mardi \
        un accord de partenariat. L'accord a été signé par le directeur général de Smart Africa, Lacina Koné, \
        et la ministre de la Transition digitale, des Postes et des Communications électroniques, Aminata Zerbo.");
    let a = &out[0];
    assert_eq!(codes(a), ["BF"]);
    let sides: Vec<(&str, Option<&str>)> = a
        .signatories
        .iter()
        .map(|s| (s.name.as_str(), s.country.as_ref().map(|c| c.code())))
        .collect();
    assert_eq!(
        sides,
        [("Lacina Koné", None), ("Aminata Zerbo", Some("BF"))]
    );
}

#[test]
fn a_portfolio_after_of_is_not_part_of_the_name() {
    let out = run("Brazil, Chile and Uruguay signed a trilateral agreement on data flows on Thursday. The agreement \
        was signed by Brazil's Minister of Development Luciana Santos, Chile's Minister of Science Aisén \
        Etcheverry and Uruguay's Minister of Industry Omar Paganini.");
    let a = &out[0];
    assert_eq!(codes(a), ["BR", "CL", "UY"]);
    assert_eq!(
        names(a),
        ["Luciana Santos", "Aisén Etcheverry", "Omar Paganini"]
    );
}

#[test]
fn a_recalled_instrument_keeps_its_own_date_and_place() {
    let out = run(" date 2024-08-15 وقع المغرب وموريتانيا، أمس الأربعاء بالرباط، على برنامج تنفيذي لمذكرة التفاهم \
        الموقعة بين البلدين سنة 2021 في مجال التحول الرقمي.");
    let plan = out
        .iter()
        .find(|a| a.instrument.value == Instrument::ActionPlan)
        .unwrap();
    assert_eq!(plan.date.as_ref().unwrap().value.to_string(), "2024-08-14");
    assert_eq!(plan.location.as_ref().unwrap().value, "Rabat");
    let mou = out
        .iter()
        .find(|a| a.status.value == Status::Referenced)
        .unwrap();
    assert_eq!(mou.date.as_ref().unwrap().value.to_string(), "2021");
    assert!(mou.location.is_none());
}

#[test]
fn prime_ministers_preside_and_the_next_signer_closes_an_apposition() {
    let en = run("Vietnam and Singapore signed a Memorandum of Understanding on digital economy during the visit by \
        Singaporean Prime Minister Lee Hsien Loong. Vietnamese Minister of Information Nguyen Manh Hung and \
        Singaporean Minister for Communications Josephine Teo signed the document.");
    assert_eq!(names(&en[0]), ["Nguyen Manh Hung", "Josephine Teo"]);
    let ar = run("وقعت دولة الإمارات العربية المتحدة وجمهورية كوريا مذكرة تفاهم في الذكاء الاصطناعي. وقع المذكرة معالي \
        عمر بن سلطان العلماء وزير دولة للذكاء الاصطناعي، ومعالي لي جونغ هو وزير العلوم الكوري.");
    let sides: Vec<Option<&str>> = ar[0]
        .signatories
        .iter()
        .map(|s| s.country.as_ref().map(|c| c.code()))
        .collect();
    assert_eq!(sides, [Some("AE"), Some("KR")]);
}

#[test]
fn a_planned_instrument_has_no_announcement_date_and_plural_participles_sign() {
    let en = run(" date 2025-02 Rwanda and Zambia will sign an agreement on digital identities in March, Rwanda's \
        ICT minister announced on Monday.");
    assert_eq!(en[0].status.value, Status::Planned);
    assert!(en[0].date.is_none());
    let fr = run("Le Gabon et la France ont signé ce vendredi 8 mars 2024 à Libreville deux conventions de financement. \
        Les deux conventions ont été paraphées par le ministre gabonais de l'Économie, Mays Mouissi, et \
        l'ambassadeur de France, Alexis Lamek.");
    assert_eq!(fr.len(), 2);
    assert_eq!(names(&fr[1]), ["Mays Mouissi", "Alexis Lamek"]);
}

#[test]
fn counted_instruments_stay_apart_and_take_their_own_sentences() {
    let out = run(" date 2024-11 Le Conseil de gouvernement approuve deux accords dans le domaine du numérique\n\
        Le Conseil de gouvernement a approuvé jeudi deux textes relatifs à la coopération numérique. \
        Le premier est un projet de décret portant publication de l'accord de coopération entre le Royaume \
        du Maroc et la République fédérative du Brésil, signé à Rabat le 9 octobre 2024. Cet accord prévoit \
        l'échange d'expériences en matière de cybersécurité. Le second est un projet de loi portant approbation \
        de la convention entre le Maroc et la Guinée équatoriale, signée à Malabo le 3 juillet 2024, sur les \
        télécommunications.");
    assert_eq!(out.len(), 2, "{out:?}");
    let brazil = out.iter().find(|a| codes(a).contains(&"BR")).unwrap();
    assert_eq!(brazil.status.value, Status::Ratified);
    assert_eq!(
        brazil.date.as_ref().unwrap().value.to_string(),
        "2024-10-09"
    );
    assert!(brazil
        .domains
        .iter()
        .any(|d| d.value == accords::Domain::Cybersecurity));
    let guinea = out.iter().find(|a| codes(a).contains(&"GQ")).unwrap();
    assert_eq!(guinea.location.as_ref().unwrap().value, "Malabo");
}

#[test]
fn without_a_date_line_a_signing_given_only_a_year_is_background() {
    let out = run("Speaking at a forum in Riyadh, the Minister of Communications of Jordan said his country hopes to \
        sign more agreements with Gulf states, citing the memorandum of understanding signed with the UAE in \
        2021 as an example.");
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].status.value, Status::Referenced);
    assert_eq!(out[0].date.as_ref().unwrap().value.to_string(), "2021");
}

#[test]
fn a_visitor_is_no_signatory() {
    let out = run("Pakistan and Saudi Arabia on Tuesday signed a memorandum of understanding on digital skills during \
        the visit of the Saudi Minister of Communications Abdullah Alswaha to Islamabad.");
    assert!(out[0].signatories.is_empty(), "{:?}", out[0].signatories);
    assert_eq!(codes(&out[0]), ["PK", "SA"]);
}
