//! The public data model: what an extraction returns.
//!
//! Every value that the extractor reports carries the byte [`Span`] of the text that
//! supports it. The JSON produced by serde follows the annotation standard (field names
//! and values), with one extra `"evidence"` object per agreement that holds those spans.

use std::fmt;
use std::str::FromStr;

use serde::de::Error as _;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A byte range `start..end` in the input text.
///
/// Both ends are on `char` boundaries of the text given to
/// [`Extractor::extract`](crate::Extractor::extract).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the evidence.
    pub start: usize,
    /// One past the last byte of the evidence.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start` must not be greater than `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The range, to slice the input text with.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if start > end {
            return Err(D::Error::custom(format!(
                "span [{start}, {end}] ends before it starts"
            )));
        }
        Ok(Span { start, end })
    }
}

/// Deserializes a value through its `FromStr`.
fn from_str_de<'de, D: Deserializer<'de>, T: FromStr>(d: D) -> Result<T, D::Error>
where
    T::Err: fmt::Display,
{
    let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    s.parse().map_err(D::Error::custom)
}

/// The name of the rule that produced a value ("date_in_clause", "event_by_pattern"),
/// or `""` when none was recorded (a value read back from JSON).
///
/// It is provenance, not part of the value: two rules equal each other, so a value
/// compares and hashes the same whichever rule found it, and an agreement read back
/// from its JSON equals the one written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Rule(pub &'static str);

impl Rule {
    /// The rule's name.
    pub fn name(&self) -> &'static str {
        self.0
    }
}

impl PartialEq for Rule {
    fn eq(&self, _: &Rule) -> bool {
        true
    }
}

impl Eq for Rule {}

impl std::hash::Hash for Rule {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

/// A value together with the span of its evidence in the text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Spanned<T> {
    /// The extracted value.
    pub value: T,
    /// Where the text supports it.
    pub span: Span,
    /// The rule that produced it; not serialized (see [`Agreement::explain`]).
    #[serde(skip)]
    pub rule: Rule,
}

impl<T> Spanned<T> {
    /// A value with its evidence, produced by no named rule.
    ///
    /// ```
    /// let s = accords::Spanned::new("Rabat", accords::Span::new(3, 8));
    /// assert_eq!(s.rule.name(), "");
    /// ```
    pub fn new(value: T, span: Span) -> Self {
        Spanned {
            value,
            span,
            rule: Rule::default(),
        }
    }

    /// The same value, recorded as produced by `rule`.
    pub(crate) fn by(mut self, rule: &'static str) -> Self {
        self.rule = Rule(rule);
        self
    }
}

macro_rules! labels {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident => $label:literal,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name { $($(#[$vm])* $var,)* }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$var,)*];

            /// The label of the annotation standard.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$var => $label,)* }
            }
        }

        impl FromStr for $name {
            type Err = UnknownLabel;
            fn from_str(s: &str) -> Result<Self, UnknownLabel> {
                match s { $($label => Ok($name::$var),)* _ => Err(UnknownLabel(s.to_string())) }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                from_str_de(d)
            }
        }
    };
}

labels! {
    /// The kind of instrument, per the annotation standard.
    Instrument {
        /// Memorandum of understanding, mémorandum d'entente, protocole d'accord, مذكرة تفاهم.
        MemorandumOfUnderstanding => "memorandum_of_understanding",
        /// Agreement, accord, convention, اتفاقية.
        Agreement => "agreement",
        /// Joint declaration, declaration of intent, إعلان.
        Declaration => "declaration",
        /// Action plan, roadmap, executive programme, خطة عمل.
        ActionPlan => "action_plan",
        /// Any other instrument.
        Other => "other",
    }
}

labels! {
    /// Where the instrument stands, as the article reports it.
    Status {
        /// The signing itself is the news.
        Signed => "signed",
        /// A signing announced, intended or under negotiation.
        Planned => "planned",
        /// Approved or ratified by a cabinet, parliament or council.
        Ratified => "ratified",
        /// An earlier agreement recalled as background.
        Referenced => "referenced",
    }
}

labels! {
    /// A field of cooperation, per the annotation standard's domain table.
    Domain {
        /// e-government, digital public services.
        EGovernment => "e_government",
        /// Digital inclusion, the digital divide.
        DigitalInclusion => "digital_inclusion",
        /// Networks, connectivity, data centres.
        DigitalInfrastructure => "digital_infrastructure",
        /// Interoperability, data exchange between administrations.
        Interoperability => "interoperability",
        /// Skills, training, capacity building.
        DigitalSkills => "digital_skills",
        /// Cybersecurity, digital trust.
        Cybersecurity => "cybersecurity",
        /// Artificial intelligence.
        ArtificialIntelligence => "artificial_intelligence",
        /// Digital identity.
        DigitalIdentity => "digital_identity",
        /// Innovation, start-ups, entrepreneurship.
        InnovationEntrepreneurship => "innovation_entrepreneurship",
        /// Research, R&D.
        Research => "research",
        /// Digital economy, e-commerce.
        DigitalEconomy => "digital_economy",
        /// Telecommunications, ICT, 5G.
        Telecommunications => "telecommunications",
        /// Digital policy, regulation, internet governance.
        DigitalPolicy => "digital_policy",
        /// Data, data protection, cloud.
        Data => "data",
        /// Emerging technologies, blockchain.
        EmergingTechnologies => "emerging_technologies",
        /// Digital transformation in general, when no narrower label fits.
        DigitalTransformation => "digital_transformation",
    }
}

/// A label that the annotation standard does not define.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel(pub String);

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown label {:?}", self.0)
    }
}

impl std::error::Error for UnknownLabel {}

/// An ISO 3166-1 alpha-2 country code, upper case (`"MA"`, `"SA"`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// Parses two ASCII letters, in any case. It does not check that the code is
    /// assigned: the gazetteers are the list of codes the extractor knows.
    pub fn new(code: &str) -> Option<Country> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Some(Country([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => None,
        }
    }

    /// The code, such as `"MA"`.
    pub fn code(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.code())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Country {
    type Err = UnknownLabel;
    /// Two ASCII letters, as [`Country::new`].
    fn from_str(s: &str) -> Result<Self, UnknownLabel> {
        Country::new(s).ok_or_else(|| UnknownLabel(s.to_string()))
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_str_de(d)
    }
}

/// A date as precise as the text allows: a year, a month, or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year, such as 2024.
    pub year: u16,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// The years the crate reads and computes dates in. A year outside them (a
    /// publication year 0000, "9999-12-31" plus "demain") gives no date rather than
    /// a wrong one.
    pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2199;

    /// A year only; `None` outside [`PartialDate::YEARS`].
    ///
    /// ```
    /// use accords::PartialDate;
    /// assert_eq!(PartialDate::year(2024).unwrap().to_string(), "2024");
    /// assert_eq!(PartialDate::year(0), None);
    /// ```
    pub fn year(year: u16) -> Option<PartialDate> {
        PartialDate::YEARS.contains(&year).then_some(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    /// A month of a year; `None` when the month or the year is out of range.
    pub fn month(year: u16, month: u8) -> Option<PartialDate> {
        let y = PartialDate::year(year)?;
        (1..=12).contains(&month).then_some(PartialDate {
            month: Some(month),
            ..y
        })
    }

    /// A day; `None` when it does not exist in the calendar or its year is out of range.
    pub fn day(year: u16, month: u8, day: u8) -> Option<PartialDate> {
        let m = PartialDate::month(year, month)?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(PartialDate {
            day: Some(day),
            ..m
        })
    }

    /// Whether the date could have come from [`PartialDate::year`], [`PartialDate::month`]
    /// or [`PartialDate::day`]: the fields are public, so a caller can build one that
    /// does not exist.
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, None) => PartialDate::year(self.year).is_some(),
            (Some(m), None) => PartialDate::month(self.year, m).is_some(),
            (Some(m), Some(d)) => PartialDate::day(self.year, m, d).is_some(),
            (None, Some(_)) => false,
        }
    }
}

pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The error of parsing a [`PartialDate`] from `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDateError(String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {:?}",
            self.0
        )
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for PartialDate {
    type Err = ParseDateError;

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// ```
    /// use accords::PartialDate;
    /// let d: PartialDate = "2024-05".parse().unwrap();
    /// assert_eq!((d.year, d.month, d.day), (2024, Some(5), None));
    /// assert!("2024-13".parse::<PartialDate>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseDateError(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u16, ParseDateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        match parts.as_slice() {
            [y] => PartialDate::year(num(y, 4)?).ok_or_else(err),
            [y, m] => PartialDate::month(num(y, 4)?, num(m, 2)? as u8).ok_or_else(err),
            [y, m, d] => {
                PartialDate::day(num(y, 4)?, num(m, 2)? as u8, num(d, 2)? as u8).ok_or_else(err)
            }
            _ => Err(err()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_str_de(d)
    }
}

/// A person stated to sign the instrument, with the side they sign for.
///
/// Its JSON has no span (the span is in the agreement's `evidence`): a signatory read
/// on its own gets the span `0..0`, one read within an [`Agreement`] gets its evidence.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Deserialize)]
pub struct Signatory {
    /// The name as first written in full in the article, in its script.
    pub name: String,
    /// The side they sign for, when the text or the people gazetteer tells it.
    pub country: Option<Country>,
    /// The gazetteer's canonical (Latin) name, when the person is known.
    #[serde(default)]
    pub canonical_name: Option<String>,
    /// Where the name stands in the text.
    #[serde(skip, default = "Span::default")]
    pub span: Span,
    /// The rule that found the signer; not serialized (see [`Agreement::explain`]).
    #[serde(skip)]
    pub rule: Rule,
}

/// The language an article was routed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// French.
    French,
    /// English.
    English,
    /// Arabic.
    Arabic,
    /// Another language, by its ISO 639-3 code (`"deu"`, `"spa"`): no extraction is done.
    Other(&'static str),
    /// Too little text to tell.
    Unknown,
}

impl Language {
    /// `"fr"`, `"en"`, `"ar"`, an ISO 639-3 code for other languages, or `"und"`.
    pub fn code(&self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
            Language::Arabic => "ar",
            Language::Other(code) => code,
            Language::Unknown => "und",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = UnknownLabel;
    /// `"fr"`, `"en"`, `"ar"`, `"und"`, or an ISO 639-3 code that whatlang knows.
    fn from_str(s: &str) -> Result<Self, UnknownLabel> {
        Ok(match s {
            "fr" => Language::French,
            "en" => Language::English,
            "ar" => Language::Arabic,
            "und" => Language::Unknown,
            _ => match whatlang::Lang::from_code(s) {
                Some(l) => Language::Other(l.code()),
                None => return Err(UnknownLabel(s.to_string())),
            },
        })
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_str_de(d)
    }
}

/// One instrument that an article reports.
///
/// Serialized, it has the fields of the annotation standard (`instrument`, `status`,
/// `parties`, `organizations`, `signatories`, `date`, `location`, `event`, `domains`)
/// plus `evidence`, the byte spans of each value. It reads back from that JSON.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "wire::Agreement")]
pub struct Agreement {
    /// The kind of instrument.
    pub instrument: Spanned<Instrument>,
    /// Signed, planned, ratified or referenced.
    pub status: Spanned<Status>,
    /// The countries that sign, sorted by code, each once.
    pub parties: Vec<Spanned<Country>>,
    /// Signing bodies that are not simply a country: ministries, agencies, companies,
    /// international organisations.
    pub organizations: Vec<Spanned<String>>,
    /// The people who sign.
    pub signatories: Vec<Signatory>,
    /// The signing date, as precise as the text allows.
    pub date: Option<Spanned<PartialDate>>,
    /// The canonical English city name, or `"videoconference"`.
    pub location: Option<Spanned<String>>,
    /// The canonical English name of the event on whose sidelines it was signed.
    pub event: Option<Spanned<String>>,
    /// The fields of cooperation, sorted by label, each once.
    pub domains: Vec<Spanned<Domain>>,
}

/// One piece of evidence with the rule behind it, from [`Agreement::explain`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Explained {
    /// The field it supports: `"instrument"`, `"status"`, `"party"`, `"organization"`,
    /// `"signatory"`, `"date"`, `"location"`, `"event"`, `"domain"`.
    pub field: &'static str,
    /// Where the text supports it.
    pub span: Span,
    /// The rule that produced the value, `""` when none was recorded.
    pub rule: &'static str,
}

impl Agreement {
    /// Every piece of evidence, with the name of the field it supports: `"instrument"`,
    /// `"status"`, `"party"`, `"organization"`, `"signatory"`, `"date"`, `"location"`,
    /// `"event"`, `"domain"`.
    ///
    /// ```
    /// let text = "Le Maroc et le Sénégal ont signé un mémorandum d'entente sur la cybersécurité.";
    /// let out = accords::Extractor::new().extract(&accords::Document::new(text));
    /// for (field, span) in out.agreements[0].evidence() {
    ///     println!("{field}: {}", &text[span.range()]);
    /// }
    /// ```
    pub fn evidence(&self) -> impl Iterator<Item = (&'static str, Span)> + '_ {
        let one = |name: &'static str, span: Option<Span>| span.map(|s| (name, s));
        [
            one("instrument", Some(self.instrument.span)),
            one("status", Some(self.status.span)),
        ]
        .into_iter()
        .flatten()
        .chain(self.parties.iter().map(|p| ("party", p.span)))
        .chain(self.organizations.iter().map(|o| ("organization", o.span)))
        .chain(self.signatories.iter().map(|s| ("signatory", s.span)))
        .chain(one("date", self.date.as_ref().map(|d| d.span)))
        .chain(one("location", self.location.as_ref().map(|d| d.span)))
        .chain(one("event", self.event.as_ref().map(|d| d.span)))
        .chain(self.domains.iter().map(|d| ("domain", d.span)))
    }

    /// Every piece of evidence, as [`evidence`](Agreement::evidence) gives it, with the
    /// name of the rule that produced the value: why each value is there.
    ///
    /// ```
    /// let text = "Kenya and Ghana signed an MoU on the sidelines of the Lakeside Digital Summit.";
    /// let out = accords::Extractor::new().extract(&accords::Document::new(text));
    /// let event = out.agreements[0].explain().find(|e| e.field == "event").unwrap();
    /// assert_eq!(&text[event.span.range()], "Lakeside Digital Summit");
    /// assert_eq!(event.rule, "event_by_pattern");
    /// ```
    pub fn explain(&self) -> impl Iterator<Item = Explained> + '_ {
        let one = |field: &'static str, v: Option<(Span, Rule)>| {
            v.map(|(span, rule)| Explained {
                field,
                span,
                rule: rule.0,
            })
        };
        let many = |field: &'static str| {
            move |(span, rule): (Span, Rule)| Explained {
                field,
                span,
                rule: rule.0,
            }
        };
        [
            one(
                "instrument",
                Some((self.instrument.span, self.instrument.rule)),
            ),
            one("status", Some((self.status.span, self.status.rule))),
        ]
        .into_iter()
        .flatten()
        .chain(
            self.parties
                .iter()
                .map(|p| (p.span, p.rule))
                .map(many("party")),
        )
        .chain(
            self.organizations
                .iter()
                .map(|o| (o.span, o.rule))
                .map(many("organization")),
        )
        .chain(
            self.signatories
                .iter()
                .map(|s| (s.span, s.rule))
                .map(many("signatory")),
        )
        .chain(one("date", self.date.as_ref().map(|d| (d.span, d.rule))))
        .chain(one(
            "location",
            self.location.as_ref().map(|d| (d.span, d.rule)),
        ))
        .chain(one("event", self.event.as_ref().map(|d| (d.span, d.rule))))
        .chain(
            self.domains
                .iter()
                .map(|d| (d.span, d.rule))
                .map(many("domain")),
        )
    }

    /// Rewrites every span, in place: to map them into another text or unit.
    pub fn map_spans(&mut self, mut f: impl FnMut(Span) -> Span) {
        self.instrument.span = f(self.instrument.span);
        self.status.span = f(self.status.span);
        let spanned = self.parties.iter_mut().map(|p| &mut p.span);
        let spanned = spanned.chain(self.organizations.iter_mut().map(|o| &mut o.span));
        let spanned = spanned.chain(self.signatories.iter_mut().map(|s| &mut s.span));
        let spanned = spanned.chain(self.date.iter_mut().map(|d| &mut d.span));
        let spanned = spanned.chain(self.location.iter_mut().map(|d| &mut d.span));
        let spanned = spanned.chain(self.event.iter_mut().map(|d| &mut d.span));
        for span in spanned.chain(self.domains.iter_mut().map(|d| &mut d.span)) {
            *span = f(*span);
        }
    }
}

/// The JSON form of an [`Agreement`], values and evidence apart, to read it back.
mod wire {
    use super::*;

    #[derive(Deserialize)]
    pub struct Evidence {
        instrument: Span,
        status: Span,
        parties: Vec<(Country, Span)>,
        organizations: Vec<Span>,
        signatories: Vec<Span>,
        date: Option<Span>,
        location: Option<Span>,
        event: Option<Span>,
        domains: Vec<(Domain, Span)>,
    }

    #[derive(Deserialize)]
    pub struct Agreement {
        instrument: Instrument,
        status: Status,
        parties: Vec<Country>,
        organizations: Vec<String>,
        signatories: Vec<Signatory>,
        date: Option<PartialDate>,
        location: Option<String>,
        event: Option<String>,
        domains: Vec<Domain>,
        evidence: Evidence,
    }

    fn zip<T, S>(field: &str, values: Vec<T>, spans: Vec<S>) -> Result<Vec<(T, S)>, String> {
        if values.len() != spans.len() {
            return Err(format!(
                "{field}: {} values but {} evidence spans",
                values.len(),
                spans.len()
            ));
        }
        Ok(values.into_iter().zip(spans).collect())
    }

    fn opt<T>(
        field: &str,
        value: Option<T>,
        span: Option<Span>,
    ) -> Result<Option<Spanned<T>>, String> {
        match (value, span) {
            (Some(v), Some(s)) => Ok(Some(Spanned::new(v, s))),
            (None, None) => Ok(None),
            _ => Err(format!("{field}: a value and its evidence go together")),
        }
    }

    /// Values with their `[value, span]` evidence, which must name the same values.
    fn keyed<T: PartialEq>(
        field: &str,
        values: Vec<T>,
        spans: Vec<(T, Span)>,
    ) -> Result<Vec<Spanned<T>>, String> {
        zip(field, values, spans)?
            .into_iter()
            .map(|(v, (k, s))| match v == k {
                true => Ok(Spanned::new(v, s)),
                false => Err(format!("{field}: evidence out of order")),
            })
            .collect()
    }

    impl TryFrom<Agreement> for super::Agreement {
        type Error = String;
        fn try_from(a: Agreement) -> Result<Self, String> {
            let e = a.evidence;
            let signatories = zip("signatories", a.signatories, e.signatories)?;
            Ok(super::Agreement {
                instrument: Spanned::new(a.instrument, e.instrument),
                status: Spanned::new(a.status, e.status),
                parties: keyed("parties", a.parties, e.parties)?,
                organizations: zip("organizations", a.organizations, e.organizations)?
                    .into_iter()
                    .map(|(v, s)| Spanned::new(v, s))
                    .collect(),
                signatories: signatories
                    .into_iter()
                    .map(|(p, span)| Signatory { span, ..p })
                    .collect(),
                date: opt("date", a.date, e.date)?,
                location: opt("location", a.location, e.location)?,
                event: opt("event", a.event, e.event)?,
                domains: keyed("domains", a.domains, e.domains)?,
            })
        }
    }
}

struct Evidence<'a>(&'a Agreement);

impl Serialize for Evidence<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("instrument", &a.instrument.span)?;
        m.serialize_entry("status", &a.status.span)?;
        m.serialize_entry(
            "parties",
            &a.parties
                .iter()
                .map(|p| (p.value.code(), p.span))
                .collect::<Vec<_>>(),
        )?;
        m.serialize_entry(
            "organizations",
            &a.organizations.iter().map(|o| o.span).collect::<Vec<_>>(),
        )?;
        m.serialize_entry(
            "signatories",
            &a.signatories.iter().map(|p| p.span).collect::<Vec<_>>(),
        )?;
        m.serialize_entry("date", &a.date.as_ref().map(|d| d.span))?;
        m.serialize_entry("location", &a.location.as_ref().map(|d| d.span))?;
        m.serialize_entry("event", &a.event.as_ref().map(|d| d.span))?;
        m.serialize_entry(
            "domains",
            &a.domains
                .iter()
                .map(|d| (d.value.as_str(), d.span))
                .collect::<Vec<_>>(),
        )?;
        m.end()
    }
}

impl Serialize for Signatory {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = if self.canonical_name.is_some() { 3 } else { 2 };
        let mut st = s.serialize_struct("Signatory", n)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("country", &self.country)?;
        if let Some(c) = &self.canonical_name {
            st.serialize_field("canonical_name", c)?;
        } else {
            st.skip_field("canonical_name")?;
        }
        st.end()
    }
}

impl Serialize for Agreement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Agreement", 10)?;
        st.serialize_field("instrument", &self.instrument.value)?;
        st.serialize_field("status", &self.status.value)?;
        st.serialize_field(
            "parties",
            &self.parties.iter().map(|p| p.value).collect::<Vec<_>>(),
        )?;
        st.serialize_field(
            "organizations",
            &self
                .organizations
                .iter()
                .map(|o| o.value.as_str())
                .collect::<Vec<_>>(),
        )?;
        st.serialize_field("signatories", &self.signatories)?;
        st.serialize_field("date", &self.date.as_ref().map(|d| d.value))?;
        st.serialize_field(
            "location",
            &self.location.as_ref().map(|d| d.value.as_str()),
        )?;
        st.serialize_field("event", &self.event.as_ref().map(|d| d.value.as_str()))?;
        st.serialize_field(
            "domains",
            &self.domains.iter().map(|d| d.value).collect::<Vec<_>>(),
        )?;
        st.serialize_field("evidence", &Evidence(self))?;
        st.end()
    }
}

/// What [`Extractor::extract`](crate::Extractor::extract) found in one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// The language the document was routed to.
    pub language: Language,
    /// The instruments it reports, in order of first mention; empty for visits, talks,
    /// forums and speeches, and for languages other than French, English and Arabic.
    pub agreements: Vec<Agreement>,
}
