//! The iterators of an [`ArenaHashMap`](crate::ArenaHashMap): thin wrappers over
//! hashbrown's, so hashbrown's types stay out of this crate's API.

use core::fmt;
use core::iter::FusedIterator;
use core::mem;

use hashbrown::hash_map;

use crate::arena::Arena;

/// Defines a wrapper iterator over a hashbrown one.
macro_rules! wrap_iter {
    (
        $(#[$doc:meta])*
        $name:ident<$m:lifetime, K, V> wraps $inner:ident yields $item:ty;
        clone: $clone:tt
    ) => {
        $(#[$doc])*
        pub struct $name<$m, K, V> {
            inner: hash_map::$inner<$m, K, V>,
        }

        impl<$m, K, V> $name<$m, K, V> {
            #[inline]
            pub(crate) fn new(inner: hash_map::$inner<$m, K, V>) -> Self {
                $name { inner }
            }
        }

        impl<$m, K, V> Iterator for $name<$m, K, V> {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<$item> {
                self.inner.next()
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        impl<K, V> ExactSizeIterator for $name<'_, K, V> {}

        impl<K, V> FusedIterator for $name<'_, K, V> {}

        wrap_iter!(@clone $clone $name);
    };
    (@clone yes $name:ident) => {
        impl<K, V> Clone for $name<'_, K, V> {
            fn clone(&self) -> Self {
                $name { inner: self.inner.clone() }
            }
        }

        impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for $name<'_, K, V> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.inner, f)
            }
        }
    };
    (@clone no $name:ident) => {
        impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for $name<'_, K, V> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.inner, f)
            }
        }
    };
}

wrap_iter! {
    /// The entries of an [`ArenaHashMap`](crate::ArenaHashMap), in no
    /// particular order; made by [`iter`](crate::ArenaHashMap::iter).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
    /// map.insert(1, 2);
    /// let entries: Vec<_> = map.iter().collect();
    /// assert_eq!(entries, [(&1, &2)]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    Iter<'m, K, V> wraps Iter yields (&'m K, &'m V);
    clone: yes
}

wrap_iter! {
    /// The entries of an [`ArenaHashMap`](crate::ArenaHashMap) with mutable
    /// values, in no particular order; made by
    /// [`iter_mut`](crate::ArenaHashMap::iter_mut).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
    /// map.insert(1, 2);
    /// for (_, v) in &mut map {
    ///     *v = 3;
    /// }
    /// assert_eq!(map.get(&1), Some(&3));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    IterMut<'m, K, V> wraps IterMut yields (&'m K, &'m mut V);
    clone: no
}

wrap_iter! {
    /// The keys of an [`ArenaHashMap`](crate::ArenaHashMap), in no particular
    /// order; made by [`keys`](crate::ArenaHashMap::keys).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
    /// map.insert(1, 2);
    /// assert_eq!(map.keys().collect::<Vec<_>>(), [&1]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    Keys<'m, K, V> wraps Keys yields &'m K;
    clone: yes
}

wrap_iter! {
    /// The values of an [`ArenaHashMap`](crate::ArenaHashMap), in no particular
    /// order; made by [`values`](crate::ArenaHashMap::values).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
    /// map.insert(1, 2);
    /// assert_eq!(map.values().collect::<Vec<_>>(), [&2]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    Values<'m, K, V> wraps Values yields &'m V;
    clone: yes
}

wrap_iter! {
    /// The values of an [`ArenaHashMap`](crate::ArenaHashMap), mutably, in no
    /// particular order; made by [`values_mut`](crate::ArenaHashMap::values_mut).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
    /// map.insert(1, 2);
    /// map.values_mut().for_each(|v| *v *= 5);
    /// assert_eq!(map.get(&1), Some(&10));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ValuesMut<'m, K, V> wraps ValuesMut yields &'m mut V;
    clone: no
}

/// Defines a wrapper over a hashbrown iterator whose type names the map's
/// allocator (`&'a Arena<'a>`): one that owns or empties the table.
macro_rules! wrap_table_iter {
    (
        $(#[$doc:meta])*
        $name:ident<$($lt:lifetime),*> wraps $inner:ty; yields $item:ty;
        debug where $($debug_bound:ident: Debug),*
    ) => {
        $(#[$doc])*
        pub struct $name<$($lt,)* K, V> {
            inner: $inner,
        }

        impl<$($lt,)* K, V> $name<$($lt,)* K, V> {
            #[inline]
            pub(crate) fn new(inner: $inner) -> Self {
                $name { inner }
            }
        }

        impl<$($lt,)* K, V> Iterator for $name<$($lt,)* K, V> {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<$item> {
                self.inner.next()
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        impl<$($lt,)* K, V> ExactSizeIterator for $name<$($lt,)* K, V> {}

        impl<$($lt,)* K, V> FusedIterator for $name<$($lt,)* K, V> {}

        impl<$($lt,)* K, V> fmt::Debug for $name<$($lt,)* K, V>
        where
            $($debug_bound: fmt::Debug,)*
        {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.inner, f)
            }
        }
    };
}

wrap_table_iter! {
    /// The entries of an [`ArenaHashMap`](crate::ArenaHashMap) by value, in no
    /// particular order; made by its `into_iter`. The table stays in the arena
    /// until it is reset (or is given back when the iterator is dropped, if it
    /// is the newest allocation).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::from_iter_in([(1u8, 2u8)], &arena);
    /// let entries: Vec<(u8, u8)> = map.into_iter().collect();
    /// assert_eq!(entries, [(1, 2)]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    IntoIter<'a> wraps hash_map::IntoIter<K, V, &'a Arena<'a>>; yields (K, V);
    debug where K: Debug, V: Debug
}

wrap_table_iter! {
    /// The keys of an [`ArenaHashMap`](crate::ArenaHashMap) by value, in no
    /// particular order; made by [`into_keys`](crate::ArenaHashMap::into_keys).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::from_iter_in([(1u8, 2u8)], &arena);
    /// assert_eq!(map.into_keys().collect::<Vec<_>>(), [1]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    IntoKeys<'a> wraps hash_map::IntoKeys<K, V, &'a Arena<'a>>; yields K;
    debug where K: Debug, V: Debug
}

wrap_table_iter! {
    /// The values of an [`ArenaHashMap`](crate::ArenaHashMap) by value, in no
    /// particular order; made by [`into_values`](crate::ArenaHashMap::into_values).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::from_iter_in([(1u8, 2u8)], &arena);
    /// assert_eq!(map.into_values().collect::<Vec<_>>(), [2]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    IntoValues<'a> wraps hash_map::IntoValues<K, V, &'a Arena<'a>>; yields V;
    debug where V: Debug
}

/// The entries drained from an [`ArenaHashMap`](crate::ArenaHashMap), in no
/// particular order; made by [`drain`](crate::ArenaHashMap::drain). The map
/// is empty, with its capacity, once the iterator is dropped.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let mut map = ArenaHashMap::from_iter_in([(1u8, 2u8), (3, 4)], &arena);
/// let mut drain = map.drain();
/// assert_eq!(drain.len(), 2);
/// drain.next();
/// drop(drain); // removes the rest
/// assert!(map.is_empty());
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct Drain<'m, 'a, K, V> {
    inner: hash_map::Drain<'m, K, V, &'a Arena<'a>>,
    /// The map's capacity, 0 while the drain lives: hashbrown has moved the
    /// table out of the map, and puts it back when its drain is dropped. A
    /// leaked drain thus leaves an empty map of capacity 0, still true to the
    /// map's invariant.
    capacity: &'m mut usize,
    /// The capacity to give back on drop.
    kept: usize,
}

impl<'m, 'a, K, V> Drain<'m, 'a, K, V> {
    #[inline]
    pub(crate) fn new(
        inner: hash_map::Drain<'m, K, V, &'a Arena<'a>>,
        capacity: &'m mut usize,
    ) -> Self {
        let kept = mem::replace(capacity, 0);
        Drain {
            inner,
            capacity,
            kept,
        }
    }
}

impl<K, V> Drop for Drain<'_, '_, K, V> {
    fn drop(&mut self) {
        // `inner` is dropped after this, and puts the (cleared) table back.
        *self.capacity = self.kept;
    }
}

impl<K, V> Iterator for Drain<'_, '_, K, V> {
    type Item = (K, V);

    #[inline]
    fn next(&mut self) -> Option<(K, V)> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<K, V> ExactSizeIterator for Drain<'_, '_, K, V> {}

impl<K, V> FusedIterator for Drain<'_, '_, K, V> {}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Drain<'_, '_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.inner, f)
    }
}

/// The entries an [`ArenaHashMap`](crate::ArenaHashMap) gives up as they are
/// visited, in no particular order; made by
/// [`extract_if`](crate::ArenaHashMap::extract_if).
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let mut map = ArenaHashMap::from_iter_in([(1u8, 2u8), (3, 4)], &arena);
/// let taken: Vec<_> = map.extract_if(|&k, _| k == 3).collect();
/// assert_eq!(taken, [(3, 4)]);
/// assert_eq!(map.len(), 1);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct ExtractIf<'m, 'a, K, V, F> {
    inner: hash_map::ExtractIf<'m, K, V, F, &'a Arena<'a>>,
}

impl<'m, 'a, K, V, F> ExtractIf<'m, 'a, K, V, F> {
    #[inline]
    pub(crate) fn new(inner: hash_map::ExtractIf<'m, K, V, F, &'a Arena<'a>>) -> Self {
        ExtractIf { inner }
    }
}

impl<K, V, F> Iterator for ExtractIf<'_, '_, K, V, F>
where
    F: FnMut(&K, &mut V) -> bool,
{
    type Item = (K, V);

    #[inline]
    fn next(&mut self) -> Option<(K, V)> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<K, V, F> FusedIterator for ExtractIf<'_, '_, K, V, F> where F: FnMut(&K, &mut V) -> bool {}

impl<K, V, F> fmt::Debug for ExtractIf<'_, '_, K, V, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtractIf").finish_non_exhaustive()
    }
}
