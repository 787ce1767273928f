//! [`IntoIter`]: the by-value iterator of an [`ArenaVec`](crate::ArenaVec).

use core::fmt;
use core::iter::FusedIterator;
use core::slice;

/// The elements of an [`ArenaVec`](crate::ArenaVec), by value, in order; made by
/// its [`IntoIterator`] implementation.
///
/// The elements stay in the arena (they are `Copy`); the iterator copies each
/// one out.
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
#[derive(Clone)]
pub struct IntoIter<'a, T> {
    elems: slice::Iter<'a, T>,
}

impl<'a, T: Copy> IntoIter<'a, T> {
    pub(crate) fn new(elems: &'a [T]) -> IntoIter<'a, T> {
        IntoIter {
            elems: elems.iter(),
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
    pub fn as_slice(&self) -> &'a [T] {
        self.elems.as_slice()
    }
}

impl<T: Copy> Iterator for IntoIter<'_, T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        self.elems.next().copied()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.elems.size_hint()
    }

    #[inline]
    fn nth(&mut self, n: usize) -> Option<T> {
        self.elems.nth(n).copied()
    }
}

impl<T: Copy> DoubleEndedIterator for IntoIter<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<T> {
        self.elems.next_back().copied()
    }
}

impl<T: Copy> ExactSizeIterator for IntoIter<'_, T> {}

impl<T: Copy> FusedIterator for IntoIter<'_, T> {}

impl<T: Copy + fmt::Debug> fmt::Debug for IntoIter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IntoIter").field(&self.as_slice()).finish()
    }
}
