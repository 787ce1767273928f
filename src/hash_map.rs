//! [`ArenaHashMap`]: a hash map on hashbrown whose table lives in an arena, with
//! a fixed capacity that inserts never exceed, and its iterators.

mod iter;

use core::borrow::Borrow;
use core::fmt;
use core::hash::{BuildHasher, Hash};
use core::ops::Index;

use hashbrown::hash_map::Entry;
use hashbrown::{DefaultHashBuilder, HashMap, TryReserveError};

pub use iter::{Iter, IterMut, Keys, Values, ValuesMut};

use crate::arena::{unwrap, Arena};
use crate::error::ArenaError;

/// A hash map of `Copy` keys and values whose table lives in an [`Arena`]; the
/// cache Clay keeps across frames (element id to element state, text to
/// measured size).
///
/// It is hashbrown's `HashMap` with the arena as its allocator, and keeps
/// hashbrown's method names and `K: Borrow<Q>` lookups.
///
/// # A capacity that holds, whatever the history
///
/// [`with_capacity_in`](ArenaHashMap::with_capacity_in) allocates the whole
/// table up front. After that, **inserting while `len() < capacity()` never
/// allocates and never fails**, whatever inserts and removes came before. At
/// capacity, inserting a *new* key fails with [`ArenaError::CollectionFull`]
/// (`insert` panics) and leaves the map unchanged; replacing the value of a key
/// that is present always succeeds. So a map made in the persistent region
/// keeps working in every frame after the region is
/// [sealed](Arena::ephemeral), when any allocation would fail.
///
/// How: hashbrown marks removed slots with tombstones, and when tombstones
/// leave no free slot it either rehashes the table in place (no allocation) or
/// moves to a bigger one. It rehashes in place whenever the entries after the
/// insert are at most half its full capacity. This map sizes the table for
/// *twice* the capacity it reports, so below `capacity()` hashbrown always
/// rehashes in place; and it replaces present keys without asking hashbrown
/// to make room. The price is memory: for a requested capacity `n` the table
/// has between about `2.3 n` and `4.6 n` slots (hashbrown rounds to a power of
/// two; `capacity()` reports all the room there is), each slot a `(K, V)` and
/// one control byte.
///
/// # Growth
///
/// Inserting never grows the map. [`try_reserve`](ArenaHashMap::try_reserve)
/// does, for a map in an arena that is not sealed (a per-frame map): hashbrown
/// moves the entries to a new, bigger table, and the old table stays in the
/// arena, unused, until the arena is reset (unless it was the arena's most
/// recent allocation: then it is taken back). Growing a map step by step to
/// `n` entries thus uses up to about twice the final table; reserve the whole
/// capacity at once when it is known.
///
/// # The hasher
///
/// The default `S` is hashbrown's default, [foldhash](https://docs.rs/foldhash)'s
/// fast hasher with a random seed per map: among the fastest hashers for small
/// `Copy` keys (integers, ids, pairs), with some resistance to chosen-key
/// collisions but no cryptographic strength. Give another with
/// [`with_capacity_and_hasher_in`](ArenaHashMap::with_capacity_and_hasher_in).
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaError, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// // Text id -> measured size, in the persistent region.
/// let mut sizes = ArenaHashMap::<u32, (f32, f32)>::with_capacity_in(2, &arena)?;
/// let capacity = sizes.capacity(); // at least 2: all the room the table has
/// let mut frame = arena.try_ephemeral()?; // the map's region is sealed now
/// for id in 0..capacity as u32 {
///     sizes.insert(id, (10.0, 20.0)); // below capacity: never allocates
/// }
/// let full = ArenaError::CollectionFull { capacity };
/// assert_eq!(sizes.try_insert(100, (0.0, 0.0)), Err(full));
/// assert_eq!(sizes.insert(0, (11.0, 20.0)), Some((10.0, 20.0))); // replacing works
/// assert_eq!(sizes.remove(&1), Some((10.0, 20.0)));
/// sizes.insert(100, (3.0, 4.0)); // room again
/// assert_eq!(sizes.get(&100), Some(&(3.0, 4.0)));
/// frame.reset();
/// # Ok::<(), ArenaError>(())
/// ```
pub struct ArenaHashMap<'a, K, V, S = DefaultHashBuilder> {
    table: HashMap<K, V, S, &'a Arena<'a>>,
    /// The capacity this map promises. Invariant: `capacity <= full / 2`,
    /// where `full` is the table's capacity without tombstones, so an insert
    /// below `capacity` makes hashbrown rehash in place rather than allocate.
    capacity: usize,
}

impl<'a, K, V, S> ArenaHashMap<'a, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy,
    S: BuildHasher,
{
    /// An empty map of capacity 0 with the default hasher; allocates nothing.
    /// Give it room with [`try_reserve`](ArenaHashMap::try_reserve).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::new_in(&arena);
    /// assert_eq!(map.capacity(), 0);
    /// assert!(map.try_insert(1, 1).is_err());
    /// map.try_reserve(1)?;
    /// map.insert(1, 1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn new_in(arena: &'a Arena<'a>) -> ArenaHashMap<'a, K, V, S>
    where
        S: Default,
    {
        ArenaHashMap::with_hasher_in(S::default(), arena)
    }

    /// An empty map of capacity 0 hashing with `hasher`; allocates nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    /// use core::hash::BuildHasherDefault;
    /// use std::collections::hash_map::DefaultHasher;
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let hasher = BuildHasherDefault::<DefaultHasher>::default();
    /// let mut map = ArenaHashMap::<u8, u8, _>::with_hasher_in(hasher, &arena);
    /// map.reserve(4);
    /// map.insert(1, 2);
    /// assert_eq!(map.get(&1), Some(&2));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn with_hasher_in(hasher: S, arena: &'a Arena<'a>) -> ArenaHashMap<'a, K, V, S> {
        ArenaHashMap {
            table: HashMap::with_hasher_in(hasher, arena),
            capacity: 0,
        }
    }

    /// A map with room for at least `capacity` entries, all allocated now, with
    /// the default hasher. Inserting below [`capacity()`](ArenaHashMap::capacity)
    /// never allocates again.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaHashMap::try_reserve).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::<u32, u32>::with_capacity_in(50, &arena)?;
    /// assert!(map.capacity() >= 50);
    /// assert!(ArenaHashMap::<u32, u32>::with_capacity_in(10_000, &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn with_capacity_in(
        capacity: usize,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaHashMap<'a, K, V, S>, ArenaError>
    where
        S: Default,
    {
        ArenaHashMap::with_capacity_and_hasher_in(capacity, S::default(), arena)
    }

    /// A map with room for at least `capacity` entries, all allocated now,
    /// hashing with `hasher`.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaHashMap::try_reserve).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    /// use core::hash::BuildHasherDefault;
    /// use std::collections::hash_map::DefaultHasher;
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let hasher = BuildHasherDefault::<DefaultHasher>::default();
    /// let map = ArenaHashMap::<u64, u64, _>::with_capacity_and_hasher_in(8, hasher, &arena)?;
    /// assert!(map.capacity() >= 8);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn with_capacity_and_hasher_in(
        capacity: usize,
        hasher: S,
        arena: &'a Arena<'a>,
    ) -> Result<ArenaHashMap<'a, K, V, S>, ArenaError> {
        let mut map = ArenaHashMap::with_hasher_in(hasher, arena);
        map.try_reserve(capacity)?;
        Ok(map)
    }

    // ----- figures ---------------------------------------------------------------

    /// The number of entries.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.insert(1, 1);
    /// assert_eq!(map.len(), 1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether the map has no entries.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// assert!(map.is_empty());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// How many entries the map holds before inserting a new key fails; fixed
    /// until [`try_reserve`](ArenaHashMap::try_reserve) grows it (removes and
    /// tombstones do not lower it, unlike hashbrown's own figure).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u16, u16>::with_capacity_in(10, &arena)?;
    /// let capacity = map.capacity();
    /// for round in 0..100 {
    ///     map.insert(round, round);
    ///     map.remove(&round);
    /// }
    /// assert_eq!(map.capacity(), capacity);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The map's hasher.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    /// use core::hash::BuildHasher;
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::<u8, u8>::new_in(&arena);
    /// assert_eq!(map.hasher().hash_one(1u8), map.hasher().hash_one(1u8));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn hasher(&self) -> &S {
        self.table.hasher()
    }

    // ----- capacity ----------------------------------------------------------------

    /// Grows the map so that `additional` more entries fit:
    /// `capacity() >= len() + additional` afterwards.
    ///
    /// Growing moves the entries to a new table; the old one stays in the arena
    /// until it is reset (see [Growth](ArenaHashMap#growth)).
    ///
    /// # Errors
    ///
    /// [`ArenaError::SizeOverflow`] if the table would not fit in `isize::MAX`
    /// bytes; [`ArenaError::CapacityExceeded`] if it does not fit in the arena;
    /// [`ArenaError::Sealed`] while the arena is sealed. The map is unchanged
    /// on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut frame = arena.try_ephemeral()?;
    /// {
    ///     let mut seen = ArenaHashMap::<u32, ()>::new_in(&frame);
    ///     for id in 0..100 {
    ///         if seen.len() == seen.capacity() {
    ///             seen.try_reserve(seen.len().max(4))?; // a per-frame map grows
    ///         }
    ///         seen.insert(id % 40, ());
    ///     }
    ///     assert_eq!(seen.len(), 40);
    /// }
    /// frame.reset();
    /// # Ok::<(), ArenaError>(())
    /// ```
    pub fn try_reserve(&mut self, additional: usize) -> Result<(), ArenaError> {
        let len = self.table.len();
        let needed = len
            .checked_add(additional)
            .ok_or(ArenaError::SizeOverflow)?;
        if needed <= self.capacity {
            return Ok(());
        }
        // Room for twice what is needed: then `capacity <= full / 2` (see the
        // field's invariant). `table.capacity()` counts the free slots left
        // after tombstones, so it is at most `full`, and after this reserve it
        // is at least `2 * needed`.
        let doubled = needed.checked_mul(2).ok_or(ArenaError::SizeOverflow)?;
        if let Err(err) = self.table.try_reserve(doubled - len) {
            return Err(self.reserve_error(err));
        }
        self.capacity = self.capacity.max(self.table.capacity() / 2);
        debug_assert!(self.capacity >= needed);
        Ok(())
    }

    /// Grows the map, as [`try_reserve`](ArenaHashMap::try_reserve).
    ///
    /// # Panics
    ///
    /// When `try_reserve` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::new_in(&arena);
    /// map.reserve(3);
    /// assert!(map.capacity() >= 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn reserve(&mut self, additional: usize) {
        unwrap(self.try_reserve(additional));
    }

    /// The `ArenaError` behind hashbrown's `TryReserveError`.
    #[cold]
    fn reserve_error(&self, err: TryReserveError) -> ArenaError {
        match err {
            TryReserveError::CapacityOverflow => ArenaError::SizeOverflow,
            TryReserveError::AllocError { layout } => self.table.allocator().failure_for(layout),
        }
    }

    // ----- lookups -----------------------------------------------------------------

    /// The value of `key`, if present.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<&str, u32>::with_capacity_in(4, &arena)?;
    /// map.insert("width", 100);
    /// assert_eq!(map.get("width"), Some(&100));
    /// assert_eq!(map.get("height"), None);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.table.get(key)
    }

    /// The stored key and value of `key`, if present.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, char>::with_capacity_in(4, &arena)?;
    /// map.insert(1, 'a');
    /// assert_eq!(map.get_key_value(&1), Some((&1, &'a')));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn get_key_value<Q>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.table.get_key_value(key)
    }

    /// The value of `key`, mutably, if present.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u32>::with_capacity_in(4, &arena)?;
    /// map.insert(1, 10);
    /// *map.get_mut(&1).unwrap() += 1;
    /// assert_eq!(map.get(&1), Some(&11));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.table.get_mut(key)
    }

    /// Whether `key` is present.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.insert(1, 1);
    /// assert!(map.contains_key(&1));
    /// assert!(!map.contains_key(&2));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.table.contains_key(key)
    }

    // ----- changing ----------------------------------------------------------------

    /// Inserts `value` under `key`, returning the value it replaces.
    ///
    /// Replacing the value of a present key always succeeds. A new key is
    /// inserted while `len() < capacity()`, without allocating.
    ///
    /// # Errors
    ///
    /// [`ArenaError::CollectionFull`] (with the capacity) for a new key when
    /// `len() == capacity()`; the map is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(1, &arena)?;
    /// let capacity = map.capacity();
    /// for key in 0..capacity as u8 {
    ///     assert_eq!(map.try_insert(key, 1)?, None);
    /// }
    /// assert_eq!(map.try_insert(0, 2)?, Some(1));
    /// assert_eq!(map.try_insert(200, 1), Err(ArenaError::CollectionFull { capacity }));
    /// # Ok::<(), ArenaError>(())
    /// ```
    #[inline]
    pub fn try_insert(&mut self, key: K, value: V) -> Result<Option<V>, ArenaError> {
        let len = self.table.len();
        let capacity = self.capacity;
        // `entry` only looks up; it never asks hashbrown to make room, even in
        // a full table (hashbrown's own `insert` would, and could allocate).
        match self.table.entry(key) {
            Entry::Occupied(mut present) => Ok(Some(present.insert(value))),
            Entry::Vacant(_) if len >= capacity => Err(ArenaError::CollectionFull { capacity }),
            Entry::Vacant(vacant) => {
                // `len + 1 <= capacity <= full / 2`: if hashbrown finds no free
                // slot (tombstones), it rehashes in place, without allocating.
                vacant.insert(value);
                Ok(None)
            }
        }
    }

    /// Inserts `value` under `key`, as [`try_insert`](ArenaHashMap::try_insert).
    ///
    /// # Panics
    ///
    /// When the map is full and `key` is new, with the message of
    /// [`ArenaError::CollectionFull`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// assert_eq!(map.insert(1, 10), None);
    /// assert_eq!(map.insert(1, 20), Some(10));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        unwrap(self.try_insert(key, value))
    }

    /// Removes `key`, returning its value if it was present.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.insert(1, 10);
    /// assert_eq!(map.remove(&1), Some(10));
    /// assert_eq!(map.remove(&1), None);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.table.remove(key)
    }

    /// Removes `key`, returning the stored key and its value if it was present.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.insert(1, 10);
    /// assert_eq!(map.remove_entry(&1), Some((1, 10)));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn remove_entry<Q>(&mut self, key: &Q) -> Option<(K, V)>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.table.remove_entry(key)
    }

    /// Keeps only the entries for which `keep` returns `true`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(8, &arena)?;
    /// map.extend((0..8).map(|n| (n, n * 10)));
    /// map.retain(|&k, v| {
    ///     *v += 1;
    ///     k % 2 == 0
    /// });
    /// assert_eq!(map.len(), 4);
    /// assert_eq!(map.get(&2), Some(&21));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn retain<F: FnMut(&K, &mut V) -> bool>(&mut self, keep: F) {
        self.table.retain(keep);
    }

    /// Removes every entry; the capacity (and the table) is kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.insert(1, 1);
    /// let capacity = map.capacity();
    /// map.clear();
    /// assert!(map.is_empty());
    /// assert_eq!(map.capacity(), capacity);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn clear(&mut self) {
        self.table.clear();
    }

    // ----- iteration ---------------------------------------------------------------

    /// The entries, in no particular order.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.extend([(1, 10), (2, 20)]);
    /// let mut entries: Vec<(u8, u8)> = map.iter().map(|(&k, &v)| (k, v)).collect();
    /// entries.sort();
    /// assert_eq!(entries, [(1, 10), (2, 20)]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter::new(self.table.iter())
    }

    /// The entries, with mutable values, in no particular order.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.extend([(1, 10), (2, 20)]);
    /// for (_, v) in map.iter_mut() {
    ///     *v += 1;
    /// }
    /// assert_eq!(map.get(&2), Some(&21));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut::new(self.table.iter_mut())
    }

    /// The keys, in no particular order.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.extend([(1, 10), (2, 20)]);
    /// assert_eq!(map.keys().copied().sum::<u8>(), 3);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn keys(&self) -> Keys<'_, K, V> {
        Keys::new(self.table.keys())
    }

    /// The values, in no particular order.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.extend([(1, 10), (2, 20)]);
    /// assert_eq!(map.values().copied().sum::<u8>(), 30);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn values(&self) -> Values<'_, K, V> {
        Values::new(self.table.values())
    }

    /// The values, mutably, in no particular order.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)?;
    /// map.extend([(1, 10), (2, 20)]);
    /// map.values_mut().for_each(|v| *v = 0);
    /// assert_eq!(map.values().copied().sum::<u8>(), 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn values_mut(&mut self) -> ValuesMut<'_, K, V> {
        ValuesMut::new(self.table.values_mut())
    }
}

/// Inserts every entry; panics when the map is full and a key is new (use
/// [`try_insert`](ArenaHashMap::try_insert) to handle that).
impl<K, V, S> Extend<(K, V)> for ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy,
    S: BuildHasher,
{
    #[track_caller]
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

/// Inserts a copy of every entry; panics when the map is full and a key is new.
impl<'b, K, V, S> Extend<(&'b K, &'b V)> for ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy + 'b,
    V: Copy + 'b,
    S: BuildHasher,
{
    #[track_caller]
    fn extend<I: IntoIterator<Item = (&'b K, &'b V)>>(&mut self, entries: I) {
        for (&key, &value) in entries {
            self.insert(key, value);
        }
    }
}

impl<'m, K, V, S> IntoIterator for &'m ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy,
    S: BuildHasher,
{
    type Item = (&'m K, &'m V);
    type IntoIter = Iter<'m, K, V>;

    fn into_iter(self) -> Iter<'m, K, V> {
        self.iter()
    }
}

impl<'m, K, V, S> IntoIterator for &'m mut ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy,
    S: BuildHasher,
{
    type Item = (&'m K, &'m mut V);
    type IntoIter = IterMut<'m, K, V>;

    fn into_iter(self) -> IterMut<'m, K, V> {
        self.iter_mut()
    }
}

/// `map[&key]`, as std's `HashMap`.
///
/// # Panics
///
/// If `key` is not in the map.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let mut map: ArenaHashMap<'_, u32, &str> = ArenaHashMap::with_capacity_in(4, &arena)?;
/// map.insert(7, "seven");
/// assert_eq!(map[&7], "seven");
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<K, Q, V, S> Index<&Q> for ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy + Borrow<Q>,
    Q: Hash + Eq + ?Sized,
    V: Copy,
    S: BuildHasher,
{
    type Output = V;

    #[track_caller]
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

impl<K: fmt::Debug, V: fmt::Debug, S> fmt::Debug for ArenaHashMap<'_, K, V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.table.iter()).finish()
    }
}

/// Equal when both hold the same keys with equal values, whatever the hashers
/// and capacities.
impl<'b, K, V, S, S2> PartialEq<ArenaHashMap<'b, K, V, S2>> for ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy + PartialEq,
    S: BuildHasher,
    S2: BuildHasher,
{
    fn eq(&self, other: &ArenaHashMap<'b, K, V, S2>) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(key, value)| other.get(key) == Some(value))
    }
}

impl<K, V, S> Eq for ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy + Eq,
    S: BuildHasher,
{
}
