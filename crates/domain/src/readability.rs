//! Readability scores for the text caregivers read: Flesch–Kincaid grade for
//! English, Fernández-Huerta and Szigriszt–Pazos for Spanish.
//!
//! The formulas are only as good as the counts fed to them, so the counting
//! rules are written out here and tested on known words. A line break ends a
//! sentence: a list item without a full stop still reads as one sentence.

/// What every formula counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl Counts {
    pub fn english(text: &str) -> Counts {
        count(text, english_syllables)
    }

    pub fn spanish(text: &str) -> Counts {
        count(text, spanish_syllables)
    }

    fn words_per_sentence(self) -> f64 {
        self.words as f64 / self.sentences as f64
    }

    fn syllables_per_word(self) -> f64 {
        self.syllables as f64 / self.words as f64
    }
}

/// US school grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
/// `None` for a text without words.
pub fn flesch_kincaid_grade(text: &str) -> Option<f64> {
    let c = Counts::english(text);
    (c.words > 0).then(|| 0.39 * c.words_per_sentence() + 11.8 * c.syllables_per_word() - 15.59)
}

/// Fernández-Huerta (1959) lecturabilidad, 0–100 and higher is easier.
///
/// The formula is widely printed with "sentences per 100 words" as its last
/// term, which would make shorter sentences score *harder*; like Flesch's
/// original, of which it is an adaptation, it takes words per sentence.
pub fn fernandez_huerta(text: &str) -> Option<f64> {
    let c = Counts::spanish(text);
    (c.words > 0).then(|| 206.84 - 60.0 * c.syllables_per_word() - 1.02 * c.words_per_sentence())
}

/// Szigriszt–Pazos (1993) perspicuidad, the Flesch adaptation calibrated on
/// Spanish texts; 55–65 is "normal", higher is easier.
pub fn szigriszt_pazos(text: &str) -> Option<f64> {
    let c = Counts::spanish(text);
    (c.words > 0).then(|| 206.835 - 62.3 * c.syllables_per_word() - c.words_per_sentence())
}

/// Sentences as every formula here counts them.
pub fn sentence_count(text: &str) -> usize {
    count(text, |_| 0).sentences
}

fn count(text: &str, syllables: fn(&str) -> usize) -> Counts {
    let mut counts = Counts::default();
    for sentence in text.split(['.', '!', '?', '…', '\n']) {
        let words: Vec<&str> = words(sentence).collect();
        if !words.is_empty() {
            counts.sentences += 1;
            counts.words += words.len();
            counts.syllables += words.iter().map(|w| syllables(w)).sum::<usize>();
        }
    }
    counts
}

/// Words split at spaces, slashes and dashes; a hyphenated word stays one
/// word, as most readability tools count it (which only makes it score harder).
fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '–' | '—'))
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|token| token.chars().any(char::is_alphanumeric))
}

/// A numeral is read aloud as words; one syllable per digit is close enough
/// for the small numbers in caregiver text ("10", "15", "20").
fn numeral_syllables(part: &str) -> Option<usize> {
    let digits = part.chars().filter(char::is_ascii_digit).count();
    (digits > 0).then_some(digits)
}

// ---------------------------------------------------------------- English --

/// Syllables of an English word by spelling rules: vowel groups, less a silent
/// final e (-e, -es, -ed), plus the vowel pairs that are said as two syllables,
/// with a short list of common words the rules get wrong.
pub fn english_syllables(word: &str) -> usize {
    word.split('-').map(english_part).sum::<usize>().max(1)
}

fn english_part(part: &str) -> usize {
    if let Some(n) = numeral_syllables(part) {
        return n;
    }
    let w: String =
        part.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    if w.is_empty() {
        return 0;
    }
    if let Some(n) = english_exception(&w) {
        return n;
    }
    // A suffix said as its own syllable hides a silent e before it ("safely",
    // "movement", "careful"), which the whole-word rules would count.
    for (suffix, syllables) in
        [("fully", 2), ("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("ful", 1), ("ly", 1)]
    {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.len() >= 2
            && stem.chars().any(|c| "aeiouy".contains(c))
        {
            return english_core(stem) + syllables;
        }
    }
    english_core(&w)
}

fn english_core(w: &str) -> usize {
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    if n <= 3 {
        return 1;
    }
    let vowel = |i: usize| is_english_vowel(&c, i);
    let mut count = 0;
    let mut i = 0;
    while i < n {
        if vowel(i) {
            let start = i;
            while i < n && vowel(i) {
                i += 1;
            }
            count += 1 + split_vowel_group(&c, start, i);
        } else {
            i += 1;
        }
    }
    if count > 1 && silent_final_e(&c, &vowel) {
        count -= 1;
    }
    // "-ism" and "-ire" hide a second vowel sound: "au-tis-m", "ti-er".
    if ["ism", "ire", "ires", "ired"].iter().any(|end| w.ends_with(end)) {
        count += 1;
    }
    count.max(1)
}

/// `y` is a consonant at the start of a word ("yes") and between vowels
/// ("crayon"); elsewhere a vowel ("happy", "try", "play").
fn is_english_vowel(c: &[char], i: usize) -> bool {
    match c[i] {
        'a' | 'e' | 'i' | 'o' | 'u' => true,
        'y' => {
            let before_vowel = c.get(i + 1).is_some_and(|n| "aeiou".contains(*n));
            let after_vowel = i > 0 && "aeiou".contains(c[i - 1]);
            i > 0 && !(before_vowel && after_vowel)
        }
        _ => false,
    }
}

/// Extra syllables inside one vowel group `c[start..end]`: "ia" in "media",
/// "ua" in "usual", "eo" in "video", "-ier" in "easier", "-ing" in "going".
fn split_vowel_group(c: &[char], start: usize, end: usize) -> usize {
    let before = |i: usize| if i == 0 { ' ' } else { c[i - 1] };
    let rest: String = c[end..].iter().collect();
    let mut extra = 0;
    for i in start..end.saturating_sub(1) {
        let extra_here = match (c[i], c[i + 1]) {
            ('i', 'a') => !"ct".contains(before(i)),
            ('i', 'o') => !"ctsghx".contains(before(i)),
            ('i', 'u') | ('e', 'o') => true,
            ('u', 'a') | ('u', 'o') => !"qg".contains(before(i)),
            ('e', 'a') => rest.is_empty() || rest == "s",
            ('i', 'e') => {
                matches!(rest.as_str(), "r" | "rs" | "st")
                    || rest.starts_with('t')
                    || ((rest.starts_with("nt") || rest.starts_with("nce"))
                        && !"ct".contains(before(i)))
            }
            (_, 'i') => rest == "ng" || rest == "ngs",
            _ => false,
        };
        extra += usize::from(extra_here);
    }
    extra
}

/// A final e is silent after a consonant ("make"), and so is the e of a final
/// -es or -ed ("makes", "helped"), except where it is heard: consonant + le
/// ("table", "tables"), -ted/-ded ("wanted"), and -es after a hissing sound
/// ("boxes", "washes", "pages").
fn silent_final_e(c: &[char], vowel: &dyn Fn(usize) -> bool) -> bool {
    let n = c.len();
    let syllabic_le = |l: usize| c[l] == 'l' && l >= 1 && !vowel(l - 1) && c[l - 1] != 'l';
    if c[n - 1] == 'e' {
        return !vowel(n - 2) && !syllabic_le(n - 2);
    }
    let (e, last) = (n - 2, c[n - 1]);
    if c[e] != 'e' || !matches!(last, 's' | 'd') || vowel(e - 1) || syllabic_le(e - 1) {
        return false;
    }
    let before = c[e - 1];
    if last == 'd' {
        return !matches!(before, 't' | 'd');
    }
    let hissing = matches!(before, 's' | 'x' | 'z' | 'c' | 'g')
        || (before == 'h' && e >= 2 && matches!(c[e - 2], 'c' | 's'));
    !hissing
}

fn english_exception(w: &str) -> Option<usize> {
    let n = match w {
        "any" | "every" | "someone" | "something" | "sometimes" | "somewhere" | "maybe"
        | "people" | "science" | "business" | "hundred" | "poem" | "onion" | "million"
        | "create" | "evening" | "homework" | "sidewalk" | "lifetime" | "timeline" => 2,
        "everyone" | "everything" | "everywhere" | "everyday" | "anyone" | "anytime"
        | "anywhere" | "somebody" | "recipe" | "created" | "creates" | "cereal" => 3,
        "everybody" => 4,
        _ => return None,
    };
    Some(n)
}

// ---------------------------------------------------------------- Spanish --

#[derive(Clone, Copy, PartialEq, Eq)]
enum SpanishVowel {
    /// a, e, o, with or without an accent.
    Open,
    /// i, u, ü (and y at the end of a syllable): glide next to another vowel.
    Closed,
    /// í, ú: an accent that breaks the diphthong ("día", "reúne").
    StressedClosed,
}

fn spanish_vowel(c: &[char], i: usize) -> Option<SpanishVowel> {
    use SpanishVowel::*;
    match c[i] {
        'a' | 'e' | 'o' | 'á' | 'é' | 'ó' => Some(Open),
        'i' | 'u' | 'ü' => Some(Closed),
        'í' | 'ú' => Some(StressedClosed),
        // "hoy", "muy", "y": a vowel unless a vowel follows ("yo", "ayuda").
        'y' if i + 1 == c.len() || spanish_vowel(c, i + 1).is_none() => Some(Closed),
        _ => None,
    }
}

/// Syllables of a Spanish word: one per vowel nucleus, where two adjacent
/// vowels share a nucleus (diphthong, as in "juego", "ciudad") unless both
/// are open or an accented í/ú stands next to an open vowel (hiatus, as in
/// "leer", "día"). Three vowels closed–open–closed share one ("buey").
/// The written h separates nuclei, which is how most words are said.
pub fn spanish_syllables(word: &str) -> usize {
    word.split('-').map(spanish_part).sum::<usize>().max(1)
}

fn spanish_part(part: &str) -> usize {
    use SpanishVowel::*;
    if let Some(n) = numeral_syllables(part) {
        return n;
    }
    let c: Vec<char> =
        part.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    let mut nuclei = 0;
    let mut previous: Option<SpanishVowel> = None;
    for i in 0..c.len() {
        let current = spanish_vowel(&c, i);
        if let Some(v) = current {
            let hiatus = match previous {
                None => true,
                Some(p) => {
                    matches!((p, v), (Open, Open) | (Open, StressedClosed) | (StressedClosed, Open))
                }
            };
            nuclei += usize::from(hiatus);
        }
        previous = current;
    }
    nuclei.max(usize::from(!c.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_syllables_of_known_words() {
        let known = [
            ("the", 1),
            ("cat", 1),
            ("make", 1),
            ("makes", 1),
            ("time", 1),
            ("times", 1),
            ("house", 1),
            ("whole", 1),
            ("while", 1),
            ("clothes", 1),
            ("shoes", 1),
            ("eyes", 1),
            ("helped", 1),
            ("played", 1),
            ("tried", 1),
            ("used", 1),
            ("learned", 1),
            ("play", 1),
            ("toys", 1),
            ("friend", 1),
            ("piece", 1),
            ("juice", 1),
            ("yes", 1),
            ("once", 1),
            ("table", 2),
            ("tables", 2),
            ("little", 2),
            ("apple", 2),
            ("people", 2),
            ("wanted", 2),
            ("needed", 2),
            ("boxes", 2),
            ("washes", 2),
            ("pages", 2),
            ("places", 2),
            ("uses", 2),
            ("going", 2),
            ("doing", 2),
            ("being", 2),
            ("trying", 2),
            ("playing", 2),
            ("crayon", 2),
            ("toilet", 2),
            ("quiet", 2),
            ("only", 2),
            ("safely", 2),
            ("movement", 2),
            ("careful", 2),
            ("before", 2),
            ("outside", 2),
            ("bedtime", 2),
            ("minute", 2),
            ("moment", 2),
            ("every", 2),
            ("maybe", 2),
            ("puzzles", 2),
            ("bubbles", 2),
            ("family", 3),
            ("favorite", 3),
            ("idea", 3),
            ("area", 3),
            ("media", 3),
            ("usual", 3),
            ("video", 3),
            ("easier", 3),
            ("radio", 3),
            ("curious", 3),
            ("diaper", 3),
            ("beautiful", 3),
            ("together", 3),
            ("everything", 3),
            ("usually", 4),
            ("actually", 4),
            ("anxiety", 4),
            ("experience", 4),
            ("question", 2),
            ("position", 3),
            ("delicious", 3),
            ("pajamas", 3),
            ("calendar", 3),
            ("first-then", 2),
            ("15", 2),
            ("any", 2),
            ("cushion", 2),
            ("cushions", 2),
            ("fashion", 2),
            ("pulled", 1),
            ("rolled", 1),
            ("smiled", 1),
            ("puzzled", 2),
            ("tired", 2),
            ("tire", 2),
            ("fire", 2),
        ];
        let wrong: Vec<String> = known
            .iter()
            .filter(|(word, n)| english_syllables(word) != *n)
            .map(|(word, n)| format!("{word}: expected {n}, got {}", english_syllables(word)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn spanish_syllables_of_known_words() {
        let known = [
            ("y", 1),
            ("hoy", 1),
            ("muy", 1),
            ("que", 1),
            ("pan", 1),
            ("yo", 1),
            ("buey", 1),
            ("juego", 2),
            ("día", 2),
            ("leer", 2),
            ("frío", 2),
            ("país", 2),
            ("creo", 2),
            ("baño", 2),
            ("aire", 2),
            ("ciudad", 2),
            ("ruido", 2),
            ("hay", 1),
            ("tiempo", 2),
            ("después", 2),
            ("huevo", 2),
            ("ahí", 2),
            ("oír", 2),
            ("guiso", 2),
            ("queso", 2),
            ("ayuda", 3),
            ("cuidado", 3),
            ("pijama", 3),
            ("reúne", 3),
            ("oído", 3),
            ("poeta", 3),
            ("pingüino", 3),
            ("ahora", 3),
            ("video", 3),
            ("toalla", 3),
            ("Uruguay", 3),
            ("zapatos", 3),
            ("rutina", 3),
            ("actividad", 4),
            ("calcetines", 4),
            ("aéreo", 4),
            ("paciencia", 3),
            ("niño", 2),
            ("ánimo", 3),
            ("prohibido", 4),
            ("cuchara", 3),
            ("abuela", 3),
            ("abuelo", 3),
            ("terapeuta", 4),
            ("esfuerzo", 3),
        ];
        let wrong: Vec<String> = known
            .iter()
            .filter(|(word, n)| spanish_syllables(word) != *n)
            .map(|(word, n)| format!("{word}: expected {n}, got {}", spanish_syllables(word)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks_and_words_skip_punctuation() {
        let c = Counts::english("Put on one sock. Then the other!\nWell done\n\n...");
        assert_eq!(c, Counts { sentences: 3, words: 9, syllables: 10 });
        let c = Counts::spanish("¿Qué ve? ¡Muy bien! — Siga así");
        assert_eq!(c, Counts { sentences: 3, words: 6, syllables: 8 });
    }

    #[test]
    fn formulas_match_hand_computed_values() {
        // 6 words, 6 syllables, 1 sentence: 0.39·6 + 11.8·1 − 15.59.
        let fk = flesch_kincaid_grade("The cat sat on the mat.").unwrap();
        assert!((fk - (-1.45)).abs() < 1e-9, "{fk}");
        // 4 words, 6 syllables, 1 sentence.
        let fh = fernandez_huerta("Mi mamá me mima.").unwrap();
        assert!((fh - (206.84 - 60.0 * 1.5 - 1.02 * 4.0)).abs() < 1e-9, "{fh}");
        let sp = szigriszt_pazos("Mi mamá me mima.").unwrap();
        assert!((sp - (206.835 - 62.3 * 1.5 - 4.0)).abs() < 1e-9, "{sp}");
    }

    #[test]
    fn shorter_sentences_read_easier_in_every_formula() {
        let long = "Mire lo que hace y espere con calma y luego diga lo que vio";
        let short = "Mire lo que hace. Espere con calma. Luego diga lo que vio.";
        assert!(fernandez_huerta(short).unwrap() > fernandez_huerta(long).unwrap());
        assert!(szigriszt_pazos(short).unwrap() > szigriszt_pazos(long).unwrap());
        let long = "Watch what your child does and wait calmly and then say what you saw";
        let short = "Watch what your child does. Wait calmly. Then say what you saw.";
        assert!(flesch_kincaid_grade(short).unwrap() < flesch_kincaid_grade(long).unwrap());
    }

    #[test]
    fn a_text_without_words_has_no_score() {
        assert_eq!(flesch_kincaid_grade(" ... \n"), None);
        assert_eq!(fernandez_huerta(""), None);
        assert_eq!(szigriszt_pazos("¡!"), None);
    }
}
