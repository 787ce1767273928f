//! [`Arena`]: one block of memory carved by a bump pointer, with persistent and
//! ephemeral regions.
#![expect(
    clippy::mut_from_ref,
    reason = "an arena hands out fresh, disjoint memory through `&self`, as bumpalo does"
)]

mod allocation;
mod allocator;
mod block;
mod builder;
mod figures;
mod growth;
mod overflow;
mod regions;
mod split;

use core::alloc::Layout;
use core::cell::Cell;
use core::fmt;
use core::marker::PhantomData;
use core::mem::{self, MaybeUninit};
use core::ptr::{self, NonNull};
use core::sync::atomic::Ordering;

pub use builder::ArenaBuilder;
pub use growth::Growth;

use crate::bumping;
use crate::error::ArenaError;
use crate::pod::ArenaPod;
use block::{Backing, ChildLink};
use overflow::{Overflow, Refused};

/// A bump arena over one block of memory that lives for `'m`.
///
/// Allocation moves a pointer forward through the block; nothing is freed one by
/// one. Everything is given back at once by [`reset`](Arena::reset), which moves
/// the pointer back to the start in O(1) and runs no destructors (the arena only
/// holds `Copy` values).
///
/// # Persistent and ephemeral regions
///
/// [`ephemeral`](Arena::ephemeral) marks everything allocated so far as
/// *persistent* and returns a child `Arena` over the rest of the block. A frame
/// allocates from the child and resets it; the borrow checker refuses any use of
/// an ephemeral reference after that reset, while persistent references (which
/// borrow the parent) stay valid across any number of child resets.
///
/// ```
/// use arena_memory::Arena;
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let frames_seen = arena.alloc(0u64); // persistent
/// let mut frame = arena.try_ephemeral()?;
/// for _ in 0..3 {
///     let label = frame.alloc_str("hello"); // ephemeral
///     assert_eq!(label, "hello");
///     *frames_seen += 1;
///     frame.reset(); // `label` can no longer be used
/// }
/// drop(frame);
/// assert_eq!(*frames_seen, 3);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
///
/// # Errors instead of panics
///
/// Every `try_*` method returns [`ArenaError`] and leaves the arena unchanged on
/// failure; its twin without `try_` panics with the error's message.
///
/// # Threads
///
/// An `Arena` is [`Send`] (it can move to another thread, children included) but
/// not [`Sync`]: it allocates through `&self`, so two threads may not share one.
///
/// # Parallel frames
///
/// [`split`](Arena::split) lends a frame's free memory to `n` worker arenas,
/// one per thread, as [`Workers`](crate::Workers). Each is an ordinary
/// `Arena` with the same fast path; when it runs out it takes the next chunk
/// of the frame's pool with one atomic operation. What a thread allocates in
/// its worker is read after the join; dropping the workers unseals the frame,
/// whose next reset takes everything back in O(1).
///
/// ```
/// use arena_memory::{Arena, ArenaVec};
///
/// let mut frame = Arena::try_with_capacity(64 * 1024)?;
/// let mut workers = frame.try_split(2)?;
/// let halves: Vec<&[u32]> = std::thread::scope(|s| {
///     let handles: Vec<_> = workers
///         .iter_mut()
///         .zip([0..50, 50..100])
///         .map(|(worker, range)| {
///             s.spawn(move || &*ArenaVec::from_iter_in(range.map(|i| i * i), worker).into_slice())
///         })
///         .collect();
///     handles.into_iter().map(|h| h.join().unwrap()).collect()
/// });
/// assert_eq!(halves[1][0], 2500);
/// drop(workers);
/// frame.reset();
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
///
/// # Fixed by default, growing on request
///
/// By default an arena is Clay's fixed block: an allocation that does not fit
/// is an error. With a [`Growth`] policy ([`ArenaBuilder::growth`],
/// [`Arena::ephemeral_with`]) a frame that needs more takes overflow chunks from
/// the global allocator (in the slow path only: the hot path is the same), and
/// the next [`reset`](Arena::reset) keeps one block sized for that frame.
///
/// # Memory that is borrowed or owned
///
/// [`Arena::with_capacity`] owns a block from the global allocator and frees it on
/// drop. [`Arena::new`] borrows the caller's block: an
/// [`ArenaBlock`](crate::ArenaBlock) on the stack, a
/// [`StaticArenaBlock`](crate::StaticArenaBlock), or any `[MaybeUninit<u8>]`.
// `repr(C)`: the fields the hot path touches (`cur`, `limit`, `region`) come
// first and the cold ones (`overflow`, `original`) last, so that the workers
// of a split, which lie side by side in the frame (`split.rs`, starting on a
// cache line), write their bump pointers to lines no other worker's hot path
// uses.
#[repr(C)]
pub struct Arena<'m> {
    /// The bump pointer: the next free byte of the current region.
    /// `region.0 <= cur <= region.1`.
    cur: Cell<NonNull<u8>>,
    /// How far the bump pointer may go: the region's end, or `cur` at the time
    /// of sealing while a child has the rest.
    limit: Cell<NonNull<u8>>,
    /// The region the bump pointer is in: the home block `[start, end)`, or an
    /// overflow chunk of a growing arena.
    region: Cell<(NonNull<u8>, NonNull<u8>)>,
    /// The bytes used in earlier regions since the last reset (0 while the
    /// home block is the region).
    used_before: Cell<usize>,
    /// The home block's first usable byte, aligned to `cache_line`. Every frame
    /// starts here. Changes only through `&mut self` (a growing arena's reset).
    start: NonNull<u8>,
    /// One past the home block's last usable byte.
    end: NonNull<u8>,
    /// The highest `used()` of the frames before this one (folded in by each
    /// reset); the live figure is `max(peak, frame_peak, used(), child's)`.
    peak: Cell<usize>,
    /// The highest `used()` recorded since the last reset (at shrinks and
    /// unseals): what the next frame's block must hold.
    frame_peak: Cell<usize>,
    /// Whether a child (or a split's workers) was made and the parent has not
    /// seen it dropped yet.
    sealed: Cell<Seal>,
    /// The largest alignment above [`bumping::UNTRACKED_ALIGN`] requested
    /// here or in a dropped child (else 0): how far a frame's layout can
    /// shift with the block's start, for [`recommended_capacity`] and for
    /// the block a growing arena settles on.
    ///
    /// [`recommended_capacity`]: Arena::recommended_capacity
    max_align: Cell<usize>,
    /// The alignment of `start`, given to children too.
    cache_line: usize,
    /// What a child of this arena reports back through.
    link: ChildLink,
    /// The parent's link, for a child; with the offset of `start` in the parent
    /// (0 for a split's workers, which do not report a peak through it).
    parent: Option<(&'m ChildLink, usize)>,
    /// Who owns the block, what to do with it on drop, and whether this is a
    /// split's worker (read in the slow path and on drop, with or without
    /// `alloc`).
    backing: Backing,
    /// A growing arena's overflow chunks and right-sized block.
    overflow: Overflow,
    /// The home block's capacity when the arena was made.
    #[cfg(feature = "alloc")]
    initial_capacity: usize,
    _memory: PhantomData<&'m mut [MaybeUninit<u8>]>,
}

// SAFETY: an `Arena` owns its block or holds the unique borrow of it (`&'m mut`),
// owns its overflow chunks and grown block, and its raw pointers point only into
// those, so moving it to another thread moves nothing shared with this one. The
// one thing a child shares with its parent, `ChildLink`, is made of atomics, and
// the parent cannot be used from another thread while the child borrows it
// (`Arena` is not `Sync`). The workers of a split (`Arena::split`) share their
// frame's `ChildLink` with each other and the frame: atomics again, and the pool
// chunks each takes from it are disjoint (handed out by one compare-exchange on
// the pool's cursor, see `split.rs`), so a worker on another thread touches no
// byte another worker or the frame touches.
unsafe impl Send for Arena<'_> {}

/// Whether an arena's free memory is lent out, and to whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seal {
    /// Not lent: the arena allocates.
    Open,
    /// Lent to one ephemeral child (`ephemeral*`).
    Child,
    /// Lent to the workers of a split: when the last is dropped, the bump
    /// pointer moves past every pool chunk handed out (`split.rs`).
    Split,
}

impl Arena<'static> {
    /// An arena over an owned block of at least `bytes` usable bytes from the
    /// global allocator, aligned to 64 bytes; freed when the arena is dropped.
    ///
    /// Use [`Arena::builder`] for another cache-line size.
    ///
    /// # Errors
    ///
    /// [`ArenaError::EmptyMemory`] for zero bytes, [`ArenaError::SizeOverflow`] if
    /// `bytes` rounded up to the cache line exceeds `isize::MAX`, and
    /// [`ArenaError::OutOfMemory`] if the global allocator fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(1 << 20)?;
    /// assert!(arena.capacity() >= 1 << 20);
    /// assert_eq!(arena.used(), 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn try_with_capacity(bytes: usize) -> Result<Arena<'static>, ArenaError> {
        ArenaBuilder::new().try_with_capacity(bytes)
    }

    /// An arena over an owned block of at least `bytes` usable bytes, as
    /// [`try_with_capacity`](Arena::try_with_capacity).
    ///
    /// # Panics
    ///
    /// When `try_with_capacity` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(4096);
    /// assert!(arena.capacity() >= 4096);
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    #[track_caller]
    pub fn with_capacity(bytes: usize) -> Arena<'static> {
        unwrap(Arena::try_with_capacity(bytes))
    }
}

impl<'m> Arena<'m> {
    /// An arena over the caller's block: an [`ArenaBlock`] on the stack or in a
    /// `static` ([`StaticArenaBlock`]), or any `[MaybeUninit<u8>]`.
    ///
    /// The usable start is the first address in `memory` aligned to 64 bytes (the
    /// default cache line; see [`Arena::builder`]), so up to 63 bytes may go
    /// unused; an [`ArenaBlock`] is aligned already and loses none.
    ///
    /// The arena may leave uninitialised bytes in `memory` (the padding of the
    /// values stored there), which is why it takes `MaybeUninit<u8>`: nothing
    /// can read them as `u8` afterwards, even if the arena is leaked with
    /// [`core::mem::forget`].
    ///
    /// # Memory you hold as `&mut [u8]`
    ///
    /// For a block you hold as initialised bytes (an mmap, a `Vec<u8>`),
    /// convert it yourself, with `unsafe`: the promise is that you do not read
    /// those bytes as `u8` again until you have written them (for example with
    /// `fill(0)`) after the arena is gone. The crate cannot make that promise
    /// for you: a leaked arena runs no code, so no destructor can re-initialise
    /// the bytes.
    ///
    /// ```
    /// use arena_memory::Arena;
    /// use core::mem::MaybeUninit;
    ///
    /// let mut bytes = vec![0u8; 4096];
    /// {
    ///     let block: &mut [u8] = &mut bytes;
    ///     // SAFETY: `bytes` is written over (below) before it is read again.
    ///     let block = unsafe { &mut *(block as *mut [u8] as *mut [MaybeUninit<u8>]) };
    ///     let arena = Arena::try_new(block)?;
    ///     arena.alloc((1u8, 2u32)); // 3 bytes of uninitialised padding
    /// }
    /// bytes.fill(0);
    /// assert!(bytes.iter().all(|&b| b == 0));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ///
    /// For memory you hold as a raw pointer, build the slice as
    /// `core::slice::from_raw_parts_mut(ptr.cast::<MaybeUninit<u8>>(), len)`.
    ///
    /// # Errors
    ///
    /// [`ArenaError::EmptyMemory`] for an empty slice;
    /// [`ArenaError::InsufficientSpaceForAlignment`] if no byte of `memory` is
    /// left after aligning its start.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaBlock};
    /// use core::mem::MaybeUninit;
    ///
    /// let mut block = ArenaBlock::<1024>::new();
    /// let arena = Arena::try_new(&mut block)?;
    /// assert_eq!(arena.capacity(), 1024);
    /// assert_eq!(*arena.alloc(7u32), 7);
    ///
    /// let mut bytes = [MaybeUninit::<u8>::uninit(); 4096];
    /// let arena = Arena::try_new(&mut bytes)?;
    /// assert!(arena.capacity() > 4096 - 64);
    /// assert_eq!(arena.alloc_str("hi"), "hi");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ///
    /// [`ArenaBlock`]: crate::ArenaBlock
    /// [`StaticArenaBlock`]: crate::StaticArenaBlock
    pub fn try_new(memory: &'m mut [MaybeUninit<u8>]) -> Result<Arena<'m>, ArenaError> {
        ArenaBuilder::new().try_build(memory)
    }

    /// An arena over the caller's block, as [`try_new`](Arena::try_new).
    ///
    /// # Panics
    ///
    /// When `try_new` would return an error (an empty block, or one with no
    /// byte left after aligning its start), with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaBlock};
    ///
    /// let mut block = ArenaBlock::<512>::new();
    /// let arena = Arena::new(&mut block);
    /// assert_eq!(arena.capacity(), 512);
    /// ```
    #[track_caller]
    pub fn new(memory: &'m mut [MaybeUninit<u8>]) -> Arena<'m> {
        unwrap(Arena::try_new(memory))
    }

    /// A builder for an arena with options: the cache-line size its start (and
    /// its children's starts) are aligned to.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::builder().cache_line_size(128).try_with_capacity(1000)?;
    /// assert_eq!(arena.cache_line_size(), 128);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn builder() -> ArenaBuilder {
        ArenaBuilder::new()
    }

    /// Assembles an arena over `[block, block + len)`, its start aligned to
    /// `cache_line`.
    ///
    /// # Safety
    ///
    /// - `block` is valid for reads and writes of `len` bytes for `'m`, and nothing
    ///   else uses those bytes during `'m` but through this arena.
    /// - `backing` describes who owns the block, and if it is owned, it is this
    ///   very block.
    unsafe fn from_raw_block(
        block: NonNull<u8>,
        len: usize,
        cache_line: usize,
        growth: Growth,
        backing: Backing,
    ) -> Result<Arena<'m>, ArenaError> {
        if len == 0 {
            return Err(ArenaError::EmptyMemory);
        }
        // `align_offset` (not address rounding) so that Miri's symbolic alignment
        // check can follow the proof; it may answer `usize::MAX` for "cannot".
        // Cut a block that reaches into the top of the address space short, so
        // the hot path's arithmetic cannot wrap (see `bumping::TOP_SLACK`).
        let len = bumping::usable_len(block.as_ptr().addr(), len);
        let pad = block.as_ptr().align_offset(cache_line);
        if pad >= len {
            return Err(ArenaError::InsufficientSpaceForAlignment {
                alignment: cache_line,
                available: len,
            });
        }
        // SAFETY: `pad < len`, so `block + pad` and `block + len` are in (or one
        // past) the block, which is one allocation (precondition 1).
        let (start, end) = unsafe { (block.add(pad), block.add(len)) };
        Ok(Arena::over(start, end, cache_line, None, backing, growth))
    }

    /// The arena over `[start, end)`, whose start is aligned to `cache_line`.
    fn over(
        start: NonNull<u8>,
        end: NonNull<u8>,
        cache_line: usize,
        parent: Option<(&'m ChildLink, usize)>,
        backing: Backing,
        growth: Growth,
    ) -> Arena<'m> {
        debug_assert!(start <= end);
        debug_assert!(start == end || start.as_ptr().addr() % cache_line == 0);
        Arena {
            cur: Cell::new(start),
            limit: Cell::new(end),
            region: Cell::new((start, end)),
            used_before: Cell::new(0),
            start,
            end,
            peak: Cell::new(0),
            frame_peak: Cell::new(0),
            sealed: Cell::new(Seal::Open),
            max_align: Cell::new(0),
            cache_line,
            link: ChildLink::new(),
            parent,
            backing,
            overflow: Overflow::new(growth),
            #[cfg(feature = "alloc")]
            initial_capacity: end.as_ptr().addr() - start.as_ptr().addr(),
            _memory: PhantomData,
        }
    }
}

impl Drop for Arena<'_> {
    fn drop(&mut self) {
        let peak = self.peak();
        if let Some((link, offset)) = self.parent {
            // A worker's chunks are not contiguous from `offset`: the frame
            // counts the pool as a whole instead (`split.rs`).
            if peak > 0 && !matches!(self.backing, Backing::Worker) {
                link.peak.fetch_max(offset + peak, Ordering::Relaxed);
            }
            // Raising to 0 (nothing above 16 asked for) leaves the parent's
            // figure as it is.
            let max_align = self
                .max_align
                .get()
                .max(self.link.max_align.load(Ordering::Relaxed));
            link.max_align.fetch_max(max_align, Ordering::Relaxed);
            if let Backing::Worker = self.backing {
                // One of a split's workers: the frame takes its whole pool
                // back when the last one is gone (`split.rs`).
                link.live.fetch_sub(1, Ordering::Release);
            } else {
                link.live.store(0, Ordering::Release);
            }
        }
        // An owned block is freed by `Backing`'s own drop, after this.
    }
}

impl fmt::Debug for Arena<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Arena")
            .field("capacity", &self.capacity())
            .field("used", &self.used())
            .field("peak", &self.peak())
            .field("cache_line_size", &self.cache_line)
            .field("sealed", &self.is_sealed())
            .field("ephemeral", &self.parent.is_some())
            .field("growth", &self.growth())
            .field("overflow_chunks", &self.overflow_chunks())
            .finish()
    }
}

/// Unwraps an arena result, panicking with the error's message at the caller.
#[inline(always)]
#[track_caller]
pub(crate) fn unwrap<T>(result: Result<T, ArenaError>) -> T {
    match result {
        Ok(value) => value,
        Err(err) => fail(err),
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn fail(err: ArenaError) -> ! {
    panic!("{err}")
}

/// A dangling pointer aligned to `layout.align()`, for zero-sized allocations.
#[inline(always)]
pub(crate) fn dangling_for(layout: Layout) -> NonNull<u8> {
    let ptr = ptr::without_provenance_mut::<u8>(layout.align());
    // SAFETY: an alignment is never zero.
    unsafe { NonNull::new_unchecked(ptr) }
}

/// `&mut [MaybeUninit<T>]` to `&mut [T]`.
///
/// # Safety
///
/// - Every element of `slice` is initialised.
#[inline(always)]
pub(crate) unsafe fn slice_assume_init_mut<T>(slice: &mut [MaybeUninit<T>]) -> &mut [T] {
    // SAFETY: `MaybeUninit<T>` has the layout of `T`, and the caller promises
    // every element is initialised.
    unsafe { &mut *(slice as *mut [MaybeUninit<T>] as *mut [T]) }
}

const _: () = assert!(mem::size_of::<Option<Arena<'static>>>() <= 512);
