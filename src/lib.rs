#![doc = include_str!("../README.md")]
#![no_std]

#[cfg(feature = "alloc")]
extern crate alloc;

mod arena;
mod bumping;
mod error;
mod pod;

pub use arena::{Arena, ArenaBuilder};
pub use arena_derive::ArenaPod;
pub use error::ArenaError;
#[doc(hidden)]
pub use pod::__private;
pub use pod::ArenaPod;
