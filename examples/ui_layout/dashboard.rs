//! The program the demo declares every frame: a dashboard with a header, a
//! sidebar, a scrolling live feed of rows, and a footer.
//!
//! The feed shows `rows` items from a stream: every [`FRAMES_PER_NEW_ITEM`]
//! frames a new item comes in at the bottom and the oldest leaves at the top,
//! so element ids come and go and the persistent maps need their stale-entry
//! sweep. Each row's value changes every 16 frames (the rows take turns), so
//! most texts repeat from one frame to the next and a few are new.
//!
//! It declares through the [`Ui`] trait only, so the arena engine and the std
//! engine run exactly the same program.

use arena_memory::ArenaError;

use crate::engine::{
    container, id, id_indexed, mix64, Color, Container, Input, Size, TextStyle, Ui,
};

/// The window the dashboard fills.
pub const VIEWPORT: Size = Size {
    width: 1280.0,
    height: 720.0,
};

/// Elements the dashboard declares besides the feed's rows.
pub const FIXED_ELEMENTS: usize = 31;

/// Elements in one row of the feed: the row, three texts and a bar.
pub const ELEMENTS_PER_ROW: usize = 5;

/// A new item enters the feed (and the oldest leaves) every this many frames.
pub const FRAMES_PER_NEW_ITEM: u32 = 4;

/// How far the feed scrolls each frame, in pixels.
const SCROLL_PER_FRAME: f32 = 3.0;

const BACKGROUND: Color = Color::rgb(24, 26, 32);
const PANEL: Color = Color::rgb(38, 42, 52);
const HEADER: Color = Color::rgb(52, 58, 76);
const ROW_EVEN: Color = Color::rgb(46, 50, 62);
const ROW_ODD: Color = Color::rgb(41, 45, 56);
const HOVERED: Color = Color::rgb(84, 104, 156);
const SELECTED: Color = Color::rgb(66, 84, 130);
const OK: Color = Color::rgb(86, 180, 120);
const SLOW: Color = Color::rgb(224, 172, 64);
const FAILING: Color = Color::rgb(222, 92, 84);
const TEXT: Color = Color::rgb(232, 234, 240);
const DIM: Color = Color::rgb(150, 158, 176);

const TITLE: TextStyle = TextStyle {
    font_size: 20,
    color: TEXT,
    wrap_width: 0,
};
const BODY: TextStyle = TextStyle {
    font_size: 14,
    color: TEXT,
    wrap_width: 0,
};
const NOTE: TextStyle = TextStyle {
    font_size: 14,
    color: DIM,
    wrap_width: 0,
};

const VIEWS: [&str; 8] = [
    "Overview",
    "Live feed",
    "Latency",
    "Errors",
    "Hosts",
    "Alerts",
    "Settings",
    "About",
];

/// The number of feed rows that makes about `elements` elements in all.
pub fn rows_for(elements: usize) -> u32 {
    (elements.saturating_sub(FIXED_ELEMENTS) / ELEMENTS_PER_ROW) as u32
}

/// The elements declared with `rows` feed rows.
pub fn elements_for(rows: u32) -> usize {
    FIXED_ELEMENTS + rows as usize * ELEMENTS_PER_ROW
}

/// The input of frame `frame_number`: the pointer sweeps the window in a
/// zigzag, and the feed scrolls down.
pub fn input_for(frame_number: u32) -> Input {
    Input {
        viewport: VIEWPORT,
        pointer: [
            zigzag(frame_number * 7, VIEWPORT.width as u32),
            zigzag(frame_number * 5, VIEWPORT.height as u32),
        ],
        scroll_delta: SCROLL_PER_FRAME,
    }
}

/// `t` bounced between 0 and `max`.
fn zigzag(t: u32, max: u32) -> f32 {
    let t = t % (2 * max);
    (if t < max { t } else { 2 * max - t }) as f32
}

/// Declares frame `frame_number` of the dashboard with `rows` feed rows.
///
/// # Errors
///
/// The first error of the `Ui` (the frame's memory ran out).
pub fn declare<U: Ui>(ui: &mut U, frame_number: u32, rows: u32) -> Result<(), ArenaError> {
    let root = Container::new(id("root"))
        .top_to_bottom()
        .width(VIEWPORT.width)
        .height(VIEWPORT.height)
        .padding(16)
        .gap(12)
        .color(BACKGROUND);
    container(ui, root, |ui| {
        header(ui, frame_number, rows)?;
        let body = Container::new(id("body"))
            .grow_width()
            .grow_height()
            .gap(12);
        container(ui, body, |ui| {
            sidebar(ui, frame_number)?;
            feed(ui, frame_number, rows)
        })?;
        footer(ui, frame_number, rows)
    })
}

fn header<U: Ui>(ui: &mut U, frame_number: u32, rows: u32) -> Result<(), ArenaError> {
    let bar = Container::new(id("header"))
        .grow_width()
        .padding(12)
        .gap(32)
        .color(HEADER);
    container(ui, bar, |ui| {
        ui.text(TITLE, format_args!("arena-memory · ui_layout"))?;
        ui.text(BODY, format_args!("frame {frame_number:>6}"))?;
        ui.text(
            NOTE,
            format_args!("{rows} rows, {} elements", elements_for(rows)),
        )?;
        let [x, y] = input_for(frame_number).pointer;
        ui.text(NOTE, format_args!("pointer {x:>4.0}, {y:>4.0}"))
    })
}

fn sidebar<U: Ui>(ui: &mut U, frame_number: u32) -> Result<(), ArenaError> {
    let panel = Container::new(id("sidebar"))
        .top_to_bottom()
        .width(240.0)
        .grow_height()
        .padding(12)
        .gap(6)
        .color(PANEL);
    container(ui, panel, |ui| {
        ui.text(TITLE, format_args!("Views"))?;
        let selected = (frame_number / 300) as usize % VIEWS.len();
        for (index, view) in VIEWS.iter().enumerate() {
            let item_id = id_indexed("view", index as u32);
            let color = if index == selected {
                SELECTED
            } else if ui.hovered(item_id) {
                HOVERED
            } else {
                Color::NONE
            };
            let item = Container::new(item_id).grow_width().padding(6).color(color);
            container(ui, item, |ui| ui.text(BODY, format_args!("{view}")))?;
        }
        let wrapped = TextStyle {
            wrap_width: 216,
            ..NOTE
        };
        ui.text(
            wrapped,
            format_args!(
                "Every frame this tree is declared into an ephemeral arena: \
                 ArenaVecs of elements and children, ArenaStr labels. \
                 Bounds and text sizes persist in ArenaHashMaps."
            ),
        )
    })
}

/// The feed item shown in row `row` at frame `frame_number`.
fn item_at(frame_number: u32, row: u32) -> u32 {
    frame_number / FRAMES_PER_NEW_ITEM + row
}

/// The value of `item` at frame `frame_number`: it changes every 16 frames,
/// the items taking turns.
fn value_of(item: u32, frame_number: u32) -> f64 {
    let epoch = (frame_number + item * 7) / 16;
    (mix64((u64::from(item) << 32) | u64::from(epoch)) % 1_000_000) as f64 / 100.0
}

fn feed<U: Ui>(ui: &mut U, frame_number: u32, rows: u32) -> Result<(), ArenaError> {
    let list = Container::new(id("feed"))
        .top_to_bottom()
        .grow_width()
        .grow_height()
        .padding(8)
        .gap(2)
        .color(PANEL)
        .clip();
    container(ui, list, |ui| {
        for row in 0..rows {
            let item = item_at(frame_number, row);
            let row_id = id_indexed("item", item);
            let color = if ui.hovered(row_id) {
                HOVERED
            } else if item % 2 == 0 {
                ROW_EVEN
            } else {
                ROW_ODD
            };
            let value = value_of(item, frame_number);
            let (status, status_color) = match value as u32 {
                0..=7_499 => ("ok", OK),
                7_500..=9_499 => ("slow", SLOW),
                _ => ("retrying", FAILING),
            };
            let line = Container::new(row_id)
                .grow_width()
                .padding(6)
                .gap(20)
                .color(color);
            container(ui, line, |ui| {
                ui.text(NOTE, format_args!("item {item:05}"))?;
                ui.text(BODY, format_args!("{value:>9.2}"))?;
                let bar = Container::new(id_indexed("bar", item))
                    .width(4.0 + (value / 10_000.0 * 240.0) as f32)
                    .height(17.0)
                    .color(status_color);
                container(ui, bar, |_| Ok(()))?;
                // A fixed-width column, like every text of the dashboard
                // whose content changes: a frame's bytes do not depend on it.
                ui.text(NOTE, format_args!("{status:<8}"))
            })?;
        }
        Ok(())
    })
}

fn footer<U: Ui>(ui: &mut U, frame_number: u32, rows: u32) -> Result<(), ArenaError> {
    let hovered = (0..rows)
        .map(|row| item_at(frame_number, row))
        .find(|&item| ui.hovered(id_indexed("item", item)));
    let bar = Container::new(id("footer"))
        .grow_width()
        .padding(8)
        .gap(32)
        .color(HEADER);
    container(ui, bar, |ui| {
        match hovered {
            Some(item) => ui.text(BODY, format_args!("hovered: item {item:05}"))?,
            None => ui.text(BODY, format_args!("hovered: nothing   "))?,
        }
        ui.text(
            NOTE,
            format_args!("first item {:05}", item_at(frame_number, 0)),
        )?;
        ui.text(
            NOTE,
            format_args!("new item every {FRAMES_PER_NEW_ITEM} frames"),
        )
    })
}
