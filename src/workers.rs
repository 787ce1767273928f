//! [`Workers`]: the worker arenas of a parallel frame, made by
//! [`Arena::split`].

use core::fmt;
use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};
use core::ptr::{self, NonNull};

use crate::arena::Arena;

/// The `n` worker arenas of a frame split by [`Arena::split`], one for each
/// thread; they deref to `[Arena]`.
///
/// Give each thread `&mut` to one worker: `&mut workers[i]` with
/// `std::thread::scope`, or `workers.par_iter_mut()` with rayon. What a
/// thread allocates borrows its worker, so it can be returned from the thread
/// and read after the join while the `Workers` live. Dropping them unseals the
/// frame (see [`Arena::try_split`] for the figures).
///
/// The worker structs live in the frame's own memory, not on the heap.
///
/// # Soundness
///
/// Each worker tells the frame it is gone when it is dropped (a count in the
/// frame), so the frame stays sealed until every worker is gone, wherever it
/// is. That is why the slice can be `&mut`: a worker swapped out with
/// [`core::mem::replace`] keeps the frame sealed until it is dropped, and the
/// arena swapped in is dropped by `Workers` in its place. A `Workers` leaked
/// with [`core::mem::forget`] leaves the frame sealed until its next
/// [`reset`](Arena::reset) (as a leaked ephemeral child does).
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaError};
///
/// let frame = Arena::try_with_capacity(8 * 1024)?;
/// let mut workers = frame.try_split(4)?;
/// assert_eq!(workers.len(), 4);
/// assert_eq!(frame.try_alloc(1u8), Err(ArenaError::Sealed));
/// let totals: Vec<u32> = std::thread::scope(|s| {
///     let handles: Vec<_> = workers
///         .iter_mut()
///         .enumerate()
///         .map(|(i, worker)| s.spawn(move || *worker.alloc(i as u32 * 10)))
///         .collect();
///     handles.into_iter().map(|h| h.join().unwrap()).collect()
/// });
/// assert_eq!(totals, [0, 10, 20, 30]);
/// drop(workers);
/// assert!(frame.try_alloc(1u8).is_ok());
/// # Ok::<(), ArenaError>(())
/// ```
pub struct Workers<'f> {
    /// The frame that was split; unsealed (if every worker is gone) on drop.
    frame: &'f Arena<'f>,
    /// The first of `len` initialised worker arenas, in the frame's memory.
    arenas: NonNull<Arena<'f>>,
    len: usize,
    /// The `Workers` own the arenas (and drop them).
    _owns: PhantomData<Arena<'f>>,
}

impl<'f> Workers<'f> {
    /// The workers `[arenas, arenas + len)` of a split of `frame`.
    ///
    /// # Safety
    ///
    /// - `arenas` points to `len` initialised `Arena`s that the `Workers` own
    ///   from now on (nothing else reads, writes or drops them).
    /// - That memory stays allocated and unused by anything else for `'f`.
    /// - The arenas are the workers of a split of `frame`, which is sealed
    ///   until they are all dropped.
    pub(crate) unsafe fn from_raw_parts(
        frame: &'f Arena<'f>,
        arenas: NonNull<Arena<'f>>,
        len: usize,
    ) -> Workers<'f> {
        Workers {
            frame,
            arenas,
            len,
            _owns: PhantomData,
        }
    }
}

impl<'f> Deref for Workers<'f> {
    type Target = [Arena<'f>];

    fn deref(&self) -> &[Arena<'f>] {
        // SAFETY: `arenas` points to `len` initialised arenas, which the
        // `Workers` own (`from_raw_parts`); the shared borrow of `self`
        // keeps out any `&mut` to them.
        unsafe { core::slice::from_raw_parts(self.arenas.as_ptr(), self.len) }
    }
}

impl<'f> DerefMut for Workers<'f> {
    fn deref_mut(&mut self) -> &mut [Arena<'f>] {
        // SAFETY: as in `deref`; the unique borrow of `self` makes this the
        // only reference to them.
        unsafe { core::slice::from_raw_parts_mut(self.arenas.as_ptr(), self.len) }
    }
}

impl Drop for Workers<'_> {
    fn drop(&mut self) {
        // SAFETY: the `len` arenas are initialised and owned here
        // (`from_raw_parts`), and dropped once: nothing uses them afterwards.
        // The memory itself is the frame's and stays as it is.
        unsafe {
            ptr::drop_in_place(ptr::slice_from_raw_parts_mut(
                self.arenas.as_ptr(),
                self.len,
            ));
        }
        // Each worker's drop told the frame; if all are gone (none was moved
        // out and kept alive), the frame takes its memory back now, so that
        // its figures are up to date at once. Otherwise it stays sealed (the
        // `Sealed` error is the expected answer) and takes it back later.
        let _ = self.frame.unseal_if_child_dropped();
    }
}

impl fmt::Debug for Workers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
