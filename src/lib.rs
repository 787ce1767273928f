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
#[cfg(feature = "serde")]
mod serde;
pub mod str;
pub mod vec;
mod workers;

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
pub use pod::derive_support as __private;
pub use pod::{bytes_of, bytes_of_slice, ArenaPod};
#[cfg(feature = "serde")]
pub use serde::{ArenaHashMapSeed, ArenaStrSeed, ArenaVecSeed};
pub use str::{ArenaStr, FromUtf16Error, FromUtf8Error};
pub use vec::ArenaVec;
pub use workers::Workers;

// The README's examples run as doctests too; the crate docs above are
// written for docs.rs, the README for the repository.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
