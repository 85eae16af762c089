//! The starter strategy library that ships with Carryover: coaching strategies
//! a caregiver can use at home, one TOML file each in `strategies/`, written
//! in English and Spanish for a tired parent reading on a phone.
//!
//! The files are compiled into the binary, so a clinic gets the library with
//! nothing to install; a clinic copies one into its own library to edit it.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::{code_enum, readability};

code_enum! {
    /// What part of a child's day a strategy or a goal is about. The codes are
    /// written in the strategy files and stored, so they never change.
    pub enum Area {
        Dressing = "dressing",
        Feeding = "feeding",
        Sleep = "sleep",
        Toileting = "toileting",
        Play = "play",
        FineMotor = "fine_motor",
        SensoryRegulation = "sensory_regulation",
        TransitionsBehaviour = "transitions_behaviour",
        SocialParticipation = "social_participation",
        SchoolReadiness = "school_readiness",
        Other = "other",
    }
}

/// A strategy's caregiver text in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyText {
    pub title: String,
    /// Why it helps, in one or two sentences.
    pub why: String,
    pub steps: Vec<String>,
    pub tips: Vec<String>,
    /// Signs that it is working.
    pub signs: Vec<String>,
    /// Changes for a child who is, say, more sensitive, older or younger.
    pub adaptations: Vec<String>,
}

impl StrategyText {
    /// Everything a caregiver reads under the title, one part per line, so
    /// that each list item counts as a sentence when the text is scored.
    pub fn caregiver_text(&self) -> String {
        let lists = [&self.steps, &self.tips, &self.signs, &self.adaptations];
        std::iter::once(&self.why)
            .chain(lists.into_iter().flatten())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// One strategy of the starter library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarterStrategy {
    /// Stable identifier, also the file name: clinic copies point back to it.
    pub slug: String,
    pub areas: Vec<Area>,
    pub age_min_months: u16,
    pub age_max_months: u16,
    pub en: StrategyText,
    pub es: StrategyText,
}

impl StarterStrategy {
    pub fn has_area(&self, area: Area) -> bool {
        self.areas.contains(&area)
    }

    pub fn fits_age(&self, months: u16) -> bool {
        (self.age_min_months..=self.age_max_months).contains(&months)
    }
}

/// Ages run from birth to 18 years.
pub const MAX_AGE_MONTHS: u16 = 216;
const STEPS: (usize, usize) = (3, 6);
const TIPS: (usize, usize) = (2, 4);
const SIGNS: (usize, usize) = (2, 4);
const ADAPTATIONS: (usize, usize) = (1, 3);

macro_rules! strategy_files {
    ($($slug:literal),* $(,)?) => {
        &[$(($slug, include_str!(concat!("../strategies/", $slug, ".toml")))),*]
    };
}

/// (slug, file contents) of every starter strategy. A test checks this list
/// against the `strategies/` folder, so a new file cannot be left out.
const FILES: &[(&str, &str)] = strategy_files![
    "backward-chaining-dressing",
    "bedtime-routine-chart",
    "breathing-games",
    "buttons-and-zippers",
    "calm-down-corner",
    "deep-pressure-squeezes",
    "dig-and-find-bin",
    "first-then-board",
    "food-chaining",
    "heavy-work-before-transitions",
    "joint-attention-play",
    "learning-plate",
    "messy-food-play",
    "movement-breaks",
    "obstacle-course-play",
    "offering-choices",
    "pants-down-pants-up",
    "picture-schedule",
    "picture-steps-for-dressing",
    "plan-for-loud-places",
    "playdough-for-strong-hands",
    "same-sleep-times",
    "scissors-snip-strips",
    "short-crayons-for-grip",
    "short-playdates",
    "sit-down-to-dress",
    "sleep-friendly-bedroom",
    "social-stories",
    "steady-seat-for-meals",
    "steady-seat-on-the-toilet",
    "timed-toilet-sits",
    "timers-and-warnings",
    "toilet-picture-steps",
    "tongs-and-tweezers",
    "tummy-time-play",
    "turn-taking-games",
    "wait-time",
    "wind-down-before-bed",
];

/// The starter library, parsed once. A file that fails its checks is left
/// out rather than taking the app down; `load_starter_library` names it, and
/// the tests fail on it before it can ship.
pub fn starter_library() -> &'static [StarterStrategy] {
    static LIBRARY: LazyLock<Vec<StarterStrategy>> = LazyLock::new(|| parse_all(FILES).0);
    &LIBRARY
}

pub fn find_starter(slug: &str) -> Option<&'static StarterStrategy> {
    starter_library().iter().find(|s| s.slug == slug)
}

/// Parses and checks every file; the error names each bad file, one a line.
pub fn load_starter_library() -> Result<Vec<StarterStrategy>, String> {
    load(FILES)
}

fn load(files: &[(&str, &str)]) -> Result<Vec<StarterStrategy>, String> {
    let (strategies, errors) = parse_all(files);
    if errors.is_empty() { Ok(strategies) } else { Err(errors.join("\n")) }
}

/// The good strategies, and an error for each file that was left out.
fn parse_all(files: &[(&str, &str)]) -> (Vec<StarterStrategy>, Vec<String>) {
    let mut strategies: Vec<StarterStrategy> = Vec::new();
    let mut errors = Vec::new();
    for (slug, text) in files {
        let parsed = parse_strategy(slug, text).and_then(|strategy| {
            if strategies.iter().any(|earlier| earlier.slug == strategy.slug) {
                Err("slug used twice".to_string())
            } else {
                Ok(strategy)
            }
        });
        match parsed {
            Ok(strategy) => strategies.push(strategy),
            Err(error) => errors.push(format!("strategies/{slug}.toml: {error}")),
        }
    }
    (strategies, errors)
}

/// Parses one strategy file and checks that it is complete in both languages
/// and named after its slug.
pub fn parse_strategy(file_slug: &str, text: &str) -> Result<StarterStrategy, String> {
    let strategy: StarterStrategy = toml::from_str(text).map_err(|e| e.to_string())?;
    check(file_slug, &strategy)?;
    Ok(strategy)
}

fn check(file_slug: &str, s: &StarterStrategy) -> Result<(), String> {
    if s.slug != file_slug {
        return Err(format!("slug {:?} differs from the file name", s.slug));
    }
    let slug_chars =
        s.slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if s.slug.is_empty() || !slug_chars || s.slug.starts_with('-') || s.slug.ends_with('-') {
        return Err("a slug is lowercase letters, digits and inner hyphens".into());
    }
    if s.areas.is_empty() {
        return Err("no area".into());
    }
    if s.areas.iter().enumerate().any(|(i, a)| s.areas[..i].contains(a)) {
        return Err("an area is listed twice".into());
    }
    if s.age_min_months >= s.age_max_months || s.age_max_months > MAX_AGE_MONTHS {
        return Err(format!("ages must satisfy min < max <= {MAX_AGE_MONTHS} months"));
    }
    check_text(&s.en).map_err(|e| format!("[en] {e}"))?;
    check_text(&s.es).map_err(|e| format!("[es] {e}"))?;
    // A family's modification names a step by its place, in either language.
    let shape =
        |t: &StrategyText| [t.steps.len(), t.tips.len(), t.signs.len(), t.adaptations.len()];
    if shape(&s.en) != shape(&s.es) {
        return Err(
            "English and Spanish differ in how many steps, tips, signs or adaptations".into()
        );
    }
    Ok(())
}

fn check_text(t: &StrategyText) -> Result<(), String> {
    for (field, text) in [("title", &t.title), ("why", &t.why)] {
        if text.trim().is_empty() || text.contains('\n') {
            return Err(format!("{field} is empty or spans lines"));
        }
    }
    if readability::sentence_count(&t.why) > 2 {
        return Err("why is more than two sentences".into());
    }
    let lists = [
        ("steps", &t.steps, STEPS),
        ("tips", &t.tips, TIPS),
        ("signs", &t.signs, SIGNS),
        ("adaptations", &t.adaptations, ADAPTATIONS),
    ];
    for (field, items, (min, max)) in lists {
        if !(min..=max).contains(&items.len()) {
            return Err(format!("{field}: {} items, expected {min} to {max}", items.len()));
        }
        if items.iter().any(|item| item.trim().is_empty() || item.contains('\n')) {
            return Err(format!("{field}: an item is empty or spans lines"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use readability::{fernandez_huerta, flesch_kincaid_grade, szigriszt_pazos};

    const REQUIRED_AREAS: [Area; 9] = [
        Area::Dressing,
        Area::Feeding,
        Area::Sleep,
        Area::Toileting,
        Area::Play,
        Area::FineMotor,
        Area::SensoryRegulation,
        Area::TransitionsBehaviour,
        Area::SocialParticipation,
    ];

    fn library() -> Vec<StarterStrategy> {
        load_starter_library().unwrap_or_else(|errors| panic!("bad strategy files:\n{errors}"))
    }

    struct Scores {
        fk: f64,
        fh: f64,
        sp: f64,
    }

    fn scores(s: &StarterStrategy) -> Scores {
        let (en, es) = (s.en.caregiver_text(), s.es.caregiver_text());
        Scores {
            fk: flesch_kincaid_grade(&en).unwrap(),
            fh: fernandez_huerta(&es).unwrap(),
            sp: szigriszt_pazos(&es).unwrap(),
        }
    }

    fn median(mut values: Vec<f64>) -> f64 {
        values.sort_by(f64::total_cmp);
        let mid = values.len() / 2;
        if values.len().is_multiple_of(2) {
            (values[mid - 1] + values[mid]) / 2.0
        } else {
            values[mid]
        }
    }

    #[test]
    fn every_file_parses_and_is_complete_in_both_languages() {
        let library = library();
        assert_eq!(starter_library().len(), library.len());
        assert_eq!(library.len(), FILES.len());
    }

    #[test]
    fn every_file_in_the_folder_is_listed_and_named_after_its_slug() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/strategies");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> =
            FILES.iter().map(|(slug, _)| format!("{slug}.toml")).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn the_library_is_big_enough_and_covers_every_area() {
        let library = library();
        assert!(library.len() >= 32, "{} strategies", library.len());
        for area in REQUIRED_AREAS {
            let n = library.iter().filter(|s| s.has_area(area)).count();
            assert!(n >= 3, "{}: {n} strategies", area.as_str());
        }
        assert!(!library.iter().any(|s| s.has_area(Area::Other)));
    }

    #[test]
    fn english_reads_at_grade_six_and_never_above_grade_eight() {
        let library = library();
        let grades: Vec<f64> = library.iter().map(|s| scores(s).fk).collect();
        let too_hard: Vec<String> = library
            .iter()
            .zip(&grades)
            .filter(|(_, fk)| **fk > 8.0)
            .map(|(s, fk)| format!("{}: {fk:.1}", s.slug))
            .collect();
        assert!(too_hard.is_empty(), "above grade 8: {too_hard:?}");
        let median = median(grades);
        assert!(median <= 6.0, "median grade {median:.2}");
    }

    #[test]
    fn spanish_reads_easily_by_fernandez_huerta() {
        let library = library();
        let ease: Vec<f64> = library.iter().map(|s| scores(s).fh).collect();
        let too_hard: Vec<String> = library
            .iter()
            .zip(&ease)
            .filter(|(_, fh)| **fh < 60.0)
            .map(|(s, fh)| format!("{}: {fh:.1}", s.slug))
            .collect();
        assert!(too_hard.is_empty(), "below 60: {too_hard:?}");
        let median = median(ease);
        assert!(median >= 70.0, "median {median:.2}");
    }

    /// `cargo test -p carryover-domain readability_report -- --nocapture`
    #[test]
    fn readability_report() {
        let library = library();
        println!(
            "| strategy | areas | ages (months) | FK grade (en) | Fernández-Huerta (es) | Szigriszt–Pazos (es) |"
        );
        println!("|---|---|---|--:|--:|--:|");
        let mut all = Vec::new();
        for s in &library {
            let sc = scores(s);
            let areas: Vec<&str> = s.areas.iter().map(|a| a.as_str()).collect();
            println!(
                "| {} | {} | {}–{} | {:.1} | {:.1} | {:.1} |",
                s.slug,
                areas.join(", "),
                s.age_min_months,
                s.age_max_months,
                sc.fk,
                sc.fh,
                sc.sp
            );
            all.push(sc);
        }
        let column = |f: fn(&Scores) -> f64| all.iter().map(f).collect::<Vec<f64>>();
        let (fk, fh, sp) = (column(|s| s.fk), column(|s| s.fh), column(|s| s.sp));
        let max = |v: &[f64]| v.iter().copied().fold(f64::MIN, f64::max);
        let min = |v: &[f64]| v.iter().copied().fold(f64::MAX, f64::min);
        println!();
        println!("{} strategies", library.len());
        println!("FK grade (en): median {:.2}, max {:.2}", median(fk.clone()), max(&fk));
        println!("Fernández-Huerta (es): median {:.2}, min {:.2}", median(fh.clone()), min(&fh));
        println!("Szigriszt–Pazos (es): median {:.2}, min {:.2}", median(sp.clone()), min(&sp));
        for area in Area::ALL {
            let n = library.iter().filter(|s| s.has_area(area)).count();
            println!("{}: {n}", area.as_str());
        }
    }

    #[test]
    fn area_codes_round_trip_and_are_what_files_use() {
        for area in Area::ALL {
            assert_eq!(Area::parse(area.as_str()), Some(area));
        }
        assert_eq!(Area::parse("Dressing"), None);
        #[derive(Deserialize, Serialize)]
        struct Areas {
            areas: Vec<Area>,
        }
        let parsed: Areas =
            toml::from_str(r#"areas = ["fine_motor", "school_readiness"]"#).unwrap();
        assert_eq!(parsed.areas, [Area::FineMotor, Area::SchoolReadiness]);
        assert_eq!(
            toml::to_string(&parsed).unwrap().trim(),
            r#"areas = ["fine_motor", "school_readiness"]"#
        );
    }

    const GOOD: &str = r#"
slug = "tiny"
areas = ["play"]
age_min_months = 12
age_max_months = 36

[en]
title = "Tiny"
why = "It helps."
steps = ["One.", "Two.", "Three."]
tips = ["A tip.", "Another tip."]
signs = ["A sign.", "Another sign."]
adaptations = ["A change."]

[es]
title = "Pequeño"
why = "Ayuda."
steps = ["Uno.", "Dos.", "Tres."]
tips = ["Un consejo.", "Otro consejo."]
signs = ["Una señal.", "Otra señal."]
adaptations = ["Un cambio."]
"#;

    fn refusal(text: &str) -> String {
        let files = [("tiny", text)];
        let error = load(&files).unwrap_err();
        assert!(error.starts_with("strategies/tiny.toml: "), "{error}");
        error
    }

    #[test]
    fn a_bad_file_is_refused_with_its_name_and_the_reason() {
        assert!(load(&[("tiny", GOOD)]).is_ok());
        let cases = [
            (GOOD.replace(r#"slug = "tiny""#, r#"slug = "small""#), "differs from the file name"),
            (GOOD.replace(r#"["play"]"#, r#"["play", "cooking"]"#), "unknown variant `cooking`"),
            (GOOD.replace(r#"["play"]"#, r#"["play", "play"]"#), "listed twice"),
            (GOOD.replace(r#"["play"]"#, "[]"), "no area"),
            (GOOD.replace("= 36", "= 12"), "min < max"),
            (GOOD.replace("= 36", "= 240"), "min < max"),
            (GOOD.replace("[en]\n", "[en]\ncolour = \"red\"\n"), "unknown field"),
            (GOOD.replace(r#"title = "Pequeño""#, r#"title = " ""#), "[es] title is empty"),
            (
                GOOD.replace(r#"why = "It helps.""#, r#"why = "A. B. C.""#),
                "[en] why is more than two",
            ),
            (GOOD.replace(r#", "Three.""#, ""), "[en] steps: 2 items"),
            (GOOD.replace(r#"["Un cambio."]"#, r#"["Un cambio.", "Otro."]"#), "differ in how many"),
            (GOOD.replace(r#""Otra señal.""#, r#""""#), "[es] signs: an item is empty"),
            (GOOD.replace("[es]", "[fr]"), "unknown field `fr`"),
        ];
        for (text, reason) in cases {
            let error = refusal(&text);
            assert!(error.contains(reason), "expected {reason:?} in {error:?}");
        }
    }

    #[test]
    fn every_bad_file_is_named_and_a_slug_is_used_once() {
        let other = GOOD.replace(r#"slug = "tiny""#, r#"slug = "other""#).replace("[es]", "[fr]");
        let error = load(&[("tiny", GOOD), ("tiny", GOOD), ("other", &other)]).unwrap_err();
        assert!(error.contains("strategies/tiny.toml: slug used twice"), "{error}");
        assert!(error.contains("strategies/other.toml: "), "{error}");
    }

    #[test]
    fn age_filter_includes_both_ends() {
        let s = &starter_library()[0];
        assert!(s.fits_age(s.age_min_months) && s.fits_age(s.age_max_months));
        assert!(!s.fits_age(s.age_max_months + 1));
        assert_eq!(find_starter(&s.slug), Some(s));
        assert_eq!(find_starter("no-such-strategy"), None);
    }
}
