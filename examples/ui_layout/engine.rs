//! A small immediate-mode layout engine in Clay's style, on `arena_memory`.
//!
//! Each frame the program declares a tree of elements through the [`Ui`]
//! trait (open a container, add text, close it), then [`FrameUi::end_frame`]
//! sizes and positions every element and produces a list of render commands.
//! Everything a frame declares lives in the *ephemeral* arena and is thrown
//! away by one `reset()`; what must survive from frame to frame lives in the
//! *persistent* region, made once by [`Engine::new_in`]:
//!
//! - `bounds`: element id to its last bounding box, which Clay keeps so that
//!   `hovered(id)` can be answered while the next frame is being declared;
//! - `text_cache`: text hash to measured size, so that text that does not
//!   change is not measured again;
//! - `scroll`: the offset of each scroll container, a fixed-capacity vector.
//!
//! The two maps are made with their capacity up front. While a frame lives the
//! persistent region is sealed, so they cannot grow: when an insert finds one
//! full ([`ArenaError::CollectionFull`], which names the capacity), the engine
//! sweeps out the entries not seen for [`STALE_AFTER_FRAMES`] frames (Clay's
//! generation rule) and tries again.
//!
//! The layout passes ([`layout`], [`emit_render_commands`]) work on plain
//! slices, so `std_engine.rs` runs exactly the same passes on std collections.

use core::fmt;

use arena_memory::{Arena, ArenaError, ArenaHashMap, ArenaPod, ArenaStr, ArenaVec};

/// Entries of the persistent maps not seen for more than this many frames are
/// evicted when a map is full.
pub const STALE_AFTER_FRAMES: u32 = 3;

/// The label index of an element that has no text.
pub const NO_LABEL: u32 = u32::MAX;

/// How deep clip (scroll) containers may nest; deeper ones do not clip.
const MAX_CLIP_DEPTH: usize = 8;

/// How many rounds of mixing stand in for shaping one glyph pair.
const SHAPING_ROUNDS: u32 = 16;

// ----- the element and command types (plain old data) -----------------------------

/// An axis-aligned rectangle, in pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq, ArenaPod)]
#[repr(C)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// Whether the point `(x, y)` lies inside.
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x && x < self.x + self.width && y >= self.y && y < self.y + self.height
    }

    /// Whether the two rectangles overlap.
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    /// The overlap of the two rectangles (empty when they do not overlap).
    pub fn intersection(&self, other: &Rect) -> Rect {
        let x = self.x.max(other.x);
        let y = self.y.max(other.y);
        let right = (self.x + self.width).min(other.x + other.width);
        let bottom = (self.y + self.height).min(other.y + other.height);
        Rect {
            x,
            y,
            width: (right - x).max(0.0),
            height: (bottom - y).max(0.0),
        }
    }
}

/// A colour, 8 bits per channel; alpha 0 draws nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ArenaPod)]
#[repr(C)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha.
    pub a: u8,
}

impl Color {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color { r, g, b, a: 255 }
    }

    /// No colour: the element draws no rectangle.
    pub const NONE: Color = Color {
        r: 0,
        g: 0,
        b: 0,
        a: 0,
    };
}

/// How an element is sized along one axis (Clay's `CLAY_SIZING_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ArenaPod)]
#[repr(u8)]
pub enum Sizing {
    /// Fits its content (children, or measured text) plus padding.
    Fit = 0,
    /// Fits its content, then takes an equal share of the parent's free space.
    Grow = 1,
    /// A fixed number of pixels.
    Fixed = 2,
}

/// The axis along which a container places its children.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ArenaPod)]
#[repr(u8)]
pub enum Direction {
    /// Children side by side, left to right.
    LeftToRight = 0,
    /// Children stacked, top to bottom.
    TopToBottom = 1,
}

impl Direction {
    /// The axis index (0 = x, 1 = y) children are laid along.
    fn main_axis(self) -> usize {
        match self {
            Direction::LeftToRight => 0,
            Direction::TopToBottom => 1,
        }
    }
}

/// What an element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ArenaPod)]
#[repr(u8)]
pub enum ElementKind {
    /// A box with children, padding, a gap and a direction.
    Container = 0,
    /// A run of text, measured when declared.
    Text = 1,
}

/// One element of a frame's tree, in declaration (pre-order) order: an
/// element's descendants are the indices `index + 1 .. end`.
#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
pub struct Element {
    /// The computed rectangle (after [`layout`]).
    pub bounds: Rect,
    /// Per axis: the fixed size (`Sizing::Fixed`), or the measured text size.
    pub fixed: [f32; 2],
    /// How far the children are scrolled along the main axis (clip containers).
    pub scroll_offset: f32,
    /// The element's id, stable from frame to frame.
    pub id: u32,
    /// One past the index of its last descendant.
    pub end: u32,
    /// Where its children's indices start in the frame's children array.
    pub first_child: u32,
    /// How many children it has.
    pub child_count: u32,
    /// Index of its text in the frame's labels, or [`NO_LABEL`].
    pub label: u32,
    /// Background colour (containers) or text colour.
    pub color: Color,
    /// Padding on every side, in pixels.
    pub padding: u16,
    /// Space between children, in pixels.
    pub gap: u16,
    /// Sizing along x and y.
    pub sizing: [Sizing; 2],
    /// Layout direction of the children.
    pub direction: Direction,
    /// Container or text.
    pub kind: ElementKind,
    /// Font size in pixels (text).
    pub font_size: u8,
    /// Whether the container clips (and scrolls) its children.
    pub clip: bool,
    /// Explicit padding, so that the struct has no implicit padding bytes.
    pub _pad: [u8; 2],
}

/// What a render command draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ArenaPod)]
#[repr(u8)]
pub enum CommandKind {
    /// A filled rectangle.
    Rectangle = 0,
    /// A text run, its top-left corner at the bounds' origin.
    Text = 1,
    /// Start clipping to the bounds.
    ClipStart = 2,
    /// Stop the innermost clipping.
    ClipEnd = 3,
}

/// One drawing instruction for a renderer (Clay's `Clay_RenderCommand`).
#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
pub struct RenderCommand {
    /// Where to draw.
    pub bounds: Rect,
    /// The element that produced the command.
    pub id: u32,
    /// Index into the frame's labels for text, else [`NO_LABEL`].
    pub label: u32,
    /// Fill or text colour.
    pub color: Color,
    /// What to draw.
    pub kind: CommandKind,
    /// Font size in pixels (text).
    pub font_size: u8,
    /// Explicit padding, so that the struct has no implicit padding bytes.
    pub _pad: [u8; 2],
}

// ----- declarations -----------------------------------------------------------------

/// The declaration of a container (Clay's `Clay_ElementDeclaration`), built
/// with chained setters: `Container::new(id).grow().padding(8)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Container {
    /// The element's id (see [`id`] and [`id_indexed`]).
    pub id: u32,
    /// Layout direction of the children.
    pub direction: Direction,
    /// Sizing along x and y.
    pub sizing: [Sizing; 2],
    /// Fixed sizes, used where `sizing` is `Fixed`.
    pub fixed: [f32; 2],
    /// Padding on every side.
    pub padding: u16,
    /// Space between children.
    pub gap: u16,
    /// Background colour.
    pub color: Color,
    /// Whether it clips and scrolls its children.
    pub clip: bool,
}

impl Container {
    /// A left-to-right container that fits its content, with no background.
    pub const fn new(id: u32) -> Container {
        Container {
            id,
            direction: Direction::LeftToRight,
            sizing: [Sizing::Fit, Sizing::Fit],
            fixed: [0.0, 0.0],
            padding: 0,
            gap: 0,
            color: Color::NONE,
            clip: false,
        }
    }

    /// Children stacked top to bottom.
    pub const fn top_to_bottom(mut self) -> Container {
        self.direction = Direction::TopToBottom;
        self
    }

    /// Grow along x.
    pub const fn grow_width(mut self) -> Container {
        self.sizing[0] = Sizing::Grow;
        self
    }

    /// Grow along y.
    pub const fn grow_height(mut self) -> Container {
        self.sizing[1] = Sizing::Grow;
        self
    }

    /// A fixed width.
    pub const fn width(mut self, width: f32) -> Container {
        self.sizing[0] = Sizing::Fixed;
        self.fixed[0] = width;
        self
    }

    /// A fixed height.
    pub const fn height(mut self, height: f32) -> Container {
        self.sizing[1] = Sizing::Fixed;
        self.fixed[1] = height;
        self
    }

    /// Padding on every side.
    pub const fn padding(mut self, padding: u16) -> Container {
        self.padding = padding;
        self
    }

    /// Space between children.
    pub const fn gap(mut self, gap: u16) -> Container {
        self.gap = gap;
        self
    }

    /// Background colour.
    pub const fn color(mut self, color: Color) -> Container {
        self.color = color;
        self
    }

    /// Clip the children to this container and scroll them.
    pub const fn clip(mut self) -> Container {
        self.clip = true;
        self
    }

    /// The element for this declaration (sizes and tree links filled in later).
    pub fn to_element(self, scroll_offset: f32) -> Element {
        Element {
            bounds: Rect::default(),
            fixed: self.fixed,
            scroll_offset,
            id: self.id,
            end: 0,
            first_child: 0,
            child_count: 0,
            label: NO_LABEL,
            color: self.color,
            padding: self.padding,
            gap: self.gap,
            sizing: self.sizing,
            direction: self.direction,
            kind: ElementKind::Container,
            font_size: 0,
            clip: self.clip,
            _pad: [0; 2],
        }
    }
}

/// How a text element is drawn and measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// Font size in pixels.
    pub font_size: u8,
    /// Text colour.
    pub color: Color,
    /// Wrap lines at this width; 0 for no wrapping.
    pub wrap_width: u16,
}

impl TextStyle {
    /// The text element for a label measured at `size`.
    pub fn to_element(self, id: u32, label: u32, size: Size) -> Element {
        Element {
            bounds: Rect::default(),
            fixed: [size.width, size.height],
            scroll_offset: 0.0,
            id,
            end: 0,
            first_child: 0,
            child_count: 0,
            label,
            color: self.color,
            padding: 0,
            gap: 0,
            sizing: [Sizing::Fit, Sizing::Fit],
            direction: Direction::LeftToRight,
            kind: ElementKind::Text,
            font_size: self.font_size,
            clip: false,
            _pad: [0; 2],
        }
    }
}

/// What a frame's declarations are given (Clay's `Clay_SetPointerState` and
/// `Clay_UpdateScrollContainers`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Input {
    /// The size of the window.
    pub viewport: Size,
    /// The pointer position.
    pub pointer: [f32; 2],
    /// Pixels to scroll every scroll container by this frame.
    pub scroll_delta: f32,
}

/// A width and a height, in pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// The calls a frame's tree is declared with; implemented by the arena
/// engine ([`FrameUi`]) and by the std engine, so both run the same program.
pub trait Ui {
    /// Opens a container; elements declared until the matching
    /// [`close`](Ui::close) are its children.
    ///
    /// # Errors
    ///
    /// When the frame's memory runs out.
    fn open(&mut self, container: Container) -> Result<(), ArenaError>;

    /// Closes the most recently opened container.
    ///
    /// # Errors
    ///
    /// When the frame's memory runs out.
    fn close(&mut self) -> Result<(), ArenaError>;

    /// Adds a text element, formatted from `args`, to the open container.
    ///
    /// # Errors
    ///
    /// When the frame's memory runs out.
    fn text(&mut self, style: TextStyle, args: fmt::Arguments<'_>) -> Result<(), ArenaError>;

    /// Whether the pointer was over the element `id` in the last frame
    /// (Clay's `Clay_PointerOver`).
    fn hovered(&self, id: u32) -> bool;
}

/// Declares `container` with the children that `children` declares: Clay's
/// `CLAY(...) { ... }`.
///
/// # Errors
///
/// The first error of `open`, `children` or `close`.
pub fn container<U: Ui + ?Sized>(
    ui: &mut U,
    container: Container,
    children: impl FnOnce(&mut U) -> Result<(), ArenaError>,
) -> Result<(), ArenaError> {
    ui.open(container)?;
    children(ui)?;
    ui.close()
}

// ----- ids, hashing and text measurement -------------------------------------------

/// The id of an element named `name` (Clay's `CLAY_ID`): FNV-1a.
pub const fn id(name: &str) -> u32 {
    id_indexed(name, 0)
}

/// The id of the `index`-th element named `name` (Clay's `CLAY_IDI`).
pub const fn id_indexed(name: &str, index: u32) -> u32 {
    let bytes = name.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    child_id(hash, index)
}

/// The id of a parent's `index`-th child that has no name of its own.
pub const fn child_id(parent: u32, index: u32) -> u32 {
    let mixed = mix64(((parent as u64) << 32) | index as u64);
    (mixed ^ (mixed >> 32)) as u32
}

/// SplitMix64's finaliser: a cheap, good 64-bit mix.
pub const fn mix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The text cache's key: FNV-1a over the text's bytes and the style that
/// changes its size.
pub fn text_hash(text: &str, style: &TextStyle) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in text.as_bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix64(hash ^ (u64::from(style.font_size) << 48) ^ (u64::from(style.wrap_width) << 32))
}

/// Measures `text` in a made-up monospace font: 0.6 × font size per character, lines of
/// 1.25 × font size, words wrapped at `style.wrap_width`, and a small kerning
/// adjustment per character pair computed with [`SHAPING_ROUNDS`] rounds of
/// mixing. The kerning stands in for shaping, which is what makes measuring
/// real text expensive, and what the engine's text cache saves.
pub fn measure_text(text: &str, style: &TextStyle) -> Size {
    let mut widest = 0.0f32;
    let mut lines = 0u32;
    wrap_lines(
        text,
        style.font_size,
        f32::from(style.wrap_width),
        |_, width| {
            widest = widest.max(width);
            lines += 1;
        },
    );
    Size {
        width: widest.ceil(),
        height: (lines as f32 * line_height(style.font_size)).ceil(),
    }
}

/// The height of one line of text.
pub fn line_height(font_size: u8) -> f32 {
    f32::from(font_size) * 1.25
}

/// Calls `line(text, width)` for each line of `text` wrapped at `wrap_width`
/// (0: no wrapping), breaking at spaces, as [`measure_text`] measures it. A
/// renderer calls it with the measured width to draw the same lines.
pub fn wrap_lines(text: &str, font_size: u8, wrap_width: f32, mut line: impl FnMut(&str, f32)) {
    let advance = f32::from(font_size) * 0.6;
    let space = advance;
    let mut line_start = 0;
    let mut line_end = 0;
    let mut width = 0.0f32;
    let mut word_start = 0;
    for word in text.split(' ') {
        let word_end = word_start + word.len();
        let mut word_width = 0.0f32;
        let mut previous = ' ';
        for ch in word.chars() {
            word_width += advance + kerning(previous, ch);
            previous = ch;
        }
        if word_start == 0 {
            width = word_width;
        } else if wrap_width > 0.0 && width + space + word_width > wrap_width {
            line(&text[line_start..line_end], width);
            line_start = word_start;
            width = word_width;
        } else {
            width += space + word_width;
        }
        line_end = word_end;
        word_start = word_end + 1;
    }
    line(&text[line_start..line_end], width);
}

/// The kerning between two characters, in pixels: -0.5, 0 or +0.5.
fn kerning(previous: char, ch: char) -> f32 {
    let mut h = (u64::from(u32::from(previous)) << 32) | u64::from(u32::from(ch));
    for _ in 0..SHAPING_ROUNDS {
        h = mix64(h);
    }
    match h % 8 {
        0 => -0.5,
        1 => 0.5,
        _ => 0.0,
    }
}

// ----- the layout passes (shared with the std engine) ------------------------------

/// Sizes and positions every element of a frame's tree. `elements[0]` is the
/// root; it is placed at the origin.
///
/// Per axis, x first: a bottom-up pass fits each container around its
/// children, then a top-down pass hands the free space of each container to
/// its `Grow` children. Then a top-down pass places the children of each
/// container one after another along its direction, shifted by the scroll
/// offset in clip containers.
pub fn layout(elements: &mut [Element], children: &[u32]) {
    for axis in 0..2 {
        fit_sizes(elements, children, axis);
        grow_sizes(elements, children, axis);
    }
    place(elements, children);
}

fn size_along(rect: &Rect, axis: usize) -> f32 {
    if axis == 0 {
        rect.width
    } else {
        rect.height
    }
}

fn set_size_along(rect: &mut Rect, axis: usize, size: f32) {
    if axis == 0 {
        rect.width = size;
    } else {
        rect.height = size;
    }
}

fn children_of<'c>(element: &Element, children: &'c [u32]) -> &'c [u32] {
    let first = element.first_child as usize;
    &children[first..first + element.child_count as usize]
}

/// Bottom-up: children have larger indices than their parent, so a reverse
/// walk sees every child before its parent.
fn fit_sizes(elements: &mut [Element], children: &[u32], axis: usize) {
    for index in (0..elements.len()).rev() {
        let element = elements[index];
        let size = match (element.kind, element.sizing[axis]) {
            (_, Sizing::Fixed) | (ElementKind::Text, _) => element.fixed[axis],
            (ElementKind::Container, Sizing::Fit | Sizing::Grow)
                if element.clip && element.direction.main_axis() == axis =>
            {
                // A scroll container does not grow with its content along the
                // axis it scrolls (as in Clay): only `Grow` or `Fixed` size it.
                2.0 * f32::from(element.padding)
            }
            (ElementKind::Container, Sizing::Fit | Sizing::Grow) => {
                let mut content = 0.0f32;
                let kids = children_of(&element, children);
                for &child in kids {
                    let child_size = size_along(&elements[child as usize].bounds, axis);
                    if element.direction.main_axis() == axis {
                        content += child_size;
                    } else {
                        content = content.max(child_size);
                    }
                }
                if element.direction.main_axis() == axis && kids.len() > 1 {
                    content += f32::from(element.gap) * (kids.len() - 1) as f32;
                }
                content + 2.0 * f32::from(element.padding)
            }
        };
        set_size_along(&mut elements[index].bounds, axis, size);
    }
}

/// Top-down: parents are final before their children are grown.
fn grow_sizes(elements: &mut [Element], children: &[u32], axis: usize) {
    for index in 0..elements.len() {
        let element = elements[index];
        if element.kind != ElementKind::Container || element.child_count == 0 {
            continue;
        }
        let kids = children_of(&element, children);
        let inner = size_along(&element.bounds, axis) - 2.0 * f32::from(element.padding);
        if element.direction.main_axis() == axis {
            let mut used = f32::from(element.gap) * (kids.len() - 1) as f32;
            let mut growing = 0u32;
            for &child in kids {
                let child = &elements[child as usize];
                used += size_along(&child.bounds, axis);
                growing += u32::from(child.sizing[axis] == Sizing::Grow);
            }
            let free = inner - used;
            if growing == 0 || free <= 0.0 {
                continue;
            }
            let share = free / growing as f32;
            for &child in kids {
                let child = &mut elements[child as usize];
                if child.sizing[axis] == Sizing::Grow {
                    let size = size_along(&child.bounds, axis) + share;
                    set_size_along(&mut child.bounds, axis, size);
                }
            }
        } else {
            for &child in kids {
                let child = &mut elements[child as usize];
                if child.sizing[axis] == Sizing::Grow {
                    set_size_along(&mut child.bounds, axis, inner.max(0.0));
                }
            }
        }
    }
}

/// Top-down: each container places its children along its direction.
fn place(elements: &mut [Element], children: &[u32]) {
    if let Some(root) = elements.first_mut() {
        root.bounds.x = 0.0;
        root.bounds.y = 0.0;
    }
    for index in 0..elements.len() {
        let element = elements[index];
        if element.kind != ElementKind::Container {
            continue;
        }
        let padding = f32::from(element.padding);
        let main = element.direction.main_axis();
        let mut cursor = [element.bounds.x + padding, element.bounds.y + padding];
        cursor[main] -= element.scroll_offset;
        for &child in children_of(&element, children) {
            let child = &mut elements[child as usize];
            child.bounds.x = cursor[0];
            child.bounds.y = cursor[1];
            cursor[main] += size_along(&child.bounds, main) + f32::from(element.gap);
        }
    }
}

/// Walks the laid-out tree in order and pushes its render commands:
/// rectangles for containers with a colour, text, and clip start and end
/// around clip containers. Elements entirely outside the viewport or their
/// clip rectangle are culled with their whole subtree.
///
/// # Errors
///
/// The first error of `push`.
pub fn emit_render_commands(
    elements: &[Element],
    viewport: Size,
    mut push: impl FnMut(RenderCommand) -> Result<(), ArenaError>,
) -> Result<(), ArenaError> {
    let screen = Rect {
        x: 0.0,
        y: 0.0,
        width: viewport.width,
        height: viewport.height,
    };
    // The open clips: (end of the clip container's subtree, its id, clip rect).
    let mut clips = [(0u32, 0u32, screen); MAX_CLIP_DEPTH];
    let mut depth = 0;
    let mut index = 0;
    while index < elements.len() {
        while depth > 0 && index as u32 >= clips[depth - 1].0 {
            depth -= 1;
            push(command(
                CommandKind::ClipEnd,
                clips[depth].2,
                clips[depth].1,
            ))?;
        }
        let element = &elements[index];
        let clip = if depth == 0 {
            screen
        } else {
            clips[depth - 1].2
        };
        if !element.bounds.intersects(&clip) {
            index = element.end as usize; // skip the subtree: it cannot show
            continue;
        }
        match element.kind {
            ElementKind::Container if element.color.a > 0 => {
                let mut rectangle = command(CommandKind::Rectangle, element.bounds, element.id);
                rectangle.color = element.color;
                push(rectangle)?;
            }
            ElementKind::Container => {}
            ElementKind::Text => {
                let mut text = command(CommandKind::Text, element.bounds, element.id);
                text.color = element.color;
                text.label = element.label;
                text.font_size = element.font_size;
                push(text)?;
            }
        }
        if element.clip && depth < MAX_CLIP_DEPTH {
            let clipped = element.bounds.intersection(&clip);
            push(command(CommandKind::ClipStart, clipped, element.id))?;
            clips[depth] = (element.end, element.id, clipped);
            depth += 1;
        }
        index += 1;
    }
    while depth > 0 {
        depth -= 1;
        push(command(
            CommandKind::ClipEnd,
            clips[depth].2,
            clips[depth].1,
        ))?;
    }
    Ok(())
}

fn command(kind: CommandKind, bounds: Rect, id: u32) -> RenderCommand {
    RenderCommand {
        bounds,
        id,
        label: NO_LABEL,
        color: Color::NONE,
        kind,
        font_size: 0,
        _pad: [0; 2],
    }
}

/// How far a clip container can scroll: the size of its children along its
/// direction, with gaps and padding, less its own size.
pub fn scroll_limit(element: &Element, elements: &[Element], children: &[u32]) -> f32 {
    let main = element.direction.main_axis();
    let kids = children_of(element, children);
    let mut extent = 2.0 * f32::from(element.padding);
    for &child in kids {
        extent += size_along(&elements[child as usize].bounds, main);
    }
    if kids.len() > 1 {
        extent += f32::from(element.gap) * (kids.len() - 1) as f32;
    }
    (extent - size_along(&element.bounds, main)).max(0.0)
}

// ----- persistent state --------------------------------------------------------------

/// An element's last bounding box, the part of it the pointer could reach,
/// and the frame it was last seen in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeenBounds {
    /// The bounding box.
    pub bounds: Rect,
    /// The bounding box clipped by every enclosing scroll container: what
    /// `hovered` tests, so that a row scrolled out of view under the header
    /// is not hovered (Clay's pointer test skips what its clip hides).
    pub visible: Rect,
    /// The frame number it was laid out in.
    pub frame: u32,
}

/// Calls `each` with every element, in order, and its visible part: its
/// bounds clipped by the clip (scroll) containers it is inside, empty when it
/// is scrolled out of view. Clips nest up to [`MAX_CLIP_DEPTH`], as in
/// [`emit_render_commands`].
///
/// # Errors
///
/// The first error of `each`.
pub fn visible_bounds<E>(
    elements: &[Element],
    mut each: impl FnMut(&Element, Rect) -> Result<(), E>,
) -> Result<(), E> {
    // The open clips: (end of the clip container's subtree, its visible part).
    let mut clips = [(0u32, Rect::default()); MAX_CLIP_DEPTH];
    let mut depth = 0;
    for (index, element) in elements.iter().enumerate() {
        while depth > 0 && index as u32 >= clips[depth - 1].0 {
            depth -= 1;
        }
        let visible = match depth {
            0 => element.bounds,
            _ => element.bounds.intersection(&clips[depth - 1].1),
        };
        each(element, visible)?;
        if element.clip && depth < MAX_CLIP_DEPTH {
            clips[depth] = (element.end, visible);
            depth += 1;
        }
    }
    Ok(())
}

/// A measured text size, and the frame it was last used in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CachedText {
    /// The measured size.
    pub size: Size,
    /// The frame number it was last looked up in.
    pub frame: u32,
}

/// The scroll position of one scroll (clip) container.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScrollState {
    /// The container's id.
    pub id: u32,
    /// How far its children are scrolled.
    pub offset: f32,
    /// How far they can be scrolled, from the last frame's layout.
    pub max_offset: f32,
}

/// Counters over all frames run so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Frames ended.
    pub frames: u64,
    /// Text elements measured through the cache.
    pub text_lookups: u64,
    /// Of those, found in the cache.
    pub text_hits: u64,
    /// Text cache entries evicted by stale-entry sweeps.
    pub text_evicted: u64,
    /// Measured texts not cached because the cache was full of live entries.
    pub text_uncached: u64,
    /// Stale-entry sweeps of either map.
    pub sweeps: u64,
    /// Bounds entries evicted by stale-entry sweeps.
    pub bounds_evicted: u64,
    /// Bounds not recorded because the map was full of live entries.
    pub bounds_dropped: u64,
}

impl Stats {
    /// The share of text lookups found in the cache, from 0 to 1.
    pub fn text_hit_rate(&self) -> f64 {
        if self.text_lookups == 0 {
            0.0
        } else {
            self.text_hits as f64 / self.text_lookups as f64
        }
    }
}

/// What [`insert_or_sweep`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stored {
    /// Whether the entry is in the map now.
    inserted: bool,
    /// How many entries a sweep evicted, if the map was full.
    swept: Option<usize>,
}

/// Inserts `key` into a persistent map. If the map is full
/// ([`ArenaError::CollectionFull`]), first evicts the entries whose
/// `last_seen` frame is more than [`STALE_AFTER_FRAMES`] before `now` (Clay's
/// generation rule), then tries once more; if every entry is live, the new one
/// is left out.
///
/// # Errors
///
/// Any other error of `try_insert`.
fn insert_or_sweep<K, V>(
    map: &mut ArenaHashMap<'_, K, V>,
    key: K,
    value: V,
    now: u32,
    last_seen: impl Fn(&V) -> u32,
) -> Result<Stored, ArenaError>
where
    K: Eq + core::hash::Hash + Copy,
    V: Copy,
{
    match map.try_insert(key, value) {
        Ok(_) => Ok(Stored {
            inserted: true,
            swept: None,
        }),
        Err(ArenaError::CollectionFull { .. }) => {
            let before = map.len();
            map.retain(|_, entry| now - last_seen(entry) <= STALE_AFTER_FRAMES);
            let swept = Some(before - map.len());
            match map.try_insert(key, value) {
                Ok(_) => Ok(Stored {
                    inserted: true,
                    swept,
                }),
                Err(ArenaError::CollectionFull { .. }) => Ok(Stored {
                    inserted: false,
                    swept,
                }),
                Err(other) => Err(other),
            }
        }
        Err(other) => Err(other),
    }
}

/// Capacities of the engine's fixed-size structures, from the number of
/// elements a frame declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capacities {
    /// Elements per frame (the frame's vectors are made with this capacity;
    /// more still works, by growing them).
    pub elements: usize,
    /// Entries of the bounds map.
    pub bounds: usize,
    /// Entries of the text cache.
    pub texts: usize,
    /// Scroll containers.
    pub scroll_containers: usize,
}

impl Capacities {
    /// Room for `elements` elements per frame, and a quarter more ids than a
    /// frame declares in the persistent maps, for ids that come and go.
    pub fn for_elements(elements: usize) -> Capacities {
        let elements = elements.max(1);
        Capacities {
            elements,
            bounds: elements + elements / 4 + 16,
            texts: elements + elements / 4 + 16,
            scroll_containers: 4,
        }
    }
}

/// The persistent half of the engine: what survives from frame to frame.
pub struct Engine<'p> {
    capacities: Capacities,
    bounds: ArenaHashMap<'p, u32, SeenBounds>,
    text_cache: ArenaHashMap<'p, u64, CachedText>,
    scroll: ArenaVec<'p, ScrollState>,
    frame_number: u32,
    stats: Stats,
}

impl<'p> Engine<'p> {
    /// Makes the persistent state in `arena`, which should then be sealed with
    /// `arena.try_ephemeral()` for the frames.
    ///
    /// # Errors
    ///
    /// When the arena is too small for the persistent maps and vector.
    pub fn new_in(capacities: Capacities, arena: &'p Arena<'p>) -> Result<Engine<'p>, ArenaError> {
        Ok(Engine {
            capacities,
            bounds: ArenaHashMap::try_with_capacity_in(capacities.bounds, arena)?,
            text_cache: ArenaHashMap::try_with_capacity_in(capacities.texts, arena)?,
            scroll: ArenaVec::try_with_capacity_in(capacities.scroll_containers, arena)?,
            frame_number: 0,
            stats: Stats::default(),
        })
    }

    /// Starts a frame whose declarations live in `frame` (Clay's
    /// `Clay_BeginLayout`). The frame's vectors are made with the element
    /// capacity up front, so that they never move while the labels are
    /// allocated between them.
    ///
    /// # Errors
    ///
    /// When `frame` is too small for the frame's vectors.
    pub fn begin_frame<'f, 'e>(
        &'e mut self,
        frame: &'f Arena<'f>,
        input: Input,
    ) -> Result<FrameUi<'f, 'e, 'p>, ArenaError> {
        let capacity = self.capacities.elements;
        Ok(FrameUi {
            elements: ArenaVec::try_with_capacity_in(capacity, frame)?,
            children: ArenaVec::try_with_capacity_in(capacity, frame)?,
            pending: ArenaVec::try_with_capacity_in(capacity, frame)?,
            open: ArenaVec::try_with_capacity_in(64, frame)?,
            labels: ArenaVec::try_with_capacity_in(capacity, frame)?,
            frame,
            input,
            engine: self,
        })
    }

    /// The bounding box element `id` had when it was last laid out.
    pub fn bounds_of(&self, id: u32) -> Option<Rect> {
        self.bounds.get(&id).map(|seen| seen.bounds)
    }

    /// The counters so far.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// Entries in the bounds map and in the text cache, and their capacities.
    pub fn map_sizes(&self) -> [(usize, usize); 2] {
        [
            (self.bounds.len(), self.bounds.capacity()),
            (self.text_cache.len(), self.text_cache.capacity()),
        ]
    }

    /// The size of `text`, from the cache or measured and cached.
    ///
    /// # Errors
    ///
    /// Any error of the cache but [`ArenaError::CollectionFull`], which the
    /// stale-entry sweep handles.
    fn measure_cached(&mut self, text: &str, style: &TextStyle) -> Result<Size, ArenaError> {
        let now = self.frame_number;
        let key = text_hash(text, style);
        self.stats.text_lookups += 1;
        if let Some(cached) = self.text_cache.get_mut(&key) {
            cached.frame = now;
            self.stats.text_hits += 1;
            return Ok(cached.size);
        }
        let size = measure_text(text, style);
        let entry = CachedText { size, frame: now };
        let stored = insert_or_sweep(&mut self.text_cache, key, entry, now, |cached| cached.frame)?;
        if let Some(evicted) = stored.swept {
            self.stats.sweeps += 1;
            self.stats.text_evicted += evicted as u64;
        }
        if !stored.inserted {
            self.stats.text_uncached += 1;
        }
        Ok(size)
    }

    /// Records every element's bounding box for the next frame's `hovered`.
    ///
    /// # Errors
    ///
    /// Any error of the map but [`ArenaError::CollectionFull`], which the
    /// stale-entry sweep handles.
    fn record_bounds(&mut self, elements: &[Element]) -> Result<(), ArenaError> {
        let now = self.frame_number;
        visible_bounds(elements, |element, visible| {
            let seen = SeenBounds {
                bounds: element.bounds,
                visible,
                frame: now,
            };
            let stored =
                insert_or_sweep(&mut self.bounds, element.id, seen, now, |seen| seen.frame)?;
            if let Some(evicted) = stored.swept {
                self.stats.sweeps += 1;
                self.stats.bounds_evicted += evicted as u64;
            }
            if !stored.inserted {
                self.stats.bounds_dropped += 1;
            }
            Ok(())
        })
    }

    /// The scroll offset of container `id`, registering it the first time.
    ///
    /// # Errors
    ///
    /// None in practice: it pushes only below the vector's capacity.
    fn scroll_offset(&mut self, id: u32) -> Result<f32, ArenaError> {
        if let Some(state) = self.scroll.iter().find(|state| state.id == id) {
            return Ok(state.offset);
        }
        // At capacity the container does not scroll: the vector is in the
        // sealed persistent region and cannot grow.
        if self.scroll.len() < self.scroll.capacity() {
            self.scroll.try_push(ScrollState {
                id,
                offset: 0.0,
                max_offset: 0.0,
            })?;
        }
        Ok(0.0)
    }

    /// Applies this frame's scroll input and remembers how far each scroll
    /// container can go; past the end, it starts over from the top.
    fn update_scroll(&mut self, elements: &[Element], children: &[u32], delta: f32) {
        for element in elements.iter().filter(|element| element.clip) {
            if let Some(state) = self.scroll.iter_mut().find(|state| state.id == element.id) {
                state.max_offset = scroll_limit(element, elements, children);
                state.offset += delta;
                if state.offset > state.max_offset {
                    state.offset = 0.0;
                }
            }
        }
    }
}

impl fmt::Debug for Engine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("frame_number", &self.frame_number)
            .field("bounds", &self.bounds.len())
            .field("text_cache", &self.text_cache.len())
            .field("stats", &self.stats)
            .finish()
    }
}

/// One frame being declared: the ephemeral vectors, in the frame arena.
pub struct FrameUi<'f, 'e, 'p> {
    frame: &'f Arena<'f>,
    input: Input,
    engine: &'e mut Engine<'p>,
    /// Every element, in declaration order.
    elements: ArenaVec<'f, Element>,
    /// Children indices, each element's contiguous from `first_child`.
    children: ArenaVec<'f, u32>,
    /// Children of the open elements, moved to `children` at `close` (Clay's
    /// `layoutElementChildrenBuffer`).
    pending: ArenaVec<'f, u32>,
    /// The open elements' indices.
    open: ArenaVec<'f, u32>,
    /// The texts, formatted into the frame arena.
    labels: ArenaVec<'f, &'f str>,
}

impl fmt::Debug for FrameUi<'_, '_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameUi")
            .field("elements", &self.elements.len())
            .field("open", &self.open.len())
            .finish()
    }
}

/// A laid-out frame: what the renderer gets, all in the frame arena.
#[derive(Debug)]
pub struct Frame<'f> {
    /// Every element with its computed bounds.
    pub elements: ArenaVec<'f, Element>,
    /// The texts that `Element::label` and `RenderCommand::label` index.
    pub labels: ArenaVec<'f, &'f str>,
    /// The render commands, in drawing order.
    pub commands: ArenaVec<'f, RenderCommand>,
}

impl<'f> FrameUi<'f, '_, '_> {
    /// Adds `element` as a child of the open container; returns its index.
    fn push_element(&mut self, element: Element) -> Result<u32, ArenaError> {
        let index = self.elements.len() as u32;
        if let Some(&parent) = self.open.last() {
            self.pending.try_push(index)?;
            self.elements[parent as usize].child_count += 1;
        }
        self.elements.try_push(element)?;
        Ok(index)
    }

    /// Lays the frame out, produces its render commands and updates the
    /// persistent state (Clay's `Clay_EndLayout`).
    ///
    /// # Errors
    ///
    /// When the frame's memory runs out.
    pub fn end_frame(self) -> Result<Frame<'f>, ArenaError> {
        let FrameUi {
            frame,
            input,
            engine,
            mut elements,
            children,
            labels,
            ..
        } = self;
        layout(&mut elements, &children);
        let mut commands = ArenaVec::try_with_capacity_in(elements.len() / 2 + 16, frame)?;
        emit_render_commands(&elements, input.viewport, |command| {
            commands.try_push(command)
        })?;
        engine.record_bounds(&elements)?;
        engine.update_scroll(&elements, &children, input.scroll_delta);
        engine.frame_number += 1;
        engine.stats.frames += 1;
        Ok(Frame {
            elements,
            labels,
            commands,
        })
    }
}

impl<'f> Ui for FrameUi<'f, '_, '_> {
    fn open(&mut self, container: Container) -> Result<(), ArenaError> {
        let scroll_offset = if container.clip {
            self.engine.scroll_offset(container.id)?
        } else {
            0.0
        };
        let index = self.push_element(container.to_element(scroll_offset))?;
        self.open.try_push(index)
    }

    fn close(&mut self) -> Result<(), ArenaError> {
        let Some(index) = self.open.pop() else {
            return Ok(()); // an unmatched close: nothing to close
        };
        let first_child = self.children.len() as u32;
        let end = self.elements.len() as u32;
        let element = &mut self.elements[index as usize];
        let start = self.pending.len() - element.child_count as usize;
        element.first_child = first_child;
        element.end = end;
        self.children
            .try_extend_from_slice(&self.pending[start..])?;
        self.pending.truncate(start);
        Ok(())
    }

    fn text(&mut self, style: TextStyle, args: fmt::Arguments<'_>) -> Result<(), ArenaError> {
        // What `try_format_in!(self.frame, ...)` expands to, with the arguments
        // already captured by the caller.
        let label: &'f str = ArenaStr::try_from_fmt_in(args, self.frame)?.into_str();
        let size = self.engine.measure_cached(label, &style)?;
        // A text has no name: its id is its parent's id and its place there.
        let (parent_id, place) = self.open.last().map_or((0, 0), |&parent| {
            let parent = &self.elements[parent as usize];
            (parent.id, parent.child_count)
        });
        let label_index = self.labels.len() as u32;
        self.labels.try_push(label)?;
        let id = child_id(parent_id, place);
        let index = self.push_element(style.to_element(id, label_index, size))?;
        self.elements[index as usize].end = index + 1;
        Ok(())
    }

    fn hovered(&self, id: u32) -> bool {
        let [x, y] = self.input.pointer;
        self.engine
            .bounds
            .get(&id)
            .is_some_and(|seen| seen.visible.contains(x, y))
    }
}
