//! Issue 11, case 3: the zero-variant check casts to the enum's real integer
//! repr, not to whatever the repr's name means where the enum is. With
//! `type u16 = u8;` in scope, `Level::Low as u16` would be `256 as u8`, 0,
//! though `Level`'s discriminants are the `u16` values 256 and 257 and a zeroed
//! `Level` would be an invalid value. Every integer repr wider than a byte is
//! shadowed here by a narrower alias.

#![expect(non_camel_case_types, reason = "the aliases shadow the primitive names on purpose")]

use arena_memory::ArenaPod;

type u16 = u8;
type u32 = u8;
type u64 = u16;
type u128 = u64;
type usize = u8;
type i16 = i8;
type i32 = u8;
type i64 = i32;
type i128 = u8;
type isize = i8;

#[derive(Clone, Copy, ArenaPod)]
#[repr(u16)]
enum Level {
    Low = 256 + 0,
    High = 257,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(u32)]
enum U32 {
    A = 256 + 0,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(u64)]
enum U64 {
    A = 65536 + 0,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(u128)]
enum U128 {
    A = 65536 + 0,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(usize)]
enum Usize {
    A = 256 + 0,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(i16)]
enum I16 {
    A = 256 + 0,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(i32)]
enum I32 {
    A = 256 + 0,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(i64)]
enum I64 {
    A = 256 + 0,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(i128)]
enum I128 {
    A = 256 + 0,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(isize)]
enum Isize {
    A = -256 + 0,
}

fn main() {
    let _ = (Level::High, Level::Low, U32::A, U64::A, U128::A, Usize::A);
    let _ = (I16::A, I32::A, I64::A, I128::A, Isize::A);
}
