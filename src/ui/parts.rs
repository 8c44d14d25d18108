//! The parts of the page built as markup from the reader's words (`present`): the masthead, the
//! summary's lines, notices, the footer, a card's output and wording, and the data tables. `present`
//! holds only words and numbers; this module puts them into elements (issue 12 turns these into
//! Leptos components).

use std::rc::Rc;

use crate::date::Date;
use crate::engine::{band_at, months_elapsed, Outcome, Projection, SpreadFrom, Status, TargetResult};
use crate::i18n::Locale;
use crate::markup::{row, table, table_of_rows, Node};
use crate::present::*;
use crate::scenario::Input;
use crate::sheet::{Sheet, Target};

/// The page's header: the resolution, its title, issuer and period.
pub fn masthead(sheet: &Sheet, l: Locale) -> Vec<Node> {
    // A plan named in words is written in Vietnamese in every view: the English view marks it so.
    let kicker = Node::text_el("p", "kicker", format!("{} · {}", document_name(sheet, l), date_long(sheet.date, l)));
    let kicker = if is_numbered(sheet) || l == Locale::Vi { kicker } else { kicker.attr("lang", "vi") };
    vec![Node::new("header").class("masthead").children([
        kicker,
        Node::text_el("h1", "", sheet.title.get(l)),
        Node::text_el("p", "issuer", sheet.issuer.get(l)),
        Node::text_el("p", "period", format!("{}{}", l.pick("Kỳ thực hiện: ", "Period: "), period(sheet, l))),
    ])]
}

/// Whether the sheet's document has a number ("15-NQ/TU", "68/2022/QH15": it has a slash), rather than a
/// name in words (the year plan's "Dự toán, kế hoạch năm 2022"), which is not called a resolution number.
fn is_numbered(sheet: &Sheet) -> bool {
    sheet.number.contains('/')
}

/// The document the targets come from: "Resolution No. 15-NQ/TU", or the plan's name.
fn document_name(sheet: &Sheet, l: Locale) -> String {
    if is_numbered(sheet) {
        format!("{}{}", l.pick("Nghị quyết số ", "Resolution No. "), sheet.number)
    } else {
        sheet.number.clone()
    }
}

/// The page's title, for the browser's tab, history and bookmarks: the sheet's title and its document.
pub fn document_title(sheet: &Sheet, l: Locale) -> String {
    format!("{} · {}", sheet.title.get(l), document_name(sheet, l))
}

/// The summary's lines above its chart: the scoreboard, the scenario's name and date, and the reminder
/// that a projection is not an official figure.
pub fn summary_lines(p: &Projection, scenario_name: &str, as_of: Date, l: Locale) -> Vec<Node> {
    vec![
        Node::text_el("p", "scoreboard", scoreboard(p, l)),
        Node::new("p").class("scenario-line").children([
            Node::text_el("span", "scenario-name", scenario_name),
            Node::new("span").text(format!(" · {}", l.pick("số liệu đến ", "figures as of "))),
            Node::text_el("time", "", date_long(as_of, l)).attr("datetime", as_of.iso()),
        ]),
        Node::text_el(
            "p",
            "disclaimer",
            l.pick(
                "Đây là kịch bản dự báo, không phải số liệu chính thức.",
                "This is a scenario, not an official figure.",
            ),
        ),
    ]
}

/// The message shown when a shared link's scenario could not be read, listing its problems.
pub fn link_notice(problems: &[crate::problem::Problem], l: Locale) -> Vec<Node> {
    if problems.is_empty() {
        return Vec::new();
    }
    vec![Node::new("div").class("notice").attr("role", "alert").children([
        Node::text_el(
            "p",
            "",
            l.pick(
                "Không đọc được kịch bản trong đường dẫn; đang mở kịch bản mặc định.",
                "The scenario in the link could not be read; the default scenario is open instead.",
            ),
        ),
        Node::new("ul").children(problems.iter().take(10).map(|p| Node::text_el("li", "", p.message(l)))),
    ])]
}

/// A sheet that could not be read: every problem, by target and field.
pub fn problems(problems: &[crate::problem::Problem], l: Locale) -> Node {
    Node::new("div").class("problems").attr("role", "alert").child(Node::text_el(
        "pre",
        "",
        crate::problem::messages(problems, l),
    ))
}

/// The footer: how statuses are decided, and where published figures come from.
pub fn footer(published: bool, l: Locale) -> Vec<Node> {
    let mut out = vec![Node::text_el(
        "p",
        "",
        l.pick(
            "Trạng thái, theo dự báo cuối kỳ và khoảng 80% của nó (nên không đổi theo ngày xem): ★ Đã đạt · ✓ Đúng tiến độ (dự báo đạt chỉ tiêu) · ◐ Khó phân định (dự báo sát chỉ tiêu) · ◌ Còn quá sớm (số liệu chưa đến một tháng, chưa có khoảng) · ▲ Cần tăng tốc (chưa đạt, nhưng chỉ tiêu nằm trong khoảng 80%; khi chưa có độ dao động: dự báo từ 0,6 lần chỉ tiêu) · ✕ Khó đạt (cả khoảng 80% đều chưa đạt; hoặc dưới 0,6 lần) · ✖ Không đạt (kỳ đã kết thúc) · ⊘ Không còn khả năng đạt · – Chưa có số liệu. Ngưỡng 0,6 theo phương pháp Open SDG.",
            "Status, from the projection to the period's end and its 80% range (so it does not change with the day you look): ★ Achieved · ✓ On track (projected to meet the target) · ◐ Too close to call (the projection is at the target) · ◌ Too early to tell (less than a month of figures, and no range) · ▲ Needs acceleration (falls short, but the target is within the 80% range; without a volatility: the projection reaches at least 0.6 of the target) · ✕ Off track (the whole range falls short; or below 0.6) · ✖ Not met (the period is over) · ⊘ Out of reach · – No data. The 0.6 cut-off follows the Open SDG method.",
        ),
    )];
    if published {
        let site = |host: &str| {
            Node::text_el("a", "", host.to_string())
                .attr("href", format!("https://{host}/"))
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer")
        };
        out.push(
            Node::new("p")
                .text(l.pick(
                    "Số liệu đã công bố lấy từ UBND tỉnh, Cục Thống kê Kon Tum, ",
                    "Published figures come from the provincial government, the Kon Tum Statistics Office, ",
                ))
                .child(site("kontum.gov.vn"))
                .child(Node::new("span").text(l.pick(" và ", " and ")))
                .child(site("kontumtv.vn"))
                .child(Node::new("span").text(l.pick(
                    "; số liệu của kỳ (từ 1/7) là ước tính, suy ra bằng phép trừ. Không tìm thấy số liệu công bố cho các chỉ tiêu còn lại trong kỳ.",
                    "; figures for the period (from 1 July) are estimates derived by subtraction. No published figures were found for the other targets in the period.",
                ))),
        );
    }
    out
}

/// Where a shipped sheet's published figures come from, in the reader's language (a scenario file's
/// `notes` are one text, in the language it was written in). None for a sheet without such words here.
pub fn published_sources(sheet_id: &str, l: Locale) -> Option<&'static str> {
    (sheet_id == "vn-68-2022-qh15-2023").then(|| {
        l.pick(
            "số liệu 9 tháng đầu năm và quý III năm 2023 của Tổng cục Thống kê, theo báo chí đưa tin từ họp báo ngày 29/9/2023 (không truy cập được trang của Tổng cục). Chỉ tiêu không có số liệu là chỉ tiêu chưa có số cho kỳ này (chỉ tiêu tính theo năm, hoặc không tìm thấy). Kết quả cả năm được đối chiếu trong docs/backtest-2023.md.",
            "the General Statistics Office's figures for the first nine months and the third quarter of 2023, as the press reported them from its press conference of 29 September 2023 (its own pages were not reachable). Targets without a figure have none for the period (annual indicators, or none found). Full-year outcomes are compared in docs/backtest-2023.md.",
        )
    })
}

/// The link to the resolution's text, shipped beside the widget (`dist/sources/`), for the bundled sheet.
pub fn resolution_link(sheet: &Sheet, l: Locale) -> Option<Node> {
    (sheet.id == crate::sheet::KONTUM_SHEET_ID).then(|| {
        Node::new("p").class("resolution-link").child(
            Node::text_el(
                "a",
                "",
                l.pick(
                    "Toàn văn nghị quyết (mục II.1, II.2) ↗",
                    "The resolution's text (sections II.1, II.2, in Vietnamese) ↗",
                ),
            )
            .attr("href", "sources/resolution-15-NQ-TU-kontum-2022.html")
            .attr("target", "_blank")
            .attr("rel", "noopener"),
        )
    })
}

/// A card's output: the target's label and value, its status, the projection, the required pace, the
/// milestones, the reading and the input's note.
pub fn card_output(sheet: &Sheet, t: &Target, input: Option<&Input>, o: Option<&Outcome>, l: Locale) -> Vec<Node> {
    let status = o.map_or(Status::NoData, |o| o.status);
    let head = Node::new("div").class("target-head").child(Node::text_el("h3", "label", t.label.get(l))).child(
        Node::new("p")
            .class("goal")
            .child(Node::text_el("span", "cmp", goal_symbol(t)).attr("aria-hidden", "true"))
            .child(Node::text_el("span", "sr-only", format!("{} ", goal_symbol_words(t, l))))
            .child(Node::text_el("span", "value", target_value(sheet, t, l))),
    );
    let mut out = vec![head];
    if let Some(whole) = t.part_of.as_ref().and_then(|w| sheet.target(w)) {
        out.push(Node::text_el("p", "part-of", format!("{}{}", l.pick("Thuộc: ", "Part of: "), whole.label.get(l))));
    }
    // A target judged on a day of its own says so: it does not change with the figures.
    if let Some(line) = deadline_line(sheet, t, l) {
        out.push(Node::text_el("p", "deadline", line));
    }
    out.push(
        Node::new("p")
            .class(&format!("status status-{}", status.code()))
            .child(Node::text_el("span", "icon", status_icon(status)).attr("aria-hidden", "true"))
            .child(Node::text_el("span", "", status_word(status, l))),
    );
    // A quarterly figure before its first quarter's end is kept, not used: no results (the card's note
    // says why).
    if let Some(o) = o.filter(|o| !o.no_figure_yet) {
        let end = date_short(sheet.judged_on(t), l);
        let pair = |dt: String, class: &str, dd: String| {
            Node::new("div").child(Node::text_el("dt", "", dt)).child(Node::text_el("dd", class, dd))
        };
        let head = if o.over && t.deadline.is_some() {
            l.pick(format!("Kết quả khi hết hạn ({end})"), format!("Result at the deadline ({end})"))
        } else if o.over {
            l.pick(format!("Kết quả khi kỳ kết thúc ({end})"), format!("Result when the period ended ({end})"))
        } else {
            l.pick(format!("Dự báo đến {end}"), format!("Projected by {end}"))
        };
        let mut results =
            Node::new("dl").class("results").child(pair(head, "projected", value(sheet, t, o.projected, l)));
        if let Some(a) = o.attainment {
            results =
                results.child(pair(l.pick("So với chỉ tiêu", "Of the target").into(), "attainment", percent(a, l)));
        }
        let mut spread_note = None;
        match o.probability {
            Some(p) if o.high > o.low => {
                let range = format!("{} – {}", value(sheet, t, o.low, l), value(sheet, t, o.high, l));
                results = results.child(pair(l.pick("Khoảng 80%", "80% range").into(), "band", range)).child(pair(
                    l.pick("Xác suất đạt", "Chance of meeting it").into(),
                    "probability",
                    chance(p, l),
                ));
                if let Some(from) = spread_line(t, o.spread_from, l) {
                    spread_note = Some(Node::text_el("p", "spread-from", from));
                }
            }
            // Open, and nothing gives a spread: said, never shown as a certain 0% or 100%.
            None => {
                results = results.child(pair(
                    l.pick("Khoảng 80%, xác suất đạt", "80% range, chance").into(),
                    "probability not-estimated",
                    if t.history.is_empty() {
                        l.pick(
                            "chưa ước tính: không có số liệu các năm trước hay độ dao động",
                            "not estimated: no earlier years' figures or volatility",
                        )
                    } else if input.is_some_and(|i| !crate::engine::rate_is_estimated(i)) {
                        // Earlier years' errors are the method's own: they say nothing of a pace assumed.
                        l.pick(
                            "chưa ước tính: sai số các năm trước chỉ áp dụng cho dự báo theo cách tính của công cụ, không cho mức giả định đã nhập; hãy nhập độ dao động",
                            "not estimated: earlier years' errors apply to the widget's own projection, not to an assumed pace; give a volatility for a range",
                        )
                    } else {
                        l.pick(
                            "chưa ước tính: chưa đủ 3 năm trước có số liệu tại thời điểm này của năm, và không có độ dao động",
                            "not estimated: fewer than 3 earlier years have figures at this point of the year, and no volatility is given",
                        )
                    }
                    .into(),
                ))
            }
            Some(_) => {}
        }
        out.push(results);
        out.extend(spread_note);
        if let Some(r) = required_phrase(sheet, t, o, input.is_some_and(assumes), l) {
            out.push(Node::text_el("p", "required", r));
        }
        if let Some(m) = method_line(t, o, l) {
            out.push(Node::text_el("p", "method", m));
        }
        if !o.milestones.is_empty() {
            out.push(
                Node::new("div")
                    .class("milestones")
                    .child(Node::text_el("p", "milestones-title", l.pick("Mốc", "Milestones")))
                    .child(Node::new("ul").children(
                        o.milestones.iter().map(|m| Node::text_el("li", "", milestone_line(sheet, t, m, l))),
                    )),
            );
        }
    }
    out.push(Node::text_el("p", "reading", reading(sheet, t, input, o, l)).attr("id", reading_id(t)));
    if let Some(note) = input.and_then(|i| i.note.as_ref()) {
        out.push(Node::text_el("p", "note", note.get(l)));
    }
    out
}

/// Where a card's range and chance come from, when they are estimated, with the earlier years' source.
fn spread_line(t: &Target, from: SpreadFrom, l: Locale) -> Option<String> {
    match from {
        SpreadFrom::History(n) => {
            let source = t.history_source.as_ref().map_or("", |s| s.get(l));
            Some(l.pick(
                format!("Khoảng và xác suất tính từ sai số của cách dự báo này trong {n} năm trước, tại cùng thời điểm của năm. Nguồn: {source}"),
                format!("Range and chance from this method's errors in {n} earlier years, at the same point of the year. Source: {source}"),
            ))
        }
        SpreadFrom::Volatility => Some(
            l.pick(
                "Khoảng và xác suất tính từ độ dao động mỗi tháng đã nhập.",
                "Range and chance from the monthly volatility given.",
            )
            .into(),
        ),
        SpreadFrom::None => None,
    }
}

/// The resolution's words under a card, with the English rendering for English readers.
pub fn wording(t: &Target, l: Locale) -> Vec<Node> {
    let mut out = vec![Node::new("p")
        .class("wording")
        .child(Node::text_el("q", "", t.wording.clone()).attr("lang", "vi"))
        // The clause is the document's own reference ("chỉ tiêu 1", "dự toán 2022"), in its language.
        .child(Node::text_el("span", "clause", t.clause.clone()).attr("lang", "vi"))];
    if let (Locale::En, Some(tr)) = (l, &t.translation) {
        out.push(Node::text_el("p", "translation", tr.clone()).attr("lang", "en"));
    }
    out
}

/// The data behind a target's chart: the figure at the as-of date, the projection at each month's end
/// after it with its band, the target and the milestones.
pub fn target_table(sheet: &Sheet, t: &Target, o: &Outcome, input: &Input, as_of: Date, l: Locale) -> Node {
    let v = |x: f64| value(sheet, t, x, l);
    let mut rows = vec![vec![
        format!("{} {}", date_short(as_of, l), l.pick("(thực tế)", "(actual)")),
        v(input.achieved),
        String::new(),
    ]];
    let ends: Vec<Date> = (as_of.month_index()..=sheet.judged_on(t).month_index())
        .map(Date::end_of_month_index)
        .filter(|d| *d > as_of)
        .collect();
    let months: Vec<f64> = ends.iter().map(|d| months_elapsed(sheet, *d)).collect();
    for (d, b) in ends.iter().zip(band_at(sheet, t, input, as_of, &months)) {
        let band = if b.high > b.low { format!("{} – {}", v(b.low), v(b.high)) } else { String::new() };
        rows.push(vec![format!("{} {}", date_short(*d, l), l.pick("(dự báo)", "(projected)")), v(b.value), band]);
    }
    rows.push(vec![
        l.pick("Chỉ tiêu", "Target").into(),
        format!("{} {}", goal_symbol(t), target_value(sheet, t, l)).trim().to_string(),
        String::new(),
    ]);
    for m in &o.milestones {
        rows.push(vec![l.pick("Mốc", "Milestone").into(), milestone_line(sheet, t, m, l), String::new()]);
    }
    table(
        target_table_caption(t, l),
        &[l.pick("Mốc", "Point"), l.pick("Giá trị", "Value"), l.pick("Khoảng 80%", "80% range")],
        rows,
    )
}

/// Every target of the sheet with its status, projection, target and attainment.
pub fn summary_table(sheet: &Sheet, p: &Projection, l: Locale) -> Node {
    let rows = sheet.targets.iter().filter_map(|t| Some(Rc::new(summary_row(sheet, t, p.for_target(t)?, l))));
    summary_table_of(rows.collect(), l)
}

/// The id of a card's reading, which describes the card's chart.
pub fn reading_id(t: &Target) -> String {
    format!("reading-{}", t.id)
}

/// The caption of a target's data table, which also names its scrolling box.
pub fn target_table_caption(t: &Target, l: Locale) -> String {
    format!("{}: {}", t.label.get(l), l.pick("số liệu của biểu đồ", "the chart's data"))
}

/// The caption of the summary's data table, which also names its scrolling box.
pub fn summary_table_caption(l: Locale) -> &'static str {
    l.pick("Tất cả chỉ tiêu: dự báo và trạng thái", "All targets: projection and status")
}

/// The summary table around its rows, each built by [`summary_row`].
pub fn summary_table_of(rows: Vec<Rc<Node>>, l: Locale) -> Node {
    table_of_rows(
        summary_table_caption(l).into(),
        &[
            l.pick("Chỉ tiêu", "Target"),
            l.pick("Trạng thái", "Status"),
            l.pick("Dự báo cuối kỳ", "Projected"),
            l.pick("Chỉ tiêu", "Target value"),
            l.pick("Mức đạt", "Attainment"),
        ],
        rows,
    )
}

/// A target's row of the summary table. It reads nothing of `r` but its status, its projected value and
/// its attainment (the view's row cache keys on those).
pub fn summary_row(sheet: &Sheet, t: &Target, r: &TargetResult, l: Locale) -> Node {
    let o = r.outcome.as_ref();
    let st = r.status();
    row(vec![
        t.label.get(l).to_string(),
        format!("{} {}", status_icon(st), status_word(st, l)),
        o.and_then(Outcome::projected_value).map_or_else(|| "—".into(), |v| value(sheet, t, v, l)),
        format!("{} {}", goal_symbol(t), target_value(sheet, t, l)).trim().to_string(),
        o.and_then(|o| o.attainment).map_or_else(|| "—".into(), |a| percent(a, l)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale::{En, Vi};

    #[test]
    fn only_a_document_number_is_called_a_resolution_number() {
        let kicker = |sheet: &Sheet| masthead(sheet, En)[0].children[0].text_content();
        assert!(kicker(&Sheet::kontum().unwrap()).starts_with("Resolution No. 15-NQ/TU · "));
        let year = Sheet::parse(include_str!("../../data/sheets/kontum-2022-year-plan.json")).unwrap();
        assert!(kicker(&year).starts_with("Dự toán, kế hoạch năm 2022 · "), "{}", kicker(&year));
    }

    fn published() -> (Sheet, crate::scenario::Scenario, Projection) {
        let sheet = Sheet::kontum().unwrap();
        let text = include_str!("../../data/scenarios/kontum-published-2022-09-30.json");
        let scenario = crate::scenario::Scenario::parse(text, &sheet).unwrap();
        let p = crate::engine::project(&sheet, &scenario);
        (sheet, scenario, p)
    }

    #[test]
    fn card_output_and_tables_of_the_published_figures() {
        let (sheet, scenario, p) = published();
        let t = sheet.target("budget-revenue").unwrap();
        let o = p.get("budget-revenue").unwrap().outcome.as_ref();
        let i = scenario.inputs.get("budget-revenue");
        let card = Node::new("div").children(card_output(&sheet, t, i, o, Vi));
        let text = |class: &str| card.find(class).map(|n| n.text_content().replace('\u{a0}', " ")).unwrap_or_default();
        assert_eq!(text("value"), "1.700 tỷ đồng");
        assert_eq!(text("status"), "▲Cần tăng tốc");
        assert_eq!(text("projected"), "1.260 tỷ đồng");
        assert_eq!(text("attainment"), "74%");
        assert!(text("required").starts_with("Cần hơn 356,7"));
        assert!(text("reading").contains("bằng 74% chỉ tiêu"));
        assert!(text("note").starts_with("Ước tính"));
        assert!(card.find("band").is_none(), "no band without volatility");
        assert!(text("not-estimated").starts_with("chưa ước tính"));
        assert!(card.find("spread-from").is_none());

        let table = target_table(&sheet, t, o.unwrap(), i.unwrap(), scenario.as_of, En);
        let rows: Vec<String> =
            table.children[2].children.iter().map(|r| r.text_content().replace('\u{a0}', " ")).collect();
        assert_eq!(rows[0], "30 Sep 2022 (actual)630 billion VND");
        assert_eq!(rows[1], "31 Oct 2022 (projected)840 billion VND");
        assert_eq!(rows[3], "31 Dec 2022 (projected)1,260 billion VND");
        assert_eq!(rows[4], "Target> 1,700 billion VND");

        let summary = summary_table(&sheet, &p, En);
        assert_eq!(summary.children[2].children.len(), 19);
        let none = Node::new("div").children(card_output(&sheet, sheet.target("jobs").unwrap(), None, None, En));
        assert_eq!(none.find("status").unwrap().text_content(), "–No data");
        assert!(none.find("results").is_none());
    }

    #[test]
    fn a_range_from_history_says_where_it_comes_from() {
        // Issue 14, item 3: the national sheet's GDP has nine-month errors for 2015-2022.
        let sheet = Sheet::parse(include_str!("../../data/sheets/vn-68-2022-qh15-2023.json")).unwrap();
        let text = include_str!("../../data/scenarios/vn-68-2022-qh15-2023-09-30.json");
        let scenario = crate::scenario::Scenario::parse(text, &sheet).unwrap();
        let p = crate::engine::project(&sheet, &scenario);
        let t = sheet.target("gdp-growth").unwrap();
        let o = p.get("gdp-growth").unwrap().outcome.as_ref();
        let card = Node::new("div").children(card_output(&sheet, t, scenario.inputs.get("gdp-growth"), o, En));
        let text = |class: &str| card.find(class).map(|n| n.text_content().replace('\u{a0}', " ")).unwrap_or_default();
        assert_eq!(text("band"), "3.40% – 5.08%");
        assert_eq!(text("probability"), "<1%");
        assert!(text("spread-from").starts_with("Range and chance from this method's errors in 8 earlier years"));
        assert!(text("spread-from").contains("Source: General Statistics Office"));
    }
}
