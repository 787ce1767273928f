#![doc = include_str!("lib.md")]
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod arena;
mod arena_block;
mod bumping;
mod error;
pub mod hash_map;
mod pod;
mod str;
pub mod vec;

pub use arena::{Arena, ArenaBuilder, Growth};
pub use arena_block::ArenaBlock;
#[cfg(target_has_atomic = "8")]
pub use arena_block::StaticArenaBlock;
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use arena_derive::ArenaPod;
pub use error::ArenaError;
pub use hash_map::ArenaHashMap;
#[doc(hidden)]
pub use pod::__private;
pub use pod::ArenaPod;
pub use str::ArenaStr;
pub use vec::ArenaVec;

// The README's examples run as doctests too; the crate docs above are
// written for docs.rs, the README for the repository.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
