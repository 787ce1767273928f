//! `__impl_arena_pod!` is hidden, but callable: it checks what it is told
//! against the real type. Told that `Holder`'s reference field is a `u64` (the
//! same size, so the size check alone would pass), it rejects the field type.

#[derive(Clone, Copy)]
#[repr(C)]
struct Holder {
    value: &'static u64,
}

arena_memory::__impl_arena_pod! {
    struct Holder {
        value: u64
    }
}

fn main() {}
