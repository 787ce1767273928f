//! Workload 3: build 10,000 short strings (8 to 32 bytes), by `push_str` and by
//! formatting.
//!
//! String `i` is `"{word}:{i:04}"`, where `word` is 3 to 27 bytes long, so every
//! string is 8 to 32 bytes. By `push_str`, a new empty string gets two pushes:
//! the word, then the precomputed `":{i:04}"`. By formatting, one `format!`-like
//! call makes it. Every string is kept until the round ends: the arenas turn it
//! into a `&str` in the arena, std moves the `String` into a reused `Vec` whose
//! `clear` at the start of the next round frees them.

use std::hint::black_box;

use arena_memory::{format_in, Arena, ArenaStr};

/// Strings per round.
pub const COUNT: usize = 10_000;

/// Bytes an arena needs for one round, with slack for growth.
pub const ARENA_BYTES: usize = COUNT * 64 + (1 << 20);

/// The pieces the strings are made of, made once outside the measurement.
#[derive(Debug)]
pub struct Sources {
    /// The word of string `i`: 3 to 27 lowercase letters.
    pub words: Vec<String>,
    /// The tail of string `i`: `":{i:04}"`.
    pub tails: Vec<String>,
}

impl Sources {
    /// The sources for [`COUNT`] strings, the same on every run.
    pub fn new() -> Sources {
        let mut state = 0x2545_f491_u32;
        let mut words = Vec::with_capacity(COUNT);
        let mut tails = Vec::with_capacity(COUNT);
        for i in 0..COUNT {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let len = 3 + (state % 25) as usize;
            let word = (0..len)
                .map(|k| char::from(b'a' + ((state >> (k % 24)) as u8 + k as u8) % 26))
                .collect::<String>();
            words.push(word);
            tails.push(format!(":{i:04}"));
        }
        Sources { words, tails }
    }
}

impl Default for Sources {
    fn default() -> Sources {
        Sources::new()
    }
}

/// std `String`s by `push_str`.
#[inline(never)]
pub fn std_push_str(src: &Sources, kept: &mut Vec<String>) {
    kept.clear();
    for i in 0..COUNT {
        let mut s = String::new();
        s.push_str(&src.words[i]);
        s.push_str(&src.tails[i]);
        kept.push(black_box(s));
    }
}

/// std `String`s by `format!`.
#[inline(never)]
pub fn std_format(src: &Sources, kept: &mut Vec<String>) {
    kept.clear();
    for i in 0..COUNT {
        let s = format!("{}:{:04}", src.words[i], i);
        kept.push(black_box(s));
    }
}

/// This crate's `ArenaStr` by `push_str`, in an arena reset at the start of the
/// round.
#[inline(never)]
pub fn arena_push_str(src: &Sources, arena: &mut Arena<'_>) {
    arena.reset();
    let arena = &*arena;
    for i in 0..COUNT {
        let mut s = ArenaStr::new_in(arena);
        s.push_str(&src.words[i]);
        s.push_str(&src.tails[i]);
        black_box(s.into_str());
    }
}

/// This crate's `format_in!`, in an arena reset at the start of the round.
#[inline(never)]
pub fn arena_format(src: &Sources, arena: &mut Arena<'_>) {
    arena.reset();
    let arena = &*arena;
    for i in 0..COUNT {
        let s = format_in!(arena, "{}:{:04}", src.words[i], i);
        black_box(s.into_str());
    }
}

/// bumpalo's `collections::String` by `push_str`.
#[inline(never)]
pub fn bumpalo_push_str(src: &Sources, bump: &mut bumpalo::Bump) {
    bump.reset();
    for i in 0..COUNT {
        let mut s = bumpalo::collections::String::new_in(&*bump);
        s.push_str(&src.words[i]);
        s.push_str(&src.tails[i]);
        black_box(s.into_bump_str());
    }
}

/// bumpalo's `format!(in &bump, ..)`.
#[inline(never)]
pub fn bumpalo_format(src: &Sources, bump: &mut bumpalo::Bump) {
    bump.reset();
    for i in 0..COUNT {
        let s = bumpalo::format!(in &*bump, "{}:{:04}", src.words[i], i);
        black_box(s.into_bump_str());
    }
}

/// bump-scope's `BumpString` by `push_str`.
#[inline(never)]
pub fn bump_scope_push_str(src: &Sources, bump: &mut bump_scope::Bump) {
    bump.reset();
    for i in 0..COUNT {
        let mut s = bump_scope::BumpString::new_in(&*bump);
        s.push_str(&src.words[i]);
        s.push_str(&src.tails[i]);
        black_box(s.into_str());
    }
}

/// bump-scope's `bump_format!(in &bump, ..)`.
#[inline(never)]
pub fn bump_scope_format(src: &Sources, bump: &mut bump_scope::Bump) {
    bump.reset();
    for i in 0..COUNT {
        let s = bump_scope::bump_format!(in &*bump, "{}:{:04}", src.words[i], i);
        black_box(s.into_str());
    }
}
