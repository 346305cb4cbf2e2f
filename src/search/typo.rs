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

/// The typo files serve queries of up to this many edits ("Did you mean" looks one edit
/// further than a correction).
pub const MAX_KEY_EDITS: usize = 3;
/// About this many rows per typo file.
pub const KEY_ROWS_PER_FILE: usize = 24;

/// The `k + 1` consecutive parts of a word of `n` characters, as (start, length), the first
/// ones longer; `None` when the word is shorter than that.
fn parts(n: usize, k: usize) -> Option<Vec<(usize, usize)>> {
    let m = k + 1;
    if n < m {
        return None;
    }
    let (base, extra) = (n / m, n % m);
    let mut start = 0;
    Some(
        (0..m)
            .map(|i| {
                let len = base + usize::from(i < extra);
                start += len;
                (start - len, len)
            })
            .collect(),
    )
}

/// A typo key: edits, the word's length, the part and its characters, or the length alone
/// for a word too short to have `k + 1` parts.
fn key(k: usize, n: usize, part: Option<(usize, &[char])>) -> String {
    match part {
        Some((i, content)) => format!("{k} {n} {i} {}", content.iter().collect::<String>()),
        None => format!("{k} {n}"),
    }
}

/// The keys a vocabulary word is filed under, for each number of edits a query may have:
/// each of its `k + 1` parts. A word within `k` edits of the typed word keeps one of its
/// parts untouched (pigeonhole: a transposition across two parts is counted against the
/// first), found in the typed word within `k` characters of where it stands, or just after
/// a transposition with the character before it; see [`query_keys`]. With each key, the
/// characters of the word it names (start, length; length 0 for a word too short for parts):
/// the typo file leaves them out of the word, since the key has them.
pub fn word_keys(word: &[char]) -> Vec<(String, (usize, usize))> {
    let n = word.len();
    // Every word has keys of one edit: the client looks corrections up one edit at a time
    // (the nearest only), and most typos are one edit from their word.
    (1..=MAX_KEY_EDITS)
        .flat_map(|k| match parts(n, k) {
            None => vec![(key(k, n, None), (0, 0))],
            Some(parts) => parts
                .iter()
                .enumerate()
                .map(|(i, &(s, len))| (key(k, n, Some((i, &word[s..s + len]))), (s, len)))
                .collect(),
        })
        .collect()
}

/// The keys whose words include every correctable word within `k` edits of `word` (sorted).
/// For each length `n` within `k` of the typed word's and each part of such a word: the
/// typed characters where the part would stand after `δ` more insertions than deletions
/// before it, and the same with its first character replaced by the one before it (a
/// transposition across the part's start, one edit more). Only where it can be the first
/// untouched part: `max(i, |δ| (+ 1)) + |L − n − δ| ≤ k`, as every part before it has an
/// edit of its own.
/// The Rust side scans the whole vocabulary; this mirrors `search.js` `typoKeys`, so that the
/// test below proves what the client fetches.
#[cfg(test)]
fn query_keys(word: &[char], k: usize) -> Vec<String> {
    let l = word.len() as isize;
    let k_signed = k as isize;
    let mut keys = Vec::new();
    for n in l.saturating_sub(k_signed).max(2)..=l + k_signed {
        let Some(parts) = parts(n as usize, k) else {
            keys.push(key(k, n as usize, None));
            continue;
        };
        let d = l - n;
        for (i, &(start, len)) in parts.iter().enumerate() {
            // The first untouched part: every part before it has an edit of its own.
            let before = |edits: isize| (i as isize).max(edits);
            for delta in -k_signed..=k_signed {
                let a = start as isize + delta;
                let after = (d - delta).abs();
                if before(delta.abs()) + after > k_signed || a < 0 || a + len as isize > l {
                    continue;
                }
                let a = a as usize;
                let base = &word[a..a + len];
                keys.push(key(k, n as usize, Some((i, base))));
                if i > 0 && a > 0 && before(delta.abs() + 1) + after <= k_signed {
                    let swapped: Vec<char> = std::iter::once(word[a - 1])
                        .chain(base[1..].iter().copied())
                        .collect();
                    keys.push(key(k, n as usize, Some((i, &swapped))));
                }
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
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

    /// Every word within k edits of a misspelling is filed under one of the keys the
    /// misspelling looks up: the split typo files lose no correction of the unsplit ones.
    #[test]
    fn the_keys_of_a_misspelling_reach_every_word_within_its_edits() {
        let mut seed = 7u64;
        let mut next = |m: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % m
        };
        let letters: Vec<char> = "aeioustrnlcdб".chars().collect();
        let mut vocabulary: Vec<Vec<char>> = (0..3000)
            .map(|_| {
                let n = 2 + next(11);
                (0..n).map(|_| letters[next(letters.len())]).collect()
            })
            .collect();
        vocabulary.sort();
        vocabulary.dedup();
        let filed: Vec<std::collections::HashSet<String>> = vocabulary
            .iter()
            .map(|w| word_keys(w).into_iter().map(|(key, _)| key).collect())
            .collect();
        let mut checked = 0;
        for round in 0..600 {
            let mut typed = vocabulary[next(vocabulary.len())].clone();
            for _ in 0..=round % 3 {
                let at = next(typed.len());
                match next(4) {
                    0 => typed.insert(at, letters[next(letters.len())]),
                    1 if typed.len() > 2 => drop(typed.remove(at)),
                    2 => typed[at] = letters[next(letters.len())],
                    _ if at + 1 < typed.len() => typed.swap(at, at + 1),
                    _ => {}
                }
            }
            for k in 1..=MAX_KEY_EDITS {
                let keys: std::collections::HashSet<String> =
                    query_keys(&typed, k).into_iter().collect();
                for (word, own) in vocabulary.iter().zip(&filed) {
                    if distance(&typed, word, k).is_some() {
                        checked += 1;
                        assert!(
                            own.iter().any(|key| keys.contains(key)),
                            "{typed:?} within {k} of {word:?}"
                        );
                    }
                }
            }
        }
        assert!(checked > 2000, "{checked} corrections checked");
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
