//! [`FromUtf8Error`] and [`FromUtf16Error`]: why bytes or UTF-16 code units are
//! not a string.

use core::fmt;
use core::str::Utf8Error;

use crate::vec::ArenaVec;

/// Bytes that are not UTF-8, returned by
/// [`ArenaStr::from_utf8_in`](crate::ArenaStr::from_utf8_in) with the bytes,
/// so that no work is lost (std's `FromUtf8Error`).
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let bytes = ArenaVec::from_slice_in(&[b'o', b'k', 0xFF], &arena);
/// let err = ArenaStr::from_utf8_in(bytes).unwrap_err();
/// assert_eq!(err.utf8_error().valid_up_to(), 2);
/// assert_eq!(err.as_bytes(), [b'o', b'k', 0xFF]);
/// let bytes = err.into_bytes(); // the same buffer, back
/// assert_eq!(bytes.len(), 3);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct FromUtf8Error<'a> {
    pub(super) bytes: ArenaVec<'a, u8>,
    pub(super) error: Utf8Error,
}

impl<'a> FromUtf8Error<'a> {
    /// The bytes that were not UTF-8.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let err = ArenaStr::from_utf8_in(ArenaVec::from_slice_in(&[0xC3], &arena)).unwrap_err();
    /// assert_eq!(err.as_bytes(), [0xC3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.as_slice()
    }

    /// The bytes that were not UTF-8, as the vector they came in.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let bytes = ArenaVec::from_slice_in(&[b'a', 0x80], &arena);
    /// let start = bytes.as_ptr();
    /// let bytes = ArenaStr::from_utf8_in(bytes).unwrap_err().into_bytes();
    /// assert_eq!(bytes.as_ptr(), start);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn into_bytes(self) -> ArenaVec<'a, u8> {
        self.bytes
    }

    /// Where and how the bytes stopped being UTF-8.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let err = ArenaStr::from_utf8_in(ArenaVec::from_slice_in(b"ab\xFFc", &arena)).unwrap_err();
    /// assert_eq!(err.utf8_error().valid_up_to(), 2);
    /// assert_eq!(err.utf8_error().error_len(), Some(1));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn utf8_error(&self) -> Utf8Error {
        self.error
    }
}

/// As [`Utf8Error`]'s: "invalid utf-8 sequence of 1 bytes from index 2".
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let err = ArenaStr::from_utf8_in(ArenaVec::from_slice_in(b"ok\xFF", &arena)).unwrap_err();
/// assert_eq!(err.to_string(), "invalid utf-8 sequence of 1 bytes from index 2");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl fmt::Display for FromUtf8Error<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl core::error::Error for FromUtf8Error<'_> {}

/// UTF-16 code units with an unpaired surrogate, returned by
/// [`ArenaStr::from_utf16_in`](crate::ArenaStr::from_utf16_in) (std's
/// `FromUtf16Error`, with where and which).
///
/// It is not an [`ArenaError`](crate::ArenaError): the input is wrong, not
/// the arena. The `try_` form returns it inside the `Ok` of an arena result.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let err = ArenaStr::from_utf16_in(&[0x61, 0xD800, 0x62], &arena).unwrap_err();
/// assert_eq!(err.valid_up_to(), 1);
/// assert_eq!(err.unpaired_surrogate(), 0xD800);
/// assert_eq!(err.to_string(), "invalid utf-16: lone surrogate 0xD800 at index 1");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FromUtf16Error {
    pub(super) valid_up_to: usize,
    pub(super) unpaired_surrogate: u16,
}

impl FromUtf16Error {
    /// The number of code units before the unpaired surrogate: the index of
    /// the first one that is not part of a character.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// // '😀' is two code units; the lone low surrogate follows it.
    /// let err = ArenaStr::from_utf16_in(&[0xD83D, 0xDE00, 0xDC00], &arena).unwrap_err();
    /// assert_eq!(err.valid_up_to(), 2);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn valid_up_to(&self) -> usize {
        self.valid_up_to
    }

    /// The unpaired surrogate.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let err = ArenaStr::from_utf16_in(&[0xDC00], &arena).unwrap_err();
    /// assert_eq!(err.unpaired_surrogate(), 0xDC00);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn unpaired_surrogate(&self) -> u16 {
        self.unpaired_surrogate
    }
}

/// "invalid utf-16: lone surrogate 0xD800 at index 1", naming the surrogate
/// and where it is (the example on [`FromUtf16Error`] shows it).
impl fmt::Display for FromUtf16Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid utf-16: lone surrogate {:#06X} at index {}",
            self.unpaired_surrogate, self.valid_up_to
        )
    }
}

impl core::error::Error for FromUtf16Error {}
