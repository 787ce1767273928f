//! Workload 6: one UI frame, Clay style: 2,000 elements of 64 bytes, 2,000
//! labels of about 15 bytes and a children index vector, then reset.
//!
//! Per frame every peer:
//! 1. pushes [`ELEMENTS`] [`Element`]s into a vector made with that capacity
//!    (the element count is bounded, as Clay's is);
//! 2. copies label `i` (13 to 17 bytes) into its memory for every element and
//!    keeps the copies in a vector made with capacity [`ELEMENTS`];
//! 3. fills the children index vector, which grows from empty: element `i`
//!    (a 4-ary tree in breadth-first order) records where its children start in
//!    it and how many there are, and pushes their indices;
//! 4. gives everything back: the arenas reset; std with *reused containers*
//!    clears its three `Vec`s, which keep their capacity (the labels, one
//!    `String` each, are freed and allocated again every frame).
//!
//! This crate's frame runs as a real one would: in the [`ephemeral`] child of
//! a persistent arena, which is reset at the start of each frame.
//!
//! [`ephemeral`]: arena_memory::Arena::ephemeral

use std::hint::black_box;

use arena_memory::{Arena, ArenaVec};

/// Elements (and labels) per frame.
pub const ELEMENTS: usize = 2_000;

/// Children per element in the tree.
pub const FANOUT: usize = 4;

/// Bytes an arena needs for one frame, with slack.
pub const ARENA_BYTES: usize = 1 << 20;

/// A laid-out UI element: 64 bytes.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct Element {
    /// Its index.
    pub id: u32,
    /// Its parent's index (itself for the root).
    pub parent: u32,
    /// Where its children start in the children index vector.
    pub first_child: u32,
    /// How many children it has.
    pub child_count: u32,
    /// x, y, width, height.
    pub bounds: [f32; 4],
    /// Red, green, blue, alpha.
    pub color: [f32; 4],
    /// Corner radius, border width, padding, gap.
    pub style: [f32; 4],
}

const _: () = assert!(size_of::<Element>() == 64);

/// Element `i`, before its children are known.
#[inline(always)]
pub fn element(i: usize) -> Element {
    let x = (i % 40) as f32 * 24.0;
    let y = (i / 40) as f32 * 18.0;
    Element {
        id: i as u32,
        parent: (i.saturating_sub(1) / FANOUT) as u32,
        first_child: 0,
        child_count: 0,
        bounds: [x, y, 24.0, 18.0],
        color: [0.2, 0.4, 0.6, 1.0],
        style: [4.0, 1.0, 8.0, 2.0],
    }
}

/// The children of element `i`.
#[inline(always)]
pub fn children(i: usize) -> std::ops::Range<usize> {
    let first = (FANOUT * i + 1).min(ELEMENTS);
    let end = (FANOUT * i + FANOUT + 1).min(ELEMENTS);
    first..end
}

/// The labels, made once outside the measurement: 13 to 17 bytes each.
pub fn labels() -> Vec<String> {
    (0..ELEMENTS)
        .map(|i| format!("{}-{i:05}", ["text", "label", "button", "image"][i % 4]))
        .collect()
}

/// Steps 3: the children index vector, through whatever vector `push` is given.
macro_rules! link_children {
    ($elements:expr, $children:expr) => {
        for i in 0..ELEMENTS {
            let range = children(i);
            let element = &mut $elements[i];
            element.first_child = $children.len() as u32;
            element.child_count = range.len() as u32;
            for child in range {
                $children.push(child as u32);
            }
        }
    };
}

/// std with reused containers: three `Vec`s cleared (not dropped) each frame.
#[derive(Debug, Default)]
pub struct StdFrame {
    /// The elements.
    pub elements: Vec<Element>,
    /// The labels.
    pub labels: Vec<String>,
    /// The children index vector.
    pub children: Vec<u32>,
}

/// std: one frame in reused containers.
#[inline(never)]
pub fn std_reused(labels: &[String], frame: &mut StdFrame) {
    frame.elements.clear();
    frame.labels.clear();
    frame.children.clear();
    for i in 0..ELEMENTS {
        frame.elements.push(element(i));
    }
    for label in labels {
        frame.labels.push(label.as_str().to_owned());
    }
    link_children!(frame.elements, frame.children);
    black_box(&*frame);
}

/// The floor: the same frame with no allocator at all. Elements, children
/// and label bytes are written into arrays made once and kept across frames,
/// each label a span of one byte buffer; nothing is pushed (no capacity
/// check), nothing is allocated or given back. What an implementation spends
/// above this is what its memory management costs the frame.
#[derive(Debug)]
pub struct Floor {
    /// The elements, one slot each.
    pub elements: Box<[Element]>,
    /// The label bytes, one after the other.
    pub text: Box<[u8]>,
    /// Each label's span of `text`: start and length.
    pub spans: Box<[(u32, u32)]>,
    /// The children index array: every element but the root is a child once.
    pub children: Box<[u32]>,
}

impl Floor {
    /// The arrays, sized for `labels` once, outside the measurement.
    pub fn new(labels: &[String]) -> Floor {
        Floor {
            elements: vec![Element::default(); ELEMENTS].into_boxed_slice(),
            text: vec![0; labels.iter().map(String::len).sum()].into_boxed_slice(),
            spans: vec![(0, 0); ELEMENTS].into_boxed_slice(),
            children: vec![0; ELEMENTS].into_boxed_slice(),
        }
    }
}

/// The floor: one frame written into [`Floor`]'s arrays. The loops are the
/// arenas' (`for i in 0..ELEMENTS`, `for label in labels`, the same
/// children loop), so the code every implementation shares compiles alike;
/// only the pushes differ: here an element is stored at its index in an
/// array of known length (no capacity check), a label's bytes are copied to
/// the end of the text buffer and its span stored.
#[inline(never)]
#[expect(
    clippy::needless_range_loop,
    reason = "the arenas' loops, index for index, so that the shared code compiles alike"
)]
pub fn floor(labels: &[String], floor: &mut Floor) {
    let elements: &mut [Element; ELEMENTS] = (&mut *floor.elements).try_into().expect("ELEMENTS");
    for i in 0..ELEMENTS {
        elements[i] = element(i);
    }
    let spans: &mut [(u32, u32); ELEMENTS] = (&mut *floor.spans).try_into().expect("ELEMENTS");
    let mut at = 0;
    for (label, span) in labels.iter().zip(spans.iter_mut()) {
        let end = at + label.len();
        floor.text[at..end].copy_from_slice(label.as_bytes());
        *span = (at as u32, label.len() as u32);
        at = end;
    }
    let index: &mut [u32; ELEMENTS] = (&mut *floor.children).try_into().expect("ELEMENTS");
    let mut len = 0;
    for i in 0..ELEMENTS {
        let range = children(i);
        let element = &mut elements[i];
        element.first_child = len as u32;
        element.child_count = range.len() as u32;
        for child in range {
            index[len] = child as u32;
            len += 1;
        }
    }
    black_box(&*floor);
}

/// This crate: `ArenaVec`s and `ArenaStr`s in the ephemeral child `frame` of a
/// persistent arena, reset each frame.
#[inline(never)]
pub fn arena(labels: &[String], frame: &mut Arena<'_>) {
    frame.reset();
    let frame = &*frame;
    let mut elements = ArenaVec::with_capacity_in(ELEMENTS, frame);
    for i in 0..ELEMENTS {
        elements.push(element(i));
    }
    let mut copies = ArenaVec::with_capacity_in(ELEMENTS, frame);
    for label in labels {
        copies.push(&*frame.alloc_str(label));
    }
    let mut children = ArenaVec::new_in(frame);
    link_children!(elements, children);
    black_box((&elements, &copies, &children));
}

/// bumpalo: `collections::Vec`s and `alloc_str` in a bump reset each frame.
#[inline(never)]
pub fn bumpalo(labels: &[String], bump: &mut bumpalo::Bump) {
    bump.reset();
    let bump = &*bump;
    let mut elements = bumpalo::collections::Vec::with_capacity_in(ELEMENTS, bump);
    for i in 0..ELEMENTS {
        elements.push(element(i));
    }
    let mut copies = bumpalo::collections::Vec::with_capacity_in(ELEMENTS, bump);
    for label in labels {
        copies.push(&*bump.alloc_str(label));
    }
    let mut children = bumpalo::collections::Vec::new_in(bump);
    link_children!(elements, children);
    black_box((&elements, &copies, &children));
}

/// bump-scope: `BumpVec`s and `alloc_str` in a bump reset each frame.
#[inline(never)]
pub fn bump_scope(labels: &[String], bump: &mut bump_scope::Bump) {
    bump.reset();
    let bump = &*bump;
    let mut elements = bump_scope::BumpVec::with_capacity_in(ELEMENTS, bump);
    for i in 0..ELEMENTS {
        elements.push(element(i));
    }
    let mut copies = bump_scope::BumpVec::with_capacity_in(ELEMENTS, bump);
    for label in labels {
        copies.push(&*bump.alloc_str(label).into_mut());
    }
    let mut children = bump_scope::BumpVec::new_in(bump);
    link_children!(elements, children);
    black_box((&elements, &copies, &children));
}
