//! [`Drain`]: the iterator that removes a range of an
//! [`ArenaVec`](crate::ArenaVec), made by
//! [`ArenaVec::drain`](crate::ArenaVec::drain).

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ops::{Bound, Range, RangeBounds};
use core::ptr::{self, NonNull};
use core::slice;

use super::ArenaVec;

/// The elements of a range of an [`ArenaVec`], by value, removed from it.
///
/// The whole range is removed when the `Drain` is dropped, whether or not every
/// element was yielded (as with std's `Vec::drain`); the elements after the
/// range then move down to close the gap. If the `Drain` is leaked
/// (`mem::forget`), the vector keeps only the elements before the range.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4], &arena);
/// let mut drain = v.drain(1..3);
/// assert_eq!(drain.as_slice(), &[2, 3]);
/// assert_eq!(drain.next(), Some(2));
/// drop(drain);
/// assert_eq!(v, [1, 4]);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct Drain<'v, 'a, T> {
    /// The vector; its `len` is the range's start while the `Drain` lives.
    vec: NonNull<ArenaVec<'a, T>>,
    /// The start of the buffer, with its provenance.
    base: NonNull<T>,
    /// The elements not yielded yet: `[front, back)`.
    front: usize,
    back: usize,
    /// The elements after the range: `[tail_start, tail_start + tail_len)`.
    tail_start: usize,
    tail_len: usize,
    _vec: PhantomData<&'v mut ArenaVec<'a, T>>,
}

impl<'v, 'a, T: Copy> Drain<'v, 'a, T> {
    /// Removes `range` from `vec` (its elements stay where they are until the
    /// `Drain` is dropped).
    pub(super) fn new(vec: &'v mut ArenaVec<'a, T>, range: Range<usize>) -> Drain<'v, 'a, T> {
        let len = vec.len;
        debug_assert!(range.start <= range.end && range.end <= len);
        // Elements before the range only, until the drop puts the tail back.
        vec.len = range.start;
        let base = vec.buf.ptr().cast::<T>();
        Drain {
            vec: NonNull::from(vec),
            base,
            front: range.start,
            back: range.end,
            tail_start: range.end,
            tail_len: len - range.end,
            _vec: PhantomData,
        }
    }

    /// The elements not yielded yet.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&['a', 'b', 'c'], &arena);
    /// let mut drain = v.drain(..);
    /// drain.next_back();
    /// assert_eq!(drain.as_slice(), &['a', 'b']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn as_slice(&self) -> &[T] {
        debug_assert!(self.front <= self.back);
        // SAFETY: `[front, back)` lies inside the drained range, whose elements
        // are initialised and aligned in the buffer; the vector is borrowed
        // mutably by `self`, so nothing writes them while `&self` lives.
        unsafe {
            slice::from_raw_parts(
                self.base.as_ptr().add(self.front).cast_const(),
                self.back - self.front,
            )
        }
    }
}

impl<T: Copy> Iterator for Drain<'_, '_, T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        // SAFETY: `front < back <= ` the old length, so the element is inside
        // the buffer, initialised and aligned; only it is read.
        let item = unsafe { self.base.as_ptr().add(self.front).read() };
        self.front += 1;
        Some(item)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl<T: Copy> DoubleEndedIterator for Drain<'_, '_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        // SAFETY: `front <= back <` the old length: as in `next`.
        Some(unsafe { self.base.as_ptr().add(self.back).read() })
    }
}

impl<T: Copy> ExactSizeIterator for Drain<'_, '_, T> {}

impl<T: Copy> FusedIterator for Drain<'_, '_, T> {}

impl<T> Drop for Drain<'_, '_, T> {
    /// Moves the elements after the range down to close the gap (one
    /// `memmove`, no per-element loop), and gives the vector its length back.
    fn drop(&mut self) {
        // SAFETY: the `Drain` holds the vector's only (mutable) borrow for
        // `'v`, so the pointer is valid and unaliased here.
        let vec = unsafe { self.vec.as_mut() };
        let start = vec.len;
        // An empty tail makes the copy below empty; the test is only whether
        // there is a gap to close.
        if self.tail_start != start {
            // SAFETY: `start <= tail_start` and `tail_start + tail_len` is the
            // old length, so both ranges lie in the buffer's initialised part;
            // `ptr::copy` allows them to overlap. The pointers derive from the
            // buffer's own pointer, so no other element is reborrowed.
            unsafe {
                ptr::copy(
                    self.base.as_ptr().add(self.tail_start),
                    self.base.as_ptr().add(start),
                    self.tail_len,
                );
            }
        }
        vec.len = start + self.tail_len;
    }
}

impl<T: Copy + fmt::Debug> fmt::Debug for Drain<'_, '_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Drain").field(&self.as_slice()).finish()
    }
}

/// `range` resolved against a length as std's `slice::range` resolves it for
/// `Vec::drain`, `Vec::splice`, `String::drain` and the rest, with std's panic
/// messages word for word: the end is checked first; a start bound that fails
/// is reported as written, before `+ 1`, so an overflowing excluded start is a
/// "range start index" message. These are Rust 1.95's words; older std (1.85)
/// said "attempted to index slice from after maximum usize" and reported a
/// start past the length as past the end. `range`'s bounds are read once each
/// (a `RangeBounds` may answer differently the second time).
#[track_caller]
pub(crate) fn resolve_range<R: RangeBounds<usize>>(range: R, len: usize) -> Range<usize> {
    let (start, end) = (range.start_bound(), range.end_bound());
    let end = match end {
        Bound::Included(&end) if end >= len => range_fail(0, end, len),
        // `end < len`, so `end + 1` does not overflow.
        Bound::Included(&end) => end + 1,
        Bound::Excluded(&end) if end > len => range_fail(0, end, len),
        Bound::Excluded(&end) => end,
        Bound::Unbounded => len,
    };
    let start = match start {
        Bound::Excluded(&start) if start >= end => range_fail(start, end, len),
        // `start < end`, so `start + 1` does not overflow.
        Bound::Excluded(&start) => start + 1,
        Bound::Included(&start) if start > end => range_fail(start, end, len),
        Bound::Included(&start) => start,
        Bound::Unbounded => 0,
    };
    start..end
}

/// The panic of [`resolve_range`], with the message std's `slice_index_fail`
/// gives for the same `start`, `end` and `len`.
#[cold]
#[inline(never)]
#[track_caller]
fn range_fail(start: usize, end: usize, len: usize) -> ! {
    if start > len {
        panic!("range start index {start} out of range for slice of length {len}");
    }
    if start > end {
        panic!("slice index starts at {start} but ends at {end}");
    }
    // Left: a bad end (`resolve_range` passes a start of 0 with it), or an
    // excluded start equal to the end; std reports both as the end being out
    // of range. (A separate `end > len` test before `start > end` would
    // print the same for every call: a bad start comes with an end `<= len`.)
    panic!("range end index {end} out of range for slice of length {len}");
}
