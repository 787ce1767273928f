//! Issue 11, case 4: a decoy `crate` path that re-exports the real
//! `__impl_arena_pod!` next to a fake `ArenaPod` (`Send`). The derive's field
//! checks ask the decoy's `ArenaPod` and pass; the macro re-checks every field
//! against `arena_memory::ArenaPod` itself, so its impls do not apply to
//! `Holder`, whose field is a reference.

mod decoy {
    pub use arena_memory::__impl_arena_pod;
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
