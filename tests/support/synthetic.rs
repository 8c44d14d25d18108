//! Synthetic sheets and scenarios of any size, for benchmarks and size tests. Targets cycle through the
//! three kinds and both comparators; every target gets an input, so every one is projected.

/// A valid sheet of `n` targets over a twelve-month period, as JSON.
pub fn sheet_json(n: usize) -> String {
    let targets: Vec<String> = (0..n)
        .map(|i| {
            let (kind, value, bound) = match i % 3 {
                0 => ("flow", 1000.0 + i as f64, String::new()),
                1 => ("level", 90.0, r#", "bound": 100"#.to_string()),
                _ => ("average", 8.5, String::new()),
            };
            let cmp = if i % 2 == 0 { ">=" } else { ">" };
            format!(
                r#"{{"id": "t{i}", "area": "a{area}", "clause": "{i}", "wording": "Chỉ tiêu {i}", "label": {{"vi": "Chỉ tiêu {i}", "en": "Target {i}"}}, "comparator": "{cmp}", "value": {value}, "unit": "u", "kind": "{kind}", "decimals": 1{bound}}}"#,
                area = i % 4
            )
        })
        .collect();
    let areas: Vec<String> = (0..4)
        .map(|a| format!(r#"{{"id": "a{a}", "clause": "{a}", "label": {{"vi": "Lĩnh vực {a}", "en": "Area {a}"}}}}"#))
        .collect();
    format!(
        r#"{{"format": 1, "id": "synthetic-{n}", "title": {{"vi": "Thử", "en": "Test"}},
            "resolution": {{"number": "0", "issuer": {{"vi": "X", "en": "X"}}, "date": "2023-01-01"}},
            "period": {{"start": "2023-01-01", "end": "2023-12-31"}},
            "units": {{"u": {{"label": {{"vi": "đv", "en": "u"}}}}}},
            "areas": [{}], "targets": [{}]}}"#,
        areas.join(","),
        targets.join(",")
    )
}

/// A scenario for `sheet_json(n)` with an input for every target, as of 30 June, as JSON.
pub fn scenario_json(n: usize) -> String {
    let inputs: Vec<String> = (0..n)
        .map(|i| match i % 3 {
            0 => format!(r#""t{i}": {{"achieved": {}, "volatility": 20}}"#, 400 + i),
            1 => format!(r#""t{i}": {{"start": 80, "achieved": 85, "assume": {{"factor": 1.1}}}}"#),
            _ => format!(r#""t{i}": {{"achieved": 8, "assume": {{"value": 9}}}}"#),
        })
        .collect();
    format!(r#"{{"version": 1, "sheet": "synthetic-{n}", "as_of": "2023-06-30", "inputs": {{{}}}}}"#, inputs.join(","))
}
