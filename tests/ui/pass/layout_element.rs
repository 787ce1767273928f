//! A Clay-like layout element: nested derived structs, an enum, a `bool`, an
//! `Option<NonZeroU32>` and explicit padding.

use core::num::NonZeroU32;

use arena_memory::ArenaPod;

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Dimensions {
    width: f32,
    height: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Padding {
    left: u16,
    right: u16,
    top: u16,
    bottom: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(u8)]
enum LayoutDirection {
    LeftToRight,
    TopToBottom,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(u8)]
enum SizingType {
    Fit = 0,
    Grow = 1,
    Percent = 2,
    Fixed = 3,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct LayoutElement {
    id: u32,
    parent: Option<NonZeroU32>,
    dimensions: Dimensions,
    min_dimensions: Dimensions,
    padding: Padding,
    child_gap: u16,
    direction: LayoutDirection,
    sizing: SizingType,
    floating: bool,
    clips: bool,
    _pad0: [u8; 2],
    children: [u32; 4],
}

fn assert_arena_pod<T: ArenaPod>() {}

fn main() {
    assert_arena_pod::<LayoutElement>();
    assert_eq!(core::mem::size_of::<LayoutElement>(), 56);
    let zeroed: LayoutElement = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed.direction, LayoutDirection::LeftToRight);
    assert_eq!(zeroed.sizing, SizingType::Fit);
    assert_eq!(zeroed.parent, None);
    assert!(bytemuck::bytes_of(&zeroed).iter().all(|&byte| byte == 0));
}
