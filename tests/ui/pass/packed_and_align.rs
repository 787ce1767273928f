//! `repr(C, packed)` has no padding; `repr(C, align(N))` is accepted when
//! the fields fill the raised size.

use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C, packed)]
struct Packed {
    flag: u8,
    value: u32,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(C, packed(2))]
struct PackedTwo {
    a: u16,
    b: u32,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(C, align(8))]
struct Aligned {
    a: u32,
    b: u32,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct Marker;

fn main() {
    let packed = Packed { flag: 1, value: 2 };
    assert_eq!(bytemuck::bytes_of(&packed).len(), 5);
    let value = packed.value;
    assert_eq!(value, 2);
    assert_eq!(bytemuck::bytes_of(&PackedTwo { a: 1, b: 2 }).len(), 6);
    assert_eq!(bytemuck::bytes_of(&Aligned { a: 1, b: 2 }).len(), 8);
    assert_eq!(bytemuck::bytes_of(&Marker).len(), 0);
}
