//! [`Splice`]: the elements removed by
//! [`ArenaVec::splice`](crate::ArenaVec::splice), and the all-or-nothing
//! replacement behind it.

use core::alloc::Layout;
use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ops::Range;
use core::{mem, ptr, slice};

use super::raw_buf::{Extent, RawBuf};
use super::ArenaVec;
use crate::error::ArenaError;

/// The elements an [`ArenaVec::splice`](crate::ArenaVec::splice) removed, by
/// value, in order.
///
/// Unlike std's `vec::Splice`, the replacement is already in the vector when
/// this iterator is returned: dropping it early, or leaking it with
/// `mem::forget`, changes nothing. The removed elements wait in the vector's
/// spare capacity, just past its last element, until the iterator is dropped.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4], &arena);
/// let mut removed = v.splice(1..3, [7, 8, 9]);
/// assert_eq!(removed.as_slice(), &[2, 3]);
/// assert_eq!(removed.next_back(), Some(3));
/// drop(removed);
/// assert_eq!(v, [1, 7, 8, 9, 4]);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct Splice<'v, 'a, T> {
    /// The removed elements not yielded yet, in the vector's spare capacity.
    removed: slice::Iter<'v, T>,
    /// Keeps the vector borrowed, so nothing writes over `removed`.
    _vec: PhantomData<&'v mut ArenaVec<'a, T>>,
}

impl<T: Copy> Splice<'_, '_, T> {
    /// The removed elements not yielded yet.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&['a', 'b', 'c'], &arena);
    /// let mut removed = v.splice(.., ['z']);
    /// removed.next();
    /// assert_eq!(removed.as_slice(), &['b', 'c']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn as_slice(&self) -> &[T] {
        self.removed.as_slice()
    }
}

impl<T: Copy> Iterator for Splice<'_, '_, T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        self.removed.next().copied()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.removed.size_hint()
    }
}

impl<T: Copy> DoubleEndedIterator for Splice<'_, '_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<T> {
        self.removed.next_back().copied()
    }
}

impl<T: Copy> ExactSizeIterator for Splice<'_, '_, T> {}

impl<T: Copy> FusedIterator for Splice<'_, '_, T> {}

impl<T: Copy + fmt::Debug> fmt::Debug for Splice<'_, '_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Splice").field(&self.as_slice()).finish()
    }
}

/// Undoes the buffer's growth unless [`mem::forget`] says the staging
/// succeeded: on an error, or when the replacement iterator panics.
/// Not generic: it works on the `Layout`.
struct RollBack<'b, 'a> {
    buf: &'b mut RawBuf<'a>,
    elem: Layout,
    before: Extent,
}

impl Drop for RollBack<'_, '_> {
    fn drop(&mut self) {
        self.buf.roll_back(self.elem, self.before);
    }
}

/// Replaces `range` (resolved, inside `vec`) with the items of
/// `replace_with`, all or nothing.
///
/// 1. Every item is written into the spare capacity past the last element
///    (`[len, staged_end)`), growing the buffer as needed; `len` does not
///    change. On an error, or a panic in the iterator, the growth is rolled
///    back and the vector is as it was.
/// 2. The region `[start, staged_end)`, laid out as
///    `[removed][tail][staged]`, is rearranged to `[staged][tail][removed]`,
///    and `len` becomes the end of the tail. Nothing here calls user code.
/// 3. The removed elements, now in spare capacity, are handed to the
///    [`Splice`], which keeps the vector borrowed while it reads them.
pub(super) fn try_splice_in<'v, 'a, T: Copy, I: IntoIterator<Item = T>>(
    vec: &'v mut ArenaVec<'a, T>,
    range: Range<usize>,
    replace_with: I,
) -> Result<Splice<'v, 'a, T>, ArenaError> {
    let len = vec.len;
    debug_assert!(range.start <= range.end && range.end <= len);
    let iter = replace_with.into_iter();
    let removed = range.end - range.start;
    let tail = len - range.end;
    if mem::size_of::<T>() == 0 {
        return splice_zero_sized(vec, range.start + tail, removed, iter);
    }
    let elem = ArenaVec::<T>::ELEM;

    // 1. Stage the items past the last element.
    let before = vec.buf.extent();
    let guard = RollBack {
        buf: &mut vec.buf,
        elem,
        before,
    };
    // The lower bound first: one reservation for an exact-size iterator.
    let (lower, _) = iter.size_hint();
    let required = len.checked_add(lower).ok_or(ArenaError::SizeOverflow)?;
    guard.buf.try_reserve_total(elem, len, required)?;
    let mut staged_end = len;
    for item in iter {
        if staged_end == guard.buf.capacity() {
            let required = staged_end.checked_add(1).ok_or(ArenaError::SizeOverflow)?;
            // Keeps (and, when it moves, copies) the staged items too.
            guard.buf.try_reserve_total(elem, staged_end, required)?;
        }
        debug_assert!(staged_end < guard.buf.capacity());
        // SAFETY: `staged_end < capacity`: the slot is inside the buffer and
        // aligned; it is past `len`, so no element or reference to one is
        // there, and the vector is borrowed mutably. The pointer is read anew
        // after each reservation, which may have moved the buffer.
        unsafe {
            guard
                .buf
                .ptr()
                .as_ptr()
                .cast::<T>()
                .add(staged_end)
                .write(item);
        }
        staged_end += 1;
    }
    // Every item is in: keep the growth.
    mem::forget(guard);

    // 2. `[removed][tail][staged]` to `[staged][tail][removed]`.
    let staged = staged_end - len;
    let base = vec.as_mut_ptr();
    if removed == staged {
        // The tail stays where it is (pointers to it stay valid).
        // SAFETY:
        // 1. `[start, end)` and `[len, staged_end)` are initialised, inside the
        //    buffer and aligned; `end <= len`, so they do not overlap.
        // 2. The pointers come from the buffer's own pointer: no other element
        //    is reborrowed.
        unsafe {
            ptr::swap_nonoverlapping(base.add(range.start), base.add(len), removed);
        }
    } else {
        // SAFETY: `[start, staged_end)` is initialised (`[start, len)` are the
        // vector's elements, `[len, staged_end)` were just staged), inside the
        // buffer and aligned; the vector is borrowed mutably and only this
        // region is reborrowed, so pointers to the elements before `start`
        // stay valid.
        let region =
            unsafe { slice::from_raw_parts_mut(base.add(range.start), staged_end - range.start) };
        region.rotate_left(removed); // [tail][staged][removed]
        region[..tail + staged].rotate_left(tail); // [staged][tail][removed]
    }
    let new_len = range.start + staged + tail;
    vec.len = new_len;

    // 3. The removed elements, past the new last element.
    debug_assert!(new_len + removed == staged_end && staged_end <= vec.buf.capacity());
    // SAFETY: `[new_len, staged_end)` is initialised (the removed elements were
    // moved there), inside the buffer and aligned. The `Splice` holds the
    // vector's mutable borrow for `'v`, so nothing writes there while the
    // shared slice lives.
    let removed = unsafe { slice::from_raw_parts(base.add(new_len).cast_const(), removed) };
    Ok(Splice {
        removed: removed.iter(),
        _vec: PhantomData,
    })
}

/// [`try_splice_in`] for zero-sized elements: there is nothing to write or
/// move (every value is the same), only lengths to count, and only the new
/// length has to fit in a `usize` (staging would need `len + ` the items).
/// One call of `next` per item is the contract, as in std.
fn splice_zero_sized<'v, 'a, T: Copy, I: Iterator<Item = T>>(
    vec: &'v mut ArenaVec<'a, T>,
    kept: usize,
    removed: usize,
    iter: I,
) -> Result<Splice<'v, 'a, T>, ArenaError> {
    let mut new_len = kept;
    for _ in iter {
        new_len = new_len.checked_add(1).ok_or(ArenaError::SizeOverflow)?;
    }
    vec.len = new_len;
    // SAFETY: a slice of zero-sized values needs only an aligned, non-null
    // pointer (the buffer's, dangling by `RawBuf`'s invariant), whatever its
    // length; no memory is read.
    let removed = unsafe { slice::from_raw_parts(vec.as_ptr(), removed) };
    Ok(Splice {
        removed: removed.iter(),
        _vec: PhantomData,
    })
}
