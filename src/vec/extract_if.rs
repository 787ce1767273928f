//! [`ExtractIf`]: the iterator that removes the elements of an
//! [`ArenaVec`](crate::ArenaVec) a predicate picks, made by
//! [`ArenaVec::extract_if`](crate::ArenaVec::extract_if).

use core::fmt;
use core::iter::FusedIterator;
use core::ptr::{self, NonNull};

use super::ArenaVec;

/// The elements of a range of an [`ArenaVec`] for which a predicate returns
/// `true`, by value, removed from it as they are yielded.
///
/// As with std's `Vec::extract_if`, elements the iterator has not reached when
/// it is dropped stay in the vector (the predicate is not called on them), and
/// if the predicate panics, the element it was looking at and all after it
/// stay, in order.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4, 5, 6], &arena);
/// let mut evens = v.extract_if(.., |n| *n % 2 == 0);
/// assert_eq!(evens.next(), Some(2));
/// drop(evens); // 4 and 6 were not reached: they stay
/// assert_eq!(v, [1, 3, 4, 5, 6]);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct ExtractIf<'v, 'a, T, F> {
    vec: &'v mut ArenaVec<'a, T>,
    /// The start of the buffer, with its provenance.
    base: NonNull<T>,
    /// The next element to look at.
    idx: usize,
    /// Where the range ends.
    end: usize,
    /// How many elements were removed so far.
    del: usize,
    /// The vector's length when the iterator was made.
    old_len: usize,
    pred: F,
}

impl<'v, 'a, T: Copy, F: FnMut(&mut T) -> bool> ExtractIf<'v, 'a, T, F> {
    pub(super) fn new(
        vec: &'v mut ArenaVec<'a, T>,
        start: usize,
        end: usize,
        pred: F,
    ) -> ExtractIf<'v, 'a, T, F> {
        let old_len = vec.len;
        debug_assert!(start <= end && end <= old_len);
        let base = vec.buf.ptr().cast::<T>();
        ExtractIf {
            vec,
            base,
            idx: start,
            end,
            del: 0,
            old_len,
            pred,
        }
    }
}

impl<T: Copy, F: FnMut(&mut T) -> bool> Iterator for ExtractIf<'_, '_, T, F> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        while self.idx < self.end {
            let i = self.idx;
            let base = self.base.as_ptr();
            // SAFETY: `i < end <= old_len`: the element is inside the buffer,
            // initialised, aligned; the vector is borrowed by `self`, so this
            // is the only reference to it while the predicate runs.
            let keep = !(self.pred)(unsafe { &mut *base.add(i) });
            // Only after the predicate: if it panics, the element stays.
            self.idx += 1;
            if !keep {
                self.del += 1;
                // SAFETY: as above; the element is read once, by value.
                return Some(unsafe { base.add(i).read() });
            }
            if self.del != 0 {
                // SAFETY: `i - del < i < old_len`: both slots are inside the
                // initialised part of the buffer and distinct.
                unsafe { ptr::copy_nonoverlapping(base.add(i), base.add(i - self.del), 1) };
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.end - self.idx))
    }
}

impl<T: Copy, F: FnMut(&mut T) -> bool> FusedIterator for ExtractIf<'_, '_, T, F> {}

impl<T, F> Drop for ExtractIf<'_, '_, T, F> {
    /// Moves the elements not reached (and those after the range) down over
    /// the removed ones (one `memmove`), and sets the vector's length. Runs on
    /// unwind too, so a panicking predicate leaves the vector valid.
    fn drop(&mut self) {
        // Nothing removed: nothing to move. (When every element was reached,
        // `idx == old_len` and the copy below is empty.)
        if self.del != 0 {
            let base = self.base.as_ptr();
            // SAFETY: `del <= idx <= old_len`: `[idx, old_len)` and
            // `[idx - del, old_len - del)` lie in the initialised part of the
            // buffer; `ptr::copy` allows the overlap.
            unsafe {
                ptr::copy(
                    base.add(self.idx),
                    base.add(self.idx - self.del),
                    self.old_len - self.idx,
                )
            };
        }
        self.vec.len = self.old_len - self.del;
    }
}

impl<T: fmt::Debug, F> fmt::Debug for ExtractIf<'_, '_, T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtractIf")
            .field("next", &self.idx)
            .field("end", &self.end)
            .field("removed", &self.del)
            .finish_non_exhaustive()
    }
}
