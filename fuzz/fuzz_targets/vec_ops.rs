//! Operation streams over two `ArenaVec<u32>` in one small arena, checked
//! against two `Vec<u32>` after every step.
//!
//! Two vectors, other allocations in between and a frame arena that seals the
//! parent make growth take every path: in place, by moving, exact-fit, and
//! refused. A failed operation must leave the vector and the arena's figures
//! exactly as they were; a frame's allocations (filled with a pattern) must
//! never show up in a vector.
#![no_main]

use arbitrary::Arbitrary;
use arena_memory::{Arena, ArenaError, ArenaVec};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Op {
    Push(bool, u32),
    Pop(bool),
    Insert(bool, u16, u32),
    Remove(bool, u16),
    SwapRemove(bool, u16),
    Truncate(bool, u16),
    Clear(bool),
    ExtendFromSlice(bool, u8, u32),
    Resize(bool, u16, u32),
    Reserve(bool, u64),
    Retain(bool, u8),
    SetLast(bool, u32),
    /// Allocate other bytes from the parent, so the next growth must move.
    AllocOther(u8),
    /// Seal the parent with a frame arena (if none is alive).
    OpenFrame,
    /// Allocate and fill bytes in the frame arena.
    FrameAlloc(u8),
    /// Drop the frame arena.
    CloseFrame,
}

#[derive(Arbitrary, Debug)]
struct Input {
    capacity: u16,
    with_capacity: (u8, u8),
    ops: Vec<Op>,
}

#[path = "common.rs"]
mod common;

use common::{assert_explained, figures};

fuzz_target!(|input: Input| {
    let capacity = 64 + input.capacity as usize % 4096;
    let arena = Arena::with_capacity(capacity);
    let (cap_a, cap_b) = input.with_capacity;
    let mut vecs = [
        ArenaVec::<u32>::with_capacity_in(cap_a as usize % 64, &arena),
        ArenaVec::<u32>::with_capacity_in(cap_b as usize % 64, &arena),
    ]
    .map(|v| v.unwrap_or_else(|_| ArenaVec::new_in(&arena)));
    let mut models: [Vec<u32>; 2] = [vecs[0].to_vec(), vecs[1].to_vec()];
    let mut frame: Option<Arena<'_>> = None;

    for &op in &input.ops {
        let before = figures(&arena);
        // The result of a fallible op; the model follows only a success.
        let result: Result<(), ArenaError> = match op {
            Op::Push(w, x) => {
                let w = w as usize;
                let result = vecs[w].try_push(x);
                if result.is_ok() {
                    models[w].push(x);
                }
                result
            }
            Op::Pop(w) => {
                let w = w as usize;
                assert_eq!(vecs[w].pop(), models[w].pop());
                Ok(())
            }
            Op::Insert(w, at, x) => {
                let w = w as usize;
                let at = at as usize % (models[w].len() + 1);
                let result = vecs[w].try_insert(at, x);
                if result.is_ok() {
                    models[w].insert(at, x);
                }
                result
            }
            Op::Remove(w, at) | Op::SwapRemove(w, at) => {
                let w = w as usize;
                if !models[w].is_empty() {
                    let at = at as usize % models[w].len();
                    if let Op::Remove(..) = op {
                        assert_eq!(vecs[w].remove(at), models[w].remove(at));
                    } else {
                        assert_eq!(vecs[w].swap_remove(at), models[w].swap_remove(at));
                    }
                }
                Ok(())
            }
            Op::Truncate(w, len) => {
                let w = w as usize;
                vecs[w].truncate(len as usize);
                models[w].truncate(len as usize);
                Ok(())
            }
            Op::Clear(w) => {
                let w = w as usize;
                vecs[w].clear();
                models[w].clear();
                Ok(())
            }
            Op::ExtendFromSlice(w, n, x) => {
                let w = w as usize;
                let src: Vec<u32> = (0..n as u32).map(|i| x.wrapping_add(i)).collect();
                let result = vecs[w].try_extend_from_slice(&src);
                if result.is_ok() {
                    models[w].extend_from_slice(&src);
                }
                result
            }
            Op::Resize(w, len, x) => {
                let w = w as usize;
                let len = len as usize % 2048;
                let result = vecs[w].try_resize(len, x);
                if result.is_ok() {
                    models[w].resize(len, x);
                }
                result
            }
            Op::Reserve(w, n) => {
                let w = w as usize;
                let n = n as usize;
                let result = vecs[w].try_reserve(n);
                match result {
                    Ok(()) => assert!(vecs[w].capacity() >= models[w].len() + n),
                    Err(ArenaError::SizeOverflow) => {
                        // The element count or its byte size overflows.
                        let total = models[w].len().checked_add(n);
                        assert!(total
                            .and_then(|t| t.checked_mul(4))
                            .is_none_or(|bytes| bytes > isize::MAX as usize));
                    }
                    Err(_) => {}
                }
                result
            }
            Op::Retain(w, m) => {
                let w = w as usize;
                let m = m as u32 % 5 + 1;
                vecs[w].retain(|x| x % m != 0);
                models[w].retain(|x| x % m != 0);
                Ok(())
            }
            Op::SetLast(w, x) => {
                let w = w as usize;
                if let Some(last) = vecs[w].last_mut() {
                    *last = x;
                    *models[w].last_mut().unwrap() = x;
                }
                Ok(())
            }
            Op::AllocOther(n) => {
                let result = arena.try_alloc_bytes(n as usize + 1).map(|_| ());
                if frame.is_some() {
                    assert_eq!(result, Err(ArenaError::Sealed));
                }
                result
            }
            Op::OpenFrame => {
                if frame.is_none() {
                    frame = Some(arena.ephemeral());
                    assert!(arena.is_sealed());
                } else {
                    assert_eq!(arena.try_ephemeral().err(), Some(ArenaError::Sealed));
                }
                Ok(())
            }
            Op::FrameAlloc(n) => {
                if let Some(frame) = frame.as_mut() {
                    if frame.try_alloc_slice_fill(n as usize * 8, 0xA5u8).is_err() {
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
            // A failure changes nothing, and says why.
            assert_eq!(figures(&arena), before, "{op:?} failed with {err:?}");
            assert_explained(err, frame.is_some(), &op);
        }
        for (vec, model) in vecs.iter().zip(&models) {
            assert_eq!(vec.as_slice(), model.as_slice());
            assert!(vec.len() <= vec.capacity());
            assert_eq!(vec.as_ptr().addr() % 4, 0);
            if vec.capacity() > 0 {
                assert!(arena.contains(vec.as_ptr().cast()));
            }
        }
    }
    drop(frame);
    // A vector frozen into a slice keeps its elements.
    let [a, b] = vecs;
    let a = a.into_slice();
    let b = b.into_slice();
    assert_eq!(&*a, models[0].as_slice());
    assert_eq!(&*b, models[1].as_slice());
});
