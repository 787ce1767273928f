//! Generic structs whose absence of padding follows from their shape.

use arena_memory::ArenaPod;

/// Every field is `T`.
#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Vector2<T> {
    x: T,
    y: T,
}

/// `T` and arrays of `T`, with a const parameter.
#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Grid<T, const N: usize> {
    origin: T,
    cells: [[T; N]; N],
}

/// Packed: no padding whatever `T` and `U` are.
#[derive(Clone, Copy, ArenaPod)]
#[repr(C, packed)]
struct Tagged<T, U> {
    tag: u8,
    value: T,
    extra: U,
}

/// Fields of one concrete type, behind a const parameter.
#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct Buffer<const N: usize> {
    len: u32,
    bytes: [u32; N],
}

fn main() {
    let vector = Vector2 { x: 1u16, y: 2u16 };
    assert_eq!(bytemuck::bytes_of(&vector).len(), 4);
    let grid: Grid<Vector2<f32>, 3> = bytemuck::Zeroable::zeroed();
    assert_eq!(grid.cells[2][2], Vector2 { x: 0.0, y: 0.0 });
    let tagged = Tagged { tag: 1u8, value: 2u64, extra: true };
    assert_eq!(bytemuck::bytes_of(&tagged).len(), 10);
    let buffer: Buffer<5> = bytemuck::Zeroable::zeroed();
    assert_eq!(bytemuck::bytes_of(&buffer).len(), 24);
}
