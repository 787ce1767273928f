//! [`ArenaVec`]: a growable array of `Copy` values in an arena, its
//! by-value iterator [`IntoIter`], and the iterators [`Drain`],
//! [`ExtractIf`] and [`Splice`] that remove elements.

mod drain;
mod extract_if;
mod into_iter;
pub(crate) mod raw_buf;
mod splice;

use core::alloc::Layout;
use core::borrow::{Borrow, BorrowMut};
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;
use core::mem::MaybeUninit;
use core::ops::{Deref, DerefMut, Index, IndexMut, RangeBounds};
use core::slice::{self, SliceIndex};
use core::{cmp, mem, ptr};

pub(crate) use drain::resolve_range;
pub use drain::Drain;
pub use extract_if::ExtractIf;
pub use into_iter::IntoIter;
use raw_buf::RawBuf;
pub use splice::Splice;

use crate::arena::{unwrap, Arena};
use crate::error::ArenaError;
use crate::pod::ArenaPod;

/// A growable array of `Copy` values whose buffer lives in an [`Arena`].
///
/// It feels like std's `Vec`: it derefs to a slice, pushes, pops,
/// inserts and extends. Every method that may allocate has a `try_` form that
/// returns [`ArenaError`] and leaves the vector unchanged on failure, and a
/// panicking twin.
///
/// # Growth in an arena
///
/// When the buffer is full, the capacity doubles (at least 4 elements, or 8
/// bytes). If the buffer is the arena's most recent allocation it grows where it
/// stands, with no copy. Otherwise the elements move to a new buffer and the old
/// one stays in the arena, unused, until the arena is [reset](Arena::reset):
/// build one vector at a time, or give each its capacity up front, to waste
/// nothing. When doubling does not fit, the vector grows to exactly what is
/// needed, so a small arena is used to its last byte.
///
/// # Fixed capacity in a persistent region
///
/// A vector made with [`with_capacity_in`](ArenaVec::with_capacity_in) in an
/// arena that is then [sealed](Arena::ephemeral) keeps working within its
/// capacity in every frame, and refuses to grow past it with
/// [`ArenaError::Sealed`]: Clay's fixed-capacity array.
///
/// # Pointer stability
///
/// As with std's `Vec`, a method touches only the elements it concerns, through
/// raw pointers: a pointer to an element stays valid across pushes and inserts
/// within the capacity, across `pop` and `truncate` that keep it, `remove` of a
/// later element, `swap_remove` of another element while it is not the last;
/// a raw pointer stays valid across `retain` when no element before it is
/// removed (`retain` reads every element, but writes only those that move). [`as_ptr`](ArenaVec::as_ptr) and
/// [`as_mut_ptr`](ArenaVec::as_mut_ptr) make no reference to the elements, so
/// pointers from them stay valid when mixed.
///
/// # Memory comes back at reset
///
/// Nothing is freed when a vector is dropped (its elements are `Copy`, and the
/// arena frees in bulk); [`into_slice`](ArenaVec::into_slice) gives the unused
/// capacity back when it can.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaError, ArenaVec};
///
/// let arena = Arena::try_with_capacity(1024)?;
/// let mut ids = ArenaVec::new_in(&arena);
/// for id in [3u32, 1, 2] {
///     ids.try_push(id)?;
/// }
/// ids.sort();
/// assert_eq!(ids, [1, 2, 3]);
///
/// // A fixed-capacity array in the persistent region.
/// let mut cache = ArenaVec::<u64>::try_with_capacity_in(2, &arena)?;
/// let frame = arena.try_ephemeral()?;
/// cache.push(10);
/// cache.push(20);
/// assert_eq!(cache.try_push(30), Err(ArenaError::Sealed));
/// assert_eq!(cache, [10, 20]);
/// # drop(frame);
/// # Ok::<(), ArenaError>(())
/// ```
pub struct ArenaVec<'a, T> {
    buf: RawBuf<'a>,
    /// The initialised prefix of the buffer; `len <= buf.capacity()`.
    len: usize,
    _elems: PhantomData<T>,
}

impl<'a, T: Copy> ArenaVec<'a, T> {
    const ELEM: Layout = Layout::new::<T>();

    /// An empty vector in `arena`; allocates nothing until the first push.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::<u8>::new_in(&arena);
    /// assert!(v.is_empty());
    /// assert_eq!(v.capacity(), 0);
    /// assert_eq!(arena.used(), 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn new_in(arena: &'a Arena<'a>) -> ArenaVec<'a, T> {
        ArenaVec {
            buf: RawBuf::new_in(Self::ELEM, arena),
            len: 0,
            _elems: PhantomData,
        }
    }

    /// An empty vector with room for exactly `capacity` elements. A buffer at
    /// least a cache line long starts on a cache line, as Clay's arrays do
    /// ([`Arena::cache_line_size`]); a shorter one only at `T`'s alignment, so
    /// that many small vectors do not each take a whole line. A capacity of 0
    /// allocates nothing.
    ///
    /// # Errors
    ///
    /// [`ArenaError::SizeOverflow`] if `capacity` elements do not fit in
    /// `isize::MAX` bytes; otherwise as for [`Arena::try_alloc`]
    /// ([`ArenaError::CapacityExceeded`], [`ArenaError::Sealed`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(1024)?;
    /// arena.alloc(1u8);
    /// let v = ArenaVec::<u32>::try_with_capacity_in(16, &arena)?;
    /// assert_eq!(v.capacity(), 16);
    /// assert_eq!(v.as_ptr() as usize % arena.cache_line_size(), 0); // 64 bytes
    /// let used = arena.used();
    /// let _small = ArenaVec::<u8>::try_with_capacity_in(3, &arena)?;
    /// assert_eq!(arena.used(), used + 3); // no padding to a cache line
    /// assert!(ArenaVec::<u32>::try_with_capacity_in(1000, &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_with_capacity_in(
        capacity: usize,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaVec<'a, T>, ArenaError> {
        // A cache line only for a buffer at least that long: Clay's large
        // arrays gain from it, a three-byte string would waste most of a line.
        let line = arena.cache_line_size();
        let align = if capacity.saturating_mul(Self::ELEM.size()) >= line {
            Self::ELEM.align().max(line)
        } else {
            Self::ELEM.align()
        };
        Ok(ArenaVec {
            buf: RawBuf::with_capacity_in(Self::ELEM, capacity, align, arena)?,
            len: 0,
            _elems: PhantomData,
        })
    }

    /// An empty vector with room for exactly `capacity` elements, as
    /// [`try_with_capacity_in`](ArenaVec::try_with_capacity_in).
    ///
    /// # Panics
    ///
    /// When `try_with_capacity_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(1024)?;
    /// let mut v = ArenaVec::<u16>::with_capacity_in(8, &arena);
    /// assert_eq!(v.capacity(), 8);
    /// v.push(1);
    /// assert_eq!(v, [1]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn with_capacity_in(capacity: usize, arena: &'a Arena<'a>) -> ArenaVec<'a, T> {
        unwrap(Self::try_with_capacity_in(capacity, arena))
    }

    /// A vector holding a copy of `src`, with capacity `src.len()`.
    ///
    /// # Errors
    ///
    /// As for [`try_with_capacity_in`](ArenaVec::try_with_capacity_in).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::try_from_slice_in(&[1u8, 2, 3], &arena)?;
    /// assert_eq!(v, [1, 2, 3]);
    /// assert!(ArenaVec::try_from_slice_in(&[0u8; 100], &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_slice_in(
        src: &[T],
        arena: &'a Arena<'a>,
    ) -> Result<ArenaVec<'a, T>, ArenaError> {
        let mut vec = ArenaVec {
            buf: RawBuf::with_capacity_in(Self::ELEM, src.len(), Self::ELEM.align(), arena)?,
            len: 0,
            _elems: PhantomData,
        };
        vec.copy_to_end(src);
        Ok(vec)
    }

    /// A vector holding a copy of `src`, as
    /// [`try_from_slice_in`](ArenaVec::try_from_slice_in).
    ///
    /// # Panics
    ///
    /// When `try_from_slice_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::from_slice_in(&['a', 'b'], &arena);
    /// assert_eq!(v, ['a', 'b']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_slice_in(src: &[T], arena: &'a Arena<'a>) -> ArenaVec<'a, T> {
        unwrap(Self::try_from_slice_in(src, arena))
    }

    /// A vector holding the items of `iter`, in order.
    ///
    /// Reserves the iterator's lower size bound first, then pushes.
    ///
    /// # Errors
    ///
    /// As for [`try_push`](ArenaVec::try_push). The items pushed before the
    /// failure stay in the arena, unused, until it is reset.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let squares = ArenaVec::try_from_iter_in((1..=4u32).map(|n| n * n), &arena)?;
    /// assert_eq!(squares, [1, 4, 9, 16]);
    /// assert!(ArenaVec::try_from_iter_in(0..1000u64, &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_iter_in<I: IntoIterator<Item = T>>(
        iter: I,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaVec<'a, T>, ArenaError> {
        let iter = iter.into_iter();
        let mut vec = ArenaVec::new_in(arena);
        vec.try_reserve(iter.size_hint().0)?;
        for item in iter {
            vec.try_push(item)?;
        }
        Ok(vec)
    }

    /// A vector holding the items of `iter`, as
    /// [`try_from_iter_in`](ArenaVec::try_from_iter_in).
    ///
    /// # Panics
    ///
    /// When `try_from_iter_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let evens = ArenaVec::from_iter_in((0..10u8).filter(|n| n % 2 == 0), &arena);
    /// assert_eq!(evens, [0, 2, 4, 6, 8]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_iter_in<I: IntoIterator<Item = T>>(
        iter: I,
        arena: &'a Arena<'a>,
    ) -> ArenaVec<'a, T> {
        unwrap(Self::try_from_iter_in(iter, arena))
    }

    // ----- figures ---------------------------------------------------------------

    /// The number of elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    /// assert_eq!(v.len(), 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the vector has no elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::new_in(&arena);
    /// assert!(v.is_empty());
    /// v.push(1u8);
    /// assert!(!v.is_empty());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many elements the buffer holds before it must grow (`usize::MAX`
    /// for zero-sized `T`).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut v = ArenaVec::<u32>::with_capacity_in(3, &arena);
    /// assert_eq!(v.capacity(), 3);
    /// v.extend_from_slice(&[1, 2, 3, 4]);
    /// assert!(v.capacity() >= 4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// The arena the buffer lives in.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::<u8>::new_in(&arena);
    /// assert!(core::ptr::eq(v.arena(), &arena));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn arena(&self) -> &'a Arena<'a> {
        self.buf.arena()
    }

    // ----- views -----------------------------------------------------------------

    /// The elements, as a slice.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::from_slice_in(&[1, 2], &arena);
    /// assert_eq!(v.as_slice(), &[1, 2]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn as_slice(&self) -> &[T] {
        debug_assert!(self.len <= self.buf.capacity());
        debug_assert!(self.as_ptr().is_aligned());
        // SAFETY: the buffer is aligned for `T` (or dangling and aligned when
        // empty), its first `len` elements are initialised, and it lives as
        // long as `self` borrows the arena; `&self` excludes writers.
        unsafe { slice::from_raw_parts(self.as_ptr(), self.len) }
    }

    /// The elements, as a mutable slice.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2], &arena);
    /// v.as_mut_slice()[0] = 5;
    /// assert_eq!(v, [5, 2]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as in `as_slice`, and `&mut self` makes this the only
        // reference to the buffer.
        unsafe { slice::from_raw_parts_mut(self.as_mut_ptr(), self.len) }
    }

    /// A pointer to the start of the buffer (dangling but aligned when the
    /// capacity is 0).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::from_slice_in(&[7u16], &arena);
    /// // SAFETY: the vector holds one element.
    /// assert_eq!(unsafe { *v.as_ptr() }, 7);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn as_ptr(&self) -> *const T {
        self.buf.ptr().as_ptr().cast::<T>()
    }

    /// A mutable pointer to the start of the buffer (dangling but aligned when
    /// the capacity is 0).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[7u16], &arena);
    /// // SAFETY: the vector holds one element.
    /// unsafe { *v.as_mut_ptr() = 8 };
    /// assert_eq!(v, [8]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.buf.ptr().as_ptr().cast::<T>()
    }

    /// Turns the vector into a slice that lives as long as the arena borrow,
    /// giving the unused capacity back to the arena when the buffer is its most
    /// recent allocation.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut v = ArenaVec::<u8>::with_capacity_in(100, &arena);
    /// v.extend_from_slice(b"abc");
    /// let frozen: &mut [u8] = v.into_slice();
    /// assert_eq!(frozen, b"abc");
    /// assert_eq!(arena.used(), 3); // the other 97 bytes came back
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn into_slice(self) -> &'a mut [T] {
        self.buf.give_back_tail(Self::ELEM, self.len);
        // SAFETY: the first `len` elements are initialised and aligned; the
        // buffer stays valid for `'a`, the arena borrow (resetting the arena
        // needs `&mut`, which that borrow excludes); `self` is consumed, so
        // nothing else refers to the elements. The tail given back starts past
        // them.
        unsafe { slice::from_raw_parts_mut(self.buf.ptr().as_ptr().cast::<T>(), self.len) }
    }

    // ----- capacity ----------------------------------------------------------------

    /// Makes room for at least `additional` more elements.
    ///
    /// # Errors
    ///
    /// [`ArenaError::SizeOverflow`] if the total overflows; otherwise as for
    /// [`Arena::try_alloc`]. The vector is unchanged on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut v = ArenaVec::<u64>::new_in(&arena);
    /// v.try_reserve(10)?;
    /// assert!(v.capacity() >= 10);
    /// assert!(v.try_reserve(1000).is_err());
    /// assert!(v.capacity() < 1000);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_reserve(&mut self, additional: usize) -> Result<(), ArenaError> {
        let required = self
            .len
            .checked_add(additional)
            .ok_or(ArenaError::SizeOverflow)?;
        self.buf.try_reserve_total(Self::ELEM, self.len, required)
    }

    /// Makes room for at least `additional` more elements, as
    /// [`try_reserve`](ArenaVec::try_reserve).
    ///
    /// # Panics
    ///
    /// When `try_reserve` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut v = ArenaVec::<u8>::new_in(&arena);
    /// v.reserve(50);
    /// assert!(v.capacity() >= 50);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn reserve(&mut self, additional: usize) {
        unwrap(self.try_reserve(additional));
    }

    // ----- adding ------------------------------------------------------------------

    /// Appends `value`.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaVec::try_reserve)`(1)`; the vector is
    /// unchanged on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::new_in(&arena);
    /// v.try_push(1u64)?;
    /// while v.try_push(2).is_ok() {}
    /// assert_eq!(v.len(), 8); // 64 bytes of u64
    /// assert_eq!(v[0], 1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_push(&mut self, value: T) -> Result<(), ArenaError> {
        let len = self.len;
        if len == self.buf.capacity() {
            self.grow_by_value(1)?;
        }
        debug_assert!(len < self.buf.capacity());
        // SAFETY: `len < capacity`, so the slot is inside the buffer, aligned,
        // and not aliased (`&mut self`).
        unsafe { self.as_mut_ptr().add(len).write(value) };
        self.len = len + 1;
        Ok(())
    }

    /// [`try_extend_from_slice`](ArenaVec::try_extend_from_slice) for a
    /// vector that lives behind a pointer anyway (the string a `fmt::Write`
    /// adapter writes into): making room is a call that takes `&mut self`,
    /// which there costs fewer moves than passing the buffer's parts by value
    /// and storing them back (`format_in!`: 583 instructions a string the
    /// other way, 552 this way).
    #[inline]
    pub(crate) fn try_extend_from_slice_behind_ref(&mut self, src: &[T]) -> Result<(), ArenaError> {
        if self.buf.capacity() - self.len < src.len() {
            self.grow_by_ref(src.len())?;
        }
        self.copy_to_end(src);
        Ok(())
    }

    /// Room for `additional` more elements, which do not fit now; out of
    /// line, through `&mut self`.
    #[inline(never)]
    fn grow_by_ref(&mut self, additional: usize) -> Result<(), ArenaError> {
        debug_assert!(self.buf.capacity() - self.len < additional);
        self.try_reserve(additional)
    }

    /// Room for `additional` more elements, which do not fit now, through [`RawBuf::grown`]: out
    /// of line, and with the buffer's parts passed by value, so that neither
    /// this vector's address nor its fields escape into the call (see there).
    #[inline(always)]
    fn grow_by_value(&mut self, additional: usize) -> Result<(), ArenaError> {
        let grown = Self::grown_parts(
            self.buf.ptr(),
            self.buf.capacity(),
            self.buf.arena(),
            self.len,
            additional,
        )?;
        self.buf.set_grown(grown);
        Ok(())
    }

    /// [`RawBuf::grown`] for this element type, out of line: one copy per
    /// `T`, with the element's layout a constant in it.
    #[inline(never)]
    fn grown_parts(
        ptr: core::ptr::NonNull<u8>,
        cap: usize,
        arena: &'a Arena<'a>,
        len: usize,
        additional: usize,
    ) -> Result<(core::ptr::NonNull<u8>, usize), ArenaError> {
        RawBuf::grown(ptr, cap, arena, Self::ELEM, len, additional)
    }

    /// Appends `value`, as [`try_push`](ArenaVec::try_push).
    ///
    /// # Panics
    ///
    /// When `try_push` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::new_in(&arena);
    /// v.push('x');
    /// assert_eq!(v, ['x']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn push(&mut self, value: T) {
        unwrap(self.try_push(value));
    }

    /// Inserts `value` at `index`, shifting the elements after it right.
    ///
    /// # Errors
    ///
    /// As for [`try_push`](ArenaVec::try_push); the vector is unchanged on
    /// failure.
    ///
    /// # Panics
    ///
    /// If `index > len()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 3], &arena);
    /// v.try_insert(1, 2)?;
    /// assert_eq!(v, [1, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn try_insert(&mut self, index: usize, value: T) -> Result<(), ArenaError> {
        let len = self.len;
        assert!(
            index <= len,
            "insertion index (is {index}) should be <= len (is {len})"
        );
        if len == self.buf.capacity() {
            self.try_reserve(1)?;
        }
        debug_assert!(index <= len && len < self.buf.capacity());
        // SAFETY: `index <= len < capacity`: the source `[index, len)` and the
        // destination `[index + 1, len + 1)` are inside the buffer (`ptr::copy`
        // allows overlap), and so is the slot written at `index`.
        unsafe {
            let at = self.as_mut_ptr().add(index);
            ptr::copy(at, at.add(1), len - index);
            at.write(value);
        }
        self.len = len + 1;
        Ok(())
    }

    /// Inserts `value` at `index`, as [`try_insert`](ArenaVec::try_insert).
    ///
    /// # Panics
    ///
    /// If `index > len()`, or when `try_insert` would return an error, with its
    /// message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[2, 3], &arena);
    /// v.insert(0, 1);
    /// assert_eq!(v, [1, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn insert(&mut self, index: usize, value: T) {
        unwrap(self.try_insert(index, value));
    }

    /// Appends a copy of `src`.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaVec::try_reserve)`(src.len())`; the vector
    /// is unchanged on failure (never half-extended).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1u8], &arena);
    /// v.try_extend_from_slice(&[2, 3])?;
    /// assert_eq!(v, [1, 2, 3]);
    /// assert!(v.try_extend_from_slice(&[0; 100]).is_err());
    /// assert_eq!(v, [1, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_extend_from_slice(&mut self, src: &[T]) -> Result<(), ArenaError> {
        // The common case inline (it fits: copy); making room out of line,
        // so that a caller's code around it stays small.
        if self.buf.capacity() - self.len < src.len() {
            self.grow_by_value(src.len())?;
        }
        self.copy_to_end(src);
        Ok(())
    }

    /// Appends a copy of `src`, as
    /// [`try_extend_from_slice`](ArenaVec::try_extend_from_slice).
    ///
    /// # Panics
    ///
    /// When `try_extend_from_slice` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::new_in(&arena);
    /// v.extend_from_slice(b"hi");
    /// assert_eq!(v, *b"hi");
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn extend_from_slice(&mut self, src: &[T]) {
        unwrap(self.try_extend_from_slice(src));
    }

    /// Copies `src` after the last element; the room must be reserved.
    #[inline]
    fn copy_to_end(&mut self, src: &[T]) {
        debug_assert!(self.buf.capacity() - self.len >= src.len());
        // SAFETY:
        // 1. The caller reserved room: `[len, len + src.len())` is inside the
        //    buffer, aligned, and written only through `&mut self`.
        // 2. `src` cannot overlap it: it is a shared borrow that lives while
        //    `&mut self` does, and the room past `len` is handed out by nothing.
        unsafe {
            ptr::copy_nonoverlapping(src.as_ptr(), self.as_mut_ptr().add(self.len), src.len());
        }
        self.len += src.len();
    }

    /// Resizes to `new_len`: truncates, or appends copies of `value`.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaVec::try_reserve); the vector is unchanged
    /// on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1u8], &arena);
    /// v.try_resize(3, 0)?;
    /// assert_eq!(v, [1, 0, 0]);
    /// v.try_resize(1, 9)?;
    /// assert_eq!(v, [1]);
    /// assert!(v.try_resize(1000, 0).is_err());
    /// assert_eq!(v, [1]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_resize(&mut self, new_len: usize, value: T) -> Result<(), ArenaError> {
        if new_len <= self.len {
            self.truncate(new_len);
            return Ok(());
        }
        self.try_reserve(new_len - self.len)?;
        debug_assert!(new_len <= self.buf.capacity());
        // A zero-sized value has no bytes to write: skip the loop, which could
        // otherwise run up to `usize::MAX` times.
        if mem::size_of::<T>() != 0 {
            let base = self.as_mut_ptr();
            for index in self.len..new_len {
                // SAFETY: the room for `new_len` elements was reserved just
                // above, so each slot is inside the buffer and aligned; it is
                // written through the buffer's raw pointer, so no reference to
                // another element is made.
                unsafe { base.add(index).write(value) };
            }
        }
        self.len = new_len;
        Ok(())
    }

    /// Resizes to `new_len`, as [`try_resize`](ArenaVec::try_resize).
    ///
    /// # Panics
    ///
    /// When `try_resize` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::new_in(&arena);
    /// v.resize(2, 'z');
    /// assert_eq!(v, ['z', 'z']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn resize(&mut self, new_len: usize, value: T) {
        unwrap(self.try_resize(new_len, value));
    }

    /// Throws the vector away, giving its buffer back to the arena if it is the
    /// arena's most recent allocation (else it stays until the reset).
    pub(crate) fn discard(self) {
        self.buf.give_back_tail(Self::ELEM, 0);
    }

    /// Resizes to `new_len`: truncates, or appends zeroed elements with one
    /// `memset` (no per-element loop). `T`'s zero value is valid by
    /// [`ArenaPod`]'s contract.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaVec::try_reserve); the vector is unchanged
    /// on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut v = ArenaVec::from_slice_in(&[7u32], &arena);
    /// v.try_resize_zeroed(4)?;
    /// assert_eq!(v, [7, 0, 0, 0]);
    /// v.try_resize_zeroed(2)?;
    /// assert_eq!(v, [7, 0]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_resize_zeroed(&mut self, new_len: usize) -> Result<(), ArenaError>
    where
        T: ArenaPod,
    {
        if new_len <= self.len {
            self.truncate(new_len);
            return Ok(());
        }
        self.try_reserve(new_len - self.len)?;
        debug_assert!(new_len <= self.buf.capacity());
        let added = new_len - self.len;
        // SAFETY: the room for `new_len` elements was reserved just above, so
        // the `added` slots after `len` are inside the buffer.
        unsafe {
            let tail = self.as_mut_ptr().add(self.len);
            ptr::write_bytes(tail.cast::<u8>(), 0, added * mem::size_of::<T>());
        }
        self.len = new_len;
        Ok(())
    }

    /// Resizes to `new_len` with zeroed elements, as
    /// [`try_resize_zeroed`](ArenaVec::try_resize_zeroed).
    ///
    /// # Panics
    ///
    /// When `try_resize_zeroed` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut v: ArenaVec<'_, f32> = ArenaVec::new_in(&arena);
    /// v.resize_zeroed(3);
    /// assert_eq!(v, [0.0; 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn resize_zeroed(&mut self, new_len: usize)
    where
        T: ArenaPod,
    {
        unwrap(self.try_resize_zeroed(new_len));
    }

    /// The elements as bytes: `T` has no padding or other uninitialised bytes
    /// by [`ArenaPod`]'s contract, so every byte is initialised.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let v = ArenaVec::from_slice_in(&[1u16, 0x0203], &arena);
    /// assert_eq!(v.as_bytes().len(), 4);
    /// assert_eq!(v.as_bytes(), bytemuck::cast_slice::<u16, u8>(&[1, 0x0203]));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8]
    where
        T: ArenaPod,
    {
        let slice = self.as_slice();
        // SAFETY: `slice` covers `size_of_val(slice)` bytes, all initialised
        // (`ArenaPod` types have no padding), and `u8` has alignment 1; the
        // borrow of `self` keeps them alive and unchanged.
        unsafe { core::slice::from_raw_parts(slice.as_ptr().cast::<u8>(), mem::size_of_val(slice)) }
    }

    // ----- removing ------------------------------------------------------------------

    /// Removes and returns the last element, or `None` if empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2], &arena);
    /// assert_eq!(v.pop(), Some(2));
    /// assert_eq!(v.pop(), Some(1));
    /// assert_eq!(v.pop(), None);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        debug_assert!(self.len < self.buf.capacity());
        // SAFETY: the old last element, at the new `len`, is initialised and
        // inside the buffer. It is read through the raw pointer, so no other
        // element is touched.
        Some(unsafe { self.as_ptr().add(self.len).read() })
    }

    /// Removes and returns the element at `index`, shifting the elements after
    /// it left. O(n); see [`swap_remove`](ArenaVec::swap_remove) for O(1).
    ///
    /// # Panics
    ///
    /// If `index >= len()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    /// assert_eq!(v.remove(0), 1);
    /// assert_eq!(v, [2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn remove(&mut self, index: usize) -> T {
        let len = self.len;
        assert!(
            index < len,
            "removal index (is {index}) should be < len (is {len})"
        );
        debug_assert!(len <= self.buf.capacity());
        let new_len = len - 1;
        // SAFETY: `index < len <= capacity`: the element read is initialised,
        // and the tail `[index + 1, len)`, `new_len - index` elements, moved
        // one slot left stays inside the buffer (`ptr::copy` allows the
        // overlap). Raw pointers: the elements before `index` are not touched.
        let removed = unsafe {
            let at = self.as_mut_ptr().add(index);
            let removed = at.read();
            ptr::copy(at.add(1), at, new_len - index);
            removed
        };
        self.len = new_len;
        removed
    }

    /// Removes and returns the element at `index`, moving the last element into
    /// its place: O(1), but the order changes (Clay's remove-swapback).
    ///
    /// # Panics
    ///
    /// If `index >= len()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4], &arena);
    /// assert_eq!(v.swap_remove(0), 1);
    /// assert_eq!(v, [4, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn swap_remove(&mut self, index: usize) -> T {
        let len = self.len;
        assert!(
            index < len,
            "swap_remove index (is {index}) should be < len (is {len})"
        );
        debug_assert!(len <= self.buf.capacity());
        // SAFETY: `index < len <= capacity`: both `index` and `len - 1` are
        // initialised elements inside the buffer; they may be the same one,
        // which `ptr::copy` allows. Raw pointers: no other element is touched.
        let removed = unsafe {
            let base = self.as_mut_ptr();
            let removed = base.add(index).read();
            ptr::copy(base.add(len - 1), base.add(index), 1);
            removed
        };
        self.len = len - 1;
        removed
    }

    /// Keeps the first `len` elements and drops the rest; does nothing if
    /// `len >= self.len()`. The capacity is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    /// v.truncate(1);
    /// assert_eq!(v, [1]);
    /// v.truncate(5);
    /// assert_eq!(v, [1]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn truncate(&mut self, len: usize) {
        self.len = cmp::min(len, self.len);
    }

    /// Removes every element; the capacity is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    /// v.clear();
    /// assert!(v.is_empty());
    /// assert_eq!(v.capacity(), 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// Keeps only the elements for which `keep` returns `true`, in order.
    ///
    /// `keep` sees each element once, front to back, through a shared
    /// reference to that element alone. Only the elements that move are
    /// written: a raw pointer to an element kept before the first removal
    /// stays valid.
    ///
    /// If `keep` panics, the vector keeps the elements kept so far, then the
    /// element `keep` panicked on and every later one, each once: what std's
    /// `Vec::retain` leaves.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4, 5], &arena);
    /// v.retain(|&n| n % 2 == 1);
    /// assert_eq!(v, [1, 3, 5]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut keep: F) {
        let original_len = self.len;
        let mut retained = BackshiftOnDrop {
            vec: self,
            processed: 0,
            deleted: 0,
            original_len,
        };
        // The raw pointer, not a slice: only the element looked at and the one
        // moved are touched.
        let base = retained.vec.as_mut_ptr();
        while retained.processed != original_len {
            let index = retained.processed;
            // SAFETY: `index < original_len <= capacity`, so the element is
            // inside the buffer, aligned and initialised. The shared reference
            // covers this one element and ends when `keep` returns; nothing
            // writes the element meanwhile (`keep` cannot reach the vector,
            // which `retained` borrows mutably).
            let elem = unsafe { &*base.add(index) };
            if !keep(elem) {
                retained.processed = index + 1;
                retained.deleted += 1;
                continue;
            }
            let deleted = retained.deleted;
            if deleted != 0 {
                // SAFETY:
                // 1. `index < original_len <= capacity`: the source is an
                //    initialised element in the buffer.
                // 2. `index - deleted` is the first removed slot (`deleted <=
                //    index`), in the buffer and free to overwrite.
                // 3. They do not overlap: `deleted > 0`.
                unsafe { ptr::copy_nonoverlapping(base.add(index), base.add(index - deleted), 1) };
            }
            retained.processed = index + 1;
        }
        // Dropping `retained` sets the length (the tail to shift is empty now).
    }
}

/// The state of [`ArenaVec::retain`]; on drop, at the end or when the
/// predicate panics, it moves the elements not yet looked at back over the
/// removed ones and sets the length, so the vector is whole either way (std's
/// `retain_mut` guard has the same job).
struct BackshiftOnDrop<'v, 'a, T: Copy> {
    vec: &'v mut ArenaVec<'a, T>,
    /// Elements looked at: `[0, processed)`.
    processed: usize,
    /// Of those, the ones removed; the kept ones are packed in
    /// `[0, processed - deleted)`.
    deleted: usize,
    /// The length before `retain`; `[processed, original_len)` is untouched.
    original_len: usize,
}

impl<T: Copy> Drop for BackshiftOnDrop<'_, '_, T> {
    fn drop(&mut self) {
        debug_assert!(self.deleted <= self.processed && self.processed <= self.original_len);
        debug_assert!(self.original_len <= self.vec.capacity());
        if self.deleted != 0 {
            let base = self.vec.as_mut_ptr();
            // SAFETY: `deleted <= processed <= original_len <= capacity`: the
            // source `[processed, original_len)` holds initialised elements
            // and the destination `[processed - deleted, original_len -
            // deleted)` is inside the buffer; `ptr::copy` allows the overlap.
            unsafe {
                ptr::copy(
                    base.add(self.processed),
                    base.add(self.processed - self.deleted),
                    self.original_len - self.processed,
                );
            }
        }
        self.vec.len = self.original_len - self.deleted;
    }
}

impl<T: Copy> Deref for ArenaVec<'_, T> {
    type Target = [T];

    #[inline(always)]
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy> DerefMut for ArenaVec<'_, T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: Copy> AsRef<[T]> for ArenaVec<'_, T> {
    fn as_ref(&self) -> &[T] {
        self
    }
}

impl<T: Copy> AsMut<[T]> for ArenaVec<'_, T> {
    fn as_mut(&mut self) -> &mut [T] {
        self
    }
}

impl<T: Copy> Borrow<[T]> for ArenaVec<'_, T> {
    fn borrow(&self) -> &[T] {
        self
    }
}

impl<T: Copy> BorrowMut<[T]> for ArenaVec<'_, T> {
    fn borrow_mut(&mut self) -> &mut [T] {
        self
    }
}

/// Pushes every item; panics when the arena runs out (use
/// [`try_push`](ArenaVec::try_push) to handle that).
impl<T: Copy> Extend<T> for ArenaVec<'_, T> {
    #[track_caller]
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for item in iter {
            self.push(item);
        }
    }
}

/// Pushes a copy of every item; panics when the arena runs out.
impl<'b, T: Copy + 'b> Extend<&'b T> for ArenaVec<'_, T> {
    #[track_caller]
    fn extend<I: IntoIterator<Item = &'b T>>(&mut self, iter: I) {
        self.extend(iter.into_iter().copied());
    }
}

impl<'a, T: Copy + 'a> IntoIterator for ArenaVec<'a, T> {
    type Item = T;
    type IntoIter = IntoIter<'a, T>;

    fn into_iter(self) -> IntoIter<'a, T> {
        IntoIter::new(self.into_slice())
    }
}

impl<'v, T: Copy> IntoIterator for &'v ArenaVec<'_, T> {
    type Item = &'v T;
    type IntoIter = slice::Iter<'v, T>;

    fn into_iter(self) -> slice::Iter<'v, T> {
        self.iter()
    }
}

impl<'v, T: Copy> IntoIterator for &'v mut ArenaVec<'_, T> {
    type Item = &'v mut T;
    type IntoIter = slice::IterMut<'v, T>;

    fn into_iter(self) -> slice::IterMut<'v, T> {
        self.iter_mut()
    }
}

impl<T: Copy + fmt::Debug> fmt::Debug for ArenaVec<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

impl<'b, T: Copy + PartialEq<U>, U: Copy> PartialEq<ArenaVec<'b, U>> for ArenaVec<'_, T> {
    #[inline]
    fn eq(&self, other: &ArenaVec<'b, U>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

/// Compares an `ArenaVec` with slices, arrays and `Vec`s, both ways round.
/// Attributes (doc comments, `cfg`) written before an entry go on its `impl`.
macro_rules! impl_slice_eq {
    ($($(#[$attr:meta])* [$($generics:tt)*] $lhs:ty, $rhs:ty;)*) => {$(
        $(#[$attr])*
        impl<$($generics)*> PartialEq<$rhs> for $lhs
        where
            T: PartialEq<U>,
        {
            #[inline]
            fn eq(&self, other: &$rhs) -> bool {
                self[..] == other[..]
            }
        }
    )*};
}

impl_slice_eq! {
    ['a, T: Copy, U] ArenaVec<'a, T>, [U];
    /// Compares the elements with a slice's.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    /// let slice: &[i32] = &[1, 2, 3];
    /// assert_eq!(v, slice);
    /// assert_ne!(v, &slice[..2]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ['a, 'b, T: Copy, U] ArenaVec<'a, T>, &'b [U];
    ['a, 'b, T: Copy, U] ArenaVec<'a, T>, &'b mut [U];
    ['a, T: Copy, U, const N: usize] ArenaVec<'a, T>, [U; N];
    ['a, 'b, T: Copy, U, const N: usize] ArenaVec<'a, T>, &'b [U; N];
    ['a, T, U: Copy] [T], ArenaVec<'a, U>;
    /// Compares a slice's elements with the vector's.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let slice: &[i32] = &[1, 2];
    /// assert_eq!(slice, ArenaVec::from_slice_in(&[1, 2], &arena));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ['a, 'b, T, U: Copy] &'b [T], ArenaVec<'a, U>;
    ['a, 'b, T, U: Copy] &'b mut [T], ArenaVec<'a, U>;
    ['a, T, U: Copy, const N: usize] [T; N], ArenaVec<'a, U>;
    // `ArenaVec` and std's `Vec`, both ways round.
    /// Compares the elements with a `Vec`'s.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    /// assert_eq!(v, vec![1, 2, 3]);
    /// assert_ne!(v, vec![1, 2]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[cfg(feature = "alloc")]
    ['a, T: Copy, U] ArenaVec<'a, T>, alloc::vec::Vec<U>;
    /// Compares a `Vec`'s elements with the arena vector's.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// assert_eq!(vec!['a', 'b'], ArenaVec::from_slice_in(&['a', 'b'], &arena));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[cfg(feature = "alloc")]
    ['a, T, U: Copy] alloc::vec::Vec<T>, ArenaVec<'a, U>;
}

impl<T: Copy + Eq> Eq for ArenaVec<'_, T> {}

impl<'b, T: Copy + PartialOrd> PartialOrd<ArenaVec<'b, T>> for ArenaVec<'_, T> {
    #[inline]
    fn partial_cmp(&self, other: &ArenaVec<'b, T>) -> Option<Ordering> {
        self.as_slice().partial_cmp(other.as_slice())
    }
}

impl<T: Copy + Ord> Ord for ArenaVec<'_, T> {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl<T: Copy + Hash> Hash for ArenaVec<'_, T> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

// ----- std's `Vec` methods, beyond the basics (issue 12) ----------------------------

impl<'a, T: Copy> ArenaVec<'a, T> {
    /// A vector of `n` copies of `value`, as `vec![value; n]`, with capacity
    /// `n` (aligned as for [`try_with_capacity_in`](ArenaVec::try_with_capacity_in)).
    ///
    /// # Errors
    ///
    /// As for [`try_with_capacity_in`](ArenaVec::try_with_capacity_in).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::try_from_elem_in(7u8, 3, &arena)?;
    /// assert_eq!(v, [7, 7, 7]);
    /// assert!(ArenaVec::try_from_elem_in(0u64, 100, &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_elem_in(
        value: T,
        n: usize,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaVec<'a, T>, ArenaError> {
        let mut vec = Self::try_with_capacity_in(n, arena)?;
        if mem::size_of::<T>() == 0 {
            // Nothing to write: no loop over a possibly `usize::MAX` length.
            vec.len = n;
            return Ok(vec);
        }
        let base = vec.as_mut_ptr();
        for index in 0..n {
            // SAFETY: the capacity is `n`, so each slot is inside the buffer
            // and aligned; nothing else refers to the fresh buffer.
            unsafe { base.add(index).write(value) };
        }
        vec.len = n;
        Ok(vec)
    }

    /// A vector of `n` copies of `value`, as
    /// [`try_from_elem_in`](ArenaVec::try_from_elem_in).
    ///
    /// # Panics
    ///
    /// When `try_from_elem_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::from_elem_in('-', 2, &arena);
    /// assert_eq!(v, ['-', '-']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_elem_in(value: T, n: usize, arena: &'a Arena<'a>) -> ArenaVec<'a, T> {
        unwrap(Self::try_from_elem_in(value, n, arena))
    }

    /// A copy of the vector in the same arena, with capacity `len()`.
    ///
    /// # Errors
    ///
    /// As for [`try_from_slice_in`](ArenaVec::try_from_slice_in).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let v = ArenaVec::from_slice_in(&[1u8, 2, 3], &arena);
    /// let copy = v.try_clone()?;
    /// assert_eq!(copy, v);
    /// let big = ArenaVec::from_slice_in(&[0u8; 40], &arena);
    /// assert!(big.try_clone().is_err()); // 40 of 64 bytes taken already
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_clone(&self) -> Result<ArenaVec<'a, T>, ArenaError> {
        Self::try_from_slice_in(self.as_slice(), self.arena())
    }

    // ----- capacity ------------------------------------------------------------------

    /// Makes room for exactly `additional` more elements: no amortised
    /// doubling, so the capacity becomes `len() + additional` when it grows.
    /// It grows in place when the buffer is the arena's newest allocation.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaVec::try_reserve); the vector is unchanged
    /// on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1u8], &arena);
    /// v.try_reserve_exact(5)?;
    /// assert_eq!(v.capacity(), 6);
    /// assert!(v.try_reserve_exact(100).is_err());
    /// assert_eq!(v.capacity(), 6);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_reserve_exact(&mut self, additional: usize) -> Result<(), ArenaError> {
        let required = self
            .len
            .checked_add(additional)
            .ok_or(ArenaError::SizeOverflow)?;
        self.buf
            .try_reserve_exact_total(Self::ELEM, self.len, required)
    }

    /// Makes room for exactly `additional` more elements, as
    /// [`try_reserve_exact`](ArenaVec::try_reserve_exact).
    ///
    /// # Panics
    ///
    /// When `try_reserve_exact` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::<u16>::new_in(&arena);
    /// v.reserve_exact(3);
    /// assert_eq!(v.capacity(), 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn reserve_exact(&mut self, additional: usize) {
        unwrap(self.try_reserve_exact(additional));
    }

    /// Lowers the capacity to `len()`, giving the tail back to the arena, when
    /// the buffer is the arena's newest allocation; otherwise the capacity
    /// stays (moving to a smaller buffer would leave the old one in the arena
    /// until the reset: more memory used, not less). A sealed arena (one with a
    /// live [ephemeral](Arena::ephemeral) child) takes nothing back either.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut v = ArenaVec::<u8>::with_capacity_in(100, &arena);
    /// v.extend_from_slice(b"abc");
    /// v.shrink_to_fit();
    /// assert_eq!(v.capacity(), 3);
    /// assert_eq!(arena.used(), 3);
    ///
    /// let mut older = ArenaVec::<u8>::with_capacity_in(10, &arena);
    /// let _newer = ArenaVec::<u8>::with_capacity_in(10, &arena);
    /// older.shrink_to_fit(); // not the newest: nothing to give back
    /// assert_eq!(older.capacity(), 10);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn shrink_to_fit(&mut self) {
        self.buf.shrink_to(Self::ELEM, self.len);
    }

    /// Lowers the capacity to `max(len(), min_capacity)`, as
    /// [`shrink_to_fit`](ArenaVec::shrink_to_fit) (only when the buffer is the
    /// arena's newest allocation); does nothing if the capacity is already
    /// lower.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let mut v = ArenaVec::<u32>::with_capacity_in(20, &arena);
    /// v.push(1);
    /// v.shrink_to(5);
    /// assert_eq!(v.capacity(), 5);
    /// assert_eq!(arena.used(), 5 * 4);
    /// v.shrink_to(0);
    /// assert_eq!(v.capacity(), 1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn shrink_to(&mut self, min_capacity: usize) {
        self.buf
            .shrink_to(Self::ELEM, cmp::max(self.len, min_capacity));
    }

    /// The spare capacity, after the elements, as uninitialised slots: write
    /// some, then [`set_len`](ArenaVec::set_len) to take them in.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::<u8>::with_capacity_in(4, &arena);
    /// v.push(1);
    /// let spare = v.spare_capacity_mut();
    /// assert_eq!(spare.len(), 3);
    /// spare[0].write(2);
    /// spare[1].write(3);
    /// // SAFETY: the two slots after the first element were just written.
    /// unsafe { v.set_len(3) };
    /// assert_eq!(v, [1, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn spare_capacity_mut(&mut self) -> &mut [MaybeUninit<T>] {
        let spare = self.buf.capacity() - self.len;
        // SAFETY: `[len, capacity)` lies inside the buffer (or is empty at a
        // dangling, aligned pointer), aligned for `T`; `MaybeUninit<T>` needs no
        // initialisation; `&mut self` makes this the only reference to it, and
        // it does not overlap the elements.
        unsafe {
            slice::from_raw_parts_mut(
                self.as_mut_ptr().add(self.len).cast::<MaybeUninit<T>>(),
                spare,
            )
        }
    }

    /// Sets the length without touching the buffer.
    ///
    /// # Safety
    ///
    /// - `new_len <= capacity()`.
    /// - The elements at `old_len..new_len` are initialised (for example
    ///   through [`spare_capacity_mut`](ArenaVec::spare_capacity_mut)).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    /// // SAFETY: 1 <= capacity, and shrinking initialises nothing new.
    /// unsafe { v.set_len(1) };
    /// assert_eq!(v, [1]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub unsafe fn set_len(&mut self, new_len: usize) {
        debug_assert!(new_len <= self.buf.capacity());
        self.len = new_len;
    }

    // ----- adding ------------------------------------------------------------------

    /// Appends a copy of the elements in `src`, a range of the vector itself.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaVec::try_reserve); the vector is unchanged
    /// on failure.
    ///
    /// # Panics
    ///
    /// If the range starts after it ends or ends after `len()` (checked before
    /// anything is allocated).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1u64, 2, 3], &arena);
    /// v.try_extend_from_within(1..)?;
    /// assert_eq!(v, [1, 2, 3, 2, 3]);
    /// assert!(v.try_extend_from_within(..).is_err()); // 80 bytes of 64
    /// assert_eq!(v, [1, 2, 3, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn try_extend_from_within<R: RangeBounds<usize>>(
        &mut self,
        src: R,
    ) -> Result<(), ArenaError> {
        let src = drain::resolve_range(src, self.len);
        let count = src.end - src.start;
        self.try_reserve(count)?;
        debug_assert!(self.len + count <= self.buf.capacity());
        // SAFETY:
        // 1. `src` lies in `[0, len)`: initialised, inside the buffer.
        // 2. Room for `count` more was reserved: `[len, len + count)` is inside
        //    the buffer, aligned, and past `src`, so they do not overlap.
        // 3. Both pointers come from the buffer's own pointer: no other element
        //    is reborrowed.
        unsafe {
            let base = self.as_mut_ptr();
            ptr::copy_nonoverlapping(base.add(src.start), base.add(self.len), count);
        }
        self.len += count;
        Ok(())
    }

    /// Appends a copy of the elements in `src`, as
    /// [`try_extend_from_within`](ArenaVec::try_extend_from_within).
    ///
    /// # Panics
    ///
    /// If the range is out of bounds, or when `try_extend_from_within` would
    /// return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&['a', 'b'], &arena);
    /// v.extend_from_within(..1);
    /// assert_eq!(v, ['a', 'b', 'a']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn extend_from_within<R: RangeBounds<usize>>(&mut self, src: R) {
        unwrap(self.try_extend_from_within(src));
    }

    /// Moves every element of `other` to the end of `self`, leaving `other`
    /// empty (its capacity stays). `other` may live in another arena.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaVec::try_reserve); both vectors are
    /// unchanged on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut a = ArenaVec::from_slice_in(&[1, 2], &arena);
    /// let mut b = ArenaVec::from_slice_in(&[3], &arena);
    /// a.try_append(&mut b)?;
    /// assert_eq!(a, [1, 2, 3]);
    /// assert!(b.is_empty());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_append(&mut self, other: &mut ArenaVec<'_, T>) -> Result<(), ArenaError> {
        let count = other.len;
        self.try_reserve(count)?;
        debug_assert!(self.len + count <= self.buf.capacity());
        // SAFETY:
        // 1. `other`'s first `count` elements are initialised.
        // 2. Room for `count` more was reserved in `self`: `[len, len + count)`
        //    is inside its buffer and aligned.
        // 3. The two buffers are distinct allocations, each used only by its
        //    vector (`RawBuf`'s invariant), and both vectors are borrowed
        //    mutably here, so the ranges do not overlap.
        unsafe {
            ptr::copy_nonoverlapping(other.as_ptr(), self.as_mut_ptr().add(self.len), count);
        }
        self.len += count;
        other.len = 0;
        Ok(())
    }

    /// Moves every element of `other` to the end of `self`, as
    /// [`try_append`](ArenaVec::try_append).
    ///
    /// # Panics
    ///
    /// When `try_append` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut a = ArenaVec::from_slice_in(&[1], &arena);
    /// let mut b = ArenaVec::from_slice_in(&[2, 3], &arena);
    /// a.append(&mut b);
    /// assert_eq!((a.len(), b.len()), (3, 0));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn append(&mut self, other: &mut ArenaVec<'_, T>) {
        unwrap(self.try_append(other));
    }

    /// Resizes to `new_len`: truncates, or appends values returned by `fill`,
    /// called once per new element, in order.
    ///
    /// If `fill` panics, the elements it returned before stay (as with std's
    /// `Vec::resize_with`).
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaVec::try_reserve), checked before `fill`
    /// is called; the vector is unchanged on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[0u32], &arena);
    /// let mut next = 0;
    /// v.try_resize_with(4, || { next += 10; next })?;
    /// assert_eq!(v, [0, 10, 20, 30]);
    /// v.try_resize_with(2, || unreachable!())?;
    /// assert_eq!(v, [0, 10]);
    /// assert!(v.try_resize_with(100, || 0).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_resize_with<F: FnMut() -> T>(
        &mut self,
        new_len: usize,
        mut fill: F,
    ) -> Result<(), ArenaError> {
        if new_len <= self.len {
            self.truncate(new_len);
            return Ok(());
        }
        self.try_reserve(new_len - self.len)?;
        debug_assert!(new_len <= self.buf.capacity());
        let base = self.as_mut_ptr();
        // One call of `fill` per element is the contract, zero-sized `T`
        // included, as in std.
        while self.len < new_len {
            let value = fill();
            // SAFETY: `len < new_len <= capacity`: the slot is inside the
            // buffer, aligned, past the elements, and written only here.
            unsafe { base.add(self.len).write(value) };
            // After each write: a panic in `fill` keeps what was written.
            self.len += 1;
        }
        Ok(())
    }

    /// Resizes to `new_len` with values from `fill`, as
    /// [`try_resize_with`](ArenaVec::try_resize_with).
    ///
    /// # Panics
    ///
    /// When `try_resize_with` would return an error, with its message; and if
    /// `fill` panics.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::<u8>::new_in(&arena);
    /// v.resize_with(3, Default::default);
    /// assert_eq!(v, [0u8; 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn resize_with<F: FnMut() -> T>(&mut self, new_len: usize, fill: F) {
        unwrap(self.try_resize_with(new_len, fill));
    }

    // ----- removing ------------------------------------------------------------------

    /// Removes the elements in `range` and returns them as an iterator; the
    /// whole range is removed when the iterator is dropped, even if it was not
    /// run to the end.
    ///
    /// # Panics
    ///
    /// If the range starts after it ends or ends after `len()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4, 5], &arena);
    /// let middle: Vec<i32> = v.drain(1..4).collect();
    /// assert_eq!(middle, [2, 3, 4]);
    /// assert_eq!(v, [1, 5]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn drain<R: RangeBounds<usize>>(&mut self, range: R) -> Drain<'_, 'a, T> {
        let range = drain::resolve_range(range, self.len);
        Drain::new(self, range)
    }

    /// Replaces the elements in `range` with the items of `replace_with`, all
    /// or nothing, and returns the removed elements as an iterator.
    ///
    /// The result is std's `Vec::splice`: the elements before the range, then
    /// the items, then the elements after the range. Unlike std, the
    /// replacement is done before this returns, so it can fail cleanly:
    ///
    /// 1. The items are copied into the spare capacity past the last element
    ///    (the buffer grows as needed; the iterator's
    ///    [`size_hint`](Iterator::size_hint) lower bound is reserved first, so
    ///    an exact-size iterator costs one reservation).
    /// 2. The removed range, the tail after it and the items are rearranged in
    ///    place (no copy of the removed elements is allocated): the items take
    ///    the range's place, the tail follows them (it does not move when as
    ///    many items come in as elements go out), and the removed elements end
    ///    up just past the new last element.
    /// 3. The returned [`Splice`] reads them from there while it borrows the
    ///    vector. Dropping it early, or leaking it, changes nothing: the
    ///    vector already holds its final elements.
    ///
    /// If `replace_with` panics, the vector is unchanged (std's `splice` would
    /// have removed the range and kept some of the items); every item is
    /// taken from the iterator, as in std.
    ///
    /// # Errors
    ///
    /// [`ArenaError::SizeOverflow`] if the length would overflow; otherwise as
    /// for [`try_reserve`](ArenaVec::try_reserve), for room for the items past
    /// the current length. On failure the vector is unchanged: same elements,
    /// same buffer, same capacity. The memory reserved meanwhile goes back to
    /// the arena if it is still the arena's newest allocation (that is, unless
    /// `replace_with` allocated in the arena itself), all but the padding that
    /// aligned a new buffer the vector had moved to. Note that the room
    /// needed is `len() + ` the number of items, even when the result is
    /// shorter: the removed elements are kept until the iterator is dropped.
    ///
    /// # Panics
    ///
    /// If the range starts after it ends or ends after `len()`, before
    /// `replace_with` is touched.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::<u64>::with_capacity_in(4, &arena);
    /// v.extend_from_slice(&[1, 2, 3, 4]);
    /// let removed: Vec<u64> = v.try_splice(1..3, [20, 30, 40])?.collect();
    /// assert_eq!(removed, [2, 3]);
    /// assert_eq!(v, [1, 20, 30, 40, 4]);
    ///
    /// // 5 + 4 elements of 8 bytes do not fit in 64: nothing changes.
    /// let used = arena.used();
    /// assert!(v.try_splice(.., [0; 4]).is_err());
    /// assert_eq!(v, [1, 20, 30, 40, 4]);
    /// assert_eq!(arena.used(), used);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn try_splice<R, I>(
        &mut self,
        range: R,
        replace_with: I,
    ) -> Result<Splice<'_, 'a, T>, ArenaError>
    where
        R: RangeBounds<usize>,
        I: IntoIterator<Item = T>,
    {
        let range = drain::resolve_range(range, self.len);
        splice::try_splice_in(self, range, replace_with)
    }

    /// Replaces the elements in `range` with the items of `replace_with` and
    /// returns the removed elements, as [`try_splice`](ArenaVec::try_splice).
    ///
    /// # Panics
    ///
    /// If the range starts after it ends or ends after `len()`, or when
    /// `try_splice` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&['a', 'b', 'c'], &arena);
    /// v.splice(1..2, "xyz".chars());
    /// assert_eq!(v, ['a', 'x', 'y', 'z', 'c']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn splice<R, I>(&mut self, range: R, replace_with: I) -> Splice<'_, 'a, T>
    where
        R: RangeBounds<usize>,
        I: IntoIterator<Item = T>,
    {
        unwrap(self.try_splice(range, replace_with))
    }

    /// Removes the elements in `range` for which `filter` returns `true`, as
    /// an iterator: each is removed when it is yielded. See [`ExtractIf`] for
    /// what stays when the iterator is dropped early or `filter` panics.
    ///
    /// # Panics
    ///
    /// If the range starts after it ends or ends after `len()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4, 5, 6], &arena);
    /// let evens: Vec<u8> = v.extract_if(..4, |n| *n % 2 == 0).collect();
    /// assert_eq!(evens, [2, 4]);
    /// assert_eq!(v, [1, 3, 5, 6]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn extract_if<F, R>(&mut self, range: R, filter: F) -> ExtractIf<'_, 'a, T, F>
    where
        F: FnMut(&mut T) -> bool,
        R: RangeBounds<usize>,
    {
        let range = drain::resolve_range(range, self.len);
        ExtractIf::new(self, range.start, range.end, filter)
    }

    /// Removes and returns the last element if `predicate` returns `true` for
    /// it; `None` if the vector is empty or the predicate says no.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4], &arena);
    /// assert_eq!(v.pop_if(|n| *n % 2 == 0), Some(4));
    /// assert_eq!(v.pop_if(|n| *n % 2 == 0), None);
    /// assert_eq!(v, [1, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn pop_if(&mut self, predicate: impl FnOnce(&mut T) -> bool) -> Option<T> {
        let last = self.len.checked_sub(1)?;
        // SAFETY: `last < len`: the element is initialised, inside the buffer
        // and aligned; the reference is made from the buffer's pointer, so the
        // other elements are not reborrowed.
        let elem = unsafe { &mut *self.as_mut_ptr().add(last) };
        if predicate(&mut *elem) {
            self.len = last;
            Some(*elem)
        } else {
            None
        }
    }

    /// Keeps only the elements for which `keep` returns `true`, in order,
    /// letting `keep` change them.
    ///
    /// If `keep` panics, the element it was looking at and all after it stay,
    /// as with std's `Vec::retain_mut`: nothing is duplicated or lost.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4], &arena);
    /// v.retain_mut(|n| {
    ///     *n *= 10;
    ///     *n != 20
    /// });
    /// assert_eq!(v, [10, 30, 40]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn retain_mut<F: FnMut(&mut T) -> bool>(&mut self, mut keep: F) {
        /// Closes the gap left by removed elements, on return and on unwind.
        struct Guard<'g, 'a, T> {
            vec: &'g mut ArenaVec<'a, T>,
            base: *mut T,
            processed: usize,
            deleted: usize,
            len: usize,
        }
        impl<T> Drop for Guard<'_, '_, T> {
            fn drop(&mut self) {
                // Nothing removed: nothing to move. (After the last element,
                // `processed == len` and the copy below is empty.)
                if self.deleted != 0 {
                    // SAFETY: `deleted <= processed <= len`: both ranges lie
                    // in the initialised part of the buffer; `ptr::copy`
                    // allows the overlap.
                    unsafe {
                        ptr::copy(
                            self.base.add(self.processed),
                            self.base.add(self.processed - self.deleted),
                            self.len - self.processed,
                        );
                    }
                }
                self.vec.len = self.len - self.deleted;
            }
        }

        let len = self.len;
        let base = self.as_mut_ptr();
        let mut guard = Guard {
            vec: self,
            base,
            processed: 0,
            deleted: 0,
            len,
        };
        while guard.processed < len {
            let index = guard.processed;
            // SAFETY: `index < len`: initialised, inside the buffer, aligned;
            // only this element is borrowed, from the buffer's pointer.
            let kept = keep(unsafe { &mut *base.add(index) });
            if kept {
                if guard.deleted != 0 {
                    // SAFETY: `index - deleted < index < len`: two distinct
                    // slots in the initialised part of the buffer.
                    unsafe {
                        ptr::copy_nonoverlapping(
                            base.add(index),
                            base.add(index - guard.deleted),
                            1,
                        )
                    };
                }
            } else {
                guard.deleted += 1;
            }
            // Only after `keep` returned: if it panics, this element stays.
            guard.processed += 1;
        }
    }

    /// Removes consecutive repeated elements, keeping the first of each run
    /// (as std's `Vec::dedup`).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1, 1, 2, 3, 3, 3, 1], &arena);
    /// v.dedup();
    /// assert_eq!(v, [1, 2, 3, 1]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn dedup(&mut self)
    where
        T: PartialEq,
    {
        self.dedup_by(|a, b| a == b);
    }

    /// Removes consecutive elements with the same key, keeping the first of
    /// each run.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[10, 11, 20, 21, 12], &arena);
    /// v.dedup_by_key(|n| *n / 10);
    /// assert_eq!(v, [10, 20, 12]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn dedup_by_key<K: PartialEq, F: FnMut(&mut T) -> K>(&mut self, mut key: F) {
        self.dedup_by(|a, b| key(a) == key(b));
    }

    /// Removes consecutive elements for which `same_bucket(current, kept)`
    /// returns `true`, where `kept` is the last element kept before `current`
    /// (as std's `Vec::dedup_by`, arguments in that order).
    ///
    /// If `same_bucket` panics, the elements it had not finished with stay, in
    /// order, as with std: nothing is duplicated or lost.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&['a', 'A', 'b', 'B', 'b'], &arena);
    /// v.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    /// assert_eq!(v, ['a', 'b']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn dedup_by<F: FnMut(&mut T, &mut T) -> bool>(&mut self, mut same_bucket: F) {
        /// Closes the gap between the kept and the unread elements, on return
        /// and on unwind.
        struct Guard<'g, 'a, T> {
            vec: &'g mut ArenaVec<'a, T>,
            base: *mut T,
            read: usize,
            write: usize,
            len: usize,
        }
        impl<T> Drop for Guard<'_, '_, T> {
            fn drop(&mut self) {
                // `read == write`: nothing was removed, the unread tail is in
                // place. (When `read == len` the copy below is empty.)
                if self.read != self.write {
                    // SAFETY: `write < read <= len`: both ranges lie in the
                    // initialised part of the buffer; `ptr::copy` allows the
                    // overlap.
                    unsafe {
                        ptr::copy(
                            self.base.add(self.read),
                            self.base.add(self.write),
                            self.len - self.read,
                        );
                    }
                }
                self.vec.len = self.write + (self.len - self.read);
            }
        }

        let len = self.len;
        if len <= 1 {
            return;
        }
        let base = self.as_mut_ptr();
        let mut guard = Guard {
            vec: self,
            base,
            read: 1,
            write: 1,
            len,
        };
        while guard.read < len {
            let (read, write) = (guard.read, guard.write);
            // SAFETY: `write - 1 < read < len`: two distinct initialised
            // elements, each borrowed alone from the buffer's pointer.
            let same = unsafe { same_bucket(&mut *base.add(read), &mut *base.add(write - 1)) };
            if !same {
                if read != write {
                    // SAFETY: `write < read < len`: distinct slots in the
                    // initialised part of the buffer.
                    unsafe { ptr::copy_nonoverlapping(base.add(read), base.add(write), 1) };
                }
                guard.write += 1;
            }
            guard.read += 1;
        }
    }

    /// Splits the vector in two at `at`: `self` keeps `[0, at)` (and its
    /// capacity), the returned vector, in the same arena, holds `[at, len)`
    /// with capacity `len - at`.
    ///
    /// # Errors
    ///
    /// As for [`try_from_slice_in`](ArenaVec::try_from_slice_in); `self` is
    /// unchanged on failure.
    ///
    /// # Panics
    ///
    /// If `at > len()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&[1u8, 2, 3, 4], &arena);
    /// let tail = v.try_split_off(1)?;
    /// assert_eq!((v.as_slice(), tail.as_slice()), (&[1][..], &[2, 3, 4][..]));
    /// let mut big = ArenaVec::from_slice_in(&[0u8; 40], &arena);
    /// assert!(big.try_split_off(0).is_err()); // 40 more bytes do not fit
    /// assert_eq!(big.len(), 40);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn try_split_off(&mut self, at: usize) -> Result<ArenaVec<'a, T>, ArenaError> {
        let len = self.len;
        assert!(
            at <= len,
            "`at` split index (is {at}) should be <= len (is {len})"
        );
        // SAFETY: `[at, len)` is initialised and inside the buffer; the shared
        // slice covers only those elements, and lives only for the copy.
        let tail = unsafe { slice::from_raw_parts(self.as_ptr().add(at), len - at) };
        let other = Self::try_from_slice_in(tail, self.arena())?;
        self.len = at;
        Ok(other)
    }

    /// Splits the vector in two at `at`, as
    /// [`try_split_off`](ArenaVec::try_split_off).
    ///
    /// # Panics
    ///
    /// If `at > len()`, or when `try_split_off` would return an error, with its
    /// message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let mut v = ArenaVec::from_slice_in(&['a', 'b', 'c'], &arena);
    /// let tail = v.split_off(2);
    /// assert_eq!((v.len(), tail.len()), (2, 1));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn split_off(&mut self, at: usize) -> ArenaVec<'a, T> {
        unwrap(self.try_split_off(at))
    }
}

impl<'a, T: Copy, const N: usize> ArenaVec<'a, [T; N]> {
    /// Turns a vector of arrays into a vector of their elements, in place: no
    /// copy, no allocation; the capacity is multiplied by `N`.
    ///
    /// # Panics
    ///
    /// If the new length overflows `usize` (only possible for zero-sized `T`).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let pairs = ArenaVec::from_slice_in(&[[1, 2], [3, 4]], &arena);
    /// let flat = pairs.into_flattened();
    /// assert_eq!(flat, [1, 2, 3, 4]);
    /// assert_eq!(flat.capacity(), 4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn into_flattened(self) -> ArenaVec<'a, T> {
        let len = self.len.checked_mul(N).expect("vec len overflow");
        ArenaVec {
            buf: self.buf.flatten(ArenaVec::<T>::ELEM, N),
            len,
            _elems: PhantomData,
        }
    }
}

/// Copies the vector into the same arena; panics when the arena runs out (use
/// [`try_clone`](ArenaVec::try_clone) to handle that).
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let v = ArenaVec::from_slice_in(&[1u8, 2], &arena);
/// let mut copy = v.clone();
/// copy.push(3);
/// assert_eq!((v.len(), copy.len()), (2, 3));
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<T: Copy> Clone for ArenaVec<'_, T> {
    #[track_caller]
    fn clone(&self) -> Self {
        unwrap(self.try_clone())
    }
}

/// `v[i]` and `v[range]`, as for a slice.
///
/// # Panics
///
/// As the slice's indexing: when the index or range is out of bounds.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let v = ArenaVec::from_slice_in(&[10, 20, 30], &arena);
/// assert_eq!(v[1], 20);
/// assert_eq!(v[1..], [20, 30]);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<T: Copy, I: SliceIndex<[T]>> Index<I> for ArenaVec<'_, T> {
    type Output = I::Output;

    #[inline]
    fn index(&self, index: I) -> &I::Output {
        Index::index(self.as_slice(), index)
    }
}

/// `v[i] = x` and `v[range]` as a mutable slice.
///
/// # Panics
///
/// As the slice's indexing: when the index or range is out of bounds.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaVec};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let mut v = ArenaVec::from_slice_in(&[10, 20, 30], &arena);
/// v[0] = 11;
/// v[1..].fill(0);
/// assert_eq!(v, [11, 0, 0]);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<T: Copy, I: SliceIndex<[T]>> IndexMut<I> for ArenaVec<'_, T> {
    #[inline]
    fn index_mut(&mut self, index: I) -> &mut I::Output {
        IndexMut::index_mut(self.as_mut_slice(), index)
    }
}

/// Appends the bytes, all or nothing: `write` either appends the whole buffer
/// and returns its length, or appends nothing and fails with an
/// [`io::ErrorKind::OutOfMemory`](std::io::ErrorKind::OutOfMemory) error
/// wrapping the [`ArenaError`] (never a short write).
///
/// # Examples
///
/// ```
/// use std::io::Write;
/// use arena_memory::{Arena, ArenaError, ArenaVec};
///
/// let arena = Arena::try_with_capacity(16)?;
/// let mut out = ArenaVec::<u8>::new_in(&arena);
/// write!(out, "{}-{}", 1, 2).unwrap();
/// assert_eq!(out, *b"1-2");
/// let err = out.write(&[0; 100]).unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::OutOfMemory);
/// assert!(err.get_ref().unwrap().downcast_ref::<ArenaError>().is_some());
/// assert_eq!(out, *b"1-2");
/// # Ok::<(), ArenaError>(())
/// ```
#[cfg(feature = "std")]
impl std::io::Write for ArenaVec<'_, u8> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.try_extend_from_slice_behind_ref(buf)
            .map_err(|err| std::io::Error::new(std::io::ErrorKind::OutOfMemory, err))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// An [`ArenaVec`] in an arena, written like `vec!`; panics when the arena
/// runs out (see [`try_vec_in!`](crate::try_vec_in) for the fallible twin).
///
/// - `vec_in![in arena]`: an empty vector ([`ArenaVec::new_in`]).
/// - `vec_in![in arena; a, b, c]`: those elements ([`ArenaVec::from_slice_in`]).
/// - `vec_in![in arena; value; n]`: `n` copies ([`ArenaVec::from_elem_in`]).
///
/// `arena` is a `&Arena`; every expression is evaluated once, elements first.
///
/// # Panics
///
/// When the arena cannot hold the elements, with the [`ArenaError`]'s message.
///
/// # Examples
///
/// ```
/// use arena_memory::{vec_in, Arena};
///
/// let arena = Arena::try_with_capacity(256)?;
/// let ids = vec_in![in &arena; 1u32, 2, 3];
/// assert_eq!(ids, [1, 2, 3]);
/// let zeros = vec_in![in &arena; 0u8; 4];
/// assert_eq!(zeros, [0; 4]);
/// let mut empty = vec_in![in &arena];
/// empty.push('x');
/// assert_eq!(empty, ['x']);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[macro_export]
macro_rules! vec_in {
    (in $arena:expr $(;)?) => {
        $crate::ArenaVec::new_in($arena)
    };
    (in $arena:expr; $elem:expr; $n:expr) => {
        $crate::ArenaVec::from_elem_in($elem, $n, $arena)
    };
    (in $arena:expr; $($x:expr),+ $(,)?) => {
        $crate::ArenaVec::from_slice_in(&[$($x),+], $arena)
    };
}

/// An [`ArenaVec`] in an arena, as [`vec_in!`], returning
/// `Result<ArenaVec, ArenaError>`.
///
/// # Errors
///
/// As for [`ArenaVec::try_from_slice_in`] and [`ArenaVec::try_from_elem_in`];
/// the empty form never fails.
///
/// # Examples
///
/// ```
/// use arena_memory::{try_vec_in, Arena};
///
/// let arena = Arena::try_with_capacity(16)?;
/// let v = try_vec_in![in &arena; 1u8, 2]?;
/// assert_eq!(v, [1, 2]);
/// assert!(try_vec_in![in &arena; 0u64; 100].is_err());
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[macro_export]
macro_rules! try_vec_in {
    (in $arena:expr $(;)?) => {
        ::core::result::Result::<_, $crate::ArenaError>::Ok($crate::ArenaVec::new_in($arena))
    };
    (in $arena:expr; $elem:expr; $n:expr) => {
        $crate::ArenaVec::try_from_elem_in($elem, $n, $arena)
    };
    (in $arena:expr; $($x:expr),+ $(,)?) => {
        $crate::ArenaVec::try_from_slice_in(&[$($x),+], $arena)
    };
}
