//! [`IntoIter`]: the by-value iterator of an [`ArenaVec`](crate::ArenaVec).

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ptr::NonNull;
use core::slice;

/// The elements of an [`ArenaVec`](crate::ArenaVec), by value, in order; made by
/// its [`IntoIterator`] implementation.
///
/// The elements stay in the arena (they are `Copy`); the iterator copies each
/// one out.
///
/// Unlike std's `vec::IntoIter` it is not `Clone`: a clone would share the
/// elements that [`as_mut_slice`](IntoIter::as_mut_slice) hands out mutably,
/// and copying them would need a fallible arena allocation. Collect
/// [`as_slice`](IntoIter::as_slice) instead.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
/// let mut iter = v.into_iter();
/// assert_eq!(iter.next_back(), Some(3));
/// assert_eq!(iter.as_slice(), &[1, 2]);
/// assert_eq!(iter.sum::<i32>(), 3);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct IntoIter<'a, T> {
    /// The start of the frozen elements, with their provenance.
    base: NonNull<T>,
    /// The elements not yielded yet: `[front, back)`.
    front: usize,
    back: usize,
    _elems: PhantomData<&'a mut [T]>,
}

impl<'a, T: Copy> IntoIter<'a, T> {
    pub(crate) fn new(elems: &'a mut [T]) -> IntoIter<'a, T> {
        IntoIter {
            back: elems.len(),
            base: NonNull::from(elems).cast::<T>(),
            front: 0,
            _elems: PhantomData,
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
    /// let mut iter = ArenaVec::from_slice_in(&['a', 'b'], &arena).into_iter();
    /// iter.next();
    /// assert_eq!(iter.as_slice(), &['b']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn as_slice(&self) -> &[T] {
        debug_assert!(self.front <= self.back);
        // SAFETY: `[front, back)` lies inside the slice the iterator was made
        // from, initialised and aligned, valid for `'a`; `&self` excludes the
        // only writer, `as_mut_slice`.
        unsafe {
            slice::from_raw_parts(
                self.base.as_ptr().add(self.front).cast_const(),
                self.back - self.front,
            )
        }
    }

    /// The elements not yielded yet, mutably.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut iter = ArenaVec::from_slice_in(&[1, 2, 3], &arena).into_iter();
    /// iter.next();
    /// iter.as_mut_slice()[0] = 20;
    /// assert_eq!(iter.collect::<Vec<_>>(), [20, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        debug_assert!(self.front <= self.back);
        // SAFETY: as in `as_slice`; the iterator owns the elements (it was
        // made from a `&'a mut [T]`) and `&mut self` makes this the only
        // reference to them.
        unsafe {
            slice::from_raw_parts_mut(self.base.as_ptr().add(self.front), self.back - self.front)
        }
    }
}

impl<T: Copy> Iterator for IntoIter<'_, T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        // SAFETY: `front < back <=` the slice's length: the element is
        // initialised and aligned; only it is read.
        let item = unsafe { self.base.as_ptr().add(self.front).read() };
        self.front += 1;
        Some(item)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }

    // `nth`, `count`, `last` and `nth_back` skip in O(1): the default methods
    // step one element at a time, which for zero-sized elements can mean
    // `usize::MAX` steps.

    #[inline]
    fn nth(&mut self, n: usize) -> Option<T> {
        // Skips without a per-element loop (a long run of zero-sized elements
        // included).
        self.front += n.min(self.back - self.front);
        self.next()
    }

    #[inline]
    fn count(self) -> usize {
        self.back - self.front
    }

    #[inline]
    fn last(mut self) -> Option<T> {
        self.next_back()
    }
}

impl<T: Copy> DoubleEndedIterator for IntoIter<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        // SAFETY: `front <= back <` the slice's length: as in `next`.
        Some(unsafe { self.base.as_ptr().add(self.back).read() })
    }

    #[inline]
    fn nth_back(&mut self, n: usize) -> Option<T> {
        // Skips without a per-element loop, as `nth` does.
        self.back -= n.min(self.back - self.front);
        self.next_back()
    }
}

impl<T: Copy> ExactSizeIterator for IntoIter<'_, T> {}

impl<T: Copy> FusedIterator for IntoIter<'_, T> {}

// SAFETY: `IntoIter` owns its elements as a `&'a mut [T]` would (the raw
// pointer only lets `as_slice` and `as_mut_slice` borrow from `self`), so it
// may cross threads exactly when that reference may.
unsafe impl<T: Send> Send for IntoIter<'_, T> {}

// SAFETY: as for `Send`: shared access hands out only `&[T]`.
unsafe impl<T: Sync> Sync for IntoIter<'_, T> {}

impl<T: Copy + fmt::Debug> fmt::Debug for IntoIter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IntoIter").field(&self.as_slice()).finish()
    }
}
