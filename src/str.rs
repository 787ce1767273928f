//! [`ArenaStr`]: a growable UTF-8 string in an arena, and the
//! [`format_in!`](crate::format_in) and [`try_format_in!`](crate::try_format_in)
//! macros.

use core::borrow::{Borrow, BorrowMut};
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::{Add, AddAssign, Deref, DerefMut, Range, RangeBounds};
use core::{cmp, ptr, slice};

use crate::arena::{unwrap, Arena};
use crate::error::ArenaError;
use crate::vec::{resolve_range, ArenaVec};

mod drain;
mod from_utf;

pub use drain::Drain;
pub use from_utf::{FromUtf16Error, FromUtf8Error};

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

    /// An empty string with room for exactly `capacity` bytes.
    ///
    /// A buffer of at least a cache line ([`Arena::cache_line_size`]) starts on
    /// a cache line, as [`ArenaVec::with_capacity_in`]'s does (Clay's arrays);
    /// a smaller one is byte-aligned, so that small strings pack: a 3-byte
    /// label takes 3 bytes, not a cache line. A capacity of 0 allocates
    /// nothing.
    ///
    /// # Errors
    ///
    /// As for [`ArenaVec::try_with_capacity_in`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let small = ArenaStr::try_with_capacity_in(10, &arena)?;
    /// assert_eq!(small.capacity(), 10);
    /// assert_eq!(arena.used(), 10);
    /// let large = ArenaStr::try_with_capacity_in(64, &arena)?;
    /// assert_eq!(large.as_ptr() as usize % arena.cache_line_size(), 0);
    /// assert!(ArenaStr::try_with_capacity_in(1000, &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_with_capacity_in(
        capacity: usize,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaStr<'a>, ArenaError> {
        let bytes = if capacity >= arena.cache_line_size() {
            ArenaVec::try_with_capacity_in(capacity, arena)?
        } else {
            exact_bytes_in(capacity, arena)?
        };
        Ok(ArenaStr { bytes })
    }

    /// An empty string with room for exactly `capacity` bytes, as
    /// [`try_with_capacity_in`](ArenaStr::try_with_capacity_in).
    ///
    /// # Panics
    ///
    /// When `try_with_capacity_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::with_capacity_in(10, &arena);
    /// s.push_str("label");
    /// assert_eq!(s.capacity(), 10);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn with_capacity_in(capacity: usize, arena: &'a Arena<'a>) -> ArenaStr<'a> {
        unwrap(Self::try_with_capacity_in(capacity, arena))
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

    /// The string that `args` formats to; what
    /// [`try_format_in!`](crate::try_format_in) calls.
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
    #[inline]
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
                // (when it is the newest allocation): a failed `try_format_in!`
                // leaves the arena as it found it.
                writer.string.bytes.discard();
                match writer.error {
                    Some(err) => Err(err),
                    None => panic!("a formatting trait implementation returned an error"),
                }
            }
        }
    }

    /// The string that `args` formats to, as
    /// [`try_from_fmt_in`](ArenaStr::try_from_fmt_in); what
    /// [`format_in!`](crate::format_in) calls.
    ///
    /// # Panics
    ///
    /// When `try_from_fmt_in` would return an error, with its message; and if a
    /// formatting trait implementation returns an error, as `format!` does.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::from_fmt_in(format_args!("{}-{}", 1, 2), &arena);
    /// assert_eq!(s, "1-2");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn from_fmt_in(args: fmt::Arguments<'_>, arena: &'a Arena<'a>) -> ArenaStr<'a> {
        unwrap(Self::try_from_fmt_in(args, arena))
    }

    /// The string whose UTF-8 bytes are `bytes`, without a copy; if they are
    /// not UTF-8, an error that gives them back.
    ///
    /// # Errors
    ///
    /// [`FromUtf8Error`] when `bytes` are not UTF-8: its
    /// [`utf8_error`](FromUtf8Error::utf8_error) says where, and
    /// [`into_bytes`](FromUtf8Error::into_bytes) returns the vector.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut bytes = ArenaVec::new_in(&arena);
    /// bytes.extend_from_slice("né".as_bytes());
    /// let s = ArenaStr::from_utf8_in(bytes).unwrap();
    /// assert_eq!(s, "né");
    ///
    /// let bad = ArenaVec::from_slice_in(&[b'a', 0xFF], &arena);
    /// let err = ArenaStr::from_utf8_in(bad).unwrap_err();
    /// assert_eq!(err.utf8_error().valid_up_to(), 1);
    /// assert_eq!(err.into_bytes(), [b'a', 0xFF]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn from_utf8_in(bytes: ArenaVec<'a, u8>) -> Result<ArenaStr<'a>, FromUtf8Error<'a>> {
        match core::str::from_utf8(bytes.as_slice()) {
            Ok(_) => Ok(ArenaStr { bytes }),
            Err(error) => Err(FromUtf8Error { bytes, error }),
        }
    }

    /// A string holding `bytes` with every invalid sequence replaced by
    /// U+FFFD (`�`), as `String::from_utf8_lossy` (which copies too when it
    /// must replace; this always copies, into the arena).
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaStr::try_reserve) of the result's length;
    /// nothing is allocated on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::try_from_utf8_lossy_in(b"ok\xFF\xC3", &arena)?;
    /// assert_eq!(s, "ok\u{FFFD}\u{FFFD}");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_utf8_lossy_in(
        bytes: &[u8],
        arena: &'a Arena<'a>,
    ) -> Result<ArenaStr<'a>, ArenaError> {
        const REPLACEMENT: &str = "\u{FFFD}";
        // Two passes, so that the one allocation is the right size and a
        // failure allocates nothing. The sum cannot overflow: each invalid
        // sequence is at least one byte and becomes three.
        let len = bytes.utf8_chunks().fold(0, |len, chunk| {
            let replaced = if chunk.invalid().is_empty() {
                0
            } else {
                REPLACEMENT.len()
            };
            len + chunk.valid().len() + replaced
        });
        let mut string = ArenaStr::new_in(arena);
        string.try_reserve(len)?;
        for chunk in bytes.utf8_chunks() {
            string.try_push_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                string.try_push_str(REPLACEMENT)?;
            }
        }
        Ok(string)
    }

    /// A string holding `bytes` with invalid sequences replaced, as
    /// [`try_from_utf8_lossy_in`](ArenaStr::try_from_utf8_lossy_in).
    ///
    /// # Panics
    ///
    /// When `try_from_utf8_lossy_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// assert_eq!(ArenaStr::from_utf8_lossy_in(b"a\x80b", &arena), "a\u{FFFD}b");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_utf8_lossy_in(bytes: &[u8], arena: &'a Arena<'a>) -> ArenaStr<'a> {
        unwrap(Self::try_from_utf8_lossy_in(bytes, arena))
    }

    /// The string that the UTF-16 code units `units` encode; if they hold an
    /// unpaired surrogate, that error inside `Ok`.
    ///
    /// The input is checked before anything is allocated, so the two errors
    /// never mix: the outer [`ArenaError`] is the arena's, the inner
    /// [`FromUtf16Error`] the input's.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaStr::try_reserve) of the UTF-8 length;
    /// nothing is allocated on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let units: Vec<u16> = "𝄞music".encode_utf16().collect();
    /// let s = ArenaStr::try_from_utf16_in(&units, &arena)?.unwrap();
    /// assert_eq!(s, "𝄞music");
    /// let invalid = ArenaStr::try_from_utf16_in(&[0xD834, 0x006D], &arena)?;
    /// assert!(invalid.is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_utf16_in(
        units: &[u16],
        arena: &'a Arena<'a>,
    ) -> Result<Result<ArenaStr<'a>, FromUtf16Error>, ArenaError> {
        let mut len = 0;
        let mut read = 0;
        for decoded in char::decode_utf16(units.iter().copied()) {
            match decoded {
                Ok(ch) => {
                    len += ch.len_utf8();
                    read += ch.len_utf16();
                }
                Err(err) => {
                    return Ok(Err(FromUtf16Error {
                        valid_up_to: read,
                        unpaired_surrogate: err.unpaired_surrogate(),
                    }))
                }
            }
        }
        Self::try_decode_utf16_in(units, len, arena).map(Ok)
    }

    /// The string that the UTF-16 code units `units` encode, as
    /// [`try_from_utf16_in`](ArenaStr::try_from_utf16_in).
    ///
    /// # Errors
    ///
    /// [`FromUtf16Error`] if `units` hold an unpaired surrogate.
    ///
    /// # Panics
    ///
    /// When `try_from_utf16_in` would return an arena error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::from_utf16_in(&[0x0068, 0x00E9], &arena).unwrap();
    /// assert_eq!(s, "hé");
    /// assert!(ArenaStr::from_utf16_in(&[0xDD1E], &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_utf16_in(
        units: &[u16],
        arena: &'a Arena<'a>,
    ) -> Result<ArenaStr<'a>, FromUtf16Error> {
        unwrap(Self::try_from_utf16_in(units, arena))
    }

    /// The string that the UTF-16 code units `units` encode, with every
    /// unpaired surrogate replaced by U+FFFD (`�`), as
    /// `String::from_utf16_lossy`.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaStr::try_reserve) of the UTF-8 length;
    /// nothing is allocated on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::try_from_utf16_lossy_in(&[0x0061, 0xD800, 0x0062], &arena)?;
    /// assert_eq!(s, "a\u{FFFD}b");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_utf16_lossy_in(
        units: &[u16],
        arena: &'a Arena<'a>,
    ) -> Result<ArenaStr<'a>, ArenaError> {
        let len = char::decode_utf16(units.iter().copied())
            .map(|decoded| decoded.map_or(char::REPLACEMENT_CHARACTER.len_utf8(), char::len_utf8))
            .sum();
        Self::try_decode_utf16_in(units, len, arena)
    }

    /// The string that `units` encode, lossily, as
    /// [`try_from_utf16_lossy_in`](ArenaStr::try_from_utf16_lossy_in).
    ///
    /// # Panics
    ///
    /// When `try_from_utf16_lossy_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// assert_eq!(ArenaStr::from_utf16_lossy_in(&[0xDC00, 0x0021], &arena), "\u{FFFD}!");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_utf16_lossy_in(units: &[u16], arena: &'a Arena<'a>) -> ArenaStr<'a> {
        unwrap(Self::try_from_utf16_lossy_in(units, arena))
    }

    /// Decodes `units`, unpaired surrogates replaced, into a string of `len`
    /// bytes reserved up front: one allocation, none if it fails.
    fn try_decode_utf16_in(
        units: &[u16],
        len: usize,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaStr<'a>, ArenaError> {
        let mut string = ArenaStr::new_in(arena);
        string.try_reserve(len)?;
        for decoded in char::decode_utf16(units.iter().copied()) {
            string.try_push(decoded.unwrap_or(char::REPLACEMENT_CHARACTER))?;
        }
        debug_assert_eq!(string.len(), len);
        Ok(string)
    }

    /// A string holding the `char`s of `iter`, in order.
    ///
    /// Reserves the iterator's lower size bound first (one byte a `char`),
    /// then pushes.
    ///
    /// # Errors
    ///
    /// As for [`try_push`](ArenaStr::try_push). What was pushed before the
    /// failure goes back to the arena when the string is its newest
    /// allocation (else it stays until the reset).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::try_from_iter_in("hello".chars().rev(), &arena)?;
    /// assert_eq!(s, "olleh");
    /// assert!(ArenaStr::try_from_iter_in(core::iter::repeat('x').take(100), &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_iter_in<I: IntoIterator<Item = char>>(
        iter: I,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaStr<'a>, ArenaError> {
        let mut iter = iter.into_iter();
        let mut string = ArenaStr::new_in(arena);
        let filled = string
            .try_reserve(iter.size_hint().0)
            .and_then(|()| iter.try_for_each(|ch| string.try_push(ch)));
        match filled {
            Ok(()) => Ok(string),
            Err(err) => {
                string.bytes.discard();
                Err(err)
            }
        }
    }

    /// A string holding the `char`s of `iter`, as
    /// [`try_from_iter_in`](ArenaStr::try_from_iter_in).
    ///
    /// # Panics
    ///
    /// When `try_from_iter_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::from_iter_in(['a', 'é', '!'], &arena);
    /// assert_eq!(s, "aé!");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_iter_in<I: IntoIterator<Item = char>>(
        iter: I,
        arena: &'a Arena<'a>,
    ) -> ArenaStr<'a> {
        unwrap(Self::try_from_iter_in(iter, arena))
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
    /// let mut s = ArenaStr::with_capacity_in(4, &arena);
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
    /// let mut s = ArenaStr::with_capacity_in(32, &arena);
    /// s.push_str("label");
    /// let label: &str = s.into_str();
    /// assert_eq!(label, "label");
    /// assert_eq!(arena.used(), 5);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
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

    /// Makes room for exactly `additional` more bytes, no more (as
    /// [`ArenaVec::try_reserve_exact`]).
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaStr::try_reserve); the string is unchanged
    /// on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("ab", &arena);
    /// s.try_reserve_exact(5)?;
    /// assert_eq!(s.capacity(), 7);
    /// assert!(s.try_reserve_exact(100).is_err());
    /// assert_eq!(s.capacity(), 7);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_reserve_exact(&mut self, additional: usize) -> Result<(), ArenaError> {
        self.bytes.try_reserve_exact(additional)
    }

    /// Makes room for exactly `additional` more bytes, as
    /// [`try_reserve_exact`](ArenaStr::try_reserve_exact).
    ///
    /// # Panics
    ///
    /// When `try_reserve_exact` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::new_in(&arena);
    /// s.reserve_exact(3);
    /// assert_eq!(s.capacity(), 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn reserve_exact(&mut self, additional: usize) {
        unwrap(self.try_reserve_exact(additional));
    }

    /// Lowers the capacity to `len()`, giving the tail back to the arena when
    /// the buffer is its newest allocation (as [`ArenaVec::shrink_to_fit`]);
    /// otherwise the capacity stays.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut s = ArenaStr::with_capacity_in(100, &arena);
    /// s.push_str("label");
    /// s.shrink_to_fit();
    /// assert_eq!(s.capacity(), 5);
    /// assert_eq!(arena.used(), 5);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
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
        // Past the end nothing changes; `len()` itself is a boundary. No test
        // of `new_len < len()` first: it would only skip work that changes
        // nothing.
        let cut = cmp::min(new_len, self.len());
        assert!(
            self.as_str().is_char_boundary(cut),
            "new_len (is {new_len}) is not on a char boundary"
        );
        self.bytes.truncate(cut);
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

    // ----- editing inside ---------------------------------------------------------

    /// Inserts `ch` at byte index `idx`, moving the bytes after it right.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaStr::try_reserve)`(ch.len_utf8())`; the
    /// string is unchanged on failure.
    ///
    /// # Panics
    ///
    /// If `idx` is not a char boundary or is past the end, as `String::insert`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("ac", &arena);
    /// s.try_insert(1, 'é')?;
    /// assert_eq!(s, "aéc");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn try_insert(&mut self, idx: usize, ch: char) -> Result<(), ArenaError> {
        self.try_insert_str(idx, ch.encode_utf8(&mut [0; 4]))
    }

    /// Inserts `ch` at byte index `idx`, as [`try_insert`](ArenaStr::try_insert).
    ///
    /// # Panics
    ///
    /// If `idx` is not a char boundary or is past the end, or when `try_insert`
    /// would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("bc", &arena);
    /// s.insert(0, 'a');
    /// assert_eq!(s, "abc");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn insert(&mut self, idx: usize, ch: char) {
        unwrap(self.try_insert(idx, ch));
    }

    /// Inserts `s` at byte index `idx`, moving the bytes after it right.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaStr::try_reserve)`(s.len())`; the string is
    /// unchanged on failure.
    ///
    /// # Panics
    ///
    /// If `idx` is not a char boundary or is past the end, as
    /// `String::insert_str`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("a world", &arena);
    /// s.try_insert_str(1, " small")?;
    /// assert_eq!(s, "a small world");
    /// assert!(s.try_insert_str(0, &"x".repeat(100)).is_err());
    /// assert_eq!(s, "a small world");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn try_insert_str(&mut self, idx: usize, s: &str) -> Result<(), ArenaError> {
        assert!(
            self.is_char_boundary(idx),
            "insertion index (is {idx}) is not a char boundary of a string of length {}",
            self.len()
        );
        self.try_splice(idx, idx, s)
    }

    /// Inserts `s` at byte index `idx`, as
    /// [`try_insert_str`](ArenaStr::try_insert_str).
    ///
    /// # Panics
    ///
    /// If `idx` is not a char boundary or is past the end, or when
    /// `try_insert_str` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("ad", &arena);
    /// s.insert_str(1, "bc");
    /// assert_eq!(s, "abcd");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn insert_str(&mut self, idx: usize, s: &str) {
        unwrap(self.try_insert_str(idx, s));
    }

    /// Removes and returns the `char` at byte index `idx`, moving the bytes
    /// after it left.
    ///
    /// # Panics
    ///
    /// If `idx` is not a char boundary, or is the length or past it, as
    /// `String::remove`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("aéb", &arena);
    /// assert_eq!(s.remove(1), 'é');
    /// assert_eq!(s, "ab");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn remove(&mut self, idx: usize) -> char {
        let Some(ch) = self[idx..].chars().next() else {
            panic!("cannot remove a char from the end of a string");
        };
        self.remove_range(idx, idx + ch.len_utf8());
        ch
    }

    /// Keeps only the `char`s for which `keep` returns `true`, in order.
    ///
    /// If `keep` panics, the string keeps the characters kept before the one
    /// it panicked on, and loses the rest, as `String::retain` does.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("a-b_é-c", &arena);
    /// s.retain(|ch| ch != '-' && ch != '_');
    /// assert_eq!(s, "abéc");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn retain<F: FnMut(char) -> bool>(&mut self, mut keep: F) {
        /// Sets the length to what is kept so far, also when `keep` panics.
        struct KeptOnDrop<'s, 'a> {
            string: &'s mut ArenaStr<'a>,
            /// Bytes read: `[0, read)` has been looked at.
            read: usize,
            /// Bytes kept: `[0, kept)` is valid UTF-8, `kept <= read`.
            kept: usize,
        }
        impl Drop for KeptOnDrop<'_, '_> {
            fn drop(&mut self) {
                self.string.bytes.truncate(self.kept);
            }
        }

        let len = self.len();
        let mut guard = KeptOnDrop {
            string: self,
            read: 0,
            kept: 0,
        };
        let base = guard.string.bytes.as_mut_ptr();
        // Ends when the rest is empty (`read == len`): no next char.
        loop {
            debug_assert!(guard.kept <= guard.read && guard.read <= len);
            // SAFETY: `[read, len)` is untouched: writes go to `[0, kept +
            // width)` with `kept + width <= read` once a char of `width` bytes
            // is read. So it holds the string's original bytes from a char
            // boundary to the end: initialised, inside the buffer, valid
            // UTF-8. The slice is dropped before the next write.
            let ch = unsafe {
                let rest = slice::from_raw_parts(base.add(guard.read), len - guard.read);
                core::str::from_utf8_unchecked(rest).chars().next()
            };
            let Some(ch) = ch else { break };
            let width = ch.len_utf8();
            if keep(ch) {
                if guard.kept != guard.read {
                    let mut encoded = [0; 4];
                    ch.encode_utf8(&mut encoded);
                    // SAFETY: `kept < read` and `read + width <= len`, so
                    // `[kept, kept + width)` is inside the string; `encoded`
                    // is a local, so the two do not overlap.
                    unsafe {
                        ptr::copy_nonoverlapping(encoded.as_ptr(), base.add(guard.kept), width);
                    }
                }
                guard.kept += width;
            }
            guard.read += width;
        }
    }

    /// Removes the byte range `range` from the string and returns its `char`s
    /// as an iterator; the range is removed when the iterator is dropped,
    /// whether or not it was used up.
    ///
    /// # Panics
    ///
    /// If the start or the end of the range is not a char boundary, if the
    /// start is after the end, or the end past the length, as `String::drain`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("key=välue", &arena);
    /// let key: String = s.drain(..4).collect();
    /// assert_eq!(key, "key=");
    /// assert_eq!(s, "välue");
    /// s.drain(1..3);
    /// assert_eq!(s, "vlue");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn drain<R: RangeBounds<usize>>(&mut self, range: R) -> Drain<'_, 'a> {
        let (start, end) = self.drained_range(range);
        Drain::new(self, start, end)
    }

    /// Replaces the byte range `range` with `replace_with`, which need not be
    /// as long.
    ///
    /// # Errors
    ///
    /// When `replace_with` is longer than the range, as for
    /// [`try_reserve`](ArenaStr::try_reserve) of the difference; the string is
    /// unchanged on failure.
    ///
    /// # Panics
    ///
    /// If the start or the end of the range is not a char boundary, if the
    /// start is after the end, or the end past the length, as
    /// `String::replace_range`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("α and ω", &arena);
    /// s.try_replace_range(..2, "alpha")?;
    /// assert_eq!(s, "alpha and ω");
    /// s.try_replace_range(6..9, "&")?;
    /// assert_eq!(s, "alpha & ω");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn try_replace_range<R: RangeBounds<usize>>(
        &mut self,
        range: R,
        replace_with: &str,
    ) -> Result<(), ArenaError> {
        let (start, end) = self.replaced_range(range);
        self.try_splice(start, end, replace_with)
    }

    /// Replaces the byte range `range` with `replace_with`, as
    /// [`try_replace_range`](ArenaStr::try_replace_range).
    ///
    /// # Panics
    ///
    /// As `try_replace_range` does, or when it would return an error, with its
    /// message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("Hello, world", &arena);
    /// s.replace_range(7.., "arena");
    /// assert_eq!(s, "Hello, arena");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn replace_range<R: RangeBounds<usize>>(&mut self, range: R, replace_with: &str) {
        unwrap(self.try_replace_range(range, replace_with));
    }

    /// Splits the string in two at byte index `at`: `self` keeps `[0, at)`,
    /// and the rest is returned as a new string in the same arena, with
    /// capacity for exactly its length. `self`'s capacity is unchanged.
    ///
    /// # Errors
    ///
    /// As for [`try_from_str_in`](ArenaStr::try_from_str_in) of the rest; the
    /// string is unchanged on failure.
    ///
    /// # Panics
    ///
    /// If `at` is not a char boundary or is past the end, as
    /// `String::split_off`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("head:tail", &arena);
    /// let tail = s.try_split_off(5)?;
    /// assert_eq!(s, "head:");
    /// assert_eq!(tail, "tail");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn try_split_off(&mut self, at: usize) -> Result<ArenaStr<'a>, ArenaError> {
        assert!(
            self.is_char_boundary(at),
            "split index (is {at}) is not a char boundary of a string of length {}",
            self.len()
        );
        let rest = ArenaStr::try_from_str_in(&self[at..], self.bytes.arena())?;
        self.bytes.truncate(at);
        Ok(rest)
    }

    /// Splits the string in two at byte index `at`, as
    /// [`try_split_off`](ArenaStr::try_split_off).
    ///
    /// # Panics
    ///
    /// If `at` is not a char boundary or is past the end, or when
    /// `try_split_off` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("aé", &arena);
    /// assert_eq!(s.split_off(1), "é");
    /// assert_eq!(s, "a");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn split_off(&mut self, at: usize) -> ArenaStr<'a> {
        unwrap(self.try_split_off(at))
    }

    /// A copy of the string in the same arena, with capacity for exactly its
    /// length; what [`Clone::clone`] calls.
    ///
    /// # Errors
    ///
    /// As for [`try_from_str_in`](ArenaStr::try_from_str_in).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::from_str_in("twenty-four bytes long..", &arena);
    /// let copy = s.try_clone()?;
    /// assert_eq!(copy, s);
    /// assert_ne!(copy.as_ptr(), s.as_ptr());
    /// assert!(s.try_clone().is_err()); // 48 bytes used, 16 left
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_clone(&self) -> Result<ArenaStr<'a>, ArenaError> {
        ArenaStr::try_from_str_in(self, self.bytes.arena())
    }

    // ----- bytes -------------------------------------------------------------------

    /// The string's bytes, as the [`ArenaVec`] that holds them (no copy).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let s = ArenaStr::from_str_in("hé", &arena);
    /// let bytes = s.into_bytes();
    /// assert_eq!(bytes, [b'h', 0xC3, 0xA9]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn into_bytes(self) -> ArenaVec<'a, u8> {
        self.bytes
    }

    /// The [`ArenaVec`] that holds the string's bytes, to change them as
    /// bytes.
    ///
    /// # Safety
    ///
    /// - The bytes must be valid UTF-8 when the returned borrow ends: the
    ///   string, and `str` code it is passed to, rely on it.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut s = ArenaStr::from_str_in("abc", &arena);
    /// // SAFETY: reversing ASCII bytes leaves ASCII, which is UTF-8.
    /// unsafe { s.as_mut_vec().reverse() };
    /// assert_eq!(s, "cba");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub unsafe fn as_mut_vec(&mut self) -> &mut ArenaVec<'a, u8> {
        &mut self.bytes
    }

    // ----- private ---------------------------------------------------------------

    /// `range` resolved as `String::drain` resolves it, with its panic
    /// messages: `start <= end <= len` (std's slice range messages), then
    /// both char boundaries.
    #[track_caller]
    fn drained_range<R: RangeBounds<usize>>(&self, range: R) -> (usize, usize) {
        let Range { start, end } = resolve_range(range, self.len());
        // The expressions are std's, so that the messages are too
        // ("assertion failed: self.is_char_boundary(start)").
        assert!(self.is_char_boundary(start));
        assert!(self.is_char_boundary(end));
        (start, end)
    }

    /// `range` resolved as `String::replace_range` resolves it, with its panic
    /// messages: `start <= end <= len` (std's slice range messages), then
    /// both char boundaries.
    #[track_caller]
    fn replaced_range<R: RangeBounds<usize>>(&self, range: R) -> (usize, usize) {
        let Range { start, end } = resolve_range(range, self.len());
        assert!(
            self.is_char_boundary(start),
            "start of range should be a character boundary"
        );
        assert!(
            self.is_char_boundary(end),
            "end of range should be a character boundary"
        );
        (start, end)
    }

    /// Removes the bytes `[start, end)`, char boundaries with
    /// `start <= end <= len`, moving the bytes after them left: only the bytes
    /// from `start` on are written.
    fn remove_range(&mut self, start: usize, end: usize) {
        let len = self.len();
        debug_assert!(start <= end && end <= len);
        debug_assert!(self.is_char_boundary(start) && self.is_char_boundary(end));
        if start == end {
            return;
        }
        let base = self.bytes.as_mut_ptr();
        // SAFETY: `start < end <= len`: the source `[end, len)` and the
        // destination `[start, start + len - end)` are inside the string
        // (`ptr::copy` allows them to overlap).
        unsafe { ptr::copy(base.add(end), base.add(start), len - end) };
        // Valid UTF-8: `[0, start)` and `[end, len)` were whole characters.
        self.bytes.truncate(len - (end - start));
    }

    /// Replaces the bytes `[start, end)`, char boundaries with
    /// `start <= end <= len`, by `s`; only the bytes from `start` on are
    /// written. Unchanged on failure.
    fn try_splice(&mut self, start: usize, end: usize, s: &str) -> Result<(), ArenaError> {
        let len = self.len();
        debug_assert!(start <= end && end <= len);
        debug_assert!(self.is_char_boundary(start) && self.is_char_boundary(end));
        let removed = end - start;
        let added = s.len();
        if added <= removed {
            let base = self.bytes.as_mut_ptr();
            // SAFETY: `added <= removed`, so within the string:
            // 1. `[end, len)` moves to `[start + added, len - removed + added)`
            //    (`ptr::copy` allows overlap);
            // 2. `s` goes to `[start, start + added)`; `s` cannot alias the
            //    string (a shared borrow beside `&mut self`).
            unsafe {
                ptr::copy(base.add(end), base.add(start + added), len - end);
                ptr::copy_nonoverlapping(s.as_ptr(), base.add(start), added);
            }
            // Valid UTF-8 once cut: `[0, start)`, `s`, the old `[end, len)`.
            self.bytes.truncate(len - (removed - added));
            return Ok(());
        }
        // The only step that can fail, first: it grows the string by
        // `added - removed` bytes (zeros, valid UTF-8), or leaves it unchanged.
        // `len + added` cannot overflow: both are at most `isize::MAX`.
        self.bytes.try_resize_zeroed(len + (added - removed))?;
        debug_assert_eq!(self.len(), len + added - removed);
        let base = self.bytes.as_mut_ptr();
        // SAFETY: the string now has `len + added - removed` bytes.
        // 1. `[end, len)` moves to `[start + added, len + added - removed)`:
        //    both inside it (`ptr::copy` allows overlap).
        // 2. `s` goes to `[start, start + added)`, inside it; `s` cannot alias
        //    the string (a shared borrow beside `&mut self`).
        // Afterwards `[0, start)`, `s` and the old `[end, len)` are whole
        // characters: valid UTF-8 again, with no panic possible in between.
        unsafe {
            ptr::copy(base.add(end), base.add(start + added), len - end);
            ptr::copy_nonoverlapping(s.as_ptr(), base.add(start), added);
        }
        Ok(())
    }
}

/// Formats into an [`ArenaStr`] in an arena, like `format!`; panics when the
/// arena runs out (see [`try_format_in!`](crate::try_format_in) for a
/// `Result`).
///
/// `format_in!(arena, "...", args...)` is
/// [`ArenaStr::from_fmt_in`]`(format_args!("...", args...), arena)`.
///
/// # Panics
///
/// When the string does not fit, with the [`ArenaError`]'s message (never a
/// truncated string); and if a formatting trait implementation returns an
/// error, as `format!` does.
///
/// # Examples
///
/// ```
/// use arena_memory::{format_in, Arena};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let label = format_in!(&arena, "button #{} at ({}, {})", 3, 10, 20);
/// assert_eq!(label, "button #3 at (10, 20)");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[macro_export]
macro_rules! format_in {
    ($arena:expr, $($fmt:tt)+) => {
        $crate::ArenaStr::from_fmt_in(::core::format_args!($($fmt)+), $arena)
    };
}

/// Formats into an [`ArenaStr`] in an arena, like `format!`; returns
/// `Result<ArenaStr, ArenaError>`.
///
/// `try_format_in!(arena, "...", args...)` is
/// [`ArenaStr::try_from_fmt_in`]`(format_args!("...", args...), arena)`.
///
/// # Errors
///
/// Running out of memory is an error (the [`ArenaError`] of the piece that did
/// not fit), never a truncated string; the arena is left as it was.
///
/// # Panics
///
/// If a formatting trait implementation returns an error, as `format!` does.
///
/// # Examples
///
/// ```
/// use arena_memory::{try_format_in, Arena, ArenaError};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let label = try_format_in!(&arena, "button #{} at ({}, {})", 3, 10, 20)?;
/// assert_eq!(label, "button #3 at (10, 20)");
///
/// let too_long = try_format_in!(&arena, "{:>100}", "x");
/// assert!(matches!(too_long, Err(ArenaError::CapacityExceeded { .. })));
/// # Ok::<(), ArenaError>(())
/// ```
#[macro_export]
macro_rules! try_format_in {
    ($arena:expr, $($fmt:tt)+) => {
        $crate::ArenaStr::try_from_fmt_in(::core::format_args!($($fmt)+), $arena)
    };
}

/// An empty byte buffer of exactly `capacity` bytes, byte-aligned.
///
/// `ArenaVec` has no public constructor that takes the alignment
/// (`with_capacity_in` always aligns to a cache line), so: a copy of zeros,
/// then cleared, for a capacity up to `ZEROS.len()` (`try_from_slice_in`
/// allocates exactly the slice's length, byte-aligned); above it, a first
/// reservation, which allocates exactly what is asked once that is more than
/// the minimum first capacity (8 bytes). A `pub(crate)` aligned constructor on
/// `ArenaVec` would make this one call.
fn exact_bytes_in<'a>(
    capacity: usize,
    arena: &'a Arena<'a>,
) -> Result<ArenaVec<'a, u8>, ArenaError> {
    const ZEROS: [u8; 64] = [0; 64];
    let mut bytes = if let Some(zeros) = ZEROS.get(..capacity) {
        ArenaVec::try_from_slice_in(zeros, arena)?
    } else {
        let mut bytes = ArenaVec::new_in(arena);
        bytes.try_reserve(capacity)?;
        bytes
    };
    bytes.clear();
    debug_assert_eq!(bytes.capacity(), capacity);
    Ok(bytes)
}

/// A `fmt::Write` that keeps the `ArenaError` that stopped it, which `fmt::Error`
/// cannot carry.
struct RecordingWriter<'a> {
    string: ArenaStr<'a>,
    error: Option<ArenaError>,
}

impl fmt::Write for RecordingWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.string
            .bytes
            .try_extend_from_slice_behind_ref(s.as_bytes())
            .map_err(|err| {
                self.error = Some(err);
                fmt::Error
            })
    }
}

/// Appends through `write!`; a piece that does not fit is `fmt::Error` and is
/// not written (earlier pieces stay). Use [`try_format_in!`](crate::try_format_in) to
/// learn which [`ArenaError`] it was.
impl fmt::Write for ArenaStr<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        // `write!` reaches this through a pointer: see
        // `try_extend_from_slice_behind_ref`.
        self.bytes
            .try_extend_from_slice_behind_ref(s.as_bytes())
            .map_err(|_| fmt::Error)
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

/// Borrows the string as a mutable `str`, for code generic over
/// `BorrowMut<str>`.
///
/// # Examples
///
/// ```
/// use std::borrow::BorrowMut;
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let mut s = ArenaStr::from_str_in("abc", &arena);
/// let text: &mut str = s.borrow_mut();
/// text.make_ascii_uppercase();
/// assert_eq!(s, "ABC");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl BorrowMut<str> for ArenaStr<'_> {
    fn borrow_mut(&mut self) -> &mut str {
        self.as_mut_str()
    }
}

/// A copy in the same arena, as [`try_clone`](ArenaStr::try_clone); panics
/// with the [`ArenaError`]'s message when the arena runs out.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let s = ArenaStr::from_str_in("abc", &arena);
/// let mut copy = s.clone();
/// copy.push('d');
/// assert_eq!((s.as_str(), copy.as_str()), ("abc", "abcd"));
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl Clone for ArenaStr<'_> {
    #[track_caller]
    fn clone(&self) -> Self {
        unwrap(self.try_clone())
    }
}

/// Appends every `char`, copied; panics when the arena runs out.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let mut s = ArenaStr::from_str_in("ab", &arena);
/// s.extend(&['c', 'd']);
/// assert_eq!(s, "abcd");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<'c> Extend<&'c char> for ArenaStr<'_> {
    #[track_caller]
    fn extend<I: IntoIterator<Item = &'c char>>(&mut self, iter: I) {
        self.extend(iter.into_iter().copied());
    }
}

/// `string + "text"`: appends as [`push_str`](ArenaStr::push_str) does, and
/// panics as it does when the arena runs out.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let greeting = ArenaStr::from_str_in("hello", &arena) + ", " + "world";
/// assert_eq!(greeting, "hello, world");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<'a> Add<&str> for ArenaStr<'a> {
    type Output = ArenaStr<'a>;

    #[inline]
    #[track_caller]
    fn add(mut self, rhs: &str) -> ArenaStr<'a> {
        self.push_str(rhs);
        self
    }
}

/// `string += "text"`: appends as [`push_str`](ArenaStr::push_str) does, and
/// panics as it does when the arena runs out.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let mut path = ArenaStr::from_str_in("/usr", &arena);
/// path += "/lib";
/// assert_eq!(path, "/usr/lib");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl AddAssign<&str> for ArenaStr<'_> {
    #[inline]
    #[track_caller]
    fn add_assign(&mut self, rhs: &str) {
        self.push_str(rhs);
    }
}

/// Compares the text with a `String`'s.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let s = ArenaStr::from_str_in("abc", &arena);
/// assert_eq!(s, String::from("abc"));
/// assert_ne!(s, String::from("ab"));
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[cfg(feature = "alloc")]
impl PartialEq<alloc::string::String> for ArenaStr<'_> {
    #[inline]
    fn eq(&self, other: &alloc::string::String) -> bool {
        self.as_str() == other.as_str()
    }
}

/// Compares a `String`'s text with the arena string's.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// assert_eq!(String::from("abc"), ArenaStr::from_str_in("abc", &arena));
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[cfg(feature = "alloc")]
impl PartialEq<ArenaStr<'_>> for alloc::string::String {
    #[inline]
    fn eq(&self, other: &ArenaStr<'_>) -> bool {
        self.as_str() == other.as_str()
    }
}

/// Compares the text with a `Cow<str>`'s, borrowed or owned.
///
/// # Examples
///
/// ```
/// use std::borrow::Cow;
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let s = ArenaStr::from_str_in("abc", &arena);
/// assert_eq!(s, Cow::Borrowed("abc"));
/// assert_eq!(s, Cow::<str>::Owned(String::from("abc")));
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[cfg(feature = "alloc")]
impl PartialEq<alloc::borrow::Cow<'_, str>> for ArenaStr<'_> {
    #[inline]
    fn eq(&self, other: &alloc::borrow::Cow<'_, str>) -> bool {
        self.as_str() == &**other
    }
}

/// Compares a `Cow<str>`'s text with the arena string's.
///
/// # Examples
///
/// ```
/// use std::borrow::Cow;
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// assert_eq!(Cow::Borrowed("abc"), ArenaStr::from_str_in("abc", &arena));
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[cfg(feature = "alloc")]
impl PartialEq<ArenaStr<'_>> for alloc::borrow::Cow<'_, str> {
    #[inline]
    fn eq(&self, other: &ArenaStr<'_>) -> bool {
        &**self == other.as_str()
    }
}
