//! The iterators of an [`ArenaHashMap`](crate::ArenaHashMap): thin wrappers over
//! hashbrown's, so hashbrown's types stay out of this crate's API.

use core::fmt;
use core::iter::FusedIterator;

use hashbrown::hash_map;

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
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.insert(1, 2);
    /// map.values_mut().for_each(|v| *v *= 5);
    /// assert_eq!(map.get(&1), Some(&10));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ValuesMut<'m, K, V> wraps ValuesMut yields &'m mut V;
    clone: no
}
