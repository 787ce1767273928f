//! [`ArenaStr`]: a growable UTF-8 string in an arena, and the
//! [`format_in!`](crate::format_in) macro.

use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::{Deref, DerefMut};

use crate::arena::{unwrap, Arena};
use crate::error::ArenaError;
use crate::vec::ArenaVec;

/// A growable UTF-8 string whose bytes live in an [`Arena`].
///
/// It feels like std's `String`: it derefs to `str`, pushes `char`s and `&str`s,
/// and implements [`fmt::Write`]; [`format_in!`](crate::format_in) formats into
/// one. It grows as [`ArenaVec`] does: in place when it is the arena's most
/// recent allocation, else by moving (the old bytes stay until the arena is
/// reset). Every method that may allocate has a `try_` form that returns
/// [`ArenaError`] and leaves the string unchanged on failure.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(256)?;
/// let mut greeting = ArenaStr::try_from_str_in("hello", &arena)?;
/// greeting.try_push_str(", world")?;
/// greeting.try_push('!')?;
/// assert_eq!(greeting, "hello, world!");
/// let frozen: &str = greeting.into_str();
/// assert_eq!(frozen.len(), 13);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct ArenaStr<'a> {
    /// Always valid UTF-8.
    bytes: ArenaVec<'a, u8>,
}

impl<'a> ArenaStr<'a> {
    /// An empty string in `arena`; allocates nothing until the first push.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::new_in(&arena);
    /// assert_eq!(s, "");
    /// assert_eq!(arena.used(), 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn new_in(arena: &'a Arena<'a>) -> ArenaStr<'a> {
        ArenaStr {
            bytes: ArenaVec::new_in(arena),
        }
    }

    /// An empty string with room for exactly `capacity` bytes, starting on a
    /// cache line.
    ///
    /// # Errors
    ///
    /// As for [`ArenaVec::with_capacity_in`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::with_capacity_in(10, &arena)?;
    /// assert_eq!(s.capacity(), 10);
    /// assert!(ArenaStr::with_capacity_in(100, &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn with_capacity_in(
        capacity: usize,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaStr<'a>, ArenaError> {
        Ok(ArenaStr {
            bytes: ArenaVec::with_capacity_in(capacity, arena)?,
        })
    }

    /// A string holding a copy of `s`, with capacity `s.len()`.
    ///
    /// # Errors
    ///
    /// As for [`ArenaVec::try_from_slice_in`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::try_from_str_in("héllo", &arena)?;
    /// assert_eq!(s, "héllo");
    /// assert_eq!(s.len(), 6);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_str_in(s: &str, arena: &'a Arena<'a>) -> Result<ArenaStr<'a>, ArenaError> {
        Ok(ArenaStr {
            bytes: ArenaVec::try_from_slice_in(s.as_bytes(), arena)?,
        })
    }

    /// A string holding a copy of `s`, as
    /// [`try_from_str_in`](ArenaStr::try_from_str_in).
    ///
    /// # Panics
    ///
    /// When `try_from_str_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// assert_eq!(ArenaStr::from_str_in("abc", &arena), "abc");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_str_in(s: &str, arena: &'a Arena<'a>) -> ArenaStr<'a> {
        unwrap(Self::try_from_str_in(s, arena))
    }

    /// The string that `args` formats to; what [`format_in!`](crate::format_in)
    /// calls.
    ///
    /// # Errors
    ///
    /// The [`ArenaError`] of the first piece that did not fit, never a truncated
    /// string.
    ///
    /// # Panics
    ///
    /// If a `Display` (or other formatting) implementation returns an error of
    /// its own, as `format!` does.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::try_from_fmt_in(format_args!("{}-{}", 1, 2), &arena)?;
    /// assert_eq!(s, "1-2");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_fmt_in(
        args: fmt::Arguments<'_>,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaStr<'a>, ArenaError> {
        if let Some(literal) = args.as_str() {
            return Self::try_from_str_in(literal, arena);
        }
        let mut writer = RecordingWriter {
            string: ArenaStr::new_in(arena),
            error: None,
        };
        match fmt::write(&mut writer, args) {
            Ok(()) => Ok(writer.string),
            Err(fmt::Error) => {
                // What was formatted before the failure goes back to the arena
                // (when it is the newest allocation): a failed `format_in!`
                // leaves the arena as it found it.
                writer.string.bytes.discard();
                match writer.error {
                    Some(err) => Err(err),
                    None => panic!("a formatting trait implementation returned an error"),
                }
            }
        }
    }

    // ----- figures and views -----------------------------------------------------

    /// The length in bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// assert_eq!(ArenaStr::from_str_in("né", &arena).len(), 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the string is empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// assert!(ArenaStr::new_in(&arena).is_empty());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// How many bytes the buffer holds before it must grow.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::with_capacity_in(4, &arena)?;
    /// s.push_str("abcd");
    /// assert_eq!(s.capacity(), 4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn capacity(&self) -> usize {
        self.bytes.capacity()
    }

    /// The string, as `&str`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::from_str_in("abc", &arena);
    /// assert_eq!(s.as_str(), "abc");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: `bytes` is valid UTF-8: every method appends whole `str`s or
        // `char`s and truncates only at char boundaries.
        unsafe { core::str::from_utf8_unchecked(self.bytes.as_slice()) }
    }

    /// The string, as `&mut str`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("abc", &arena);
    /// s.as_mut_str().make_ascii_uppercase();
    /// assert_eq!(s, "ABC");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn as_mut_str(&mut self) -> &mut str {
        // SAFETY: as in `as_str`; `&mut str` only allows changes that keep the
        // bytes valid UTF-8.
        unsafe { core::str::from_utf8_unchecked_mut(self.bytes.as_mut_slice()) }
    }

    /// Turns the string into a `&str` that lives as long as the arena borrow,
    /// giving the unused capacity back to the arena when it can (see
    /// [`ArenaVec::into_slice`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::with_capacity_in(32, &arena)?;
    /// s.push_str("label");
    /// let label: &str = s.into_str();
    /// assert_eq!(label, "label");
    /// assert_eq!(arena.used(), 5);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn into_str(self) -> &'a str {
        let bytes: &'a [u8] = self.bytes.into_slice();
        // SAFETY: the bytes are valid UTF-8 (see `as_str`).
        unsafe { core::str::from_utf8_unchecked(bytes) }
    }

    // ----- changing ----------------------------------------------------------------

    /// Makes room for at least `additional` more bytes.
    ///
    /// # Errors
    ///
    /// As for [`ArenaVec::try_reserve`]; the string is unchanged on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::new_in(&arena);
    /// s.try_reserve(20)?;
    /// assert!(s.capacity() >= 20);
    /// assert!(s.try_reserve(100).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_reserve(&mut self, additional: usize) -> Result<(), ArenaError> {
        self.bytes.try_reserve(additional)
    }

    /// Makes room for at least `additional` more bytes, as
    /// [`try_reserve`](ArenaStr::try_reserve).
    ///
    /// # Panics
    ///
    /// When `try_reserve` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::new_in(&arena);
    /// s.reserve(20);
    /// assert!(s.capacity() >= 20);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn reserve(&mut self, additional: usize) {
        unwrap(self.try_reserve(additional));
    }

    /// Appends `s`.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaStr::try_reserve)`(s.len())`; the string is
    /// unchanged on failure (never half-appended).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::new_in(&arena);
    /// s.try_push_str("ab")?;
    /// s.try_push_str("cd")?;
    /// assert_eq!(s, "abcd");
    /// assert!(s.try_push_str(&"x".repeat(100)).is_err());
    /// assert_eq!(s, "abcd");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_push_str(&mut self, s: &str) -> Result<(), ArenaError> {
        self.bytes.try_extend_from_slice(s.as_bytes())
    }

    /// Appends `s`, as [`try_push_str`](ArenaStr::try_push_str).
    ///
    /// # Panics
    ///
    /// When `try_push_str` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::new_in(&arena);
    /// s.push_str("ab");
    /// assert_eq!(s, "ab");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn push_str(&mut self, s: &str) {
        unwrap(self.try_push_str(s));
    }

    /// Appends the UTF-8 encoding of `ch` (1 to 4 bytes).
    ///
    /// # Errors
    ///
    /// As for [`try_push_str`](ArenaStr::try_push_str).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::new_in(&arena);
    /// s.try_push('é')?;
    /// s.try_push('!')?;
    /// assert_eq!(s, "é!");
    /// assert_eq!(s.len(), 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_push(&mut self, ch: char) -> Result<(), ArenaError> {
        self.try_push_str(ch.encode_utf8(&mut [0; 4]))
    }

    /// Appends `ch`, as [`try_push`](ArenaStr::try_push).
    ///
    /// # Panics
    ///
    /// When `try_push` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::new_in(&arena);
    /// s.push('a');
    /// assert_eq!(s, "a");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn push(&mut self, ch: char) {
        unwrap(self.try_push(ch));
    }

    /// Removes and returns the last `char`, or `None` if empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("aé", &arena);
    /// assert_eq!(s.pop(), Some('é'));
    /// assert_eq!(s, "a");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn pop(&mut self) -> Option<char> {
        let ch = self.as_str().chars().next_back()?;
        self.bytes.truncate(self.len() - ch.len_utf8());
        Some(ch)
    }

    /// Keeps the first `new_len` bytes; does nothing if `new_len >= len()`.
    ///
    /// # Panics
    ///
    /// If `new_len` is not on a `char` boundary.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("héllo", &arena);
    /// s.truncate(3);
    /// assert_eq!(s, "hé");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn truncate(&mut self, new_len: usize) {
        if new_len < self.len() {
            assert!(
                self.as_str().is_char_boundary(new_len),
                "new_len (is {new_len}) is not on a char boundary"
            );
            self.bytes.truncate(new_len);
        }
    }

    /// Empties the string; the capacity is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("abc", &arena);
    /// s.clear();
    /// assert_eq!(s, "");
    /// assert_eq!(s.capacity(), 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn clear(&mut self) {
        self.bytes.clear();
    }
}

/// Formats into an [`ArenaStr`] in an arena, like `format!`; returns
/// `Result<ArenaStr, ArenaError>`.
///
/// Running out of memory is an error (the [`ArenaError`] of the piece that did
/// not fit), never a truncated string.
///
/// # Panics
///
/// If a formatting trait implementation returns an error, as `format!` does.
///
/// # Examples
///
/// ```
/// use arena_memory::{format_in, Arena, ArenaError};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let label = format_in!(&arena, "button #{} at ({}, {})", 3, 10, 20)?;
/// assert_eq!(label, "button #3 at (10, 20)");
///
/// let too_long = format_in!(&arena, "{:>100}", "x");
/// assert!(matches!(too_long, Err(ArenaError::CapacityExceeded { .. })));
/// # Ok::<(), ArenaError>(())
/// ```
#[macro_export]
macro_rules! format_in {
    ($arena:expr, $($fmt:tt)+) => {
        $crate::ArenaStr::try_from_fmt_in(::core::format_args!($($fmt)+), $arena)
    };
}

/// A `fmt::Write` that keeps the `ArenaError` that stopped it, which `fmt::Error`
/// cannot carry.
struct RecordingWriter<'a> {
    string: ArenaStr<'a>,
    error: Option<ArenaError>,
}

impl fmt::Write for RecordingWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.string.try_push_str(s).map_err(|err| {
            self.error = Some(err);
            fmt::Error
        })
    }
}

/// Appends through `write!`; a piece that does not fit is `fmt::Error` and is
/// not written (earlier pieces stay). Use [`format_in!`](crate::format_in) to
/// learn which [`ArenaError`] it was.
impl fmt::Write for ArenaStr<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.try_push_str(s).map_err(|_| fmt::Error)
    }

    #[inline]
    fn write_char(&mut self, ch: char) -> fmt::Result {
        self.try_push(ch).map_err(|_| fmt::Error)
    }
}

impl Deref for ArenaStr<'_> {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl DerefMut for ArenaStr<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut str {
        self.as_mut_str()
    }
}

impl AsRef<str> for ArenaStr<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl AsRef<[u8]> for ArenaStr<'_> {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Borrow<str> for ArenaStr<'_> {
    fn borrow(&self) -> &str {
        self
    }
}

impl fmt::Display for ArenaStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for ArenaStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Appends every `char`; panics when the arena runs out.
impl Extend<char> for ArenaStr<'_> {
    #[track_caller]
    fn extend<I: IntoIterator<Item = char>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for ch in iter {
            self.push(ch);
        }
    }
}

/// Appends every `&str`; panics when the arena runs out.
impl<'s> Extend<&'s str> for ArenaStr<'_> {
    #[track_caller]
    fn extend<I: IntoIterator<Item = &'s str>>(&mut self, iter: I) {
        for s in iter {
            self.push_str(s);
        }
    }
}

impl PartialEq<ArenaStr<'_>> for ArenaStr<'_> {
    #[inline]
    fn eq(&self, other: &ArenaStr<'_>) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ArenaStr<'_> {}

impl PartialEq<str> for ArenaStr<'_> {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ArenaStr<'_> {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<ArenaStr<'_>> for str {
    #[inline]
    fn eq(&self, other: &ArenaStr<'_>) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<ArenaStr<'_>> for &str {
    #[inline]
    fn eq(&self, other: &ArenaStr<'_>) -> bool {
        *self == other.as_str()
    }
}

impl PartialOrd<ArenaStr<'_>> for ArenaStr<'_> {
    #[inline]
    fn partial_cmp(&self, other: &ArenaStr<'_>) -> Option<Ordering> {
        Some(self.as_str().cmp(other.as_str()))
    }
}

impl Ord for ArenaStr<'_> {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// Hashes as the `str` does, so that `Borrow<str>` lookups work.
impl Hash for ArenaStr<'_> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}
