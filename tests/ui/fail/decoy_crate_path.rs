//! Issue 11, case 4: `#[arena(crate = "...")]` naming a module that only
//! pretends to be `arena_memory`. Its `ArenaPod` is `Send`, so every field
//! check passes, and its `__private` re-exports the real one (bytemuck
//! included), so the derive's other checks find what they name. The derive
//! no longer writes `unsafe impl`s through that path: only
//! `arena_memory::__impl_arena_pod!` does, and the decoy has no such macro,
//! so no impl exists and `Holder` (which holds a reference, null when zeroed)
//! is neither `ArenaPod` nor `Zeroable`.

mod decoy {
    pub use core::marker::Send as ArenaPod;
    pub mod __private {
        pub use arena_memory::__private::*;
    }
}

#[derive(Clone, Copy, arena_memory::ArenaPod)]
#[arena(crate = "crate::decoy")]
#[repr(C)]
struct Holder {
    value: &'static u64,
}

fn main() {
    let holder: Holder = bytemuck::Zeroable::zeroed();
    let _ = *holder.value;
}
