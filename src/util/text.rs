//! Positions in source text, for diagnostics.

/// 1-based line and column of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (u64, u64) {
    let mut end = offset.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let before = &source[..end];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, column)
}
