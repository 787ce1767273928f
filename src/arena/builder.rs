//! [`ArenaBuilder`]: an arena with options.

use core::mem::MaybeUninit;
use core::ptr::NonNull;

use super::block::Backing;
use super::growth::Growth;
use super::{unwrap, Arena};
use crate::bumping;
use crate::error::ArenaError;

/// Builds an [`Arena`] with options; made by [`Arena::builder`].
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaError};
///
/// let arena = Arena::builder().cache_line_size(128).try_with_capacity(4096)?;
/// assert_eq!(arena.cache_line_size(), 128);
///
/// let err = Arena::builder().cache_line_size(3).try_with_capacity(4096).unwrap_err();
/// assert_eq!(err, ArenaError::InvalidCacheLineSize { size: 3 });
/// # Ok::<(), ArenaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use = "a builder does nothing until `build` or `with_capacity`"]
pub struct ArenaBuilder {
    cache_line_size: usize,
    growth: Growth,
}

impl ArenaBuilder {
    /// The cache-line size an arena's start is aligned to unless told otherwise.
    pub const DEFAULT_CACHE_LINE_SIZE: usize = 64;

    /// The largest cache-line size accepted: a page.
    pub const MAX_CACHE_LINE_SIZE: usize = 4096;

    /// A builder with the default options (same as [`Arena::builder`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::ArenaBuilder;
    ///
    /// let arena = ArenaBuilder::new().try_with_capacity(100)?;
    /// assert_eq!(arena.cache_line_size(), ArenaBuilder::DEFAULT_CACHE_LINE_SIZE);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub const fn new() -> ArenaBuilder {
        ArenaBuilder {
            cache_line_size: Self::DEFAULT_CACHE_LINE_SIZE,
            growth: Growth::Fixed,
        }
    }

    /// The alignment of the arena's start, and of its children's starts: a power
    /// of two up to [`MAX_CACHE_LINE_SIZE`](Self::MAX_CACHE_LINE_SIZE); checked
    /// when the arena is built.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::builder().cache_line_size(1).try_with_capacity(10)?;
    /// assert_eq!(arena.capacity(), 10);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub const fn cache_line_size(mut self, size: usize) -> ArenaBuilder {
        self.cache_line_size = size;
        self
    }

    /// What the arena does when it runs out of room: fail (the default,
    /// [`Growth::Fixed`]) or take overflow chunks from the global allocator
    /// (see [`Growth`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::builder().growth(Growth::UNLIMITED).try_with_capacity(256)?;
    /// let big = arena.alloc_bytes(4096); // more than the block
    /// assert_eq!(big.len(), 4096);
    /// assert_eq!(arena.growth(), Growth::UNLIMITED);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub const fn growth(mut self, growth: Growth) -> ArenaBuilder {
        self.growth = growth;
        self
    }

    fn checked_cache_line(&self) -> Result<usize, ArenaError> {
        if bumping::valid_cache_line(self.cache_line_size, Self::MAX_CACHE_LINE_SIZE) {
            Ok(self.cache_line_size)
        } else {
            Err(ArenaError::InvalidCacheLineSize {
                size: self.cache_line_size,
            })
        }
    }

    /// An arena over the caller's block; see [`Arena::new`].
    ///
    /// # Errors
    ///
    /// [`ArenaError::InvalidCacheLineSize`], then as for [`Arena::new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    /// use core::mem::MaybeUninit;
    ///
    /// let mut block = [MaybeUninit::uninit(); 512];
    /// let arena = Arena::builder().cache_line_size(1).try_build(&mut block)?;
    /// assert_eq!(arena.capacity(), 512);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_build(self, memory: &mut [MaybeUninit<u8>]) -> Result<Arena<'_>, ArenaError> {
        let cache_line = self.checked_cache_line()?;
        let len = memory.len();
        let block = NonNull::from(memory).cast::<u8>();
        // SAFETY: `block` is the caller's `&mut [MaybeUninit<u8>]` of `len`
        // bytes, borrowed for the arena's lifetime; any bytes may be left in it.
        unsafe { Arena::from_raw_block(block, len, cache_line, self.growth, Backing::Borrowed) }
    }

    /// An arena over an owned block of at least `bytes` usable bytes from the
    /// global allocator; see [`Arena::with_capacity`].
    ///
    /// # Errors
    ///
    /// [`ArenaError::InvalidCacheLineSize`], then as for
    /// [`Arena::with_capacity`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::builder().cache_line_size(256).try_with_capacity(1000)?;
    /// assert!(arena.capacity() >= 1000);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn try_with_capacity(self, bytes: usize) -> Result<Arena<'static>, ArenaError> {
        use super::block::OwnedBlock;
        use core::alloc::Layout;

        let cache_line = self.checked_cache_line()?;
        if bytes == 0 {
            return Err(ArenaError::EmptyMemory);
        }
        let layout = Layout::from_size_align(bytes, cache_line)
            .map_err(|_| ArenaError::SizeOverflow)?
            .pad_to_align();
        let block =
            OwnedBlock::allocate(layout).ok_or(ArenaError::OutOfMemory { requested: bytes })?;
        let ptr = block.ptr();
        // SAFETY: `ptr` is a fresh block of `layout.size()` bytes that `Backing`
        // owns and frees when the arena drops.
        unsafe {
            Arena::from_raw_block(
                ptr,
                layout.size(),
                cache_line,
                self.growth,
                Backing::Owned(block),
            )
        }
    }
}

impl ArenaBuilder {
    /// An arena over the caller's block, as [`try_build`](ArenaBuilder::try_build).
    ///
    /// # Panics
    ///
    /// When `try_build` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaBlock};
    ///
    /// let mut block = ArenaBlock::<256>::new();
    /// let arena = Arena::builder().cache_line_size(32).build(&mut block);
    /// assert_eq!(arena.capacity(), 256);
    /// ```
    #[track_caller]
    pub fn build(self, memory: &mut [MaybeUninit<u8>]) -> Arena<'_> {
        unwrap(self.try_build(memory))
    }

    /// An arena over an owned block, as
    /// [`try_with_capacity`](ArenaBuilder::try_with_capacity).
    ///
    /// # Panics
    ///
    /// When `try_with_capacity` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::builder().growth(Growth::UNLIMITED).with_capacity(1024);
    /// assert_eq!(arena.growth(), Growth::UNLIMITED);
    /// ```
    #[cfg(feature = "alloc")]
    #[track_caller]
    pub fn with_capacity(self, bytes: usize) -> Arena<'static> {
        unwrap(self.try_with_capacity(bytes))
    }
}

impl Default for ArenaBuilder {
    fn default() -> ArenaBuilder {
        ArenaBuilder::new()
    }
}
