//! `__impl_arena_pod!` is hidden, but callable: it checks what it is told
//! against the real type. Told that `Holder` has only its `u32` field, it
//! rejects the pattern that names no more, instead of implementing `Zeroable`
//! for a struct that holds a reference.

#[derive(Clone, Copy)]
#[repr(C)]
struct Holder {
    id: u32,
    value: &'static u64,
}

arena_memory::__impl_arena_pod! {
    struct Holder {
        id: u32
    }
}

fn main() {}
