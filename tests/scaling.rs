//! Cost linear in the text, also for one huge sentence: for each construction that
//! once cost more (a look-back, a membership scan or a pairing inside a loop), one
//! sentence of N repeated units against one of 8N. Run in release (`cargo test
//! --release`), as CI does; the bound is 12× the time for 8× the size.

use std::time::Instant;

use accords::{Document, Extractor};

/// One sentence: a head, then `unit` repeated.
struct Construction {
    name: &'static str,
    head: &'static str,
    unit: &'static str,
}

const CONSTRUCTIONS: &[Construction] = &[
    Construction {
        name: "Arabic nisba adjectives",
        head: "وقع المغرب وتونس مذكرة تفاهم ",
        unit: "المغربي ",
    },
    Construction {
        name: "Arabic title and name pairs after a signing clause",
        head: "وقع مذكرة التفاهم عن الجانب المغربي ",
        unit: "وزير الاقتصاد محمد بن علي، ",
    },
    Construction {
        name: "weekday dates",
        head: "Morocco and Senegal signed a memorandum of understanding ",
        unit: "on Monday, ",
    },
    Construction {
        name: "dates and signing cues",
        head: "Morocco and Senegal ",
        unit: "signed on 3 March 2024 a memorandum of understanding and ",
    },
    Construction {
        name: "French signers with all-caps surnames",
        head: "Le Maroc et le Sénégal ont signé un mémorandum d'entente, signé par ",
        unit: "le ministre Karim BENNANI, ",
    },
    Construction {
        name: "English signers with initials",
        head: "The agreement was signed by ",
        unit: "Minister John A. Smith and ",
    },
    Construction {
        name: "countries in a list",
        head: "Morocco signed a memorandum of understanding with ",
        unit: "Senegal, ",
    },
    Construction {
        name: "instrument mentions",
        head: "Morocco and Senegal signed ",
        unit: "a memorandum of understanding, ",
    },
    Construction {
        name: "organizations",
        head: "Morocco and Senegal signed ",
        unit: "an agreement with the Ministry of Digital Economy and ",
    },
    Construction {
        name: "places and events",
        head: "Morocco and Senegal signed an agreement ",
        unit: "in Rabat on the sidelines of GITEX Africa and ",
    },
    Construction {
        name: "events where someone spoke",
        head: "Morocco and Senegal signed an agreement. The minister said ",
        unit: "on the sidelines of GITEX Africa and ",
    },
    Construction {
        name: "capitalised domain cues",
        head: "Kenya and Rwanda signed an agreement on ",
        unit: "ICT and Cybersecurity and ",
    },
];

/// The best of three runs at N and at 8N (N large enough that neither fits in cache), in seconds, runs interleaved so that a burst
/// of load on a shared machine hits both sizes alike.
fn seconds(ex: &Extractor, c: &Construction) -> (f64, f64) {
    let text = |n: usize| format!(" date 2024-05 {}{}.", c.head, c.unit.repeat(n));
    let (small, large) = (text(8000), text(64000));
    let time = |t: &str| {
        let start = Instant::now();
        std::hint::black_box(ex.extract(&Document::with_dateline(t)));
        start.elapsed().as_secs_f64()
    };
    (0..3).fold((f64::INFINITY, f64::INFINITY), |(s, l), _| {
        (s.min(time(&small)), l.min(time(&large)))
    })
}

#[test]
fn one_long_sentence_costs_linear_time() {
    let ex = Extractor::new();
    let slow: Vec<String> = CONSTRUCTIONS
        .iter()
        .filter_map(|c| {
            // A second try before failing: one slow run on a loaded machine is noise, a
            // quadratic cost fails both.
            let ratio = (0..2)
                .map(|_| {
                    let (small, large) = seconds(&ex, c);
                    // 2 ms of slack keeps timer noise on tiny inputs from failing the test.
                    large / (small + 0.002 / 12.0)
                })
                .fold(f64::INFINITY, f64::min);
            (ratio > 12.0).then(|| format!("{}: 8× the size took {ratio:.1}× the time", c.name))
        })
        .collect();
    assert!(slow.is_empty(), "{}", slow.join("\n"));
}
