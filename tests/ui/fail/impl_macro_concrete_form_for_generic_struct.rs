//! With its `generic struct` form gone, `__impl_arena_pod!`'s `struct` form
//! cannot be pointed at a generic struct instead: it implements for the bare
//! name, which a generic struct does not accept (and for a type alias of one
//! instantiation it would check that instantiation's real size).

#[derive(Clone, Copy)]
#[repr(C)]
struct Padded<T> {
    tag: u8,
    value: T,
}

arena_memory::__impl_arena_pod! {
    struct Padded {
        tag: u8,
        value: u32
    }
}

fn main() {}
