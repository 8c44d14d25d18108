//! The tools beside the scenario: share and embed, saved scenarios, compare, and export and import.
//! Each is an action on the state and a part of the view; what needs the browser (a download, storage,
//! the clipboard) is queued as a [`Command`] for the browser layer.

use super::{Action, SheetFrom, Source, State};
use crate::embed;
use crate::engine::{apply_preset, project, Preset, Projection, Status};
use crate::i18n::Locale;
use crate::markup::Node;
use crate::present;
use crate::problem::Problem;
use crate::saved::{self, Entry};
use crate::scenario::Scenario;
use crate::sheet::Sheet;

/// The width in CSS pixels of a chart's PNG (drawn at twice that): charts for a PNG are drawn at the
/// image's width, whatever the screen's.
const PNG_WIDTH: u32 = 600;

/// The largest file the widget reads (a scenario or a sheet).
pub const MAX_FILE: usize = 10 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Share,
    Saved,
    Compare,
    Data,
}

impl Tool {
    pub const ALL: [Tool; 4] = [Tool::Share, Tool::Saved, Tool::Compare, Tool::Data];

    pub fn code(self) -> &'static str {
        match self {
            Tool::Share => "share",
            Tool::Saved => "saved",
            Tool::Compare => "compare",
            Tool::Data => "data",
        }
    }

    fn name(self, l: Locale) -> &'static str {
        match self {
            Tool::Share => l.pick("Chia sẻ, nhúng", "Share, embed"),
            Tool::Saved => l.pick("Đã lưu", "Saved"),
            Tool::Compare => l.pick("So sánh", "Compare"),
            Tool::Data => l.pick("Tải về, mở tệp", "Download, open"),
        }
    }
}

/// What the browser layer does after an action.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Offer `body` as a file download.
    Download {
        name: String,
        mime: &'static str,
        body: String,
    },
    /// Draw `svg` (a complete SVG document) on a canvas at twice its size and offer it as a PNG.
    Png {
        name: String,
        svg: String,
        width: u32,
        height: u32,
    },
    Store {
        key: String,
        value: String,
    },
    Remove {
        key: String,
    },
    /// Copy the value of the element with this id to the clipboard.
    Copy {
        id: String,
    },
    /// Move the keyboard focus to the element with this id (and scroll it into view).
    Focus {
        id: String,
    },
}

/// A tool's message: a line, and the problems of a file that was not opened.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub problems: Vec<String>,
    /// Whether it reports a failure (announced at once).
    pub alert: bool,
}

impl Notice {
    pub(super) fn ok(text: impl Into<String>) -> Option<Notice> {
        Some(Notice { text: text.into(), problems: Vec::new(), alert: false })
    }

    fn failed(text: impl Into<String>, problems: Vec<String>) -> Option<Notice> {
        Some(Notice { text: text.into(), problems, alert: true })
    }

    /// A file that was not opened: what it is, that nothing changed, and its problems.
    fn rejected(head: &str, problems: &[Problem], l: Locale) -> Option<Notice> {
        Notice::failed(format!("{head} {}", nothing_changed(l)), file_problems(problems, l))
    }
}

fn file_problems(problems: &[Problem], l: Locale) -> Vec<String> {
    problems.iter().take(50).map(|p| p.message(l)).collect()
}

/// A file name made of the sheet's id, a part and the as-of date: `kontum-15-nq-tu-2022-du-bao-2022-09-30`.
fn file_stem(sheet: &Sheet, part: &str, scenario: &Scenario) -> String {
    format!("{}-{part}-{}", sheet.id, scenario.as_of.iso())
}

impl State {
    /// The tools' actions; `false` for anything unknown.
    pub(super) fn tool_act(&mut self, a: Action) -> bool {
        let l = self.locale;
        match a.act {
            "tool" => {
                let t = Tool::ALL.into_iter().find(|t| t.code() == a.arg);
                self.tool = if self.tool == t { None } else { t };
                self.notice = None;
            }
            "save-name" => self.name_draft = a.value.chars().take(200).collect(),
            "save" => self.save(),
            "open-saved" => self.open_saved(a.arg),
            "rename" => self.rename(a.arg),
            "delete" => {
                self.saved.retain(|(k, _)| k != a.arg);
                self.visit_only.retain(|k| k != a.arg);
                self.outbox.push(Command::Remove { key: a.arg.to_string() });
                // The button pressed is gone with its entry: the focus goes to the Name box above the
                // list, not to the page's body.
                self.outbox.push(Command::Focus { id: "save-name".into() });
                self.notice = Notice::ok(l.pick("Đã xoá.", "Deleted."));
            }
            "store-failed" if a.arg == saved::SHEET_KEY => {
                self.notice = Notice::failed(
                    l.pick(
                        "Bảng chỉ tiêu đã mở, nhưng trình duyệt không giữ được nó: khi tải lại trang, bảng có sẵn sẽ mở.",
                        "The target sheet is open, but the browser cannot keep it: a reload opens the bundled sheet.",
                    ),
                    Vec::new(),
                )
            }
            // The entry stays listed and opens during the visit, so the message says what the browser did
            // not do: keep it past a reload.
            "store-failed" => {
                if !self.visit_only.iter().any(|k| k == a.arg) {
                    self.visit_only.push(a.arg.to_string());
                }
                let name = self.entry(a.arg).map(|e| e.name.clone()).unwrap_or_default();
                self.notice = Notice::failed(
                    l.pick(
                        format!("\"{name}\" chỉ được giữ trong lần xem này: trình duyệt chặn bộ nhớ hoặc bộ nhớ đã đầy, nên tải lại trang sẽ mất nó. Hãy dùng đường dẫn của kịch bản (Chia sẻ, nhúng) để giữ nó."),
                        format!("\"{name}\" is kept for this visit only: the browser blocks storage or it is full, so a reload loses it. Use the scenario's link (Share, embed) to keep it."),
                    ),
                    Vec::new(),
                )
            }
            "compare" => self.compare_with = a.value.chars().take(300).collect(),
            "embed-compact" => self.embed_compact = !self.embed_compact,
            // "Copied" is said only once the browser has copied; a refusal (a frame the host does not let
            // write to the clipboard, a page not served securely) leaves the text selected, and says how.
            "copy" => self.outbox.push(Command::Copy { id: a.arg.to_string() }),
            "focus" => self.outbox.push(Command::Focus { id: a.arg.to_string() }),
            "copied" => self.notice = Notice::ok(l.pick("Đã chép.", "Copied.")),
            // A download that failed is said, never passed over in silence.
            "download-failed" => {
                self.notice = Notice::failed(
                    l.pick(
                        "Không tạo được hình PNG trong trình duyệt này. Hãy thử tải bảng số liệu (CSV).",
                        "The PNG could not be made in this browser. Try the data table (CSV) instead.",
                    ),
                    Vec::new(),
                )
            }
            "copy-failed" => {
                self.notice = Notice::failed(
                    l.pick(
                        "Trình duyệt không cho chép tự động. Văn bản đã được chọn: nhấn Ctrl+C (⌘C trên máy Mac), hoặc chạm và giữ để chép trên điện thoại.",
                        "The browser did not allow copying. The text is selected: press Ctrl+C (⌘C on a Mac), or touch and hold to copy on a phone.",
                    ),
                    Vec::new(),
                )
            }
            "export" => self.export(a.arg),
            "import" => self.import(a.arg, a.value),
            // A table (or a JSON sheet) pasted from a spreadsheet, opened like a file.
            "paste-text" => self.paste = a.value.chars().take(MAX_FILE).collect(),
            "paste-open" => {
                let text = std::mem::take(&mut self.paste);
                self.import("sheet", &text);
                if self.notice.as_ref().is_some_and(|n| n.alert) {
                    self.paste = text;
                }
            }
            "link" => self.open_link(a.value),
            "sheet-failed" => {
                self.notice = Notice::failed(
                    l.pick("Không tải được bảng chỉ tiêu; đang mở bảng có sẵn.", "The target sheet could not be loaded; the bundled sheet is open instead."),
                    vec![format!("{}: {}", a.arg.chars().take(200).collect::<String>(), match a.value {
                        "large" => l.pick("lớn hơn 10 MB; không đọc", "larger than 10 MB; not read"),
                        "not-json" => l.pick("không phải tệp JSON hay bảng CSV/TSV", "not a JSON file or a CSV/TSV table"),
                        "not-utf8" => l.pick("không phải văn bản UTF-8", "not UTF-8 text"),
                        why => why,
                    })],
                )
            }
            "import-failed" => {
                let why = if a.arg == "large" {
                    l.pick("Tệp lớn hơn 10 MB.", "The file is larger than 10 MB.")
                } else {
                    l.pick("Không đọc được tệp.", "The file could not be read.")
                };
                self.notice = Notice::failed(format!("{} {why}", nothing_changed(l)), Vec::new());
            }
            _ => return false,
        }
        true
    }

    /// The saved scenarios read from storage: `(key, stored text)` pairs.
    pub fn set_saved(&mut self, stored: Vec<(String, String)>) {
        self.saved.clear();
        for (k, v) in stored {
            if k.starts_with(saved::PREFIX) {
                let entry = saved::decode(&v);
                self.put_saved(k, entry);
            }
        }
    }

    /// Puts an entry in the list, kept in key order (by insertion: a slice sort costs bytes of WASM).
    fn put_saved(&mut self, key: String, entry: Result<Entry, saved::Damage>) {
        self.saved.retain(|(k, _)| *k != key);
        let at = self.saved.iter().position(|(k, _)| *k > key).unwrap_or(self.saved.len());
        self.saved.insert(at, (key, entry));
    }

    /// The entries shown: those of this sheet, and damaged ones (which may be deleted).
    fn saved_here(&self) -> impl Iterator<Item = &(String, Result<Entry, saved::Damage>)> {
        self.saved.iter().filter(|(_, e)| e.as_ref().map_or(true, |e| e.sheet == self.sheet.id))
    }

    fn save(&mut self) {
        let l = self.locale;
        let mut name = saved::clean_name(&self.name_draft);
        if name.is_empty() {
            name = saved::clean_name(&self.scenario_name());
        }
        let wanted = name.clone();
        let name = self.free_name(name, None);
        let mut scenario = self.scenario.clone();
        scenario.name = name.clone();
        let entry = Entry {
            name: name.clone(),
            sheet: self.sheet.id.clone(),
            scenario: crate::fragment::encode(&scenario, &self.sheet),
        };
        let key = saved::key(&name);
        self.outbox.push(Command::Store { key: key.clone(), value: saved::encode(&entry) });
        self.put_saved(key, Ok(entry));
        self.name_draft.clear();
        self.notice = Notice::ok(
            l.pick(format!("Đã lưu \"{name}\"."), format!("Saved \"{name}\".")) + &name_kept(&wanted, &name, l),
        );
    }

    /// `name`, or when a saved entry other than `except` has it, the first of "name (2)", "name (3)", …
    /// that none has: saving or renaming onto a name in use keeps both scenarios, never overwrites one.
    fn free_name(&self, name: String, except: Option<&str>) -> String {
        let taken = |n: &str| {
            let key = saved::key(n);
            Some(key.as_str()) != except && self.saved.iter().any(|(k, _)| *k == key)
        };
        if !taken(&name) {
            return name;
        }
        (2..)
            .map(|i| {
                let suffix = format!(" ({i})");
                let stem: String = name.chars().take(saved::MAX_NAME.saturating_sub(suffix.chars().count())).collect();
                format!("{stem}{suffix}")
            })
            .find(|n| !taken(n))
            .unwrap_or(name)
    }

    fn entry(&self, key: &str) -> Option<&Entry> {
        self.saved.iter().find(|(k, _)| k == key).and_then(|(_, e)| e.as_ref().ok())
    }

    fn open_saved(&mut self, key: &str) {
        let l = self.locale;
        let Some(entry) = self.entry(key).cloned() else { return };
        match crate::fragment::decode(&entry.scenario, &self.sheet) {
            Ok(mut s) => {
                s.name = entry.name.clone();
                self.open(s, Source::Saved);
                self.notice =
                    Notice::ok(l.pick(format!("Đã mở \"{}\".", entry.name), format!("Opened \"{}\".", entry.name)));
            }
            Err(p) => self.notice = Notice::failed(nothing_changed(l), file_problems(&p, l)),
        }
    }

    fn rename(&mut self, key: &str) {
        let l = self.locale;
        let name = saved::clean_name(&self.name_draft);
        let Some(mut entry) = self.entry(key).cloned() else { return };
        if name.is_empty() {
            self.notice = Notice::failed(
                l.pick("Nhập tên mới vào ô Tên trước.", "Type the new name in the Name box first."),
                Vec::new(),
            );
            return;
        }
        let wanted = name.clone();
        let name = self.free_name(name, Some(key));
        entry.name = name.clone();
        let new_key = saved::key(&name);
        self.outbox.push(Command::Store { key: new_key.clone(), value: saved::encode(&entry) });
        if new_key != key {
            self.outbox.push(Command::Remove { key: key.to_string() });
        }
        self.saved.retain(|(k, _)| k != key);
        // The new key is stored afresh; if the browser refuses it, "store-failed" marks it again.
        self.visit_only.retain(|k| k != key);
        self.put_saved(new_key, Ok(entry));
        self.name_draft.clear();
        self.notice = Notice::ok(
            l.pick(format!("Đã đổi tên thành \"{name}\"."), format!("Renamed to \"{name}\"."))
                + &name_kept(&wanted, &name, l),
        );
    }

    /// Opens `scenario` as what the reader entered.
    pub(super) fn open(&mut self, scenario: Scenario, source: Source) {
        self.preset = Preset::in_force(&scenario);
        self.figures_as_of = scenario.as_of;
        self.retyped.clear();
        self.parked.clear();
        self.linked = false;
        self.base = scenario;
        self.source = source;
        self.edited = false;
        self.drafts.clear();
        self.link_problems.clear();
        self.refresh();
    }

    /// Opens a file's text: a scenario for this sheet, or a target sheet. A file that does not read
    /// changes nothing and lists its problems.
    fn import(&mut self, what: &str, text: &str) {
        let l = self.locale;
        if text.len() > MAX_FILE {
            return self.notice = Notice::failed(nothing_changed(l), Vec::new());
        }
        // A sheet from a file is kept in the browser; one from `?sheet=` is in the page's address already.
        if what == "sheet" {
            self.load_sheet(text, SheetFrom::File);
            return;
        }
        match Scenario::parse(text, &self.sheet) {
            Ok(s) => {
                let name = s.name.clone();
                self.open(s, Source::File);
                self.notice =
                    Notice::ok(l.pick(format!("Đã mở tệp \"{name}\"."), format!("Opened the file \"{name}\".")));
            }
            Err(p) => {
                self.notice = Notice::rejected(l.pick("Tệp kịch bản có lỗi.", "The scenario file has problems."), &p, l)
            }
        }
    }

    /// Replaces the sheet with the one in `text` from `from`, starting from an empty scenario; lists
    /// every problem of a sheet that does not read and changes nothing. A sheet from a file or another
    /// path may not take the id of a shipped sheet (it would pass for it), and a shipped file must hold
    /// the sheet it is shipped as. A sheet from a file is stored in the browser, so that a reload of its
    /// link opens it again (`saved::SHEET_KEY`). Returns whether the sheet opened.
    pub fn load_sheet(&mut self, text: &str, mut from: SheetFrom) -> bool {
        let l = self.locale;
        let mut keep = from == SheetFrom::File;
        // A JSON sheet, or a spreadsheet's table (CSV or TSV) with the same checks.
        let read = crate::table::read_any(text);
        // What tells a shipped sheet's own text (`shipped_digest`), read once.
        let digest = text_digest(text);
        if let Ok(sheet) = &read {
            let claimed = match &from {
                SheetFrom::Shipped(id) => sheet.id != *id,
                _ => embed::is_shipped(&sheet.id),
            };
            // A file that holds a shipped sheet unchanged (downloaded from the widget's `sheets/`, say)
            // opens as that sheet: the bundled one, or the shipped one open now. It is not kept: the
            // bundled sheet needs no keeping, and a link to the shipped one names it.
            if claimed && from == SheetFrom::File && digest == text_digest(crate::sheet::KONTUM_SHEET_JSON) {
                (from, keep) = (SheetFrom::Bundled, false);
                self.outbox.push(Command::Remove { key: saved::SHEET_KEY.into() });
            } else if claimed && from == SheetFrom::File && digest == self.shipped_digest {
                (from, keep) = (self.sheet_from.clone(), false);
            } else if claimed {
                let id: String = sheet.id.chars().take(60).collect();
                // Whether the file was compared with the shipped sheet: the bundled one, or the one open.
                let compared = sheet.id == crate::sheet::KONTUM_SHEET_ID
                    || (self.shipped_digest != 0 && self.sheet.id == sheet.id);
                let why = match (compared, l) {
                    (true, Locale::Vi) => "nhưng khác bảng đó: bảng không được mở.",
                    (true, Locale::En) => "but differs from it: it was not opened.",
                    (false, Locale::Vi) => "nên không mở từ tệp.",
                    (false, Locale::En) => "so it does not open from a file.",
                };
                self.notice = Notice::failed(
                    l.pick(
                        format!("Bảng chỉ tiêu này mang mã \"{id}\" của một bảng đi kèm công cụ, {why} Bảng đi kèm mở bằng đường dẫn có ?sheet={id}; một bảng đã sửa cần mã riêng. {}", nothing_changed(l)),
                        format!("This target sheet has the id \"{id}\" of a sheet shipped with the widget, {why} The shipped sheet opens with ?sheet={id} in the address; an edited sheet needs an id of its own. {}", nothing_changed(l)),
                    ),
                    Vec::new(),
                );
                return false;
            }
        }
        match read {
            Ok(sheet) => {
                let title = sheet.title.get(l).to_string();
                // A shipped sheet with published figures opens on them; any other, empty.
                let source = Source::default_for(&sheet);
                let scenario = source.scenario(&sheet);
                self.sheet = sheet;
                self.shipped_digest = if matches!(from, SheetFrom::Shipped(_)) { digest } else { 0 };
                self.sheet_from = from;
                self.sheet_version += 1;
                self.near.clear();
                self.only.clear();
                self.expanded.clear();
                self.tables.clear();
                self.open(scenario, source);
                let mut said = l
                    .pick(format!("Đã mở bảng chỉ tiêu \"{title}\"."), format!("Opened the target sheet \"{title}\"."));
                if keep && text.len() <= saved::MAX_SHEET {
                    self.outbox.push(Command::Store { key: saved::SHEET_KEY.into(), value: saved::encode_sheet(text) });
                } else if keep {
                    said.push_str(l.pick(
                        " Bảng quá lớn để trình duyệt giữ lại: khi tải lại trang, bảng có sẵn sẽ mở.",
                        " It is too large for the browser to keep: a reload opens the bundled sheet.",
                    ));
                }
                self.notice = Notice::ok(said);
                true
            }
            Err(p) => {
                self.notice =
                    Notice::rejected(l.pick("Bảng chỉ tiêu có lỗi.", "The target sheet has problems."), &p, l);
                false
            }
        }
    }

    /// Opens the sheet fetched for `?sheet=`; links and snippets then carry the request (the id of a
    /// shipped sheet, or the path of another, which the page shows as the sheet's source).
    pub fn open_sheet_url(&mut self, request: &embed::SheetRequest, text: &str) {
        let from = match request {
            embed::SheetRequest::Shipped { id, .. } => SheetFrom::Shipped((*id).to_string()),
            embed::SheetRequest::Other(path) => SheetFrom::Url(path.clone()),
        };
        if text.len() > MAX_FILE {
            self.notice = Notice::failed(nothing_changed(self.locale), Vec::new());
        } else if self.load_sheet(text, from) {
            // The page's address asked for this sheet, and its masthead names it: "Opened the target
            // sheet …" would only stay on every view of an embed, printed too.
            self.notice = None;
        }
    }

    /// Opens the scenario in a link's fragment, or notes its problems and keeps the scenario open (and
    /// shown). The published figures as they are open by name, with their notes; as the reader changed
    /// them, with the notes of the figures the link kept.
    pub fn open_link(&mut self, fragment: &str) {
        use crate::fragment::Published;
        match crate::fragment::decode_link(fragment, &self.sheet) {
            Ok((mut s, origin)) => {
                let published = origin.published.filter(|_| self.has_published());
                let source = if published.is_some() { Source::Published } else { Source::Link };
                // The published scenario is read only for a link that names it.
                match published {
                    Some(Published::AsThey) => s = Source::Published.scenario(&self.sheet),
                    Some(Published::Edited) => {
                        let official = Source::Published.scenario(&self.sheet);
                        s.name = official.name.clone();
                        s.notes = official.notes.clone();
                        for (id, input) in s.inputs.iter_mut() {
                            if let Some(o) = official.inputs.get(id) {
                                if o.achieved == input.achieved && s.as_of == official.as_of {
                                    input.note = o.note.clone();
                                }
                            }
                        }
                    }
                    None => {}
                }
                self.open(s, source);
                self.edited = published == Some(Published::Edited);
                self.linked = true;
                if origin.preset.is_some() {
                    self.preset = origin.preset;
                }
            }
            Err(p) => self.link_problems = p,
        }
        self.refresh();
    }

    fn export(&mut self, what: &str) {
        let l = self.locale;
        let provenance = self.sheet_from.provenance(l);
        // A sheet not shipped with the widget says so in every export, beside the scenario's name.
        let name = match &provenance {
            Some(p) => format!("{} · {p}", self.scenario_name()),
            None => self.scenario_name(),
        };
        let command = match what {
            "csv" => Command::Download {
                name: format!("{}.csv", file_stem(&self.sheet, l.pick("du-bao", "projection"), &self.scenario)),
                mime: "text/csv;charset=utf-8",
                body: crate::report::to_export_csv(&self.sheet, &name, self.scenario.as_of, &self.projection, l),
            },
            "json" => {
                let mut s = self.scenario.clone();
                s.name = self.scenario_name();
                if let Some(p) = provenance {
                    let notes = if s.notes.is_empty() { p } else { format!("{p}\n{}", s.notes) };
                    s.notes = notes.chars().take(crate::problem::MAX_NOTE_CHARS).collect();
                }
                Command::Download {
                    name: format!("{}.json", file_stem(&self.sheet, l.pick("kich-ban", "scenario"), &self.scenario)),
                    mime: "application/json",
                    body: s.to_json_pretty(),
                }
            }
            "png-summary" => {
                let chart = self.summary_chart(PNG_WIDTH);
                let marks = l.pick(
                    "Thanh: mức đạt dự báo so với chỉ tiêu · vạch mảnh: khoảng 80% · đường dọc: 100% chỉ tiêu · ký hiệu và màu: trạng thái",
                    "Bars: projected attainment of each target · thin whiskers: 80% range · vertical line: 100% of the target · symbol and colour: status",
                );
                // Named in the reader's language, as the CSV is ("du-bao" / "projection").
                let part = l.pick("tom-tat", "summary");
                self.png(chart, l.pick("Mức đạt so với chỉ tiêu", "Attainment of each target"), marks, part)
            }
            _ => {
                let Some(id) = what.strip_prefix("png:") else { return };
                let Some(t) = self.sheet.target(id) else { return };
                let (Some(o), Some(i)) =
                    (self.projection.get(id).and_then(|r| r.outcome.as_ref()), self.scenario.inputs.get(id))
                else {
                    return;
                };
                let chart = self.target_chart(t, o, i, PNG_WIDTH);
                let title = t.label.get(l).to_string();
                let marks = l.pick(
                    "Đường liền: số đã đạt · đường đứt: dự báo · vùng tô: khoảng 80% · đường ngang: chỉ tiêu · hình thoi: mốc",
                    "Solid line: achieved so far · dashed line: projection · shaded area: 80% range · horizontal line: the target · diamonds: milestones",
                );
                self.png(chart, &title, marks, id)
            }
        };
        self.outbox.push(command);
    }

    /// A chart as a standalone SVG with its title, the plan, the scenario's name and date, where its
    /// figures come from, what its marks mean, and the words "scenario, not an official figure", for
    /// drawing into a PNG.
    fn png(&self, chart: Node, title: &str, marks: &str, part: &str) -> Command {
        let l = self.locale;
        let width = PNG_WIDTH;
        let chart_height: u32 =
            chart.attrs.iter().find(|(k, _)| *k == "height").and_then(|(_, v)| v.parse().ok()).unwrap_or(200);
        let head = 150;
        let middle = marks.len() / 2;
        let cut = marks.match_indices(" · ").min_by_key(|(i, _)| i.abs_diff(middle)).map(|(i, _)| i);
        let marks_lines = cut.map_or((marks, ""), |i| (&marks[..i], &marks[i + " · ".len()..]));
        let height = head + chart_height + 8;
        let (bg, fg) = if self.dark { ("#111418", "#e6e8eb") } else { ("#ffffff", "#1b1f24") };
        let line = |y: u32, size: u32, weight: &str, text: String| {
            Node::text_el("text", "", text)
                .attr("x", "8")
                .attr("y", y.to_string())
                .attr("font-size", size.to_string())
                .attr("font-weight", weight.to_string())
                .attr("fill", fg)
        };
        let mut inner = chart;
        inner.attrs.retain(|(k, _)| !matches!(*k, "width" | "role" | "aria-label" | "focusable"));
        inner.attrs.push(("width", width.to_string()));
        inner.attrs.push(("y", head.to_string()));
        let doc = Node::new("svg")
            .attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("width", width.to_string())
            .attr("height", height.to_string())
            .attr("viewBox", format!("0 0 {width} {height}"))
            .attr("font-family", "system-ui, sans-serif")
            .children([
                Node::new("rect").attr("width", "100%").attr("height", "100%").attr("fill", bg),
                line(22, 16, "700", title.to_string()),
                line(
                    42,
                    12,
                    "400",
                    format!("{} · {}{}", self.sheet.title.get(l), l.pick("Nghị quyết ", "Resolution "), self.sheet.number),
                ),
                line(
                    62,
                    12,
                    "400",
                    format!(
                        "{} · {} {}",
                        self.scenario_name(),
                        l.pick("số liệu đến", "figures as of"),
                        present::date_long(self.scenario.as_of, l)
                    ),
                ),
                line(
                    82,
                    12,
                    "400",
                    if let Some(p) = self.sheet_from.provenance(l) {
                        p
                    } else if self.source == Source::Published && self.sheet.id == crate::sheet::KONTUM_SHEET_ID {
                        l.pick(
                            "Nguồn: UBND tỉnh Kon Tum, Cục Thống kê Kon Tum, kontum.gov.vn, kontumtv.vn (số liệu của kỳ là ước tính)",
                            "Source: Kon Tum provincial government, Statistics Office, kontum.gov.vn, kontumtv.vn (period figures are estimates)",
                        )
                        .to_string()
                    } else if self.source == Source::Published {
                        let notes = Source::Published.scenario(&self.sheet).notes;
                        let cut: String = notes.chars().take(110).collect();
                        let more = if cut.len() < notes.len() { "…" } else { "" };
                        format!("{} {cut}{more}", l.pick("Nguồn:", "Source:"))
                    } else {
                        l.pick("Nguồn: số liệu do người dùng nhập", "Source: figures entered by the user").to_string()
                    },
                ),
                // What the marks mean, on two lines (split at the separator nearest the middle).
                line(100, 11, "400", marks_lines.0.to_string()),
                line(114, 11, "400", marks_lines.1.to_string()),
                line(
                    138,
                    13,
                    "700",
                    l.pick("Kịch bản, không phải số liệu chính thức", "Scenario, not an official figure").into(),
                ),
                inner,
            ]);
        Command::Png {
            name: format!("{}.png", file_stem(&self.sheet, part, &self.scenario)),
            svg: doc.to_xml(),
            width,
            height,
        }
    }

    /// The scenario compared with, by its code: a preset of this scenario, the published figures, or a
    /// saved scenario (`saved:KEY`). `None` when it cannot be had.
    fn other(&self) -> Option<(String, Scenario)> {
        let l = self.locale;
        let code = self.compare_with.as_str();
        if let Some(p) = Preset::ALL.into_iter().find(|p| p.code() == code) {
            return Some((super::preset_name(p, l).to_string(), apply_preset(&self.sheet, &self.base, p)));
        }
        if code == "published" && self.has_published() {
            return Some((self.source_label(Source::Published), Source::Published.scenario(&self.sheet)));
        }
        let e = self.entry(code.strip_prefix("saved:")?)?;
        crate::fragment::decode(&e.scenario, &self.sheet).ok().map(|s| (e.name.clone(), s))
    }

    /// The tool bar and the open tool's panel; nothing in compact embeds.
    pub(super) fn tools(&self) -> Option<Node> {
        if self.compact {
            return None;
        }
        let l = self.locale;
        let bar = Node::new("div")
            .class("tool-bar")
            .attr("role", "group")
            .attr("aria-label", l.pick("Công cụ", "Tools"))
            .children(Tool::ALL.into_iter().map(|t| {
                super::view::button("tool", "tool", t.code(), t.name(l))
                    .attr("aria-expanded", (self.tool == Some(t)).to_string())
                    .attr("aria-controls", "tool-panel")
            }));
        let mut panel = Node::new("div").attr("id", "tool-panel").class("tool-panel");
        match self.tool {
            None => panel = panel.attr("hidden", ""),
            Some(Tool::Share) => panel = panel.children(self.share_panel()),
            Some(Tool::Saved) => panel = panel.children(self.saved_panel()),
            Some(Tool::Compare) => panel = panel.children(self.compare_panel()),
            Some(Tool::Data) => panel = panel.children(self.data_panel()),
        }
        Some(Node::new("section").class("tools").attr("aria-label", l.pick("Công cụ", "Tools")).child(bar).child(panel))
    }

    /// The last tool message, shown above the tools (and in compact embeds, where there are none). The
    /// status region is always there, empty when there is nothing to say: a screen reader announces
    /// what appears in a live region already on the page, not one added with its text. An alert is
    /// announced when added, and comes after it.
    pub(super) fn notice(&self) -> Vec<Node> {
        let status = Node::new("div").class("tool-status").attr("role", "status");
        let Some(n) = self.notice.as_ref() else { return vec![status] };
        let mut notice = Node::text_el("p", "", n.text.clone());
        if !n.problems.is_empty() {
            notice = Node::new("div")
                .child(notice)
                .child(Node::new("ul").children(n.problems.iter().map(|p| Node::text_el("li", "", p.clone()))));
        }
        if n.alert {
            vec![status, Node::new("div").class("notice").attr("role", "alert").child(notice)]
        } else {
            vec![status.child(notice)]
        }
    }

    /// The widget's address with `flags` and the sheet's own (`sheet=`, when it came from one), and the
    /// scenario in the fragment.
    pub fn widget_url(&self, mut flags: Vec<String>) -> String {
        // A shipped sheet by its id, another by its path.
        if let SheetFrom::Shipped(v) | SheetFrom::Url(v) = &self.sheet_from {
            flags.insert(0, format!("sheet={}", embed::query_value(v)));
        }
        let query = if flags.is_empty() { String::new() } else { format!("?{}", flags.join("&")) };
        format!("{}{query}#{}", self.page, self.fragment())
    }

    /// The link to this scenario, in English when the reader reads English (Vietnamese is the default:
    /// a link shared from an English page opens in English; the recipient's switch still works).
    pub fn share_link(&self) -> String {
        let lang = (self.locale != Locale::Vi).then(|| format!("lang={}", self.locale.code()));
        self.widget_url(lang.into_iter().collect())
    }

    /// The address to embed: the widget with the flags of this view, and the scenario.
    pub fn embed_url(&self) -> String {
        let mut flags = vec![format!("lang={}", self.locale.code())];
        if !self.only.is_empty() {
            flags.push(format!("target={}", self.only.join(",")));
        }
        if self.embed_compact {
            flags.push("compact=1".into());
        }
        if self.theme != embed::Theme::Auto {
            flags.push(format!("theme={}", self.theme.code()));
        }
        self.widget_url(flags)
    }

    fn share_panel(&self) -> Vec<Node> {
        let l = self.locale;
        let title = format!("{} · {}", self.sheet.title.get(l), self.scenario_name());
        let snippet = embed::iframe_snippet(&self.embed_url(), &title, &self.page);
        // Two buttons show "Copy": their names say what each copies (and begin with the word shown).
        let copy = |id: &str, what: &str| {
            let shown = l.pick("Chép", "Copy");
            super::view::button("copy", "copy", id, shown).attr("aria-label", format!("{shown} {what}"))
        };
        vec![
            Node::text_el("h3", "", l.pick("Chia sẻ kịch bản này", "Share this scenario")),
            Node::text_el(
                "label",
                "",
                l.pick(
                    "Đường dẫn (kịch bản nằm sau dấu #, không gửi tới máy chủ)",
                    "Link (the scenario is after the #, never sent to a server)",
                ),
            )
            .attr("for", "share-link"),
            hint_if(
                self.sheet_from == SheetFrom::File,
                l.pick(
                    "Bảng chỉ tiêu này được mở từ một tệp và được giữ trong trình duyệt này: đường dẫn chỉ mở lại được trong trình duyệt này. Để chia sẻ, hãy đặt tệp lên cùng trang web với tiện ích và mở bằng ?sheet=.",
                    "This target sheet was opened from a file and is kept in this browser: the link reopens it only in this browser. To share it, put the file on the widget's site and open it with ?sheet=.",
                ),
            ),
            Node::new("div").class("copy-row").children([
                Node::new("input")
                    .attr("id", "share-link")
                    .attr("type", "text")
                    // A link is longer than any box: a narrow one keeps Copy beside it.
                    .attr("size", "10")
                    .attr("readonly", "")
                    .attr("value", self.share_link()),
                copy("share-link", l.pick("đường dẫn", "the link")),
            ]),
            Node::text_el("h3", "", l.pick("Nhúng vào bài viết", "Embed in an article")),
            Node::new("label").class("check").children([
                {
                    let b = Node::new("input")
                        .attr("id", "embed-compact")
                        .attr("type", "checkbox")
                        .attr("data-act", "embed-compact");
                    if self.embed_compact {
                        b.attr("checked", "")
                    } else {
                        b
                    }
                },
                Node::text_el(
                    "span",
                    "",
                    l.pick(
                        "Gọn: chỉ các thẻ chỉ tiêu, không có bảng điều khiển",
                        "Compact: the target cards only, no controls",
                    ),
                ),
            ]),
            Node::text_el(
                "label",
                "",
                l.pick(
                    "Mã nhúng: dán khung và đoạn mã tự điều chỉnh chiều cao vào trang",
                    "Embed code: paste the frame and the height listener into the page",
                ),
            )
            .attr("for", "embed-code"),
            Node::new("textarea")
                .attr("id", "embed-code")
                .attr("readonly", "")
                .attr("rows", "6")
                .attr("value", snippet),
            copy("embed-code", l.pick("mã nhúng", "the embed code")),
        ]
    }

    fn saved_panel(&self) -> Vec<Node> {
        let l = self.locale;
        let mut list = Vec::new();
        for (key, entry) in self.saved_here() {
            let item = match entry {
                Ok(e) => {
                    // Each button's name says which entry it acts on; the visible word comes first, so
                    // that a reader who says "Open" to voice control still reaches it.
                    let named = |act: &'static str, word: &'static str| {
                        super::view::button("", act, key, word).attr("aria-label", format!("{word} \"{}\"", e.name))
                    };
                    let mut name = Node::text_el("span", "saved-name", e.name.clone());
                    if self.visit_only.contains(key) {
                        name = name.child(Node::text_el(
                            "span",
                            "visit-only",
                            l.pick(" (chỉ trong lần xem này)", " (this visit only)"),
                        ));
                    }
                    Node::new("li").children([
                        name,
                        named("open-saved", l.pick("Mở", "Open")),
                        named("rename", l.pick("Đổi tên", "Rename")),
                        named("delete", l.pick("Xoá", "Delete")),
                    ])
                }
                Err(d) => Node::new("li").class("damaged").children([
                    Node::text_el(
                        "span",
                        "saved-name",
                        format!("{}: {}", l.pick("Mục hỏng", "Damaged entry"), d.message(l)),
                    ),
                    super::view::button("", "delete", key, l.pick("Xoá", "Delete")),
                ]),
            };
            list.push(item);
        }
        let mut out = vec![
            Node::text_el("h3", "", l.pick("Kịch bản đã lưu trong trình duyệt này", "Scenarios saved in this browser")),
            Node::text_el("label", "", l.pick("Tên (để lưu hoặc đổi tên)", "Name (to save or rename)"))
                .attr("for", "save-name"),
            Node::new("div").class("copy-row").children([
                Node::new("input")
                    .attr("id", "save-name")
                    .attr("type", "text")
                    .attr("maxlength", "80")
                    .attr("autocomplete", "off")
                    .attr("data-act", "save-name")
                    .attr("data-enter", "save")
                    .attr("size", super::view::example_size(&self.scenario_name()))
                    .attr("placeholder", self.scenario_name())
                    .attr("value", self.name_draft.clone()),
                super::view::button("", "save", "", l.pick("Lưu", "Save")),
            ]),
        ];
        if list.is_empty() {
            out.push(Node::text_el("p", "hint", l.pick("Chưa có kịch bản nào được lưu.", "No scenario saved yet.")));
        } else {
            out.push(Node::new("ul").class("saved-list").children(list));
        }
        out
    }

    fn compare_panel(&self) -> Vec<Node> {
        let l = self.locale;
        let mut options: Vec<(String, String)> = [Preset::Low, Preset::High, Preset::Required]
            .into_iter()
            .map(|p| {
                (
                    p.code().to_string(),
                    format!("{} ({})", super::preset_name(p, l), l.pick("của kịch bản này", "of this scenario")),
                )
            })
            .collect();
        if self.has_published() {
            options.push(("published".into(), self.source_label(Source::Published)));
        }
        for (key, e) in self.saved_here() {
            if let Ok(e) = e {
                options.push((format!("saved:{key}"), e.name.clone()));
            }
        }
        let select = Node::new("label").class("control").children([
            Node::text_el("span", "", l.pick("So sánh kịch bản này với", "Compare this scenario with")),
            Node::new("select")
                .attr("id", "compare-with")
                .attr("data-act", "compare")
                .children(options.into_iter().map(|(v, t)| Node::text_el("option", "", t).attr("value", v)))
                .attr("value", self.compare_with.clone()),
        ]);
        let mut out = vec![Node::text_el("h3", "", l.pick("So sánh hai kịch bản", "Compare two scenarios")), select];
        let Some((b_name, b)) = self.other() else {
            out.push(Node::text_el(
                "p",
                "hint",
                l.pick("Chọn một kịch bản để so sánh.", "Choose a scenario to compare with."),
            ));
            return out;
        };
        let mut pb = project(&self.sheet, &b);
        if !self.only.is_empty() {
            pb = pb.only(&self.only);
        }
        let a_name = self.scenario_name();
        out.push(
            Node::new("div").class("compare-scores").children([
                Node::new("p")
                    .child(Node::text_el("strong", "", format!("A · {a_name}: ")))
                    .child(Node::new("span").text(present::scoreboard(&self.projection, l))),
                Node::new("p")
                    .child(Node::text_el("strong", "", format!("B · {b_name}: ")))
                    .child(Node::new("span").text(present::scoreboard(&pb, l))),
            ]),
        );
        out.push(Node::new("ul").class("compare-list").children(self.compare_rows(&self.projection, &pb)));
        let neither = self
            .sheet
            .targets
            .iter()
            .filter(|t| {
                self.projection.for_target(t).is_some_and(|a| a.outcome.is_none())
                    && pb.for_target(t).is_none_or(|b| b.outcome.is_none())
            })
            .count();
        if neither > 0 {
            out.push(Node::text_el(
                "p",
                "hint",
                l.pick(
                    format!("{neither} chỉ tiêu chưa có số liệu trong cả hai kịch bản."),
                    format!("{neither} targets have no data in either scenario."),
                ),
            ));
        }
        out
    }

    fn compare_rows<'a>(&'a self, pa: &'a Projection, pb: &'a Projection) -> impl Iterator<Item = Node> + 'a {
        let l = self.locale;
        self.sheet.targets.iter().filter_map(move |t| {
            let (ra, rb) = (pa.for_target(t)?, pb.for_target(t)?);
            if ra.outcome.is_none() && rb.outcome.is_none() {
                return None;
            }
            let side = |label: &str, r: &crate::engine::TargetResult| {
                let st = r.status();
                let v = r
                    .outcome
                    .as_ref()
                    .and_then(crate::engine::Outcome::projected_value)
                    .map_or_else(|| "—".into(), |v| present::value(&self.sheet, t, v, l));
                Node::new("div").class("cmp-side").attr("data-status", st.code()).children([
                    Node::text_el("span", "cmp-name", label.to_string()),
                    Node::text_el("span", "cmp-value", v),
                    Node::text_el(
                        "span",
                        &format!("status status-{}", st.code()),
                        format!("{} {}", present::status_icon(st), present::status_word(st, l)),
                    ),
                ])
            };
            // The difference of the values as shown (each at the target's precision), so that it adds up.
            let shown = |r: &crate::engine::TargetResult| {
                let k = 10f64.powi(i32::from(t.decimals));
                r.outcome.as_ref().and_then(crate::engine::Outcome::projected_value).map(|v| (v * k).round() / k)
            };
            let diff = match (shown(ra), shown(rb)) {
                (Some(a), Some(b)) => present::difference(&self.sheet, t, b - a, l),
                _ => "—".into(),
            };
            let changed = ra.status() != rb.status() && rb.status() != Status::NoData;
            Some(
                Node::new("li")
                    .class(if changed { "compare-row changed" } else { "compare-row" })
                    .attr("data-target", format!("cmp-{}", t.id))
                    .children([
                        Node::text_el("p", "cmp-label", t.label.get(l).to_string()),
                        side("A", ra),
                        side("B", rb),
                        Node::new("div").class("cmp-side cmp-diff").children([
                            Node::text_el("span", "cmp-name", l.pick("B − A", "B − A")),
                            Node::text_el("span", "cmp-value", diff),
                        ]),
                    ]),
            )
        })
    }

    fn data_panel(&self) -> Vec<Node> {
        let l = self.locale;
        // The file input is hidden behind its label, styled as a button: the browser's own button says
        // "Choose File" in the browser's language, not the widget's. The input stays focusable, and its
        // focus ring shows on the label.
        let file = |id: &str, what: &str, label: &str| {
            Node::new("div").class("file-row").children([
                Node::new("input")
                    .attr("id", id)
                    .class("file-input")
                    .attr("type", "file")
                    .attr(
                        "accept",
                        if what == "sheet" {
                            ".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values"
                        } else {
                            ".json,application/json"
                        },
                    )
                    .attr("data-act", "file")
                    .attr("data-arg", what),
                Node::text_el("label", "file-button", label.to_string()).attr("for", id),
            ])
        };
        vec![
            Node::text_el("h3", "", l.pick("Tải về", "Download")),
            Node::new("div").class("button-row").children([
                super::view::button("", "export", "csv", l.pick("Bảng dự báo (CSV)", "Projections (CSV)")),
                super::view::button("", "export", "json", l.pick("Kịch bản (JSON)", "Scenario (JSON)")),
                super::view::button(
                    "",
                    "export",
                    "png-summary",
                    l.pick("Biểu đồ tóm tắt (PNG)", "Summary chart (PNG)"),
                ),
            ]),
            Node::text_el("h3", "", l.pick("Mở tệp", "Open a file")),
            file(
                "import-scenario",
                "scenario",
                l.pick("Mở kịch bản (JSON) cho bảng chỉ tiêu này…", "Open a scenario (JSON) for this target sheet…"),
            ),
            file(
                "import-sheet",
                "sheet",
                l.pick("Mở bảng chỉ tiêu khác (JSON, CSV, TSV)…", "Open another target sheet (JSON, CSV, TSV)…"),
            ),
            Node::text_el(
                "label",
                "",
                l.pick(
                    "Hoặc dán bảng chỉ tiêu chép từ bảng tính (mỗi dòng một chỉ tiêu, xem tài liệu định dạng):",
                    "Or paste a target sheet copied from a spreadsheet (one row per target; see the format's documents):",
                ),
            )
            .attr("for", "paste-sheet"),
            Node::new("textarea")
                .attr("id", "paste-sheet")
                .attr("rows", "4")
                .attr("spellcheck", "false")
                .attr("data-act", "paste-text")
                .attr("value", self.paste.clone()),
            super::view::button("", "paste-open", "", l.pick("Mở bảng đã dán", "Open the pasted sheet")),
        ]
    }
}

/// A hint paragraph when `show` holds, else an empty one that is not shown.
fn hint_if(show: bool, text: &str) -> Node {
    if show {
        Node::text_el("p", "hint", text.to_string())
    } else {
        Node::new("p").attr("hidden", "")
    }
}

/// Said when a name was in use: both scenarios are kept.
fn name_kept(wanted: &str, name: &str, l: Locale) -> String {
    if wanted == name {
        return String::new();
    }
    l.pick(
        format!(" Đã có kịch bản tên \"{wanted}\"; cả hai được giữ."),
        format!(" A scenario named \"{wanted}\" exists; both are kept."),
    )
}

/// A digest of a sheet's text (FNV-1a over its lines, so that a copy saved with other line endings
/// or trailing spaces matches), to tell a file that holds a shipped sheet unchanged. Never 0.
fn text_digest(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for line in text.trim_start_matches('\u{feff}').lines().map(str::trim_end).filter(|l| !l.is_empty()) {
        for b in line.bytes().chain([b'\n']) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h | 1
}

fn nothing_changed(l: Locale) -> &'static str {
    l.pick("Không có gì thay đổi.", "Nothing has changed.")
}
