//! A tuple struct with `repr(C)`.

use arena_memory::ArenaPod;

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Color(u8, u8, u8, u8);

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Span(u32, u16, u8, bool);

fn main() {
    let color = Color(1, 2, 3, 4);
    assert_eq!(bytemuck::bytes_of(&color), &[1, 2, 3, 4]);
    let span = Span(1, 2, 3, true);
    assert_eq!(bytemuck::bytes_of(&span).len(), 8);
}
