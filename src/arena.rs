//! [`Arena`]: one block of memory carved by a bump pointer, with persistent and
//! ephemeral regions.
#![expect(
    clippy::mut_from_ref,
    reason = "an arena hands out fresh, disjoint memory through `&self`, as bumpalo does"
)]

mod allocator;
mod block;
mod builder;
mod growth;
mod overflow;

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
/// let arena = Arena::with_capacity(4096)?;
/// let frames_seen = arena.alloc(0u64); // persistent
/// let mut frame = arena.ephemeral()?;
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
    /// The highest `used()` recorded so far (at resets, rollbacks and unseals);
    /// the live figure is `max(peak, used())`.
    peak: Cell<usize>,
    /// The same since the last reset: what the next frame's block must hold.
    frame_peak: Cell<usize>,
    /// Whether a child was made and the parent has not seen it dropped yet.
    sealed: Cell<bool>,
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
    /// The parent's link, for a child; with the offset of `start` in the parent.
    parent: Option<(&'m ChildLink, usize)>,
    /// Who owns the block, and what to do with it on drop.
    backing: Backing,
    /// A growing arena's overflow chunks and right-sized block.
    overflow: Overflow,
    /// The home block's capacity when the arena was made.
    #[cfg(feature = "alloc")]
    initial_capacity: usize,
    /// The block a borrowed arena or a child was made over, to return to in
    /// `shrink_to_fit`; `None` for an owned block.
    #[cfg(feature = "alloc")]
    original: Option<(NonNull<u8>, NonNull<u8>)>,
    _memory: PhantomData<&'m mut [MaybeUninit<u8>]>,
}

// SAFETY: an `Arena` owns its block or holds the unique borrow of it (`&'m mut`),
// owns its overflow chunks and grown block, and its raw pointers point only into
// those, so moving it to another thread moves nothing shared with this one. The one thing a child shares with its
// parent, `ChildLink`, is made of atomics, and the parent cannot be used from
// another thread while the child borrows it (`Arena` is not `Sync`).
unsafe impl Send for Arena<'_> {}

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
    /// let arena = Arena::with_capacity(1 << 20)?;
    /// assert!(arena.capacity() >= 1 << 20);
    /// assert_eq!(arena.used(), 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[cfg(feature = "alloc")]
    pub fn with_capacity(bytes: usize) -> Result<Arena<'static>, ArenaError> {
        ArenaBuilder::new().with_capacity(bytes)
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
    ///     let arena = Arena::new(block)?;
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
    /// let arena = Arena::new(&mut block)?;
    /// assert_eq!(arena.capacity(), 1024);
    /// assert_eq!(*arena.alloc(7u32), 7);
    ///
    /// let mut bytes = [MaybeUninit::<u8>::uninit(); 4096];
    /// let arena = Arena::new(&mut bytes)?;
    /// assert!(arena.capacity() > 4096 - 64);
    /// assert_eq!(arena.alloc_str("hi"), "hi");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ///
    /// [`ArenaBlock`]: crate::ArenaBlock
    /// [`StaticArenaBlock`]: crate::StaticArenaBlock
    pub fn new(memory: &'m mut [MaybeUninit<u8>]) -> Result<Arena<'m>, ArenaError> {
        ArenaBuilder::new().build(memory)
    }

    /// A builder for an arena with options: the cache-line size its start (and
    /// its children's starts) are aligned to.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::builder().cache_line_size(128).with_capacity(1000)?;
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
        backing: impl FnOnce(NonNull<u8>, usize) -> Backing,
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
        let backing = backing(start, len - pad);
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
            sealed: Cell::new(false),
            max_align: Cell::new(0),
            cache_line,
            link: ChildLink::new(),
            parent,
            #[cfg(feature = "alloc")]
            original: match backing {
                #[cfg(feature = "alloc")]
                Backing::Owned(_) => None,
                _ => Some((start, end)),
            },
            backing,
            overflow: Overflow::new(growth),
            #[cfg(feature = "alloc")]
            initial_capacity: end.as_ptr().addr() - start.as_ptr().addr(),
            _memory: PhantomData,
        }
    }

    // ----- allocation ----------------------------------------------------------

    /// Allocates `value` and returns a mutable reference to it, aligned to
    /// `align_of::<T>()`.
    ///
    /// Zero-sized values take no memory and never fail.
    ///
    /// # Errors
    ///
    /// [`ArenaError::CapacityExceeded`] if the value (and the padding its
    /// alignment needs) does not fit; [`ArenaError::Sealed`] while a child made
    /// by [`ephemeral`](Arena::ephemeral) lives.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// let point = arena.try_alloc((1.0f32, 2.0f32))?;
    /// point.0 += 1.0;
    /// assert_eq!(*point, (2.0, 2.0));
    /// assert!(arena.try_alloc([0u8; 100]).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn try_alloc<T: Copy>(&self, value: T) -> Result<&mut T, ArenaError> {
        let slot = self.try_alloc_uninit::<T>()?;
        Ok(slot.write(value))
    }

    /// Allocates `value`, as [`try_alloc`](Arena::try_alloc).
    ///
    /// # Panics
    ///
    /// When `try_alloc` would return an error, with that error's message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// let n = arena.alloc(41u64);
    /// *n += 1;
    /// assert_eq!(*n, 42);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    #[track_caller]
    pub fn alloc<T: Copy>(&self, value: T) -> &mut T {
        unwrap(self.try_alloc(value))
    }

    /// Allocates room for one `T`, uninitialised.
    ///
    /// # Errors
    ///
    /// As for [`try_alloc`](Arena::try_alloc).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// let slot = arena.try_alloc_uninit::<u32>()?;
    /// let n = slot.write(5);
    /// assert_eq!(*n, 5);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn try_alloc_uninit<T>(&self) -> Result<&mut MaybeUninit<T>, ArenaError> {
        let layout = Layout::new::<T>();
        let ptr = if layout.size() == 0 {
            NonNull::<T>::dangling().cast::<u8>()
        } else {
            match self.bump(layout) {
                Some(ptr) => ptr,
                None => self.alloc_slow(layout)?,
            }
        };
        // SAFETY: `ptr` is aligned for `T` and, for a sized `T`, points to
        // `size_of::<T>()` bytes of the block that no other reference covers (the
        // bump pointer has moved past them, and only `reset(&mut self)` moves it
        // back, which ends this borrow); a zero-sized `T` needs only alignment.
        // `MaybeUninit` accepts any bytes.
        Ok(unsafe { ptr.cast::<MaybeUninit<T>>().as_mut() })
    }

    /// Allocates a copy of `src`.
    ///
    /// # Errors
    ///
    /// [`ArenaError::SizeOverflow`] if the slice's size overflows, else as for
    /// [`try_alloc`](Arena::try_alloc).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// let xs = arena.try_alloc_slice_copy(&[1, 2, 3])?;
    /// xs[0] = 10;
    /// assert_eq!(xs, &[10, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_slice_copy<T: Copy>(&self, src: &[T]) -> Result<&mut [T], ArenaError> {
        let dst = self.try_alloc_slice_uninit::<T>(src.len())?;
        // SAFETY: `dst` is fresh arena memory of `src.len()` elements, so it does
        // not overlap `src`; `MaybeUninit<T>` has the layout of `T`.
        unsafe {
            ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr().cast::<T>(), src.len());
        }
        // SAFETY: all `src.len()` elements were just initialised.
        Ok(unsafe { slice_assume_init_mut(dst) })
    }

    /// Allocates a copy of `src`, as
    /// [`try_alloc_slice_copy`](Arena::try_alloc_slice_copy).
    ///
    /// # Panics
    ///
    /// When `try_alloc_slice_copy` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// assert_eq!(arena.alloc_slice_copy(&[1u16, 2]), &[1, 2]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_slice_copy<T: Copy>(&self, src: &[T]) -> &mut [T] {
        unwrap(self.try_alloc_slice_copy(src))
    }

    /// Allocates `len` copies of `value`.
    ///
    /// # Errors
    ///
    /// As for [`try_alloc_slice_copy`](Arena::try_alloc_slice_copy).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// assert_eq!(arena.try_alloc_slice_fill(3, 'x')?, &['x', 'x', 'x']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_slice_fill<T: Copy>(
        &self,
        len: usize,
        value: T,
    ) -> Result<&mut [T], ArenaError> {
        let dst = self.try_alloc_slice_uninit::<T>(len)?;
        // A zero-sized value has no bytes to write: skip the loop, which could
        // otherwise run `usize::MAX` times.
        if mem::size_of::<T>() != 0 {
            for slot in dst.iter_mut() {
                slot.write(value);
            }
        }
        // SAFETY: every element was just initialised (a zero-sized one needs
        // no bytes).
        Ok(unsafe { slice_assume_init_mut(dst) })
    }

    /// Allocates `len` copies of `value`, as
    /// [`try_alloc_slice_fill`](Arena::try_alloc_slice_fill).
    ///
    /// # Panics
    ///
    /// When `try_alloc_slice_fill` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// assert_eq!(arena.alloc_slice_fill(2, 0.5f32), &[0.5, 0.5]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_slice_fill<T: Copy>(&self, len: usize, value: T) -> &mut [T] {
        unwrap(self.try_alloc_slice_fill(len, value))
    }

    /// Allocates room for `len` elements of `T`, uninitialised.
    ///
    /// # Errors
    ///
    /// As for [`try_alloc_slice_copy`](Arena::try_alloc_slice_copy).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// let slots = arena.try_alloc_slice_uninit::<u8>(4)?;
    /// assert_eq!(slots.len(), 4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_slice_uninit<T>(
        &self,
        len: usize,
    ) -> Result<&mut [MaybeUninit<T>], ArenaError> {
        let size = bumping::array_size(len, mem::size_of::<T>()).ok_or(ArenaError::SizeOverflow)?;
        let layout = Layout::from_size_align(size, mem::align_of::<T>())
            .map_err(|_| ArenaError::SizeOverflow)?;
        let ptr = self.try_alloc_layout(layout)?;
        // SAFETY: `ptr` is aligned for `T` and points to `len * size_of::<T>()`
        // bytes that no other reference covers (see `try_alloc_uninit`); for a
        // zero-sized layout it is a dangling aligned pointer, valid for a slice of
        // zero-sized elements or of length 0.
        Ok(unsafe { core::slice::from_raw_parts_mut(ptr.cast::<MaybeUninit<T>>().as_ptr(), len) })
    }

    /// Allocates room for `len` elements of `T`, uninitialised, as
    /// [`try_alloc_slice_uninit`](Arena::try_alloc_slice_uninit).
    ///
    /// # Panics
    ///
    /// When `try_alloc_slice_uninit` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// let slots = arena.alloc_slice_uninit::<u32>(3);
    /// for (i, slot) in slots.iter_mut().enumerate() {
    ///     slot.write(i as u32);
    /// }
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_slice_uninit<T>(&self, len: usize) -> &mut [MaybeUninit<T>] {
        unwrap(self.try_alloc_slice_uninit(len))
    }

    /// Allocates room for one `T`, uninitialised, as
    /// [`try_alloc_uninit`](Arena::try_alloc_uninit).
    ///
    /// # Panics
    ///
    /// When `try_alloc_uninit` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// assert_eq!(*arena.alloc_uninit::<u16>().write(9), 9);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    #[track_caller]
    pub fn alloc_uninit<T>(&self) -> &mut MaybeUninit<T> {
        unwrap(self.try_alloc_uninit())
    }

    /// Allocates one `T` with every byte zero: `T`'s zero value, which
    /// [`ArenaPod`] guarantees is valid. One `memset`, no constructor.
    ///
    /// # Errors
    ///
    /// As for [`try_alloc`](Arena::try_alloc).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaPod};
    ///
    /// #[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
    /// #[repr(C)]
    /// struct Rect {
    ///     x: f32,
    ///     y: f32,
    /// }
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// let rect = arena.try_alloc_zeroed::<Rect>()?;
    /// assert_eq!(*rect, Rect { x: 0.0, y: 0.0 });
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_zeroed<T: ArenaPod>(&self) -> Result<&mut T, ArenaError> {
        let slot = self.try_alloc_uninit::<T>()?;
        // SAFETY: `slot` is `size_of::<T>()` writable bytes.
        unsafe { ptr::write_bytes(slot.as_mut_ptr().cast::<u8>(), 0, mem::size_of::<T>()) };
        // SAFETY: all bytes are zero, a valid `T` by `ArenaPod`'s contract.
        Ok(unsafe { slot.assume_init_mut() })
    }

    /// Allocates one zeroed `T`, as [`try_alloc_zeroed`](Arena::try_alloc_zeroed).
    ///
    /// # Panics
    ///
    /// When `try_alloc_zeroed` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// assert_eq!(*arena.alloc_zeroed::<[u32; 4]>(), [0; 4]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_zeroed<T: ArenaPod>(&self) -> &mut T {
        unwrap(self.try_alloc_zeroed())
    }

    /// Allocates `len` zeroed elements of `T`: one `memset` of the whole slice,
    /// no per-element loop.
    ///
    /// # Errors
    ///
    /// As for [`try_alloc_slice_copy`](Arena::try_alloc_slice_copy).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(4096)?;
    /// let grid = arena.try_alloc_slice_zeroed::<[f32; 2]>(0)?;
    /// assert!(grid.is_empty());
    /// let counts = arena.try_alloc_slice_zeroed::<u64>(100)?;
    /// assert!(counts.iter().all(|&c| c == 0));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_slice_zeroed<T: ArenaPod>(&self, len: usize) -> Result<&mut [T], ArenaError> {
        let dst = self.try_alloc_slice_uninit::<T>(len)?;
        // SAFETY: `dst` is `len * size_of::<T>()` writable bytes (the size was
        // checked when it was allocated).
        unsafe {
            ptr::write_bytes(dst.as_mut_ptr().cast::<u8>(), 0, mem::size_of_val(dst));
        }
        // SAFETY: all bytes are zero, a valid `T` by `ArenaPod`'s contract.
        Ok(unsafe { slice_assume_init_mut(dst) })
    }

    /// Allocates `len` zeroed elements, as
    /// [`try_alloc_slice_zeroed`](Arena::try_alloc_slice_zeroed).
    ///
    /// # Panics
    ///
    /// When `try_alloc_slice_zeroed` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// assert_eq!(arena.alloc_slice_zeroed::<i16>(3), &[0, 0, 0]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_slice_zeroed<T: ArenaPod>(&self, len: usize) -> &mut [T] {
        unwrap(self.try_alloc_slice_zeroed(len))
    }

    /// Allocates a copy of the string `s`.
    ///
    /// # Errors
    ///
    /// As for [`try_alloc`](Arena::try_alloc).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// let s = arena.try_alloc_str("héllo")?;
    /// s.make_ascii_uppercase();
    /// assert_eq!(s, "HéLLO");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_str(&self, s: &str) -> Result<&mut str, ArenaError> {
        let bytes = self.try_alloc_slice_copy(s.as_bytes())?;
        // SAFETY: the bytes are a copy of a `str`, so they are UTF-8.
        Ok(unsafe { core::str::from_utf8_unchecked_mut(bytes) })
    }

    /// Allocates a copy of the string `s`, as
    /// [`try_alloc_str`](Arena::try_alloc_str).
    ///
    /// # Panics
    ///
    /// When `try_alloc_str` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// assert_eq!(arena.alloc_str("row 7"), "row 7");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_str(&self, s: &str) -> &mut str {
        unwrap(self.try_alloc_str(s))
    }

    /// Allocates `len` zeroed bytes (Clay's raw `Allocate`).
    ///
    /// # Errors
    ///
    /// As for [`try_alloc`](Arena::try_alloc).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// let bytes = arena.try_alloc_bytes(16)?;
    /// assert!(bytes.iter().all(|&b| b == 0));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_bytes(&self, len: usize) -> Result<&mut [u8], ArenaError> {
        let dst = self.try_alloc_slice_uninit::<u8>(len)?;
        // SAFETY: `dst` is `len` writable bytes.
        unsafe { ptr::write_bytes(dst.as_mut_ptr(), 0, len) };
        // SAFETY: every byte was just initialised to zero.
        Ok(unsafe { slice_assume_init_mut(dst) })
    }

    /// Allocates `len` zeroed bytes, as [`try_alloc_bytes`](Arena::try_alloc_bytes).
    ///
    /// # Panics
    ///
    /// When `try_alloc_bytes` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// assert_eq!(arena.alloc_bytes(3), &[0, 0, 0]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_bytes(&self, len: usize) -> &mut [u8] {
        unwrap(self.try_alloc_bytes(len))
    }

    /// Allocates a block for `layout`, uninitialised, and returns its start.
    ///
    /// A zero-sized layout takes no memory and returns a dangling pointer aligned
    /// to `layout.align()`. The block stays valid until this arena is reset or
    /// dropped.
    ///
    /// # Errors
    ///
    /// As for [`try_alloc`](Arena::try_alloc).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    /// use core::alloc::Layout;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// let ptr = arena.try_alloc_layout(Layout::from_size_align(24, 32).unwrap())?;
    /// assert_eq!(ptr.as_ptr() as usize % 32, 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_layout(&self, layout: Layout) -> Result<NonNull<u8>, ArenaError> {
        if layout.size() == 0 {
            return Ok(dangling_for(layout));
        }
        match self.bump(layout) {
            Some(ptr) => Ok(ptr),
            None => self.alloc_slow(layout),
        }
    }

    /// The hot path alone, for the collections' fast paths: bump within the
    /// current block or give up (`None`), with no call into the slow path (no
    /// unsealing, no overflow chunk, no error). `layout.size() > 0`.
    #[inline(always)]
    pub(crate) fn try_bump(&self, layout: Layout) -> Option<NonNull<u8>> {
        debug_assert!(layout.size() > 0);
        self.bump(layout)
    }

    /// The hot path: bump within `[cur, limit)` or give up. `layout.size() > 0`.
    #[inline(always)]
    fn bump(&self, layout: Layout) -> Option<NonNull<u8>> {
        // Folds away for every type aligned to 16 or less.
        if layout.align() > bumping::UNTRACKED_ALIGN {
            self.note_align(layout.align());
        }
        let cur = self.cur.get();
        let addr = cur.as_ptr().addr();
        let limit = self.limit.get().as_ptr().addr();
        let (start, end) = if bumping::is_small(layout.size(), layout.align()) {
            // `limit <= usize::MAX - TOP_SLACK` holds for every arena (see
            // `from_raw_block`), so this cannot wrap.
            bumping::bump_small(addr, limit, layout.size(), layout.align())?
        } else {
            let pad = bumping::fit_layout(addr, limit - addr, layout.size(), layout.align())?;
            (addr + pad, addr + pad + layout.size())
        };
        // SAFETY: (both `new_unchecked`) `addr <= start <= end <= limit`, so
        // both are non-zero; `with_addr` keeps `cur`'s provenance over the block,
        // and both addresses are inside it (or one past its end).
        unsafe {
            self.cur
                .set(NonNull::new_unchecked(cur.as_ptr().with_addr(end)));
            Some(NonNull::new_unchecked(cur.as_ptr().with_addr(start)))
        }
    }

    /// Remembers an alignment above [`bumping::UNTRACKED_ALIGN`].
    #[inline]
    fn note_align(&self, align: usize) {
        if align > self.max_align.get() {
            self.max_align.set(align);
        }
    }

    /// How many bytes a frame's figures may move by when it runs from a block
    /// whose start differs (modulo its largest alignment) from where it was
    /// measured: the largest alignment seen minus the cache line that every
    /// start is aligned to. Alignments up to [`bumping::UNTRACKED_ALIGN`] are
    /// not recorded, so they count as that much.
    fn alignment_slack(&self) -> usize {
        let child = self.link.max_align.load(Ordering::Relaxed);
        let max_align = self
            .max_align
            .get()
            .max(child)
            .max(bumping::UNTRACKED_ALIGN);
        max_align.saturating_sub(self.cache_line)
    }

    /// The slow path: take back memory from a dropped child, then retry; take
    /// an overflow chunk (a growing arena), or explain the failure.
    #[cold]
    #[inline(never)]
    fn alloc_slow(&self, layout: Layout) -> Result<NonNull<u8>, ArenaError> {
        self.unseal_if_child_dropped()?;
        if let Some(ptr) = self.bump(layout) {
            return Ok(ptr);
        }
        let held = self.capacity();
        let home = self.end.as_ptr().addr() - self.start.as_ptr().addr();
        match self
            .overflow
            .take_chunk(layout, held, home, self.cache_line)
        {
            Ok((chunk_start, chunk_end)) => {
                let (region_start, _) = self.region.get();
                let cur = self.cur.get().as_ptr().addr();
                // Counted as if the frame ran on in one block: what was used
                // here, and the padding the request would have needed here.
                let in_region =
                    cur - region_start.as_ptr().addr() + bumping::padding_for(cur, layout.align());
                self.used_before.set(self.used_before.get() + in_region);
                self.region.set((chunk_start, chunk_end));
                self.cur.set(chunk_start);
                self.limit.set(chunk_end);
                // The chunk is aligned for `layout` and holds it.
                self.bump(layout).ok_or_else(|| self.exceeded(layout))
            }
            Err(Refused::Limit) => Err(self.exceeded(layout)),
            Err(Refused::OutOfMemory(requested)) => Err(ArenaError::OutOfMemory { requested }),
        }
    }

    /// The `CapacityExceeded` error for `layout` in the current region.
    fn exceeded(&self, layout: Layout) -> ArenaError {
        let cur = self.cur.get().as_ptr().addr();
        let remaining = self.limit.get().as_ptr().addr().saturating_sub(cur);
        ArenaError::CapacityExceeded {
            requested: layout.size(),
            remaining: bumping::usable_at(cur, remaining, layout.align()),
        }
    }

    /// The error `try_alloc_layout(layout)` would give, without allocating:
    /// for reporting an `AllocError` of a container that uses the arena.
    pub(crate) fn failure_for(&self, layout: Layout) -> ArenaError {
        if let Err(err) = self.unseal_if_child_dropped() {
            return err;
        }
        self.exceeded(layout)
    }

    /// If a child was made, either report `Sealed` (it lives) or take its memory
    /// back (it was dropped).
    fn unseal_if_child_dropped(&self) -> Result<(), ArenaError> {
        if self.sealed.get() {
            if self.link.live.load(Ordering::Acquire) {
                return Err(ArenaError::Sealed);
            }
            self.sealed.set(false);
            self.limit.set(self.region.get().1);
            self.record_peak(self.link.peak.swap(0, Ordering::Relaxed));
            self.note_align(self.link.max_align.swap(0, Ordering::Relaxed));
        }
        Ok(())
    }

    fn record_peak(&self, used: usize) {
        if used > self.peak.get() {
            self.peak.set(used);
        }
        if used > self.frame_peak.get() {
            self.frame_peak.set(used);
        }
    }

    // ----- in-place growth and rollback, for the collections and `Allocator` ----

    /// Grows the allocation `[ptr, ptr + old_size)` to `new_size` bytes where it
    /// stands, if it is the most recent allocation of the current region and
    /// the room is there. Returns the allocation's start with the arena's own
    /// provenance (the caller's pointer may only carry permission for its old
    /// size), or `None` if it did not grow.
    #[inline]
    pub(crate) fn grow_in_place(
        &self,
        ptr: NonNull<u8>,
        old_size: usize,
        new_size: usize,
    ) -> Option<NonNull<u8>> {
        debug_assert!(new_size >= old_size);
        if !self.is_newest(ptr, old_size) {
            return None;
        }
        let cur = self.cur.get();
        let extra = new_size - old_size;
        let room = self.limit.get().as_ptr().addr() - cur.as_ptr().addr();
        if extra > room {
            return None;
        }
        // SAFETY: `extra <= limit - cur`, so `cur + extra` stays in the region.
        self.cur.set(unsafe { cur.add(extra) });
        Some(self.at_addr(ptr.as_ptr().addr()))
    }

    /// Gives back the tail `[ptr + new_size, ptr + old_size)` of the most recent
    /// allocation, so the next allocation reuses it. Does nothing for any other
    /// allocation, or while sealed (the memory past the seal is the child's).
    #[inline]
    pub(crate) fn shrink_in_place(&self, ptr: NonNull<u8>, old_size: usize, new_size: usize) {
        debug_assert!(new_size <= old_size);
        if self.sealed.get() || !self.is_newest(ptr, old_size) {
            return;
        }
        self.record_peak(self.used());
        // Only the address comes from `ptr`: the bump pointer keeps the
        // arena's provenance over the whole region.
        self.cur.set(self.at_addr(ptr.as_ptr().addr() + new_size));
    }

    /// Whether `[ptr, ptr + size)` is a non-empty allocation that ends at the
    /// bump pointer and lies in the current region (an allocation in an
    /// earlier region may end where the current region begins: it is not the
    /// newest).
    #[inline]
    fn is_newest(&self, ptr: NonNull<u8>, size: usize) -> bool {
        let addr = ptr.as_ptr().addr();
        let (region_start, _) = self.region.get();
        size != 0
            && addr >= region_start.as_ptr().addr()
            && addr.checked_add(size) == Some(self.cur.get().as_ptr().addr())
    }

    /// A pointer to `addr`, which lies in `[region start, limit]`, with the
    /// provenance of the bump pointer.
    #[inline]
    fn at_addr(&self, addr: usize) -> NonNull<u8> {
        let (region_start, _) = self.region.get();
        debug_assert!(region_start.as_ptr().addr() <= addr);
        debug_assert!(addr <= self.region.get().1.as_ptr().addr());
        // SAFETY: `addr` is at or after the region's start, which is not null.
        unsafe { NonNull::new_unchecked(self.cur.get().as_ptr().with_addr(addr)) }
    }

    // ----- regions ---------------------------------------------------------------

    /// Marks everything allocated so far as persistent and returns a child arena
    /// over the rest of the block, its start aligned to the cache line (Clay's
    /// `InitializePersistentMemory`).
    ///
    /// While the child lives, this arena is *sealed*: allocating from it returns
    /// [`ArenaError::Sealed`]. Its existing allocations stay valid, and stay
    /// valid across every [`reset`](Arena::reset) of the child. When the child is
    /// dropped this arena allocates again, over the memory the child used.
    /// Children nest: a frame arena can hand out a scratch arena the same way.
    ///
    /// A child over a full arena is valid and has capacity 0.
    ///
    /// # Errors
    ///
    /// [`ArenaError::Sealed`] if a child of this arena is alive already.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError};
    ///
    /// let arena = Arena::with_capacity(1024)?;
    /// let cache = arena.alloc_slice_fill(8, 0u32); // persistent
    /// {
    ///     let mut frame = arena.ephemeral()?;
    ///     assert_eq!(arena.try_alloc(1u8), Err(ArenaError::Sealed));
    ///     for i in 0..10u32 {
    ///         let scratch = frame.alloc_slice_fill(64, i);
    ///         cache[(i % 8) as usize] += scratch[0];
    ///         frame.reset();
    ///     }
    /// }
    /// assert_eq!(cache[1], 1 + 9);
    /// assert!(arena.try_alloc(1u8).is_ok()); // the child is gone
    /// # Ok::<(), ArenaError>(())
    /// ```
    pub fn ephemeral(&self) -> Result<Arena<'_>, ArenaError> {
        self.ephemeral_with(Growth::Fixed)
    }

    /// As [`ephemeral`](Arena::ephemeral), but the child grows without a
    /// limit ([`Growth::UNLIMITED`]) when a frame needs more than the rest of
    /// this arena's block: it takes overflow chunks from the global allocator,
    /// and after an overflowing frame its [`reset`](Arena::reset) keeps one
    /// heap block sized to that frame (then the child no longer uses this
    /// arena's memory). For a byte limit, use
    /// [`ephemeral_with`](Arena::ephemeral_with).
    ///
    /// # Errors
    ///
    /// [`ArenaError::Sealed`] if a child of this arena is alive already.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::with_capacity(4096)?;
    /// let settings = arena.alloc([1u8; 16]); // persistent, never moved
    /// let mut frame = arena.ephemeral_growing()?;
    /// assert_eq!(frame.growth(), Growth::UNLIMITED);
    /// let rows = frame.alloc_slice_fill(10_000, 0u32); // 10x the block
    /// assert_eq!(rows.len(), 10_000);
    /// frame.reset();
    /// // The next frame of that size runs in one block, with no heap calls.
    /// assert!(frame.capacity() >= 40_000);
    /// assert_eq!(frame.overflow_chunks(), 0);
    /// assert_eq!(settings, &[1; 16]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[cfg(feature = "alloc")]
    pub fn ephemeral_growing(&self) -> Result<Arena<'_>, ArenaError> {
        self.ephemeral_with(Growth::UNLIMITED)
    }

    /// A child with the given [`Growth`] policy: [`ephemeral`](Arena::ephemeral)
    /// is `ephemeral_with(Growth::Fixed)`, and
    /// [`ephemeral_growing`](Arena::ephemeral_growing) is
    /// `ephemeral_with(Growth::UNLIMITED)`.
    ///
    /// # Errors
    ///
    /// [`ArenaError::Sealed`] if a child of this arena is alive already.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError, Growth};
    ///
    /// let arena = Arena::with_capacity(4096)?;
    /// let frame = arena.ephemeral_with(Growth::up_to(16 * 1024))?;
    /// assert!(frame.try_alloc_bytes(8 * 1024).is_ok()); // past the block: grows
    /// assert!(matches!(
    ///     frame.try_alloc_bytes(16 * 1024),
    ///     Err(ArenaError::CapacityExceeded { .. })
    /// ));
    /// # Ok::<(), ArenaError>(())
    /// ```
    pub fn ephemeral_with(&self, growth: Growth) -> Result<Arena<'_>, ArenaError> {
        self.unseal_if_child_dropped()?;
        let cur = self.cur.get();
        let (_, region_end) = self.region.get();
        let room = region_end.as_ptr().addr() - cur.as_ptr().addr();
        let pad = cur.as_ptr().align_offset(self.cache_line);
        let child_start = if pad < room {
            // SAFETY: `pad < room` keeps `cur + pad` inside the region.
            unsafe { cur.add(pad) }
        } else {
            // No aligned byte is left: the child is empty, at the region's end.
            region_end
        };
        // Where the child starts, counted as if this arena were one block: its
        // peak is reported back from there.
        let offset = self.used() + (child_start.as_ptr().addr() - cur.as_ptr().addr());
        self.seal();
        Ok(Arena::over(
            child_start,
            region_end,
            self.cache_line,
            Some((&self.link, offset)),
            Backing::Child,
            growth,
        ))
    }

    fn seal(&self) {
        self.sealed.set(true);
        self.limit.set(self.cur.get());
        self.link.live.store(true, Ordering::Relaxed);
    }

    /// Throws away everything allocated in this arena, in O(1): the bump pointer
    /// moves back to the start (Clay's `ResetEphemeralMemory`). No destructor
    /// runs; the memory is reused by the next allocations.
    ///
    /// Taking `&mut self` makes the borrow checker reject any use, after the
    /// reset, of a reference allocated before it.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let mut arena = Arena::with_capacity(256)?;
    /// arena.alloc_bytes(200);
    /// assert_eq!(arena.used(), 200);
    /// arena.reset();
    /// assert_eq!(arena.used(), 0);
    /// assert_eq!(arena.peak(), 200);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ///
    /// A growing arena (see [`Growth`]) whose frame overflowed frees its
    /// overflow chunks here and keeps one block sized to the frame's peak plus
    /// a quarter, so that the next frames run from one block with no heap
    /// calls; that is the only reset that is not O(1).
    #[inline]
    pub fn reset(&mut self) {
        let frame_peak = self
            .frame_peak
            .get()
            .max(self.used())
            .max(*self.link.peak.get_mut());
        let child_align = mem::take(self.link.max_align.get_mut());
        self.note_align(child_align);
        self.peak.set(self.peak.get().max(frame_peak));
        self.frame_peak.set(0);
        *self.link.peak.get_mut() = 0;
        if self.overflow.chunk_bytes() > 0 {
            self.settle_after_overflow(frame_peak);
        }
        self.rewind();
        // No child can be alive: it would borrow `self`. One that was leaked with
        // `mem::forget` can never be used again.
        *self.link.live.get_mut() = false;
    }

    /// The bump pointer back to the home block's start.
    fn rewind(&mut self) {
        self.cur.set(self.start);
        self.limit.set(self.end);
        self.region.set((self.start, self.end));
        self.used_before.set(0);
        self.sealed.set(false);
    }

    /// After a frame that overflowed: free the chunks, and make the home block
    /// large enough for such a frame.
    #[cold]
    #[cfg(feature = "alloc")]
    fn settle_after_overflow(&mut self, frame_peak: usize) {
        let home = self.end.as_ptr().addr() - self.start.as_ptr().addr();
        let slack = self.alignment_slack();
        if let Some(block) = self
            .overflow
            .settle(frame_peak, slack, home, self.cache_line)
        {
            self.install_home(block);
        }
    }

    /// Without the global allocator there are no chunks to settle.
    #[cfg(not(feature = "alloc"))]
    fn settle_after_overflow(&mut self, _frame_peak: usize) {}

    /// Makes `block` the home block, freeing the previous one if the arena
    /// owned it. The caller's or the parent's memory is left alone.
    #[cfg(feature = "alloc")]
    fn install_home(&mut self, block: block::OwnedBlock) {
        self.start = block.ptr();
        // SAFETY: the block is `size()` bytes long.
        self.end = unsafe { block.ptr().add(block.size()) };
        match self.backing {
            Backing::Owned(_) => {
                self.backing = Backing::Owned(block);
            }
            _ => self.overflow.set_grown_home(Some(block)),
        }
    }

    /// Resets the arena and gives back the memory a growing arena took: its
    /// overflow chunks, and a home block grown after an overflowing frame (the
    /// arena returns to the block it was built with, or to a block of its
    /// initial capacity if it owned it).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let mut arena = Arena::builder().growth(Growth::UNLIMITED).with_capacity(4096)?;
    /// arena.alloc_bytes(100_000);
    /// arena.reset();
    /// assert!(arena.capacity() >= 100_000);
    /// arena.shrink_to_fit();
    /// assert_eq!(arena.capacity(), 4096);
    /// assert_eq!(arena.used(), 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn shrink_to_fit(&mut self) {
        self.reset();
        #[cfg(feature = "alloc")]
        {
            if self.overflow.has_grown_home() {
                if let Some((start, end)) = self.original {
                    self.start = start;
                    self.end = end;
                }
                self.overflow.set_grown_home(None);
            } else if let Backing::Owned(_) = self.backing {
                let initial = self.initial_capacity;
                if self.capacity() > initial {
                    let block = Layout::from_size_align(initial, self.cache_line)
                        .ok()
                        .and_then(block::OwnedBlock::allocate);
                    if let Some(block) = block {
                        self.install_home(block);
                    }
                }
            }
        }
        self.rewind();
    }

    // ----- figures ---------------------------------------------------------------

    /// The usable bytes of this arena: its home block from the aligned start
    /// to the end, plus the overflow chunks a growing arena holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(100)?;
    /// assert_eq!(arena.capacity(), arena.used() + arena.remaining());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn capacity(&self) -> usize {
        self.end.as_ptr().addr() - self.start.as_ptr().addr() + self.overflow.chunk_bytes()
    }

    /// The bytes handed out since the last reset, padding included: from this
    /// arena's start to its bump pointer, as if its block and overflow chunks
    /// were one.
    ///
    /// For a sealed parent this is its persistent region. A child's allocations
    /// count in the child's figures.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(100)?;
    /// arena.alloc(1u8);
    /// arena.alloc(1u32); // 3 bytes of padding, then 4
    /// assert_eq!(arena.used(), 8);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn used(&self) -> usize {
        let (region_start, _) = self.region.get();
        self.used_before.get() + (self.cur.get().as_ptr().addr() - region_start.as_ptr().addr())
    }

    /// The bytes after the bump pointer in the current block: what can be
    /// allocated before the arena fails (or, growing, takes a chunk). While
    /// sealed, these belong to the child. For a fixed arena,
    /// `capacity() - used()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// arena.alloc_bytes(60);
    /// assert_eq!(arena.remaining(), 4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn remaining(&self) -> usize {
        self.region.get().1.as_ptr().addr() - self.cur.get().as_ptr().addr()
    }

    /// The highest [`used()`](Arena::used) ever reached, across resets,
    /// including what dropped children used (counted from this arena's start).
    ///
    /// A live child's use shows in its own `peak()`, and in this one once it is
    /// dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(1024)?;
    /// arena.alloc_bytes(64);
    /// {
    ///     let mut frame = arena.ephemeral()?;
    ///     frame.alloc_bytes(100);
    ///     frame.reset();
    ///     frame.alloc_bytes(10);
    ///     assert_eq!(frame.peak(), 100);
    /// }
    /// assert_eq!(arena.peak(), 64 + 100);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn peak(&self) -> usize {
        let child = self.link.peak.load(Ordering::Relaxed);
        self.peak.get().max(self.used()).max(child)
    }

    /// The capacity to give this arena next time (`with_capacity`, or a parent
    /// block) so that the heaviest frame seen fits without growing: the
    /// [`peak`](Arena::peak) plus a quarter, plus what alignment padding may
    /// add when the block starts elsewhere, rounded up to the cache line.
    ///
    /// The padding term is zero unless something asked for an alignment above
    /// both 16 and the cache line: a block's start is only aligned to the
    /// cache line, so an allocation aligned to 4096 can need up to `4096 - 64`
    /// more bytes of padding in another block than it did in this one.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let mut arena = Arena::builder().growth(Growth::UNLIMITED).with_capacity(1024)?;
    /// arena.alloc_bytes(8000);
    /// arena.reset();
    /// assert_eq!(arena.recommended_capacity(), 10_048);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn recommended_capacity(&self) -> usize {
        bumping::with_headroom(self.peak(), self.cache_line)
            .and_then(|bytes| {
                bumping::round_up(bytes.checked_add(self.alignment_slack())?, self.cache_line)
            })
            .unwrap_or(usize::MAX)
    }

    /// How this arena behaves when it runs out of room.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// assert_eq!(arena.growth(), Growth::Fixed);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn growth(&self) -> Growth {
        self.overflow.growth()
    }

    /// The overflow chunks a growing arena holds now (they are freed at the
    /// next reset).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::builder().growth(Growth::UNLIMITED).with_capacity(64)?;
    /// assert_eq!(arena.overflow_chunks(), 0);
    /// arena.alloc_bytes(100);
    /// assert_eq!(arena.overflow_chunks(), 1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn overflow_chunks(&self) -> usize {
        self.overflow.chunk_count()
    }

    /// The bytes of the overflow chunks a growing arena holds now.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::builder().growth(Growth::UNLIMITED).with_capacity(64)?;
    /// arena.alloc_bytes(10_000);
    /// assert!(arena.overflow_bytes() >= 10_000);
    /// assert_eq!(arena.capacity(), 64 + arena.overflow_bytes());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn overflow_bytes(&self) -> usize {
        self.overflow.chunk_bytes()
    }

    /// How many overflow chunks this arena took from the global allocator
    /// since it was made: a steady state takes none.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let mut arena = Arena::builder().growth(Growth::UNLIMITED).with_capacity(64)?;
    /// for _ in 0..10 {
    ///     arena.alloc_bytes(5000);
    ///     arena.reset();
    /// }
    /// assert_eq!(arena.overflow_chunks_taken(), 1); // only the first frame grew
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn overflow_chunks_taken(&self) -> usize {
        self.overflow.chunks_taken()
    }

    /// The alignment of this arena's start and of its children's starts.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// assert_eq!(Arena::with_capacity(8)?.cache_line_size(), 64);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn cache_line_size(&self) -> usize {
        self.cache_line
    }

    /// Whether a child made by [`ephemeral`](Arena::ephemeral) is alive, so that
    /// allocating here fails with [`ArenaError::Sealed`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(256)?;
    /// let frame = arena.ephemeral()?;
    /// assert!(arena.is_sealed());
    /// drop(frame);
    /// assert!(!arena.is_sealed());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn is_sealed(&self) -> bool {
        self.sealed.get() && self.link.live.load(Ordering::Acquire)
    }

    /// Whether `ptr` points into memory this arena has handed out since its
    /// last reset: the used part of its current block, or an earlier block of
    /// the frame (a growing arena's home block or overflow chunks, whose unused
    /// tails count too).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::with_capacity(64)?;
    /// let x = arena.alloc(1u32);
    /// assert!(arena.contains(x as *const u32 as *const u8));
    /// assert!(!arena.contains(&0u8));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn contains(&self, ptr: *const u8) -> bool {
        let addr = ptr.addr();
        let (region_start, _) = self.region.get();
        if region_start.as_ptr().addr() <= addr && addr < self.cur.get().as_ptr().addr() {
            return true;
        }
        // Earlier regions of this frame: the home block, and chunks.
        self.used_before.get() > 0
            && ((self.start.as_ptr().addr() <= addr && addr < self.end.as_ptr().addr())
                || self.overflow.contains(addr))
    }
}

impl Drop for Arena<'_> {
    fn drop(&mut self) {
        let peak = self.peak();
        if let Some((link, offset)) = self.parent {
            if peak > 0 {
                link.peak.fetch_max(offset + peak, Ordering::Relaxed);
            }
            let max_align = self
                .max_align
                .get()
                .max(self.link.max_align.load(Ordering::Relaxed));
            if max_align > 0 {
                link.max_align.fetch_max(max_align, Ordering::Relaxed);
            }
            link.live.store(false, Ordering::Release);
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
