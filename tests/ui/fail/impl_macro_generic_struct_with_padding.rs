//! `__impl_arena_pod!` is hidden, but callable, and it cannot check a generic
//! struct for padding (stable Rust evaluates no `size_of` of a generic type
//! where an impl is written). Before, it had a `generic struct` form that took
//! the absence of padding on trust, so this call, from safe code, made
//! `Padded<u32>` (3 padding bytes after `tag`) `ArenaPod` and `NoUninit`, and
//! `bytemuck::bytes_of` read uninitialised bytes. The macro has no such form
//! now: the derive writes a generic struct's impls itself, after checking the
//! real item.

#[derive(Clone, Copy)]
#[repr(C)]
struct Padded<T> {
    tag: u8,
    value: T,
}

arena_memory::__impl_arena_pod! {
    generic struct Padded [<T>] [<T>] where [] params [T] {
        tag: u8,
        value: T
    }
}

fn main() {
    let padded = Padded { tag: 1u8, value: 2u32 };
    let _ = bytemuck::bytes_of(&padded);
}
