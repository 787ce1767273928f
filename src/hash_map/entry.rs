//! The entry API of an [`ArenaHashMap`]: one lookup, then read, change, insert
//! or remove in place.
//!
//! `entry` never allocates. Inserting into a vacant entry of a map below its
//! capacity never allocates either; in a full map it grows the map first, which
//! can fail, hence the `try_` forms.

use core::fmt;
use core::hash::{BuildHasher, Hash};

use hashbrown::hash_map;

use super::{ArenaHashMap, DefaultHashBuilder};
use crate::arena::{unwrap, Arena};
use crate::error::ArenaError;

/// The entry of one key in an [`ArenaHashMap`], present or not; made by
/// [`entry`](ArenaHashMap::entry).
///
/// # Examples
///
/// ```
/// use arena_memory::hash_map::Entry;
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let mut map = ArenaHashMap::new_in(&arena);
/// map.insert(1u32, 10u32);
/// match map.entry(2) {
///     Entry::Occupied(present) => panic!("{present:?}"),
///     Entry::Vacant(vacant) => {
///         vacant.try_insert(20)?;
///     }
/// }
/// assert_eq!(map[&2], 20);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub enum Entry<'m, 'a, K, V, S = DefaultHashBuilder> {
    /// The key is in the map.
    Occupied(OccupiedEntry<'m, 'a, K, V, S>),
    /// The key is not in the map.
    Vacant(VacantEntry<'m, 'a, K, V, S>),
}

/// The entry of a key that is in an [`ArenaHashMap`]; part of [`Entry`].
///
/// # Examples
///
/// ```
/// use arena_memory::hash_map::Entry;
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let mut map = ArenaHashMap::from_iter_in([(1u32, 10u32)], &arena);
/// if let Entry::Occupied(mut present) = map.entry(1) {
///     assert_eq!(present.insert(11), 10);
///     assert_eq!(present.remove(), 11);
/// }
/// assert!(map.is_empty());
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct OccupiedEntry<'m, 'a, K, V, S = DefaultHashBuilder> {
    inner: hash_map::OccupiedEntry<'m, K, V, S, &'a Arena<'a>>,
}

/// The entry of a key that is not in an [`ArenaHashMap`]; part of [`Entry`].
///
/// # Examples
///
/// ```
/// use arena_memory::hash_map::Entry;
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let mut map = ArenaHashMap::new_in(&arena);
/// if let Entry::Vacant(vacant) = map.entry(7u32) {
///     assert_eq!(vacant.key(), &7);
///     *vacant.try_insert(1u32)? += 1; // grows the empty map first
/// }
/// assert_eq!(map[&7], 2);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub struct VacantEntry<'m, 'a, K, V, S = DefaultHashBuilder> {
    inner: Vacant<'m, 'a, K, V, S>,
}

/// Where a vacant entry inserts.
enum Vacant<'m, 'a, K, V, S> {
    /// The map is below its capacity: hashbrown's entry inserts without
    /// allocating (the map's invariant).
    Room(hash_map::VacantEntry<'m, K, V, S, &'a Arena<'a>>),
    /// The map is full: it must grow before the insert, so the entry keeps the
    /// map itself.
    Full {
        map: &'m mut ArenaHashMap<'a, K, V, S>,
        key: K,
    },
}

// ----- Entry -----------------------------------------------------------------------

impl<'m, 'a, K, V, S> Entry<'m, 'a, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy,
    S: BuildHasher,
{
    /// The entry's key.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u32, u32>::new_in(&arena);
    /// assert_eq!(map.entry(5).key(), &5);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn key(&self) -> &K {
        match self {
            Entry::Occupied(present) => present.key(),
            Entry::Vacant(vacant) => vacant.key(),
        }
    }

    /// Calls `modify` on the value if the key is present; returns the entry.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut hits = ArenaHashMap::new_in(&arena);
    /// for page in ["a", "b", "a"] {
    ///     hits.entry(page).and_modify(|n| *n += 1).or_insert(1u32);
    /// }
    /// assert_eq!((hits["a"], hits["b"]), (2, 1));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn and_modify<F: FnOnce(&mut V)>(self, modify: F) -> Self {
        match self {
            Entry::Occupied(mut present) => {
                modify(present.get_mut());
                Entry::Occupied(present)
            }
            Entry::Vacant(vacant) => Entry::Vacant(vacant),
        }
    }

    /// The value, inserting `default` first if the key is absent.
    ///
    /// # Errors
    ///
    /// As for [`VacantEntry::try_insert`]: [`ArenaError::CollectionFull`] when
    /// the key is absent, the map full and it cannot grow; the map is
    /// unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::new_in(&arena);
    /// *map.entry(1u8).try_or_insert(10u32)? += 1;
    /// *map.entry(1).try_or_insert(10)? += 1;
    /// assert_eq!(map[&1], 12);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_or_insert(self, default: V) -> Result<&'m mut V, ArenaError> {
        self.try_or_insert_with_key(|_| default)
    }

    /// The value, inserting `default` first if the key is absent, as
    /// [`try_or_insert`](Entry::try_or_insert).
    ///
    /// # Panics
    ///
    /// When `try_or_insert` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::new_in(&arena);
    /// *map.entry("x").or_insert(0i32) -= 3;
    /// assert_eq!(map["x"], -3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn or_insert(self, default: V) -> &'m mut V {
        unwrap(self.try_or_insert(default))
    }

    /// The value, inserting `make()` first if the key is absent; `make` is
    /// called only then, and only once there is room.
    ///
    /// # Errors
    ///
    /// As for [`try_or_insert`](Entry::try_or_insert); `make` is not called
    /// then.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::new_in(&arena);
    /// let width = map.entry(3u32).try_or_insert_with(|| 3.0f32 * 8.0)?;
    /// assert_eq!(*width, 24.0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_or_insert_with<F: FnOnce() -> V>(self, make: F) -> Result<&'m mut V, ArenaError> {
        self.try_or_insert_with_key(|_| make())
    }

    /// The value, inserting `make()` first if the key is absent, as
    /// [`try_or_insert_with`](Entry::try_or_insert_with).
    ///
    /// # Panics
    ///
    /// When `try_or_insert_with` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::new_in(&arena);
    /// map.entry(1u8).or_insert_with(|| 'a');
    /// map.entry(1).or_insert_with(|| unreachable!());
    /// assert_eq!(map[&1], 'a');
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn or_insert_with<F: FnOnce() -> V>(self, make: F) -> &'m mut V {
        unwrap(self.try_or_insert_with(make))
    }

    /// The value, inserting `make(&key)` first if the key is absent; `make` is
    /// called only then, and only once there is room.
    ///
    /// # Errors
    ///
    /// As for [`try_or_insert`](Entry::try_or_insert); `make` is not called
    /// then.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut squares = ArenaHashMap::new_in(&arena);
    /// assert_eq!(*squares.entry(9u64).try_or_insert_with_key(|&n| n * n)?, 81);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_or_insert_with_key<F: FnOnce(&K) -> V>(
        self,
        make: F,
    ) -> Result<&'m mut V, ArenaError> {
        match self {
            Entry::Occupied(present) => Ok(present.into_mut()),
            Entry::Vacant(vacant) => vacant.try_insert_with(make),
        }
    }

    /// The value, inserting `make(&key)` first if the key is absent, as
    /// [`try_or_insert_with_key`](Entry::try_or_insert_with_key).
    ///
    /// # Panics
    ///
    /// When `try_or_insert_with_key` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut lengths = ArenaHashMap::new_in(&arena);
    /// assert_eq!(*lengths.entry("four").or_insert_with_key(|k| k.len()), 4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn or_insert_with_key<F: FnOnce(&K) -> V>(self, make: F) -> &'m mut V {
        unwrap(self.try_or_insert_with_key(make))
    }

    /// The value, inserting `V::default()` first if the key is absent.
    ///
    /// # Errors
    ///
    /// As for [`try_or_insert`](Entry::try_or_insert).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut counts = ArenaHashMap::<char, u32>::new_in(&arena);
    /// *counts.entry('a').try_or_default()? += 1;
    /// assert_eq!(counts[&'a'], 1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn try_or_default(self) -> Result<&'m mut V, ArenaError>
    where
        V: Default,
    {
        self.try_or_insert_with_key(|_| V::default())
    }

    /// The value, inserting `V::default()` first if the key is absent, as
    /// [`try_or_default`](Entry::try_or_default).
    ///
    /// # Panics
    ///
    /// When `try_or_default` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut counts = ArenaHashMap::<&str, u32>::new_in(&arena);
    /// for word in ["to", "be", "or", "not", "to", "be"] {
    ///     *counts.entry(word).or_default() += 1;
    /// }
    /// assert_eq!(counts["to"], 2);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn or_default(self) -> &'m mut V
    where
        V: Default,
    {
        unwrap(self.try_or_default())
    }
}

impl<K: fmt::Debug, V: fmt::Debug, S> fmt::Debug for Entry<'_, '_, K, V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entry::Occupied(present) => f.debug_tuple("Entry").field(present).finish(),
            Entry::Vacant(vacant) => f.debug_tuple("Entry").field(vacant).finish(),
        }
    }
}

// ----- OccupiedEntry ---------------------------------------------------------------

impl<'m, 'a, K, V, S> OccupiedEntry<'m, 'a, K, V, S> {
    #[inline]
    pub(super) fn new(inner: hash_map::OccupiedEntry<'m, K, V, S, &'a Arena<'a>>) -> Self {
        OccupiedEntry { inner }
    }

    /// The key, as stored in the map.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in([(1u8, 'a')], &arena);
    /// let Entry::Occupied(present) = map.entry(1) else { unreachable!() };
    /// assert_eq!(present.key(), &1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn key(&self) -> &K {
        self.inner.key()
    }

    /// The value.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in([(1u8, 'a')], &arena);
    /// let Entry::Occupied(present) = map.entry(1) else { unreachable!() };
    /// assert_eq!(present.get(), &'a');
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn get(&self) -> &V {
        self.inner.get()
    }

    /// The value, mutably, for as long as the entry lives (see
    /// [`into_mut`](OccupiedEntry::into_mut) for longer).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in([(1u8, 10u32)], &arena);
    /// if let Entry::Occupied(mut present) = map.entry(1) {
    ///     *present.get_mut() += 1;
    ///     *present.get_mut() += 1;
    /// }
    /// assert_eq!(map[&1], 12);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn get_mut(&mut self) -> &mut V {
        self.inner.get_mut()
    }

    /// The value, mutably, for as long as the map's borrow.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in([(1u8, 10u32)], &arena);
    /// let Entry::Occupied(present) = map.entry(1) else { unreachable!() };
    /// let value = present.into_mut();
    /// *value = 0;
    /// assert_eq!(map[&1], 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn into_mut(self) -> &'m mut V {
        self.inner.into_mut()
    }

    /// Replaces the value, returning the old one; never allocates.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in([(1u8, 10u32)], &arena);
    /// let Entry::Occupied(mut present) = map.entry(1) else { unreachable!() };
    /// assert_eq!(present.insert(20), 10);
    /// assert_eq!(map[&1], 20);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn insert(&mut self, value: V) -> V {
        self.inner.insert(value)
    }

    /// Removes the entry, returning its value.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in([(1u8, 10u32)], &arena);
    /// let Entry::Occupied(present) = map.entry(1) else { unreachable!() };
    /// assert_eq!(present.remove(), 10);
    /// assert!(map.is_empty());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn remove(self) -> V {
        self.inner.remove()
    }

    /// Removes the entry, returning the stored key and its value.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in([(1u8, 10u32)], &arena);
    /// let Entry::Occupied(present) = map.entry(1) else { unreachable!() };
    /// assert_eq!(present.remove_entry(), (1, 10));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn remove_entry(self) -> (K, V) {
        self.inner.remove_entry()
    }
}

impl<K: fmt::Debug, V: fmt::Debug, S> fmt::Debug for OccupiedEntry<'_, '_, K, V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OccupiedEntry")
            .field("key", self.key())
            .field("value", self.get())
            .finish()
    }
}

// ----- VacantEntry -----------------------------------------------------------------

impl<'m, 'a, K, V, S> VacantEntry<'m, 'a, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy,
    S: BuildHasher,
{
    /// A vacant entry of a map below its capacity.
    #[inline]
    pub(super) fn with_room(inner: hash_map::VacantEntry<'m, K, V, S, &'a Arena<'a>>) -> Self {
        VacantEntry {
            inner: Vacant::Room(inner),
        }
    }

    /// A vacant entry of a full map, where `key` is absent.
    #[inline]
    pub(super) fn full(map: &'m mut ArenaHashMap<'a, K, V, S>, key: K) -> Self {
        VacantEntry {
            inner: Vacant::Full { map, key },
        }
    }

    /// The key that would be inserted.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::new_in(&arena);
    /// let Entry::Vacant(vacant) = map.entry(4) else { unreachable!() };
    /// assert_eq!(vacant.key(), &4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn key(&self) -> &K {
        match &self.inner {
            Vacant::Room(vacant) => vacant.key(),
            Vacant::Full { key, .. } => key,
        }
    }

    /// The key, giving up the entry; the map is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::new_in(&arena);
    /// let Entry::Vacant(vacant) = map.entry(4) else { unreachable!() };
    /// assert_eq!(vacant.into_key(), 4);
    /// assert!(map.is_empty());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn into_key(self) -> K {
        match self.inner {
            Vacant::Room(vacant) => vacant.into_key(),
            Vacant::Full { key, .. } => key,
        }
    }

    /// Inserts `value` under the entry's key, returning it mutably. Below the
    /// map's capacity this never allocates; a full map grows first.
    ///
    /// # Errors
    ///
    /// [`ArenaError::CollectionFull`], with the capacity, when the map is full
    /// and the arena cannot give a bigger table (sealed, or exhausted); the map
    /// is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaError, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::new_in(&arena);
    /// let frame = arena.try_ephemeral()?; // sealed: the empty map cannot grow
    /// let Entry::Vacant(vacant) = map.entry(4) else { unreachable!() };
    /// assert_eq!(vacant.try_insert(1), Err(ArenaError::CollectionFull { capacity: 0 }));
    /// drop(frame);
    /// let Entry::Vacant(vacant) = map.entry(4) else { unreachable!() };
    /// assert_eq!(vacant.try_insert(1), Ok(&mut 1));
    /// # Ok::<(), ArenaError>(())
    /// ```
    #[inline]
    pub fn try_insert(self, value: V) -> Result<&'m mut V, ArenaError> {
        self.try_insert_with(|_| value)
    }

    /// Inserts `value` under the entry's key, as
    /// [`try_insert`](VacantEntry::try_insert).
    ///
    /// # Panics
    ///
    /// When `try_insert` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::hash_map::Entry;
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::new_in(&arena);
    /// if let Entry::Vacant(vacant) = map.entry(4u8) {
    ///     *vacant.insert(1u8) += 1;
    /// }
    /// assert_eq!(map[&4], 2);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn insert(self, value: V) -> &'m mut V {
        unwrap(self.try_insert(value))
    }

    /// Makes room (growing a full map), then inserts `make(&key)`: `make` is
    /// not called when there is no room.
    #[inline]
    fn try_insert_with<F: FnOnce(&K) -> V>(self, make: F) -> Result<&'m mut V, ArenaError> {
        match self.inner {
            Vacant::Room(vacant) => {
                // Below capacity: hashbrown inserts without allocating (the
                // map's invariant, see `ArenaHashMap::try_insert`).
                let value = make(vacant.key());
                Ok(vacant.insert(value))
            }
            Vacant::Full { map, key } => {
                if let Err(_arena_error) = map.grow_for_insert() {
                    return Err(map.full());
                }
                debug_assert!(map.table.len() < map.capacity);
                let value = make(&key);
                // Below capacity now, so no allocation. The key was absent and
                // nothing has changed the map since, so the entry is vacant;
                // `Entry::insert` also copes with a key whose `Hash` broke that.
                Ok(map.table.entry(key).insert(value).into_mut())
            }
        }
    }
}

impl<K: fmt::Debug, V, S> fmt::Debug for VacantEntry<'_, '_, K, V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = match &self.inner {
            Vacant::Room(vacant) => vacant.key(),
            Vacant::Full { key, .. } => key,
        };
        f.debug_tuple("VacantEntry").field(key).finish()
    }
}
