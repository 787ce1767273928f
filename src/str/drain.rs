//! [`Drain`]: the characters of a range of an [`ArenaStr`], removed from it
//! when the iterator is dropped.

use core::fmt;
use core::iter::FusedIterator;

use super::ArenaStr;

/// The characters of a range of an [`ArenaStr`], made by
/// [`ArenaStr::drain`]; the range is removed from the string when the
/// iterator is dropped, whether or not every character was taken.
///
/// Leaking the iterator (`mem::forget`) leaves the string as it was: the bytes
/// move only in `drop`. That is what std's `String::drain` does today (its
/// documentation reserves the right to leave less), and the string stays
/// valid UTF-8 either way.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let mut s = ArenaStr::from_str_in("α is alpha", &arena);
/// let mut drain = s.drain(..3);
/// assert_eq!(drain.next(), Some('α'));
/// assert_eq!(drain.as_str(), " ");
/// drop(drain);
/// assert_eq!(s, "is alpha");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct Drain<'s, 'a> {
    string: &'s mut ArenaStr<'a>,
    /// The range removed on drop; char boundaries, `start <= end <= len`.
    start: usize,
    end: usize,
    /// The characters not yet yielded: `front..back`, inside `start..end`.
    front: usize,
    back: usize,
}

impl<'s, 'a> Drain<'s, 'a> {
    /// `start..end` must be char boundaries with `start <= end <= len`.
    pub(super) fn new(string: &'s mut ArenaStr<'a>, start: usize, end: usize) -> Drain<'s, 'a> {
        debug_assert!(start <= end && end <= string.len());
        debug_assert!(string.is_char_boundary(start) && string.is_char_boundary(end));
        Drain {
            string,
            start,
            end,
            front: start,
            back: end,
        }
    }

    /// The characters not yet yielded.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("abc", &arena);
    /// let mut drain = s.drain(..);
    /// drain.next_back();
    /// assert_eq!(drain.as_str(), "ab");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.string.as_str()[self.front..self.back]
    }
}

impl Iterator for Drain<'_, '_> {
    type Item = char;

    #[inline]
    fn next(&mut self) -> Option<char> {
        let ch = self.as_str().chars().next()?;
        self.front += ch.len_utf8();
        Some(ch)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.as_str().chars().size_hint()
    }

    #[inline]
    fn last(mut self) -> Option<char> {
        self.next_back()
    }
}

impl DoubleEndedIterator for Drain<'_, '_> {
    #[inline]
    fn next_back(&mut self) -> Option<char> {
        let ch = self.as_str().chars().next_back()?;
        self.back -= ch.len_utf8();
        Some(ch)
    }
}

impl FusedIterator for Drain<'_, '_> {}

/// Removes the whole range, taken or not.
impl Drop for Drain<'_, '_> {
    fn drop(&mut self) {
        self.string.remove_range(self.start, self.end);
    }
}

/// As std's: the characters not yet yielded, `Drain("…")`.
impl fmt::Debug for Drain<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Drain").field(&self.as_str()).finish()
    }
}
