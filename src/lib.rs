#![doc = include_str!("../README.md")]
#![no_std]

#[cfg(feature = "alloc")]
extern crate alloc;

mod pod;

pub use arena_derive::ArenaPod;
#[doc(hidden)]
pub use pod::__private;
pub use pod::ArenaPod;
