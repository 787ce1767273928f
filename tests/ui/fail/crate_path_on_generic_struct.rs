//! `#[arena(crate = "...")]` on a generic struct: the derive writes a generic
//! struct's `unsafe impl`s itself (`arena_memory` cannot check its padding
//! where it writes impls), naming `::arena_memory` only, so a path given by
//! the user is refused with the reason rather than silently ignored. The path
//! here is a real re-export of `arena_memory`, and is still refused.

mod ui {
    pub mod arena {
        pub use arena_memory::*;
    }
}

#[derive(Clone, Copy, ui::arena::ArenaPod)]
#[arena(crate = "crate::ui::arena")]
#[repr(C)]
struct Vector2<T> {
    x: T,
    y: T,
}

fn main() {}
