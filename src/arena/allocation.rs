//! Allocation: the typed and raw `alloc*` methods, the bump hot path, the
//! slow path (overflow chunks, errors), and in-place growth and rollback of
//! the newest allocation for the collections and the `Allocator` impl.

use super::*;

impl<'m> Arena<'m> {
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
    /// let arena = Arena::try_with_capacity(64)?;
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
    /// let arena = Arena::try_with_capacity(64)?;
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
    /// let arena = Arena::try_with_capacity(64)?;
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
            self.bump_or_slow(layout)?
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
    /// assert_eq!(arena.alloc_slice_fill(2, 0.5f32), &[0.5, 0.5]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_slice_fill<T: Copy>(&self, len: usize, value: T) -> &mut [T] {
        unwrap(self.try_alloc_slice_fill(len, value))
    }

    /// Allocates room for a `T` and then writes `make()` into it, so that the
    /// value can be built in place rather than on the stack first (what an
    /// optimised build does with a large `T`, as with bumpalo's `alloc_with`).
    ///
    /// `make` is not called if the allocation fails. If `make` panics, the
    /// room stays allocated (unused) until the arena is reset.
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
    /// let arena = Arena::try_with_capacity(1 << 16)?;
    /// let grid = arena.try_alloc_with(|| [[0u8; 64]; 64])?;
    /// grid[3][4] = 7;
    /// assert_eq!(grid[3][4], 7);
    /// assert!(arena.try_alloc_with(|| [0u8; 1 << 17]).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    pub fn try_alloc_with<T: Copy, F: FnOnce() -> T>(&self, make: F) -> Result<&mut T, ArenaError> {
        let slot = self.try_alloc_uninit::<T>()?;
        Ok(slot.write(make()))
    }

    /// Allocates a `T` built by `make`, as
    /// [`try_alloc_with`](Arena::try_alloc_with).
    ///
    /// # Panics
    ///
    /// When `try_alloc_with` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let pair = arena.alloc_with(|| (1u32, 2.5f32));
    /// assert_eq!(*pair, (1, 2.5));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline(always)]
    #[track_caller]
    pub fn alloc_with<T: Copy, F: FnOnce() -> T>(&self, make: F) -> &mut T {
        unwrap(self.try_alloc_with(make))
    }

    /// Allocates `len` elements, the `i`-th being `make(i)`, called in order
    /// from 0 (also for a zero-sized `T`: each call may have effects).
    ///
    /// `make` is not called if the allocation fails. If `make` panics, the
    /// room stays allocated (unused) until the arena is reset.
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
    /// let arena = Arena::try_with_capacity(256)?;
    /// let squares = arena.try_alloc_slice_fill_with(5, |i| (i * i) as u32)?;
    /// assert_eq!(squares, &[0, 1, 4, 9, 16]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_slice_fill_with<T: Copy, F: FnMut(usize) -> T>(
        &self,
        len: usize,
        mut make: F,
    ) -> Result<&mut [T], ArenaError> {
        let dst = self.try_alloc_slice_uninit::<T>(len)?;
        for (index, slot) in dst.iter_mut().enumerate() {
            slot.write(make(index));
        }
        // SAFETY: the loop initialised every element (a panic in `make` leaves
        // the loop, and the slice is never returned).
        Ok(unsafe { slice_assume_init_mut(dst) })
    }

    /// Allocates `len` elements built by `make`, as
    /// [`try_alloc_slice_fill_with`](Arena::try_alloc_slice_fill_with).
    ///
    /// # Panics
    ///
    /// When `try_alloc_slice_fill_with` would return an error, with its
    /// message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let ids = arena.alloc_slice_fill_with(3, |i| i as u16 + 10);
    /// assert_eq!(ids, &[10, 11, 12]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_slice_fill_with<T: Copy, F: FnMut(usize) -> T>(
        &self,
        len: usize,
        make: F,
    ) -> &mut [T] {
        unwrap(self.try_alloc_slice_fill_with(len, make))
    }

    /// Allocates the items of an iterator that knows its length
    /// ([`ExactSizeIterator`]), in one allocation of that length.
    ///
    /// For an iterator of unknown length, collect into an
    /// [`ArenaVec`](crate::ArenaVec) with
    /// [`try_from_iter_in`](crate::ArenaVec::try_from_iter_in).
    ///
    /// # Errors
    ///
    /// As for [`try_alloc_slice_copy`](Arena::try_alloc_slice_copy); the
    /// iterator is not advanced if the allocation fails.
    ///
    /// # Panics
    ///
    /// If the iterator yields fewer or more items than its `len()` said (a
    /// broken `ExactSizeIterator`): nothing is dropped silently.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let words = ["a", "bb", "ccc"];
    /// let lengths = arena.try_alloc_slice_fill_iter(words.iter().map(|w| w.len()))?;
    /// assert_eq!(lengths, &[1, 2, 3]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn try_alloc_slice_fill_iter<T: Copy, I>(&self, items: I) -> Result<&mut [T], ArenaError>
    where
        I: IntoIterator<Item = T>,
        I::IntoIter: ExactSizeIterator,
    {
        let mut items = items.into_iter();
        let len = items.len();
        let dst = self.try_alloc_slice_uninit::<T>(len)?;
        for (index, slot) in dst.iter_mut().enumerate() {
            match items.next() {
                Some(item) => {
                    slot.write(item);
                }
                None => too_few_items(len, index),
            }
        }
        if items.next().is_some() {
            too_many_items(len);
        }
        // SAFETY: the loop initialised every element, or panicked.
        Ok(unsafe { slice_assume_init_mut(dst) })
    }

    /// Allocates the items of an exact-size iterator, as
    /// [`try_alloc_slice_fill_iter`](Arena::try_alloc_slice_fill_iter).
    ///
    /// # Panics
    ///
    /// When `try_alloc_slice_fill_iter` would return an error, with its
    /// message, or if the iterator's length was wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let evens = arena.alloc_slice_fill_iter((0..4u8).map(|i| i * 2));
    /// assert_eq!(evens, &[0, 2, 4, 6]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn alloc_slice_fill_iter<T: Copy, I>(&self, items: I) -> &mut [T]
    where
        I: IntoIterator<Item = T>,
        I::IntoIter: ExactSizeIterator,
    {
        unwrap(self.try_alloc_slice_fill_iter(items))
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
    /// let arena = Arena::try_with_capacity(256)?;
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
        let ptr = if mem::align_of::<T>() == 1 {
            // Byte-aligned (strings, bytes): no test for an empty slice on the
            // way. Bumping 0 bytes at alignment 1 always succeeds (`cur <=
            // limit`) and gives the bump pointer itself, so only a non-empty
            // request can reach the slow path.
            self.bump_or_slow(layout)?
        } else {
            self.try_alloc_layout(layout)?
        };
        // SAFETY: `ptr` is aligned for `T` and points to `len * size_of::<T>()`
        // bytes that no other reference covers (see `try_alloc_uninit`); for a
        // zero-sized layout it is a dangling aligned pointer or (alignment 1)
        // the bump pointer, either valid for a slice of zero-sized elements or
        // of length 0.
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(64)?;
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
    /// let arena = Arena::try_with_capacity(64)?;
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
    /// let arena = Arena::try_with_capacity(64)?;
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
    /// let arena = Arena::try_with_capacity(4096)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
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
    /// let arena = Arena::try_with_capacity(256)?;
    /// let ptr = arena.try_alloc_layout(Layout::from_size_align(24, 32).unwrap())?;
    /// assert_eq!(ptr.as_ptr() as usize % 32, 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_alloc_layout(&self, layout: Layout) -> Result<NonNull<u8>, ArenaError> {
        if layout.size() == 0 {
            return Ok(dangling_for(layout));
        }
        self.bump_or_slow(layout)
    }

    /// The hot path, and the slow path when it gives up: what every
    /// allocation of a non-empty layout (or of any layout at alignment 1,
    /// see [`try_bump`](Self::try_bump)) comes down to.
    #[inline(always)]
    fn bump_or_slow(&self, layout: Layout) -> Result<NonNull<u8>, ArenaError> {
        match self.try_bump(layout) {
            Some(ptr) => Ok(ptr),
            None => self.alloc_slow(layout),
        }
    }

    /// The hot path: bump within `[cur, limit)` or give up (`None`), with no
    /// call into the slow path (no unsealing, no overflow chunk, no error).
    /// `layout.size() > 0`, or the alignment is 1 (then 0 bytes always fit,
    /// at the bump pointer: byte slices come here without a test for
    /// emptiness). Every allocation starts here; the collections' fast paths
    /// call it directly.
    #[inline(always)]
    pub(crate) fn try_bump(&self, layout: Layout) -> Option<NonNull<u8>> {
        debug_assert!(layout.size() > 0 || layout.align() == 1);
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
    pub(super) fn note_align(&self, align: usize) {
        self.max_align.set(self.max_align.get().max(align));
    }

    /// The slow path: take back memory from a dropped child, then retry; for
    /// a split's worker, take the next chunk of the frame's pool; take an
    /// overflow chunk (a growing arena), or explain the failure.
    #[cold]
    #[inline(never)]
    fn alloc_slow(&self, layout: Layout) -> Result<NonNull<u8>, ArenaError> {
        self.unseal_if_child_dropped()?;
        if let Some(ptr) = self.try_bump(layout) {
            return Ok(ptr);
        }
        if let Backing::Worker = self.backing {
            if let Some((chunk_start, chunk_end)) = self.take_pool_chunk(layout) {
                return self.enter_region(layout, chunk_start, chunk_end);
            }
        }
        let held = self.capacity();
        let home = self.end.as_ptr().addr() - self.start.as_ptr().addr();
        match self
            .overflow
            .take_chunk(layout, held, home, self.cache_line)
        {
            Ok((chunk_start, chunk_end)) => self.enter_region(layout, chunk_start, chunk_end),
            Err(Refused::Limit) => Err(self.exceeded(layout)),
            Err(Refused::OutOfMemory(requested)) => Err(ArenaError::OutOfMemory { requested }),
        }
    }

    /// Moves the bump pointer to a fresh region `[chunk_start, chunk_end)`
    /// (an overflow chunk, or a worker's pool chunk) that holds `layout`, and
    /// allocates `layout` there.
    fn enter_region(
        &self,
        layout: Layout,
        chunk_start: NonNull<u8>,
        chunk_end: NonNull<u8>,
    ) -> Result<NonNull<u8>, ArenaError> {
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
        // The chunk holds `layout` (with its padding).
        self.try_bump(layout).ok_or_else(|| self.exceeded(layout))
    }

    /// The `CapacityExceeded` error for `layout` in the current region, or
    /// for a split's worker, in what remains of its frame's pool.
    fn exceeded(&self, layout: Layout) -> ArenaError {
        if let Backing::Worker = self.backing {
            return ArenaError::CapacityExceeded {
                requested: layout.size(),
                remaining: self.pool_remaining(layout.align()),
            };
        }
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

    /// As [`try_shrink_in_place`](Self::try_shrink_in_place), for callers
    /// that do not need to know whether the tail came back.
    #[inline]
    pub(crate) fn shrink_in_place(&self, ptr: NonNull<u8>, old_size: usize, new_size: usize) {
        self.try_shrink_in_place(ptr, old_size, new_size);
    }

    /// Gives back the tail `[ptr + new_size, ptr + old_size)` of the most recent
    /// allocation, so the next allocation reuses it, and says whether it did.
    /// Does nothing (`false`) for any other allocation, or while sealed (the
    /// memory past the seal is the child's).
    #[inline]
    pub(crate) fn try_shrink_in_place(
        &self,
        ptr: NonNull<u8>,
        old_size: usize,
        new_size: usize,
    ) -> bool {
        debug_assert!(new_size <= old_size);
        if self.sealed.get() != Seal::Open || !self.is_newest(ptr, old_size) {
            return false;
        }
        self.record_peak(self.used());
        // Only the address comes from `ptr`: the bump pointer keeps the
        // arena's provenance over the whole region.
        self.cur.set(self.at_addr(ptr.as_ptr().addr() + new_size));
        true
    }

    /// Whether `[ptr, ptr + size)` is a non-empty allocation that ends at the
    /// bump pointer and lies in the current region (an allocation in an
    /// earlier region may end where the current region begins: it is not the
    /// newest).
    #[inline]
    fn is_newest(&self, ptr: NonNull<u8>, size: usize) -> bool {
        let addr = ptr.as_ptr().addr();
        let (region_start, _) = self.region.get();
        // `[ptr, ptr + size)` is an allocation (the callers' contract), so the
        // sum cannot wrap; the end test is the selective one and goes first.
        size != 0
            && addr.wrapping_add(size) == self.cur.get().as_ptr().addr()
            && addr >= region_start.as_ptr().addr()
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
}

#[cold]
#[inline(never)]
#[track_caller]
fn too_few_items(len: usize, got: usize) -> ! {
    panic!(
        "the iterator said it had {len} items but ended after {got} (a broken `ExactSizeIterator`)"
    )
}

#[cold]
#[inline(never)]
#[track_caller]
fn too_many_items(len: usize) -> ! {
    panic!("the iterator said it had {len} items but has more (a broken `ExactSizeIterator`)")
}
