//! Text analysis, per language, on tantivy's analysis chain.
//!
//! Two stages, so that the browser needs only the cheap first one:
//!
//! 1. **Surface forms** (the same in every language, mirrored exactly by `search.js`):
//!    Unicode NFKC, split into runs of letters and digits (`char::is_alphanumeric`, that is
//!    `\p{Alphabetic}` or `\p{N}`), Han/Kana/Hangul runs cut into overlapping character
//!    bigrams, lower case character by character, Arabic normalisation (no diacritics, no
//!    tatweel, one alef). [`surfaces`] runs this stage with [`SurfaceTokenizer`],
//!    tantivy's [`LowerCaser`] and [`ArabicNormalizer`].
//! 2. **Terms** (language-specific, only at build time): stop words removed, stemmed with
//!    tantivy's Snowball [`Stemmer`], accents folded, over-long terms dropped. [`Analyzer::term`]
//!    maps one surface form to its term. The index stores which surface forms lead to which
//!    term, so that a query only needs stage 1.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use unicode_normalization::UnicodeNormalization;

/// Terms longer than this (in bytes) are not indexed.
const MAX_TERM_BYTES: usize = 80;

/// True for characters written without spaces between words, indexed as bigrams.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF        // Hiragana, Katakana
        | 0x3400..=0x4DBF      // CJK Extension A
        | 0x4E00..=0x9FFF      // CJK Unified Ideographs
        | 0xAC00..=0xD7AF      // Hangul syllables
        | 0xF900..=0xFAFF      // CJK Compatibility Ideographs
        | 0x20000..=0x3134F // CJK Extensions B to G
    )
}

/// Arabic normalisation of one lower-cased token: no diacritics (harakat, superscript alef,
/// Quranic marks), no tatweel, the alef forms (أ إ آ ٱ) as bare alef, alef maksura as yeh.
pub fn normalize_arabic(text: &str, out: &mut String) {
    out.clear();
    for c in text.chars() {
        match c as u32 {
            0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640 => {}
            0x0622 | 0x0623 | 0x0625 | 0x0671 => out.push('\u{0627}'),
            0x0649 => out.push('\u{064A}'),
            _ => out.push(c),
        }
    }
}

/// Splits text into letter-and-digit runs after NFKC; runs of CJK characters become
/// overlapping bigrams (a lone CJK character stays a unigram).
#[derive(Clone, Default)]
pub struct SurfaceTokenizer {
    tokens: Vec<String>,
    token: Token,
}

pub struct SurfaceTokenStream<'a> {
    tokens: std::vec::IntoIter<String>,
    token: &'a mut Token,
}

impl Tokenizer for SurfaceTokenizer {
    type TokenStream<'a> = SurfaceTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SurfaceTokenStream<'a> {
        self.tokens.clear();
        split_surfaces(text, &mut self.tokens);
        self.token.reset();
        SurfaceTokenStream {
            tokens: std::mem::take(&mut self.tokens).into_iter(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for SurfaceTokenStream<'_> {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(text) => {
                self.token.position = self.token.position.wrapping_add(1);
                self.token.offset_from = 0;
                self.token.offset_to = text.len();
                self.token.text = text;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

fn split_surfaces(text: &str, out: &mut Vec<String>) {
    let normalized: String = text.nfkc().collect();
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut Vec<String>| {
        let mut start = 0;
        while start < run.len() {
            let cjk = is_cjk(run[start]);
            let mut end = start + 1;
            while end < run.len() && is_cjk(run[end]) == cjk {
                end += 1;
            }
            let segment = &run[start..end];
            if !cjk {
                out.push(segment.iter().collect());
            } else if segment.len() == 1 {
                out.push(segment[0].to_string());
            } else {
                out.extend(
                    segment
                        .windows(2)
                        .map(|pair| pair.iter().collect::<String>()),
                );
            }
            start = end;
        }
        run.clear();
    };
    for c in normalized.chars() {
        if c.is_alphanumeric() {
            run.push(c);
        } else {
            flush(&mut run, out);
        }
    }
    flush(&mut run, out);
}

/// Token filter for [`normalize_arabic`]; drops tokens that normalise to nothing.
#[derive(Clone)]
pub struct ArabicNormalizer;

impl TokenFilter for ArabicNormalizer {
    type Tokenizer<T: Tokenizer> = ArabicNormalizerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ArabicNormalizerFilter<T> {
        ArabicNormalizerFilter {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct ArabicNormalizerFilter<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for ArabicNormalizerFilter<T> {
    type TokenStream<'a> = ArabicNormalizerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicNormalizerStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

pub struct ArabicNormalizerStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for ArabicNormalizerStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let text = &self.tail.token().text;
            if text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                normalize_arabic(text, self.buffer);
                std::mem::swap(&mut self.tail.token_mut().text, self.buffer);
            }
            if !self.tail.token().text.is_empty() {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The surface forms of a text, in order: what `search.js` computes for a query.
pub fn surfaces(text: &str) -> Vec<String> {
    let mut analyzer = surface_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

fn surface_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SurfaceTokenizer::default())
        .filter(LowerCaser)
        .filter(ArabicNormalizer)
        .build()
}

/// Arabic stop words, already normalised (bare alef, yeh for alef maksura).
const ARABIC_STOP_WORDS: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "او",
    "ام",
    "ثم",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللواتي",
    "هو",
    "هي",
    "هم",
    "هن",
    "كان",
    "كانت",
    "قد",
    "لقد",
    "ما",
    "لا",
    "لم",
    "لن",
    "كل",
    "بين",
    "حتي",
    "عند",
    "منذ",
    "الا",
    "و",
    "ف",
    "ب",
    "ل",
    "اي",
    "اذا",
    "كما",
    "بعد",
    "قبل",
    "غير",
    "ذات",
    "وقد",
    "ولا",
    "وهو",
    "وهي",
    "فيه",
    "فيها",
    "به",
    "بها",
    "له",
    "لها",
    "منها",
    "عليها",
    "عليه",
];

/// The Snowball language of a BCP 47 code, if tantivy has a stemmer for it.
pub fn stemmer_language(lang: &str) -> Option<Language> {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    Some(match primary {
        "ar" => Language::Arabic,
        "da" => Language::Danish,
        "nl" => Language::Dutch,
        "en" => Language::English,
        "fi" => Language::Finnish,
        "fr" => Language::French,
        "de" => Language::German,
        "el" => Language::Greek,
        "hu" => Language::Hungarian,
        "it" => Language::Italian,
        "no" | "nb" | "nn" => Language::Norwegian,
        "pt" => Language::Portuguese,
        "ro" => Language::Romanian,
        "ru" => Language::Russian,
        "es" => Language::Spanish,
        "sv" => Language::Swedish,
        "ta" => Language::Tamil,
        "tr" => Language::Turkish,
        _ => return None,
    })
}

/// The analysis of one language: surface forms to terms.
pub struct Analyzer {
    surfaces: TextAnalyzer,
    terms: TextAnalyzer,
}

impl Analyzer {
    pub fn new(lang: &str) -> Analyzer {
        let language = stemmer_language(lang);
        let stop_words = match language {
            Some(Language::Arabic) => Some(StopWordFilter::remove(
                ARABIC_STOP_WORDS.iter().map(|w| w.to_string()),
            )),
            Some(language) => StopWordFilter::new(language),
            None => None,
        };
        let builder = TextAnalyzer::builder(RawTokenizer::default()).dynamic();
        let builder = match stop_words {
            Some(filter) => builder.filter_dynamic(filter),
            None => builder,
        };
        let builder = match language {
            Some(language) => builder.filter_dynamic(Stemmer::new(language)),
            None => builder,
        };
        let terms = builder
            .filter_dynamic(AsciiFoldingFilter)
            .filter_dynamic(RemoveLongFilter::limit(MAX_TERM_BYTES))
            .build();
        Analyzer {
            surfaces: surface_analyzer(),
            terms,
        }
    }

    /// Calls `sink` with every surface form of `text`, in order.
    pub fn each_surface(&mut self, text: &str, mut sink: impl FnMut(&str)) {
        let mut stream = self.surfaces.token_stream(text);
        while stream.advance() {
            sink(&stream.token().text);
        }
    }

    /// The term a surface form is indexed under; `None` for stop words and over-long forms.
    pub fn term(&mut self, surface: &str) -> Option<String> {
        let mut stream = self.terms.token_stream(surface);
        let mut term = None;
        while stream.advance() {
            term = Some(stream.token().text.clone());
        }
        term.filter(|t| !t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(lang: &str, text: &str) -> Vec<String> {
        let mut analyzer = Analyzer::new(lang);
        surfaces(text)
            .iter()
            .filter_map(|s| analyzer.term(s))
            .collect()
    }

    #[test]
    fn surfaces_are_nfkc_lower_case_runs_of_letters_and_digits() {
        assert_eq!(
            surfaces("Ratify the OP-CAT, A/HRC/52/11 (ﬁnal) ＡＢＣ l'enfant"),
            [
                "ratify", "the", "op", "cat", "a", "hrc", "52", "11", "final", "abc", "l", "enfant"
            ]
        );
    }

    #[test]
    fn arabic_loses_diacritics_tatweel_and_alef_forms() {
        assert_eq!(surfaces("التَّعْذِيب"), ["التعذيب"]);
        assert_eq!(surfaces("ســيادة"), ["سيادة"]);
        assert_eq!(
            surfaces("أحمد إلى آخر ٱلله"),
            ["احمد", "الي", "اخر", "الله"]
        );
        assert_eq!(surfaces("على"), ["علي"]);
        // Presentation forms become ordinary letters through NFKC.
        assert_eq!(surfaces("\u{FEDF}\u{FEE0}"), surfaces("\u{0644}\u{0644}"));
    }

    #[test]
    fn chinese_is_cut_into_bigrams() {
        assert_eq!(surfaces("促进法治"), ["促进", "进法", "法治"]);
        assert_eq!(surfaces("法"), ["法"]);
        assert_eq!(surfaces("2030年前"), ["2030", "年前"]);
        assert_eq!(terms("zh", "法治，司法"), ["法治", "司法"]);
    }

    #[test]
    fn stemming_makes_inflections_equal() {
        assert_eq!(terms("en", "torture"), terms("en", "tortures"));
        assert_eq!(terms("en", "Ratifying"), terms("en", "ratified"));
        assert_eq!(terms("fr", "droits"), terms("fr", "droit"));
        assert_eq!(terms("fr", "éducation"), terms("fr", "education"));
        assert_eq!(terms("es", "derechos"), terms("es", "derecho"));
        assert_eq!(terms("ru", "пытках"), terms("ru", "пытки"));
        assert_eq!(terms("ru", "верховенству"), terms("ru", "верховенство"));
        assert_eq!(terms("ar", "التعذيب"), terms("ar", "تعذيب"));
    }

    #[test]
    fn stop_words_are_dropped() {
        assert_eq!(terms("en", "the rule of law"), ["rule", "law"]);
        assert_eq!(
            terms("fr", "la protection des droits"),
            terms("fr", "protection droits")
        );
        assert_eq!(terms("ar", "في العدالة"), terms("ar", "العدالة"));
        assert!(terms("ru", "и в на").is_empty());
    }

    #[test]
    fn languages_without_a_stemmer_keep_their_words() {
        assert_eq!(terms("xx", "Words stay"), ["words", "stay"]);
        assert!(stemmer_language("zh").is_none());
        assert_eq!(stemmer_language("pt-BR"), Some(Language::Portuguese));
    }
}
