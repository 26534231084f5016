//! An SVG plot of a benchmark: time and gap against the edition's size.

use plotters::prelude::*;

use crate::Row;

/// One colour per profile (and one for editions read from files).
fn colour(row: &Row) -> RGBColor {
    match row.case.grid.map(|g| g.0) {
        Some(crate::Profile::Tight) => RGBColor(200, 60, 40),
        Some(crate::Profile::Generous) => RGBColor(40, 90, 200),
        None => RGBColor(60, 60, 60),
    }
}

/// Two charts side by side, sessions on a log scale: wall time (s), and the
/// gap to the bound (%) where the summary gave one. Red: tight, blue:
/// generous, grey: editions read from files.
pub fn svg(rows: &[Row]) -> String {
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, (960, 400)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let (left, right) = root.split_horizontally(480);
        let sessions = |r: &Row| r.size.sessions.max(1) as f64;
        let most = rows.iter().map(sessions).fold(10.0, f64::max) * 2.0;
        let time: Vec<(f64, f64, RGBColor)> = rows
            .iter()
            .map(|r| (sessions(r), r.seconds, colour(r)))
            .collect();
        let gap: Vec<(f64, f64, RGBColor)> = rows
            .iter()
            .filter_map(|r| Some((sessions(r), r.bounds.gap?, colour(r))))
            .collect();
        chart(&left, "wall time (s)", most, &time);
        chart(&right, "gap to the bound (%)", most, &gap);
        let _ = root.present();
    }
    text
}

/// One scatter chart of `points` (x = sessions, y, colour).
fn chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    caption: &str,
    most: f64,
    points: &[(f64, f64, RGBColor)],
) {
    let top = points.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
    let Ok(mut chart) = ChartBuilder::on(area)
        .caption(caption, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(48)
        .build_cartesian_2d((1.0..most).log_scale(), 0.0..top)
    else {
        return;
    };
    let _ = chart
        .configure_mesh()
        .x_desc("sessions")
        .label_style(("sans-serif", 12))
        .draw();
    let _ = chart.draw_series(
        points
            .iter()
            .map(|&(x, y, c)| Circle::new((x, y), 4, c.filled())),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_empty_plot_is_still_an_svg() {
        let svg = super::svg(&[]);
        assert!(
            svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{svg}"
        );
    }
}
