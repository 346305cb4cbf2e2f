//! SVG charts drawn at build time: no JavaScript, sharp in print, mirrored right to left,
//! status colours plus patterns so that no information rests on colour alone. Every chart
//! carries its numbers as `data-value` attributes; templates show the same numbers in a table.

use std::fmt::Write as _;

use crate::xml::escape;

/// One series of a stacked chart: a status (or "unreported") and its style.
#[derive(Debug, Clone)]
pub struct Series {
    /// CSS class giving the fill colour (`status-in-progress`, `fill-none`).
    pub class: String,
    pub label: String,
    /// Pattern drawn over the colour: 0 none, 1 diagonal, 2 dots, 3 cross, 4 horizontal, ...
    pub pattern: usize,
}

/// `text-anchor` values follow the text direction, which charts inherit from the page:
/// in right-to-left pages `start` is the right edge.
fn anchor_left(rtl: bool) -> &'static str {
    if rtl { "end" } else { "start" }
}

fn anchor_right(rtl: bool) -> &'static str {
    if rtl { "start" } else { "end" }
}

/// `<defs>` with one pattern per kind, ids scoped by `id`.
fn pattern_defs(id: &str, series: &[Series]) -> String {
    let mut defs = String::from("<defs>");
    for (index, s) in series.iter().enumerate() {
        let shape = match s.pattern % 6 {
            1 => "<path d=\"M0 6 L6 0\" class=\"hatch\"/>",
            2 => "<circle cx=\"3\" cy=\"3\" r=\"1.2\" class=\"dot\"/>",
            3 => "<path d=\"M0 6 L6 0 M0 0 L6 6\" class=\"hatch\"/>",
            4 => "<path d=\"M0 3 H6\" class=\"hatch\"/>",
            5 => "<path d=\"M3 0 V6\" class=\"hatch\"/>",
            _ => "",
        };
        let _ = write!(
            defs,
            "<pattern id=\"{id}-p{index}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" class=\"fill {}\"/>{shape}</pattern>",
            escape(&s.class)
        );
    }
    defs.push_str("</defs>");
    defs
}

/// Chart text size in SVG user units. Charts with text are drawn [`TEXT_CHART_WIDTH`] units
/// wide and shown between 18 rem (a 320 px screen) and 30 rem wide (docket.css), so that text
/// renders between 12 and 20 CSS px: it never scales below 12 px on a phone.
const FONT: f64 = 13.5;
const TEXT_CHART_WIDTH: f64 = 320.0;

/// Rough width of a label in user units, for thinning labels so that they never overlap
/// (generous: Arabic and CJK glyphs are wider than Latin ones).
fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * FONT * 0.62
}

/// Every `step`-th label counting back from the last, with `step` large enough that labels of
/// this width fit in `slot` units each.
fn label_step(labels: &[String], slot: f64) -> usize {
    let widest = labels.iter().map(|l| label_width(l)).fold(0.0, f64::max);
    ((widest + FONT) / slot.max(1.0)).ceil().max(1.0) as usize
}

/// The legend, in HTML beside the chart so that it reflows and keeps the page's text size:
/// a patterned swatch (the chart's own patterns) and a label per series.
pub fn legend_html(id: &str, labels: &[String]) -> String {
    let mut html = String::from("<ul class=\"chart-legend\">");
    for (index, label) in labels.iter().enumerate() {
        let _ = write!(
            html,
            "<li><svg class=\"swatch\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"16\" height=\"16\" fill=\"url(#{id}-p{index})\"/></svg> {}</li>",
            escape(label)
        );
    }
    html.push_str("</ul>");
    html
}

/// A 100% stacked horizontal bar of one distribution, then its legend in HTML. The bar has
/// no text, so it may stretch to any width.
pub fn distribution(
    id: &str,
    title: &str,
    series: &[Series],
    counts: &[usize],
    rtl: bool,
) -> String {
    let total: usize = counts.iter().sum();
    let (width, bar_height) = (600.0_f64, 28.0_f64);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart chart-distribution\" viewBox=\"0 0 {width} {bar_height}\" preserveAspectRatio=\"none\" role=\"img\" aria-labelledby=\"{id}-title\" data-total=\"{total}\"><title id=\"{id}-title\">{}</title>",
        escape(title)
    );
    svg.push_str(&pattern_defs(id, series));
    let mut x = 0.0;
    for (index, (s, &count)) in series.iter().zip(counts).enumerate() {
        let w = if total == 0 {
            0.0
        } else {
            width * count as f64 / total as f64
        };
        let left = if rtl { width - x - w } else { x };
        let _ = write!(
            svg,
            "<rect x=\"{left:.2}\" y=\"0\" width=\"{w:.2}\" height=\"{bar_height}\" fill=\"url(#{id}-p{index})\" class=\"segment\" data-series=\"{}\" data-value=\"{count}\"><title>{}: {count}</title></rect>",
            escape(&s.class),
            escape(&s.label)
        );
        x += w;
    }
    svg.push_str("</svg>");
    let labels: Vec<String> = series
        .iter()
        .zip(counts)
        .map(|(s, count)| format!("{} ({count})", s.label))
        .collect();
    svg.push_str(&legend_html(id, &labels));
    svg
}

/// Stacked 100% columns over time: one column per period, one segment per series, then the
/// legend in HTML. `rows[p][s]` is the count of series `s` in period `p`; `labels[p]` names
/// the period. Period labels are thinned so that they never overlap, the last one always shown.
pub fn stacked_columns(
    id: &str,
    title: &str,
    series: &[Series],
    labels: &[String],
    rows: &[Vec<usize>],
    rtl: bool,
) -> String {
    let width = TEXT_CHART_WIDTH;
    let (plot_height, top) = (150.0_f64, 8.0_f64);
    let axis = label_width("100%") + 6.0;
    let height = top + plot_height + FONT + 14.0;
    // Room at the far side so that the last period's label is not cut.
    let pad = 30.0;
    let plot_left = if rtl { pad } else { axis };
    let plot_width = width - axis - pad;
    let n = rows.len().max(1) as f64;
    let slot = plot_width / n;
    let bar = (slot * 0.8).max(1.0);
    let step = label_step(labels, slot);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart chart-progress\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\"><title id=\"{id}-title\">{}</title>",
        escape(title)
    );
    svg.push_str(&pattern_defs(id, series));
    let label_x = if rtl { width - 2.0 } else { axis - 4.0 };
    percent_gridlines(
        &mut svg,
        (plot_left, plot_width),
        (top, plot_height),
        label_x,
        rtl,
    );
    let slot_x_of = |p: usize| {
        if rtl {
            plot_left + plot_width - (p as f64 + 1.0) * slot
        } else {
            plot_left + p as f64 * slot
        }
    };
    for (p, counts) in rows.iter().enumerate() {
        let x = slot_x_of(p) + (slot - bar) / 2.0;
        let column = Column {
            id,
            period: p,
            x,
            bar,
            top,
            plot_height,
        };
        column_segments(&mut svg, &column, counts, series.len());
    }
    let centres: Vec<f64> = (0..rows.len()).map(|p| slot_x_of(p) + slot / 2.0).collect();
    let bounds = if rtl {
        (0.0, width - axis)
    } else {
        (axis, width)
    };
    period_labels(
        &mut svg,
        labels,
        &centres,
        step,
        bounds,
        top + plot_height + FONT + 4.0,
    );
    svg.push_str("</svg>");
    let labels: Vec<String> = series.iter().map(|s| s.label.clone()).collect();
    svg.push_str(&legend_html(id, &labels));
    svg
}

/// The 0%, 50% and 100% lines across the plot, labelled at `label_x`.
fn percent_gridlines(
    svg: &mut String,
    (plot_left, plot_width): (f64, f64),
    (top, plot_height): (f64, f64),
    label_x: f64,
    rtl: bool,
) {
    for (tick, label) in [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")] {
        let y = top + plot_height * (1.0 - tick);
        let (x1, x2) = (plot_left, plot_left + plot_width);
        let _ = write!(
            svg,
            "<line x1=\"{x1}\" x2=\"{x2}\" y1=\"{y}\" y2=\"{y}\" class=\"gridline\"/><text x=\"{label_x}\" y=\"{}\" text-anchor=\"{}\" class=\"axis\">{label}</text>",
            y + 4.5,
            anchor_right(rtl)
        );
    }
}

/// Where one period's column of a stacked chart stands.
struct Column<'a> {
    id: &'a str,
    period: usize,
    x: f64,
    bar: f64,
    top: f64,
    plot_height: f64,
}

/// One period's column: a segment for each of the first `series` counts, bottom up, each its
/// share of the period's total.
fn column_segments(svg: &mut String, column: &Column, counts: &[usize], series: usize) {
    let Column {
        id,
        period: p,
        x,
        bar,
        top,
        plot_height,
    } = *column;
    let total: usize = counts.iter().sum();
    let mut y = top + plot_height;
    // The numbers are in the table next to the chart; no per-segment tooltip keeps pages small.
    for (index, &count) in counts.iter().enumerate().take(series) {
        let h = if total == 0 {
            0.0
        } else {
            plot_height * count as f64 / total as f64
        };
        y -= h;
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"url(#{id}-p{index})\" data-period=\"{p}\" data-value=\"{count}\"/>"
        );
    }
}

/// Period labels under the columns: every `step`-th counting back from the last (the most
/// recent always shown), moved inside `bounds` (clear of the percentage axis), and any label
/// that would touch one already placed left out, so that labels never overlap.
fn period_labels(
    svg: &mut String,
    labels: &[String],
    centres: &[f64],
    step: usize,
    bounds: (f64, f64),
    y: f64,
) {
    let mut placed: Vec<(f64, f64)> = Vec::new();
    for p in (0..labels.len()).rev().step_by(step) {
        let half = label_width(&labels[p]) / 2.0;
        if 2.0 * half > bounds.1 - bounds.0 {
            continue;
        }
        let centre = centres[p].clamp(bounds.0 + half, bounds.1 - half);
        let (left, right) = (centre - half, centre + half);
        if placed
            .iter()
            .any(|&(l, r)| left < r + FONT / 2.0 && right > l - FONT / 2.0)
        {
            continue;
        }
        placed.push((left, right));
        let _ = write!(
            svg,
            "<text x=\"{centre:.2}\" y=\"{y}\" text-anchor=\"middle\" class=\"axis\">{}</text>",
            escape(&labels[p])
        );
    }
}

/// One dated value of a line chart.
pub struct LinePoint {
    /// Position along the time axis, from 0 to 1.
    pub position: f64,
    /// The full date, for the tooltip.
    pub label: String,
    /// A short label under the axis (the year).
    pub axis: String,
    pub value: f64,
    /// The value as the page's language writes it.
    pub formatted: String,
}

pub fn line(
    id: &str,
    title: &str,
    points: &[LinePoint],
    baseline: Option<(f64, String)>,
    target: Option<(f64, String)>,
    rtl: bool,
) -> String {
    let scale = LineScale::new(points, &baseline, &target, rtl);
    let (width, height) = (scale.width, scale.height);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart chart-line\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\"><title id=\"{id}-title\">{}</title>",
        escape(title)
    );
    let (plot_left, plot_right) = (scale.plot_left, scale.plot_left + scale.plot_width);
    let _ = write!(
        svg,
        "<line x1=\"{plot_left}\" x2=\"{plot_right}\" y1=\"{}\" y2=\"{}\" class=\"gridline\"/>",
        scale.y_of(scale.min),
        scale.y_of(scale.min)
    );
    for (class, reference) in [("baseline", &baseline), ("target", &target)] {
        if let Some((value, label)) = reference {
            let y = scale.y_of(*value);
            let (label_x, anchor) = if rtl {
                (plot_left, anchor_left(rtl))
            } else {
                (plot_right, anchor_right(rtl))
            };
            let _ = write!(
                svg,
                "<line x1=\"{plot_left}\" x2=\"{plot_right}\" y1=\"{y:.2}\" y2=\"{y:.2}\" class=\"reference {class}\" data-value=\"{value}\"/><text x=\"{label_x}\" y=\"{:.2}\" text-anchor=\"{anchor}\" class=\"legend\">{}</text>",
                y - 4.0,
                escape(label)
            );
        }
    }
    if points.len() > 1 {
        let path: Vec<String> = points
            .iter()
            .map(|p| format!("{:.2},{:.2}", scale.x_of(p.position), scale.y_of(p.value)))
            .collect();
        let _ = write!(
            svg,
            "<polyline points=\"{}\" class=\"series\"/>",
            path.join(" ")
        );
    }
    point_labels(&mut svg, &scale, points);
    svg.push_str("</svg>");
    svg
}

/// Where a line chart puts a value and a position along the time axis.
struct LineScale {
    width: f64,
    height: f64,
    top: f64,
    bottom: f64,
    plot_left: f64,
    plot_width: f64,
    plot_height: f64,
    /// The value at the bottom of the plot, and the values the plot's height spans.
    min: f64,
    span: f64,
    rtl: bool,
}

impl LineScale {
    fn new(
        points: &[LinePoint],
        baseline: &Option<(f64, String)>,
        target: &Option<(f64, String)>,
        rtl: bool,
    ) -> LineScale {
        let (width, height, top, bottom) =
            (TEXT_CHART_WIDTH, 220.0_f64, 2.0 * FONT + 8.0, 30.0_f64);
        // Room on both sides for a centred value label at the first and last point.
        let side = 24.0;
        let mut values: Vec<f64> = points.iter().map(|p| p.value).collect();
        values.extend(baseline.iter().map(|b| b.0));
        values.extend(target.iter().map(|t| t.0));
        // The axis spans the values with a margin, not from zero: indicators such as a birth
        // registration rate move between 89 and 99, and that movement is the story.
        let high = values.iter().copied().fold(f64::MIN, f64::max);
        let low = values.iter().copied().fold(f64::MAX, f64::min);
        let margin = if (high - low).abs() < f64::EPSILON {
            high.abs().max(1.0) * 0.1
        } else {
            (high - low) * 0.15
        };
        LineScale {
            width,
            height,
            top,
            bottom,
            plot_left: side,
            plot_width: width - 2.0 * side,
            plot_height: height - top - bottom,
            min: low - margin,
            span: high - low + 2.0 * margin,
            rtl,
        }
    }

    fn y_of(&self, v: f64) -> f64 {
        self.top + self.plot_height * (1.0 - (v - self.min) / self.span)
    }

    fn x_of(&self, position: f64) -> f64 {
        let p = if self.rtl { 1.0 - position } else { position };
        self.plot_left + self.plot_width * p
    }
}

/// Each point with its tooltip; value and year labels thinned so that they never overlap
/// (the table has every value), and never the same year twice in a row.
fn point_labels(svg: &mut String, scale: &LineScale, points: &[LinePoint]) {
    let slot = scale.plot_width / points.len().saturating_sub(1).max(1) as f64;
    let values: Vec<String> = points.iter().map(|p| p.formatted.clone()).collect();
    let value_step = label_step(&values, slot);
    let years: Vec<String> = points.iter().map(|p| p.axis.clone()).collect();
    let step = label_step(&years, slot);
    let mut last_axis = "";
    for (index, p) in points.iter().enumerate() {
        let (x, y) = (scale.x_of(p.position), scale.y_of(p.value));
        let _ = write!(
            svg,
            "<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"4\" class=\"point\" data-value=\"{}\"><title>{}: {}</title></circle>",
            p.value,
            escape(&p.label),
            escape(&p.formatted),
        );
        if (points.len() - 1 - index) % value_step == 0 {
            let _ = write!(
                svg,
                "<text x=\"{x:.2}\" y=\"{:.2}\" text-anchor=\"middle\" class=\"value\">{}</text>",
                y - 9.0,
                escape(&p.formatted)
            );
        }
        if (points.len() - 1 - index) % step == 0 && p.axis != last_axis {
            let _ = write!(
                svg,
                "<text x=\"{x:.2}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{}</text>",
                scale.height - scale.bottom + 18.0,
                escape(&p.axis)
            );
            last_axis = &p.axis;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series() -> Vec<Series> {
        vec![
            Series {
                class: "status-a".into(),
                label: "A <b>".into(),
                pattern: 0,
            },
            Series {
                class: "status-b".into(),
                label: "B".into(),
                pattern: 1,
            },
        ]
    }

    #[test]
    fn distribution_carries_its_numbers_and_escapes_labels() {
        let svg = distribution("c1", "Title & more", &series(), &[3, 1], false);
        assert!(svg.contains("data-value=\"3\"") && svg.contains("data-value=\"1\""));
        assert!(svg.contains("A &lt;b&gt;"));
        assert!(svg.contains("<title id=\"c1-title\">Title &amp; more</title>"));
    }

    #[test]
    fn many_quarters_thin_their_labels_and_keep_the_latest() {
        let labels: Vec<String> = (0..40)
            .map(|q| format!("Q{} {}", q % 4 + 1, 2016 + q / 4))
            .collect();
        let rows = vec![vec![1, 1]; 40];
        for rtl in [false, true] {
            let svg = stacked_columns("p", "t", &series(), &labels, &rows, rtl);
            let shown = svg.matches("class=\"axis\">Q").count();
            assert!((2..=5).contains(&shown), "{shown} labels");
            assert!(
                svg.contains(">Q4 2025</text>"),
                "the latest quarter is labelled"
            );
        }
    }

    #[test]
    fn right_to_left_charts_start_on_the_right() {
        let ltr = distribution("c", "t", &series(), &[1, 1], false);
        let rtl = distribution("c", "t", &series(), &[1, 1], true);
        assert!(ltr.contains("<rect x=\"0.00\" y=\"0\" width=\"300.00\""));
        assert!(rtl.contains("<rect x=\"300.00\" y=\"0\" width=\"300.00\""));
    }
}
