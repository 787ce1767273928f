//! [`ArenaHashMap`]: a hash map on hashbrown whose table lives in an arena, with
//! a capacity that inserts below it never need to allocate; its entry API and
//! its iterators.

mod entry;
mod iter;

use core::borrow::Borrow;
use core::fmt;
use core::hash::{BuildHasher, Hash};
use core::ops::Index;

use hashbrown::hash_map::Entry as RawEntry;
use hashbrown::{HashMap, TryReserveError};

pub use entry::{Entry, OccupiedEntry, VacantEntry};
pub use iter::{
    Drain, ExtractIf, IntoIter, IntoKeys, IntoValues, Iter, IterMut, Keys, Values, ValuesMut,
};

use crate::arena::{unwrap, Arena};
use crate::error::ArenaError;

/// The hasher an [`ArenaHashMap`] uses unless given another: hashbrown's
/// default, [foldhash](https://docs.rs/foldhash)'s fast hasher with a random
/// seed per map.
///
/// Among the fastest hashers for small `Copy` keys (integers, ids, pairs), with
/// some resistance to chosen-key collisions but no cryptographic strength.
///
/// # Examples
///
/// ```
/// use arena_memory::hash_map::DefaultHashBuilder;
/// use arena_memory::{Arena, ArenaHashMap};
/// use core::hash::BuildHasher;
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let hasher = DefaultHashBuilder::default();
/// let seeded = hasher.hash_one(7u32);
/// let mut map = ArenaHashMap::with_hasher_in(hasher, &arena);
/// map.insert(7u32, "seven");
/// assert_eq!(map.hasher().hash_one(7u32), seeded);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
pub type DefaultHashBuilder = hashbrown::DefaultHashBuilder;

/// The capacity a map with none grows to first (hashbrown's smallest table for
/// small entries has 8 slots; this map keeps half of them in reserve).
const FIRST_CAPACITY: usize = 3;

/// A hash map of `Copy` keys and values whose table lives in an [`Arena`]; the
/// cache Clay keeps across frames (element id to element state, text to
/// measured size).
///
/// It is hashbrown's `HashMap` with the arena as its allocator, and keeps
/// hashbrown's method names, its entry API and `K: Borrow<Q>` lookups.
///
/// # A capacity that holds, whatever the history
///
/// **Inserting while `len() < capacity()` never allocates and never fails**,
/// whatever inserts and removes came before. At capacity, inserting a *new*
/// key grows the table, as [`ArenaVec::push`](crate::ArenaVec::push) does; if
/// the arena cannot give a bigger one (its region is
/// [sealed](Arena::ephemeral), or exhausted),
/// [`try_insert`](ArenaHashMap::try_insert) fails with
/// [`ArenaError::CollectionFull`], which names the capacity, and leaves the
/// map unchanged (`insert` panics). Replacing the value of a key that is
/// present always succeeds. So a map made with
/// [`with_capacity_in`](ArenaHashMap::with_capacity_in) in the persistent
/// region keeps working in every frame after the region is sealed, up to its
/// capacity.
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
/// # Growth, and what it costs in an arena
///
/// Growing (an insert at capacity, [`try_reserve`](ArenaHashMap::try_reserve))
/// moves the entries to a new table of about twice the slots. The old table
/// stays in the arena, unused, until the arena is reset: hashbrown allocates
/// the new table before it gives the old one back, so the old one is never the
/// arena's newest allocation then, and a bump arena takes back only its newest.
/// A map grown one insert at a time from nothing to `n` entries has thus used
/// up to about twice its final table; reserve the whole capacity at once when
/// it is known ([`with_capacity_in`](ArenaHashMap::with_capacity_in)).
///
/// # The hasher
///
/// The default `S` is [`DefaultHashBuilder`], hashbrown's default. The
/// constructors without a hasher ([`new_in`](ArenaHashMap::new_in),
/// [`with_capacity_in`](ArenaHashMap::with_capacity_in), ...) make maps with
/// it, as std's do, so the key and value types are inferred from use; give
/// another with [`with_hasher_in`](ArenaHashMap::with_hasher_in) or
/// [`with_capacity_and_hasher_in`](ArenaHashMap::with_capacity_and_hasher_in).
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaError, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// // Text id -> measured size, in the persistent region.
/// let mut sizes = ArenaHashMap::try_with_capacity_in(2, &arena)?;
/// let capacity = sizes.capacity(); // at least 2: all the room the table has
/// let mut frame = arena.try_ephemeral()?; // the map's region is sealed now
/// for id in 0..capacity as u32 {
///     sizes.insert(id, (10.0f32, 20.0f32)); // below capacity: never allocates
/// }
/// let full = ArenaError::CollectionFull { capacity };
/// assert_eq!(sizes.try_insert(100, (0.0, 0.0)), Err(full)); // sealed: cannot grow
/// assert_eq!(sizes.insert(0, (11.0, 20.0)), Some((10.0, 20.0))); // replacing works
/// assert_eq!(sizes.remove(&1), Some((10.0, 20.0)));
/// sizes.insert(100, (3.0, 4.0)); // room again
/// *sizes.entry(100).or_insert((0.0, 0.0)) = (5.0, 6.0);
/// assert_eq!(sizes.get(&100), Some(&(5.0, 6.0)));
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

impl<'a, K, V> ArenaHashMap<'a, K, V, DefaultHashBuilder> {
    /// An empty map of capacity 0 with the default hasher; allocates nothing
    /// until the first insert.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::new_in(&arena);
    /// assert_eq!(map.capacity(), 0);
    /// assert_eq!(arena.used(), 0);
    /// map.insert(1u8, 'a'); // grows
    /// assert!(map.capacity() >= 1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn new_in(arena: &'a Arena<'a>) -> Self {
        ArenaHashMap::with_hasher_in(DefaultHashBuilder::default(), arena)
    }
}

impl<'a, K, V, S> ArenaHashMap<'a, K, V, S> {
    /// An empty map of capacity 0 hashing with `hasher`; allocates nothing
    /// until the first insert.
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
    /// let mut map = ArenaHashMap::with_hasher_in(hasher, &arena);
    /// map.insert(1u8, 2u8);
    /// assert_eq!(map.get(&1), Some(&2));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn with_hasher_in(hasher: S, arena: &'a Arena<'a>) -> Self {
        ArenaHashMap {
            table: HashMap::with_hasher_in(hasher, arena),
            capacity: 0,
        }
    }
}

impl<'a, K, V> ArenaHashMap<'a, K, V, DefaultHashBuilder>
where
    K: Eq + Hash + Copy,
    V: Copy,
{
    /// A map with room for at least `capacity` entries, all allocated now, with
    /// the default hasher. Inserting below [`capacity()`](ArenaHashMap::capacity)
    /// never allocates again.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaHashMap::try_reserve); nothing is allocated
    /// on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::try_with_capacity_in(50, &arena)?;
    /// map.insert(1u32, 2.0f32);
    /// assert!(map.capacity() >= 50);
    /// assert!(ArenaHashMap::<u32, u32>::try_with_capacity_in(10_000, &arena).is_err());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_with_capacity_in(capacity: usize, arena: &'a Arena<'a>) -> Result<Self, ArenaError> {
        ArenaHashMap::try_with_capacity_and_hasher_in(
            capacity,
            DefaultHashBuilder::default(),
            arena,
        )
    }

    /// A map with room for at least `capacity` entries, as
    /// [`try_with_capacity_in`](ArenaHashMap::try_with_capacity_in).
    ///
    /// # Panics
    ///
    /// When `try_with_capacity_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::with_capacity_in(16, &arena);
    /// map.insert(1u32, 2.0f32);
    /// assert!(map.capacity() >= 16);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn with_capacity_in(capacity: usize, arena: &'a Arena<'a>) -> Self {
        unwrap(ArenaHashMap::try_with_capacity_in(capacity, arena))
    }

    /// A map of the entries of `entries`, with the default hasher; a later
    /// entry replaces an earlier one with the same key, as in std's
    /// `collect()`.
    ///
    /// The table is sized for the iterator's lower size bound first, and grows
    /// if more entries come (see [Growth](ArenaHashMap#growth-and-what-it-costs-in-an-arena)).
    ///
    /// # Errors
    ///
    /// The arena's error ([`ArenaError::CapacityExceeded`],
    /// [`ArenaError::Sealed`], ...) when the table does not fit. What was
    /// allocated stays in the arena until reset, unless it is the newest
    /// allocation.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let squares = ArenaHashMap::try_from_iter_in((0..10u32).map(|n| (n, n * n)), &arena)?;
    /// assert_eq!(squares.len(), 10);
    /// assert_eq!(squares[&9], 81);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_from_iter_in<I>(entries: I, arena: &'a Arena<'a>) -> Result<Self, ArenaError>
    where
        I: IntoIterator<Item = (K, V)>,
    {
        let entries = entries.into_iter();
        let mut map = ArenaHashMap::try_with_capacity_in(entries.size_hint().0, arena)?;
        for (key, value) in entries {
            map.insert_or_grow(key, value)?;
        }
        Ok(map)
    }

    /// A map of the entries of `entries`, as
    /// [`try_from_iter_in`](ArenaHashMap::try_from_iter_in).
    ///
    /// # Panics
    ///
    /// When `try_from_iter_in` would return an error, with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::from_iter_in([(1u8, 'a'), (2, 'b'), (1, 'c')], &arena);
    /// assert_eq!(map.len(), 2);
    /// assert_eq!(map[&1], 'c');
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn from_iter_in<I>(entries: I, arena: &'a Arena<'a>) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
    {
        unwrap(ArenaHashMap::try_from_iter_in(entries, arena))
    }
}

impl<'a, K, V, S> ArenaHashMap<'a, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy,
    S: BuildHasher,
{
    /// A map with room for at least `capacity` entries, all allocated now,
    /// hashing with `hasher`.
    ///
    /// # Errors
    ///
    /// As for [`try_reserve`](ArenaHashMap::try_reserve); nothing is allocated
    /// on failure.
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
    /// let mut map = ArenaHashMap::try_with_capacity_and_hasher_in(8, hasher, &arena)?;
    /// map.insert(1u64, 1u64);
    /// assert!(map.capacity() >= 8);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn try_with_capacity_and_hasher_in(
        capacity: usize,
        hasher: S,
        arena: &'a Arena<'a>,
    ) -> Result<Self, ArenaError> {
        let mut map = ArenaHashMap::with_hasher_in(hasher, arena);
        map.try_reserve(capacity)?;
        Ok(map)
    }

    /// A map with room for at least `capacity` entries hashing with `hasher`,
    /// as [`try_with_capacity_and_hasher_in`](ArenaHashMap::try_with_capacity_and_hasher_in).
    ///
    /// # Panics
    ///
    /// When `try_with_capacity_and_hasher_in` would return an error, with its
    /// message.
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
    /// let mut map = ArenaHashMap::with_capacity_and_hasher_in(8, hasher, &arena);
    /// map.insert(1u64, 1u64);
    /// assert!(map.capacity() >= 8);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn with_capacity_and_hasher_in(capacity: usize, hasher: S, arena: &'a Arena<'a>) -> Self {
        unwrap(ArenaHashMap::try_with_capacity_and_hasher_in(
            capacity, hasher, arena,
        ))
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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
    /// let map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
    /// assert!(map.is_empty());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// How many entries the map holds before inserting a new key must grow it
    /// (or fails, where the arena cannot give more); it changes only when the
    /// map grows or [`shrink_to_fit`](ArenaHashMap::shrink_to_fit) drops an
    /// empty table (removes and tombstones do not lower it, unlike hashbrown's
    /// own figure).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u16, u16>::try_with_capacity_in(10, &arena)?;
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
    /// until it is reset (see
    /// [Growth](ArenaHashMap#growth-and-what-it-costs-in-an-arena)).
    ///
    /// # Errors
    ///
    /// [`ArenaError::SizeOverflow`] if the table would not fit in `isize::MAX`
    /// bytes; [`ArenaError::CapacityExceeded`] if it does not fit in the arena;
    /// [`ArenaError::Sealed`] while the arena is sealed. The map and the arena
    /// are unchanged on failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::new_in(&arena);
    /// map.try_reserve(40)?;
    /// assert!(map.capacity() >= 40);
    /// let frame = arena.try_ephemeral()?; // sealed: no more growth
    /// assert_eq!(map.try_reserve(1000), Err(ArenaError::Sealed));
    /// map.insert(1u32, ()); // below capacity: works
    /// # drop(frame);
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

    /// Gives an empty map's table back; a map with entries keeps its table.
    ///
    /// An empty map drops its table and its capacity becomes 0: the arena
    /// takes the memory back if the table is its newest allocation (otherwise
    /// it stays until the arena is reset). A map with entries is left as it
    /// is, because in a bump arena a smaller table would be a *new*
    /// allocation while the old one stays until the reset: shrinking would use
    /// more memory, not less. Like std's, it never lowers the capacity below
    /// `len()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::with_capacity_in(40, &arena);
    /// map.insert(1u32, 1u32);
    /// let capacity = map.capacity();
    /// map.shrink_to_fit();
    /// assert_eq!(map.capacity(), capacity); // entries: the table stays
    /// map.clear();
    /// map.shrink_to_fit();
    /// assert_eq!(map.capacity(), 0);
    /// assert_eq!(arena.used(), 0); // it was the newest allocation
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn shrink_to_fit(&mut self) {
        if self.table.is_empty() {
            // An empty table is dropped (and deallocated) without allocating.
            self.table.shrink_to_fit();
            self.capacity = 0;
        }
    }

    /// The `ArenaError` behind hashbrown's `TryReserveError`.
    #[cold]
    fn reserve_error(&self, err: TryReserveError) -> ArenaError {
        match err {
            TryReserveError::CapacityOverflow => ArenaError::SizeOverflow,
            TryReserveError::AllocError { layout } => self.table.allocator().failure_for(layout),
        }
    }

    /// Room for one more entry in a full map: about twice the capacity (the
    /// same doubling as hashbrown's), or [`FIRST_CAPACITY`] from nothing.
    /// Returns the arena's error.
    #[cold]
    #[inline(never)]
    fn grow_for_insert(&mut self) -> Result<(), ArenaError> {
        debug_assert!(self.table.len() >= self.capacity);
        self.try_reserve(self.capacity.max(FIRST_CAPACITY))
    }

    /// [`ArenaError::CollectionFull`] with this map's capacity: what an insert
    /// that could not grow the map reports.
    #[cold]
    fn full(&self) -> ArenaError {
        ArenaError::CollectionFull {
            capacity: self.capacity,
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
    /// let mut map = ArenaHashMap::<&str, u32>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, char>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u32>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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

    /// The values of `N` keys at once, mutably; `None` for a key that is
    /// absent.
    ///
    /// # Panics
    ///
    /// If two of the keys are equal (two `&mut` to one value), as std's.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut balances = ArenaHashMap::from_iter_in([("ann", 10), ("bob", 5)], &arena);
    /// let [Some(from), Some(to), None] = balances.get_disjoint_mut(["ann", "bob", "cy"]) else {
    ///     unreachable!()
    /// };
    /// *from -= 3;
    /// *to += 3;
    /// assert_eq!((balances["ann"], balances["bob"]), (7, 8));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[track_caller]
    pub fn get_disjoint_mut<Q, const N: usize>(&mut self, keys: [&Q; N]) -> [Option<&mut V>; N]
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.table.get_disjoint_mut(keys)
    }

    // ----- changing ----------------------------------------------------------------

    /// Inserts `value` under `key`, returning the value it replaces.
    ///
    /// Replacing the value of a present key always succeeds. A new key is
    /// inserted while `len() < capacity()` without allocating; at capacity the
    /// map grows first (see
    /// [Growth](ArenaHashMap#growth-and-what-it-costs-in-an-arena)).
    ///
    /// # Errors
    ///
    /// [`ArenaError::CollectionFull`], with the capacity, for a new key when
    /// `len() == capacity()` and the arena cannot give a bigger table (sealed,
    /// or exhausted); the map is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::try_with_capacity_in(1, &arena)?;
    /// let capacity = map.capacity();
    /// for key in 0..capacity as u8 {
    ///     assert_eq!(map.try_insert(key, 1u8)?, None);
    /// }
    /// assert_eq!(map.try_insert(0, 2)?, Some(1));
    /// let frame = arena.try_ephemeral()?; // sealed: the map cannot grow
    /// assert_eq!(map.try_insert(200, 1), Err(ArenaError::CollectionFull { capacity }));
    /// drop(frame);
    /// assert_eq!(map.try_insert(200, 1), Ok(None)); // grows
    /// assert!(map.capacity() > capacity);
    /// # Ok::<(), ArenaError>(())
    /// ```
    #[inline]
    pub fn try_insert(&mut self, key: K, value: V) -> Result<Option<V>, ArenaError> {
        // Only growing can fail, and a failed growth leaves the map (and so its
        // capacity) unchanged: the capacity is read then, not kept from here
        // across the insert.
        match self.insert_or_grow(key, value) {
            Ok(previous) => Ok(previous),
            Err(_arena_error) => Err(ArenaError::CollectionFull {
                capacity: self.capacity,
            }),
        }
    }

    /// Inserts `value` under `key`, as [`try_insert`](ArenaHashMap::try_insert).
    ///
    /// # Panics
    ///
    /// When the map is full, `key` is new and the map cannot grow, with the
    /// message of [`ArenaError::CollectionFull`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::new_in(&arena);
    /// assert_eq!(map.insert(1u8, 10u8), None); // grows from capacity 0
    /// assert_eq!(map.insert(1, 20), Some(10));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        unwrap(self.try_insert(key, value))
    }

    /// Inserts a key known to be absent from a full map: grows, then inserts.
    /// Returns the arena's error, with the map unchanged.
    #[cold]
    #[inline(never)]
    fn insert_after_growing(&mut self, key: K, value: V) -> Result<&mut V, ArenaError> {
        self.grow_for_insert()?;
        debug_assert!(self.table.len() < self.capacity);
        // Below capacity now: hashbrown inserts without allocating.
        Ok(self.table.entry(key).insert(value).into_mut())
    }

    /// Inserts `value` under `key`, growing a full map for a new key; returns
    /// the arena's error when it cannot grow (`try_insert` names the capacity
    /// instead; building a map reports the arena's figures).
    #[inline]
    fn insert_or_grow(&mut self, key: K, value: V) -> Result<Option<V>, ArenaError> {
        let len = self.table.len();
        let capacity = self.capacity;
        if len < capacity {
            // Below capacity, hashbrown's own insert (one probe that finds the
            // key or the slot for it) never allocates: if it finds no free
            // slot (tombstones) it makes room, and with `len + 1 <= capacity
            // <= full / 2` hashbrown rehashes in place rather than resizing.
            return Ok(self.table.insert(key, value));
        }
        // At capacity: `entry` only looks up; it never asks hashbrown to make
        // room (hashbrown's own `insert` would, and could allocate past the
        // capacity this map promises).
        match self.table.entry(key) {
            RawEntry::Occupied(mut present) => Ok(Some(present.insert(value))),
            RawEntry::Vacant(vacant) => {
                let key = vacant.into_key();
                self.insert_after_growing(key, value)?;
                Ok(None)
            }
        }
    }

    /// The entry of `key`, for reading, changing or inserting in place; looks
    /// the key up once and never allocates (inserting into a vacant entry of a
    /// full map grows it then).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut letters = ArenaHashMap::new_in(&arena);
    /// for ch in "a short treatise on fungi".chars() {
    ///     *letters.entry(ch).or_insert(0u32) += 1;
    /// }
    /// assert_eq!(letters[&'s'], 2);
    /// assert_eq!(letters[&'t'], 3);
    /// assert_eq!(letters.get(&'y'), None);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn entry(&mut self, key: K) -> Entry<'_, 'a, K, V, S> {
        if self.table.len() < self.capacity {
            return match self.table.entry(key) {
                RawEntry::Occupied(present) => Entry::Occupied(OccupiedEntry::new(present)),
                RawEntry::Vacant(vacant) => Entry::Vacant(VacantEntry::with_room(vacant)),
            };
        }
        // Full: a vacant entry must be able to grow the map, so it keeps the
        // map itself rather than hashbrown's entry. (Two lookups when the key
        // is present; the borrow checker cannot return either from one match.)
        if self.table.contains_key(&key) {
            match self.table.entry(key) {
                RawEntry::Occupied(present) => Entry::Occupied(OccupiedEntry::new(present)),
                RawEntry::Vacant(vacant) => Entry::Vacant(VacantEntry::with_room(vacant)),
            }
        } else {
            Entry::Vacant(VacantEntry::full(self, key))
        }
    }

    /// Removes `key`, returning its value if it was present.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(8, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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

    /// Removes every entry and yields it, in no particular order; the capacity
    /// (and the table) is kept.
    ///
    /// The entries not yet yielded when the iterator is dropped are removed
    /// too. If the iterator is leaked (`mem::forget`), the map is left empty
    /// with capacity 0 (its next insert grows it).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in([(1u8, 'a'), (2, 'b')], &arena);
    /// let capacity = map.capacity();
    /// let mut drained: Vec<_> = map.drain().collect();
    /// drained.sort();
    /// assert_eq!(drained, [(1, 'a'), (2, 'b')]);
    /// assert!(map.is_empty());
    /// assert_eq!(map.capacity(), capacity);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn drain(&mut self) -> Drain<'_, 'a, K, V> {
        Drain::new(self.table.drain(), &mut self.capacity)
    }

    /// Removes and yields the entries for which `extract` returns `true`, as
    /// the iterator is advanced; the others stay (with the values as `extract`
    /// left them). The capacity is kept.
    ///
    /// Entries the iterator has not reached when it is dropped stay in the map.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::from_iter_in((0..8u32).map(|n| (n, n)), &arena);
    /// let mut odd: Vec<_> = map.extract_if(|k, _| k % 2 == 1).collect();
    /// odd.sort();
    /// assert_eq!(odd, [(1, 1), (3, 3), (5, 5), (7, 7)]);
    /// assert_eq!(map.len(), 4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn extract_if<F>(&mut self, extract: F) -> ExtractIf<'_, 'a, K, V, F>
    where
        F: FnMut(&K, &mut V) -> bool,
    {
        ExtractIf::new(self.table.extract_if(extract))
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
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
    /// let mut map = ArenaHashMap::<u8, u8>::try_with_capacity_in(4, &arena)?;
    /// map.extend([(1, 10), (2, 20)]);
    /// map.values_mut().for_each(|v| *v = 0);
    /// assert_eq!(map.values().copied().sum::<u8>(), 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn values_mut(&mut self) -> ValuesMut<'_, K, V> {
        ValuesMut::new(self.table.values_mut())
    }

    /// The keys, by value, in no particular order; consumes the map.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::from_iter_in([(1u8, 'a'), (2, 'b')], &arena);
    /// let mut keys: Vec<u8> = map.into_keys().collect();
    /// keys.sort();
    /// assert_eq!(keys, [1, 2]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn into_keys(self) -> IntoKeys<'a, K, V> {
        IntoKeys::new(self.table.into_keys())
    }

    /// The values, by value, in no particular order; consumes the map.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let map = ArenaHashMap::from_iter_in([(1u8, 'a'), (2, 'b')], &arena);
    /// let mut values: Vec<char> = map.into_values().collect();
    /// values.sort();
    /// assert_eq!(values, ['a', 'b']);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn into_values(self) -> IntoValues<'a, K, V> {
        IntoValues::new(self.table.into_values())
    }

    // ----- copying -----------------------------------------------------------------

    /// A copy of the map in the same arena, with a clone of the hasher and at
    /// least the same capacity.
    ///
    /// # Errors
    ///
    /// The arena's error ([`ArenaError::CapacityExceeded`],
    /// [`ArenaError::Sealed`], ...) when the copy's table does not fit; nothing
    /// is allocated then.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError, ArenaHashMap};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let mut map = ArenaHashMap::with_capacity_in(4, &arena);
    /// map.insert(1u32, 10u32);
    /// let copy = map.try_clone()?;
    /// map.insert(1, 11);
    /// assert_eq!(copy[&1], 10);
    /// assert!(copy.capacity() >= map.capacity());
    /// let frame = arena.try_ephemeral()?;
    /// assert_eq!(map.try_clone().unwrap_err(), ArenaError::Sealed);
    /// # drop(frame);
    /// # Ok::<(), ArenaError>(())
    /// ```
    pub fn try_clone(&self) -> Result<Self, ArenaError>
    where
        S: Clone,
    {
        let arena = *self.table.allocator();
        let hasher = self.table.hasher().clone();
        let mut copy = ArenaHashMap::try_with_capacity_and_hasher_in(self.capacity, hasher, arena)?;
        for (&key, &value) in &self.table {
            // Below the copy's capacity: never allocates, never fails.
            copy.insert_or_grow(key, value)?;
        }
        Ok(copy)
    }
}

/// Inserts every entry, growing the map when it is full, as
/// [`insert`](ArenaHashMap::insert).
///
/// # Panics
///
/// When a key is new, the map is full and cannot grow, with the message of
/// [`ArenaError::CollectionFull`] (use [`try_insert`](ArenaHashMap::try_insert)
/// to handle that).
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let mut map = ArenaHashMap::new_in(&arena);
/// map.extend((0..20u32).map(|n| (n, n * 2)));
/// assert_eq!(map.len(), 20);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
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

/// Inserts a copy of every entry, as `Extend<(K, V)>`.
///
/// # Panics
///
/// As `Extend<(K, V)>`.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap};
/// use std::collections::HashMap;
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let std_map = HashMap::from([(1u8, 'a'), (2, 'b')]);
/// let mut map = ArenaHashMap::<u8, char>::new_in(&arena);
/// map.extend(&std_map);
/// assert_eq!(map.len(), 2);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
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

/// Inserts a copy of every entry of a slice or list of pairs, as
/// `Extend<(K, V)>`.
///
/// # Panics
///
/// As `Extend<(K, V)>`.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let pairs = [(1u8, 'a'), (2, 'b'), (1, 'c')];
/// let mut map = ArenaHashMap::new_in(&arena);
/// map.extend(&pairs);
/// assert_eq!(map.len(), 2);
/// assert_eq!(map[&1], 'c');
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<'b, K, V, S> Extend<&'b (K, V)> for ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy + 'b,
    V: Copy + 'b,
    S: BuildHasher,
{
    #[track_caller]
    fn extend<I: IntoIterator<Item = &'b (K, V)>>(&mut self, entries: I) {
        for &(key, value) in entries {
            self.insert(key, value);
        }
    }
}

/// The entries by value, in no particular order; consumes the map.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let map = ArenaHashMap::from_iter_in([(1u8, 'a'), (2, 'b')], &arena);
/// let mut entries: Vec<(u8, char)> = map.into_iter().collect();
/// entries.sort();
/// assert_eq!(entries, [(1, 'a'), (2, 'b')]);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<'a, K, V, S> IntoIterator for ArenaHashMap<'a, K, V, S> {
    type Item = (K, V);
    type IntoIter = IntoIter<'a, K, V>;

    #[inline]
    fn into_iter(self) -> IntoIter<'a, K, V> {
        IntoIter::new(self.table.into_iter())
    }
}

/// A copy in the same arena, as [`try_clone`](ArenaHashMap::try_clone).
///
/// # Panics
///
/// When `try_clone` would return an error (the arena cannot hold the copy),
/// with its message: std's `Clone` cannot fail.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap};
///
/// let arena = Arena::try_with_capacity(4096)?;
/// let map = ArenaHashMap::from_iter_in([(1u8, 'a')], &arena);
/// let copy = map.clone();
/// assert_eq!(copy, map);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
impl<K, V, S> Clone for ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy,
    V: Copy,
    S: BuildHasher + Clone,
{
    #[track_caller]
    fn clone(&self) -> Self {
        unwrap(self.try_clone())
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
/// let mut map: ArenaHashMap<'_, u32, &str> = ArenaHashMap::try_with_capacity_in(4, &arena)?;
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
