use core::cell::Cell;

use arena_memory::ArenaPod;

#[derive(Clone, ArenaPod)]
#[repr(C)]
struct Counter {
    hits: Cell<u32>,
}

fn main() {}
