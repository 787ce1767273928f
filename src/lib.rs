#![doc = include_str!("../README.md")]
#![no_std]

#[cfg(feature = "alloc")]
extern crate alloc;

mod arena;
mod bumping;
mod error;
pub mod hash_map;
mod str;
pub mod vec;

pub use arena::{Arena, ArenaBuilder};
pub use error::ArenaError;
pub use hash_map::ArenaHashMap;
pub use str::ArenaStr;
pub use vec::ArenaVec;
