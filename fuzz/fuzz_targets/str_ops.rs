//! Operation streams over two `ArenaStr` in one small arena, checked against two
//! `String` after every step: pushes of arbitrary (valid UTF-8) text and chars,
//! pops, truncation at char boundaries, `format_in!`, reserve, and a frame
//! arena sealing the parent. The string is always valid UTF-8 and equal to the
//! model; a failed push leaves the string and the arena's figures unchanged.
#![no_main]

use core::fmt::Write as _;

use arbitrary::Arbitrary;
use arena_memory::{format_in, Arena, ArenaError, ArenaStr};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Op {
    PushStr(bool, String),
    Push(bool, char),
    Pop(bool),
    Truncate(bool, u16),
    Clear(bool),
    Reserve(bool, u64),
    /// `write!` through `core::fmt::Write`.
    Write(bool, u32, String),
    /// `format_in!` a new string into slot `w`.
    FormatIn(bool, i64, String),
    /// Make the first letters upper case through `DerefMut<Target = str>`.
    MakeAsciiUppercase(bool),
    AllocOther(u8),
    OpenFrame,
    FrameAlloc(u8),
    CloseFrame,
}

#[derive(Arbitrary, Debug)]
struct Input {
    capacity: u16,
    ops: Vec<Op>,
}

#[path = "common.rs"]
mod common;

use common::{assert_explained, figures};

fuzz_target!(|input: Input| {
    let capacity = 64 + input.capacity as usize % 4096;
    let arena = Arena::with_capacity(capacity);
    let mut strs = [ArenaStr::new_in(&arena), ArenaStr::new_in(&arena)];
    let mut models = [String::new(), String::new()];
    let mut frame: Option<Arena<'_>> = None;

    for op in &input.ops {
        let before = figures(&arena);
        let mut unchanged_on_error = true;
        let result: Result<(), ArenaError> = match op {
            Op::PushStr(w, s) => {
                let w = *w as usize;
                let result = strs[w].try_push_str(s);
                if result.is_ok() {
                    models[w].push_str(s);
                }
                result
            }
            Op::Push(w, ch) => {
                let w = *w as usize;
                let result = strs[w].try_push(*ch);
                if result.is_ok() {
                    models[w].push(*ch);
                }
                result
            }
            Op::Pop(w) => {
                let w = *w as usize;
                assert_eq!(strs[w].pop(), models[w].pop());
                Ok(())
            }
            Op::Truncate(w, len) => {
                let w = *w as usize;
                let len = *len as usize;
                if models[w].is_char_boundary(len) || len > models[w].len() {
                    strs[w].truncate(len);
                    models[w].truncate(len);
                }
                Ok(())
            }
            Op::Clear(w) => {
                let w = *w as usize;
                strs[w].clear();
                models[w].clear();
                Ok(())
            }
            Op::Reserve(w, n) => {
                let w = *w as usize;
                let result = strs[w].try_reserve(*n as usize);
                if result.is_ok() {
                    assert!(strs[w].capacity() >= models[w].len() + *n as usize);
                }
                result
            }
            Op::Write(w, n, s) => {
                let w = *w as usize;
                let len = strs[w].len();
                let result = write!(strs[w], "{n}:{s}");
                match result {
                    Ok(()) => write!(models[w], "{n}:{s}").unwrap(),
                    // A failed piece leaves the pieces before it written, as
                    // `fmt::Write` does; resync the model with what is there.
                    Err(_) => {
                        assert!(strs[w].starts_with(models[w].as_str()));
                        assert!(strs[w].len() >= len);
                        models[w] = strs[w].to_string();
                    }
                }
                // `fmt::Write` may have stored pieces before the failure.
                unchanged_on_error = false;
                Ok(())
            }
            Op::FormatIn(w, n, s) => {
                let w = *w as usize;
                let result = format_in!(&arena, "{n}/{s}/{}", s.len());
                // A failed `format_in!` is an error, never a truncated string;
                // the pieces written before the failure stay in the arena
                // until it is reset (like `try_from_iter_in`).
                unchanged_on_error = false;
                match result {
                    Ok(string) => {
                        assert_eq!(string, format!("{n}/{s}/{}", s.len()).as_str());
                        strs[w] = string;
                        models[w] = format!("{n}/{s}/{}", s.len());
                        Ok(())
                    }
                    Err(err) => Err(err),
                }
            }
            Op::MakeAsciiUppercase(w) => {
                let w = *w as usize;
                strs[w].make_ascii_uppercase();
                models[w].make_ascii_uppercase();
                Ok(())
            }
            Op::AllocOther(n) => {
                let result = arena.try_alloc_bytes(*n as usize + 1).map(|_| ());
                if frame.is_some() {
                    assert_eq!(result, Err(ArenaError::Sealed));
                }
                result
            }
            Op::OpenFrame => {
                if frame.is_none() {
                    frame = Some(arena.ephemeral());
                }
                Ok(())
            }
            Op::FrameAlloc(n) => {
                if let Some(frame) = frame.as_mut() {
                    let s = "\u{FFFF}".repeat(*n as usize % 16 + 1);
                    if frame.try_alloc_str(&s).is_err() {
                        frame.reset();
                    }
                }
                Ok(())
            }
            Op::CloseFrame => {
                frame = None;
                Ok(())
            }
        };
        if let Err(err) = result {
            if unchanged_on_error {
                assert_eq!(figures(&arena), before, "{op:?} failed with {err:?}");
            }
            assert_explained(err, frame.is_some(), &op);
        }
        for (s, model) in strs.iter().zip(&models) {
            assert_eq!(s.as_str(), model.as_str());
            assert!(core::str::from_utf8(s.as_bytes()).is_ok());
            assert!(s.len() <= s.capacity());
        }
    }
    drop(frame);
    let [a, b] = strs;
    assert_eq!(a.into_str(), models[0]);
    assert_eq!(b.into_str(), models[1]);
});
