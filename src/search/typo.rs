//! Typo tolerance: which words a misspelt word may have meant, by edit distance with
//! transpositions (optimal string alignment), counted in characters. `search.js` has the same
//! two functions. docs/search.md, "Typos".

use super::analysis::is_cjk;

/// Words of fewer characters are not corrected.
pub const MIN_TYPO_CHARS: usize = 3;
/// From this many characters on, a word may have two edits; below, one.
pub const TWO_EDITS_CHARS: usize = 5;
/// The typo side index lists words of at most this many characters.
pub const MAX_TYPO_CHARS: usize = 40;

/// The edits a word of `chars` may have: 0 (not corrected), 1 or 2. CJK and words with
/// digits (years, numbers) are not corrected.
pub fn max_edits(word: &[char]) -> usize {
    if word.len() < MIN_TYPO_CHARS
        || word.len() > MAX_TYPO_CHARS
        || word.iter().any(|&c| is_cjk(c) || c.is_numeric())
    {
        0
    } else if word.len() >= TWO_EDITS_CHARS {
        2
    } else {
        1
    }
}

/// True when a vocabulary word may be offered as a correction: letters only, not too long.
pub fn correctable(word: &str) -> bool {
    let n = word.chars().count();
    (2..=MAX_TYPO_CHARS).contains(&n) && word.chars().all(|c| c.is_alphabetic() && !is_cjk(c))
}

/// Optimal string alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and transpositions of neighbours count 1), or `None` when above `max`.
pub fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        distance(&a, &b, 2)
    }

    #[test]
    fn transpositions_count_one_and_far_words_are_cut_off() {
        assert_eq!(d("totrure", "torture"), Some(1));
        assert_eq!(d("tortue", "torture"), Some(1));
        assert_eq!(d("torrture", "torture"), Some(1));
        assert_eq!(d("tarture", "torture"), Some(1));
        assert_eq!(d("trotrue", "torture"), Some(2));
        assert_eq!(d("детенция", "детенции"), Some(1));
        assert_eq!(d("ab", "ba"), Some(1));
        assert_eq!(d("detention", "torture"), None);
        assert_eq!(d("torture", "torture"), Some(0));
    }

    #[test]
    fn short_words_numbers_and_cjk_are_not_corrected() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(max_edits(&chars("ab")), 0);
        assert_eq!(max_edits(&chars("tor")), 1);
        assert_eq!(max_edits(&chars("tortr")), 2);
        assert_eq!(max_edits(&chars("2023")), 0);
        assert_eq!(max_edits(&chars("酷刑酷")), 0);
        assert!(correctable("torture"));
        assert!(!correctable("r1234"));
    }
}
