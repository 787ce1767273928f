//! [`ArenaVec`]: a growable array of `Copy` values in an arena, and its
//! by-value iterator [`IntoIter`].

mod into_iter;
pub(crate) mod raw_buf;

use core::alloc::Layout;
use core::borrow::{Borrow, BorrowMut};
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};
use core::slice;
use core::{mem, ptr};

pub use into_iter::IntoIter;
use raw_buf::RawBuf;

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
/// let mut cache = ArenaVec::<u64>::with_capacity_in(2, &arena)?;
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

    /// An empty vector with room for exactly `capacity` elements, its buffer
    /// starting on a cache line as Clay's arrays do
    /// ([`Arena::cache_line_size`]). A capacity of 0 allocates nothing.
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
    /// let v = ArenaVec::<u32>::with_capacity_in(10, &arena)?;
    /// assert_eq!(v.capacity(), 10);
    /// assert_eq!(v.as_ptr() as usize % arena.cache_line_size(), 0);
    /// assert!(ArenaVec::<u32>::with_capacity_in(1000, &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn with_capacity_in(
        capacity: usize,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaVec<'a, T>, ArenaError> {
        let align = Self::ELEM.align().max(arena.cache_line_size());
        Ok(ArenaVec {
            buf: RawBuf::with_capacity_in(Self::ELEM, capacity, align, arena)?,
            len: 0,
            _elems: PhantomData,
        })
    }

    /// A vector holding a copy of `src`, with capacity `src.len()`.
    ///
    /// # Errors
    ///
    /// As for [`with_capacity_in`](ArenaVec::with_capacity_in).
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
    /// let mut v = ArenaVec::<u32>::with_capacity_in(3, &arena)?;
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
    /// let mut v = ArenaVec::<u8>::with_capacity_in(100, &arena)?;
    /// v.extend_from_slice(b"abc");
    /// let frozen: &mut [u8] = v.into_slice();
    /// assert_eq!(frozen, b"abc");
    /// assert_eq!(arena.used(), 3); // the other 97 bytes came back
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
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
            self.grow_for_push()?;
        }
        debug_assert!(len < self.buf.capacity());
        // SAFETY: `len < capacity`, so the slot is inside the buffer, aligned,
        // and not aliased (`&mut self`).
        unsafe { self.as_mut_ptr().add(len).write(value) };
        self.len = len + 1;
        Ok(())
    }

    /// Room for one more element, out of line: a `push` loop stays small.
    #[inline(never)]
    fn grow_for_push(&mut self) -> Result<(), ArenaError> {
        self.try_reserve(1)
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
    pub fn try_extend_from_slice(&mut self, src: &[T]) -> Result<(), ArenaError> {
        self.try_reserve(src.len())?;
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
        let base = self.as_mut_ptr();
        for index in self.len..new_len {
            // SAFETY: the room for `new_len` elements was reserved just above,
            // so each slot is inside the buffer and aligned.
            unsafe { base.add(index).write(value) };
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
        let last = *self.as_slice().last()?;
        self.len -= 1;
        Some(last)
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
        let slice = self.as_mut_slice();
        let removed = slice[index];
        slice.copy_within(index + 1.., index);
        self.len = len - 1;
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
        let slice = self.as_mut_slice();
        let removed = slice[index];
        slice[index] = slice[len - 1];
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
        if len < self.len {
            self.len = len;
        }
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
        let slice = self.as_mut_slice();
        let mut kept = 0;
        for index in 0..slice.len() {
            if keep(&slice[index]) {
                slice[kept] = slice[index];
                kept += 1;
            }
        }
        self.len = kept;
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

/// Compares an `ArenaVec` with slices and arrays, both ways round.
macro_rules! impl_slice_eq {
    ($([$($generics:tt)*] $lhs:ty, $rhs:ty;)*) => {$(
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
    ['a, 'b, T: Copy, U] ArenaVec<'a, T>, &'b [U];
    ['a, 'b, T: Copy, U] ArenaVec<'a, T>, &'b mut [U];
    ['a, T: Copy, U, const N: usize] ArenaVec<'a, T>, [U; N];
    ['a, 'b, T: Copy, U, const N: usize] ArenaVec<'a, T>, &'b [U; N];
    ['a, T, U: Copy] [T], ArenaVec<'a, U>;
    ['a, 'b, T, U: Copy] &'b [T], ArenaVec<'a, U>;
    ['a, 'b, T, U: Copy] &'b mut [T], ArenaVec<'a, U>;
    ['a, T, U: Copy, const N: usize] [T; N], ArenaVec<'a, U>;
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
