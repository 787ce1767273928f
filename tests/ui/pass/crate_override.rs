//! `#[arena(crate = "...")]` for a crate that re-exports `arena_memory`.

mod ui {
    pub mod arena {
        pub use arena_memory::*;
    }
}

use ui::arena::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[arena(crate = "crate::ui::arena")]
#[repr(C)]
struct Point {
    x: i32,
    y: i32,
}

fn assert_arena_pod<T: ui::arena::ArenaPod>() {}

fn main() {
    assert_arena_pod::<Point>();
    assert_eq!(bytemuck::bytes_of(&Point { x: 1, y: 2 }).len(), 8);
}
