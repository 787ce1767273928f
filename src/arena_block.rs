//! [`ArenaBlock`] and [`StaticArenaBlock`]: cache-line-aligned memory for an
//! [`Arena`] on the stack or in a `static`, with no heap.

#[cfg(target_has_atomic = "8")]
use core::cell::UnsafeCell;
use core::fmt;
use core::mem::MaybeUninit;
use core::ops::{Deref, DerefMut};
#[cfg(target_has_atomic = "8")]
use core::sync::atomic::{AtomicBool, Ordering};

#[cfg(target_has_atomic = "8")]
use crate::arena::unwrap;
use crate::arena::Arena;
#[cfg(target_has_atomic = "8")]
use crate::error::ArenaError;

/// `N` bytes of uninitialised memory aligned to a 64-byte cache line: the
/// block an [`Arena`] runs over when it should not touch the heap.
///
/// Its start is aligned to the arena's default cache line, so the arena uses
/// every byte (`capacity() == N`), and it is `const`-constructible. Pass it to
/// [`Arena::new`] (it derefs to `[MaybeUninit<u8>]`) or call
/// [`arena`](ArenaBlock::arena), which cannot fail. For a `static`, see
/// [`StaticArenaBlock`].
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaBlock};
///
/// let mut block = ArenaBlock::<4096>::new();
/// let arena = Arena::try_new(&mut block)?;
/// assert_eq!(arena.capacity(), 4096);
/// assert_eq!(arena.alloc_str("on the stack"), "on the stack");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[repr(C, align(64))]
pub struct ArenaBlock<const N: usize> {
    bytes: [MaybeUninit<u8>; N],
}

impl<const N: usize> ArenaBlock<N> {
    /// An uninitialised block of `N` bytes; usable in a `const` or `static`
    /// initialiser.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::ArenaBlock;
    ///
    /// const EMPTY: ArenaBlock<256> = ArenaBlock::new();
    /// let block = EMPTY;
    /// assert_eq!(block.len(), 256);
    /// assert_eq!(&block as *const _ as usize % 64, 0);
    /// ```
    pub const fn new() -> ArenaBlock<N> {
        ArenaBlock {
            bytes: [MaybeUninit::uninit(); N],
        }
    }

    /// The block's size in bytes, `N`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::ArenaBlock;
    ///
    /// assert_eq!(ArenaBlock::<100>::new().len(), 100);
    /// ```
    #[expect(
        clippy::len_without_is_empty,
        reason = "`N` is a constant; `is_empty` would only say whether `N == 0`"
    )]
    pub const fn len(&self) -> usize {
        N
    }

    /// An arena over the whole block, with the default 64-byte cache line:
    /// its capacity is exactly `N`.
    ///
    /// A block of zero bytes does not compile (an arena needs at least one).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::ArenaBlock;
    ///
    /// let mut block = ArenaBlock::<1024>::new();
    /// let mut arena = block.arena();
    /// assert_eq!(arena.capacity(), 1024);
    /// assert_eq!(*arena.alloc(7u32), 7);
    /// arena.reset();
    /// assert_eq!(arena.used(), 0);
    /// ```
    pub fn arena(&mut self) -> Arena<'_> {
        const { assert!(N > 0, "an `ArenaBlock` needs at least one byte") };
        match Arena::try_new(&mut self.bytes) {
            Ok(arena) => arena,
            // The start is aligned to 64, the default cache line, and `N > 0`.
            Err(err) => unreachable!("an `ArenaBlock` is a valid arena block: {err}"),
        }
    }
}

impl<const N: usize> Default for ArenaBlock<N> {
    fn default() -> ArenaBlock<N> {
        ArenaBlock::new()
    }
}

impl<const N: usize> Deref for ArenaBlock<N> {
    type Target = [MaybeUninit<u8>];

    fn deref(&self) -> &[MaybeUninit<u8>] {
        &self.bytes
    }
}

impl<const N: usize> DerefMut for ArenaBlock<N> {
    fn deref_mut(&mut self) -> &mut [MaybeUninit<u8>] {
        &mut self.bytes
    }
}

impl<const N: usize> AsMut<[MaybeUninit<u8>]> for ArenaBlock<N> {
    fn as_mut(&mut self) -> &mut [MaybeUninit<u8>] {
        &mut self.bytes
    }
}

impl<const N: usize> fmt::Debug for ArenaBlock<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArenaBlock").field("len", &N).finish()
    }
}

/// An [`ArenaBlock`] in a `static`, handed out once as `&'static mut`: an
/// arena for the whole program with no heap and no `unsafe`, for `no_std`
/// targets (the way the `static_cell` crate hands out its cell).
///
/// # Examples
///
/// ```
/// use arena_memory::{ArenaError, StaticArenaBlock};
///
/// static MEMORY: StaticArenaBlock<8192> = StaticArenaBlock::new();
///
/// let block = MEMORY.take();
/// let arena = block.arena();
/// assert_eq!(arena.capacity(), 8192);
/// assert_eq!(MEMORY.try_take().unwrap_err(), ArenaError::BlockTaken);
/// ```
#[cfg(target_has_atomic = "8")]
pub struct StaticArenaBlock<const N: usize> {
    taken: AtomicBool,
    block: UnsafeCell<ArenaBlock<N>>,
}

// SAFETY: the only access to `block` is the `&'static mut` that `try_take`
// hands out, at most once (guarded by the atomic swap of `taken`), so no two
// threads ever reach the bytes through a shared `StaticArenaBlock`.
#[cfg(target_has_atomic = "8")]
unsafe impl<const N: usize> Sync for StaticArenaBlock<N> {}

#[cfg(target_has_atomic = "8")]
impl<const N: usize> StaticArenaBlock<N> {
    /// A block not taken yet, for a `static` initialiser.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::StaticArenaBlock;
    ///
    /// static MEMORY: StaticArenaBlock<1024> = StaticArenaBlock::new();
    /// assert!(!MEMORY.is_taken());
    /// ```
    pub const fn new() -> StaticArenaBlock<N> {
        StaticArenaBlock {
            taken: AtomicBool::new(false),
            block: UnsafeCell::new(ArenaBlock::new()),
        }
    }

    /// The block, the first time this is called; every later call fails.
    ///
    /// # Errors
    ///
    /// [`ArenaError::BlockTaken`] if the block was taken before.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{ArenaError, StaticArenaBlock};
    ///
    /// static MEMORY: StaticArenaBlock<512> = StaticArenaBlock::new();
    /// let block = MEMORY.try_take()?;
    /// assert_eq!(block.len(), 512);
    /// assert!(MEMORY.try_take().is_err());
    /// # Ok::<(), ArenaError>(())
    /// ```
    #[expect(
        clippy::mut_from_ref,
        reason = "the `&mut` is handed out once, guarded by an atomic flag, as static_cell does"
    )]
    pub fn try_take(&'static self) -> Result<&'static mut ArenaBlock<N>, ArenaError> {
        if self.taken.swap(true, Ordering::AcqRel) {
            return Err(ArenaError::BlockTaken);
        }
        // SAFETY: `taken` was false and is now true: this is the one call that
        // gets here, so the `&mut` is unique for `'static`; the cell lives in
        // `self`, which is `'static`.
        Ok(unsafe { &mut *self.block.get() })
    }

    /// The block, as [`try_take`](StaticArenaBlock::try_take).
    ///
    /// # Panics
    ///
    /// If the block was taken before, with [`ArenaError::BlockTaken`]'s
    /// message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::StaticArenaBlock;
    ///
    /// static MEMORY: StaticArenaBlock<256> = StaticArenaBlock::new();
    /// let arena = MEMORY.take().arena();
    /// assert_eq!(*arena.alloc(1u16), 1);
    /// ```
    #[track_caller]
    pub fn take(&'static self) -> &'static mut ArenaBlock<N> {
        unwrap(self.try_take())
    }

    /// Whether the block was taken.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::StaticArenaBlock;
    ///
    /// static MEMORY: StaticArenaBlock<64> = StaticArenaBlock::new();
    /// let _block = MEMORY.take();
    /// assert!(MEMORY.is_taken());
    /// ```
    pub fn is_taken(&self) -> bool {
        self.taken.load(Ordering::Acquire)
    }
}

#[cfg(target_has_atomic = "8")]
impl<const N: usize> Default for StaticArenaBlock<N> {
    fn default() -> StaticArenaBlock<N> {
        StaticArenaBlock::new()
    }
}

#[cfg(target_has_atomic = "8")]
impl<const N: usize> fmt::Debug for StaticArenaBlock<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StaticArenaBlock")
            .field("len", &N)
            .field("taken", &self.is_taken())
            .finish()
    }
}
