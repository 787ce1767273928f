//! serde support (feature `serde`): `Serialize` for the collections, and seeds
//! that deserialize straight into an arena.
//!
//! A size hint from the format reserves room up front, capped at
//! [`MAX_PREALLOCATION_BYTES`] so a hostile length cannot make the arena (or a
//! growing arena's global allocator) hand out a huge block; past the cap the
//! collection grows as elements arrive. The reservation is best-effort: if the
//! arena cannot give it, nothing is allocated and the elements decide. Running
//! out of arena memory while elements arrive is the format's error, made with
//! [`de::Error::custom`] from the [`ArenaError`](crate::ArenaError)'s message;
//! it never panics.

use core::fmt;
use core::hash::{BuildHasher, Hash};
use core::marker::PhantomData;
use core::mem::size_of;

use ::serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use ::serde::ser::{Serialize, Serializer};

use crate::hash_map::DefaultHashBuilder;
use crate::{Arena, ArenaHashMap, ArenaStr, ArenaVec};

/// The most bytes a format's size hint may reserve before any element has
/// arrived.
const MAX_PREALLOCATION_BYTES: usize = 4096;

/// How many elements of `size` bytes to reserve for a size hint: the hint,
/// capped at [`MAX_PREALLOCATION_BYTES`] (at least one element's worth for
/// elements larger than the cap, none without a hint).
fn cautious_capacity(hint: Option<usize>, size: usize) -> usize {
    let cap = MAX_PREALLOCATION_BYTES / size.max(1);
    hint.unwrap_or(0).min(cap.max(1))
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<T: Copy + Serialize> Serialize for ArenaVec<'_, T> {
    /// Serializes the elements as a sequence, as a slice does.
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for ArenaStr<'_> {
    /// Serializes the text as a string, as `str` does.
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<K, V, S> Serialize for ArenaHashMap<'_, K, V, S>
where
    K: Eq + Hash + Copy + Serialize,
    V: Copy + Serialize,
    S: BuildHasher,
{
    /// Serializes the entries as a map, in the table's (unspecified) order.
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'a, T: Copy> ArenaVec<'a, T> {
    /// A [`DeserializeSeed`] that deserializes a sequence into a new
    /// `ArenaVec` in `arena`.
    ///
    /// # Errors
    ///
    /// When the arena runs out while elements arrive, deserializing fails with
    /// the format's error carrying the [`ArenaError`](crate::ArenaError)'s
    /// message; it never panics. The arena keeps what the partial vector had
    /// taken (as after any dropped `ArenaVec`) until its next reset.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaVec};
    /// use serde::de::DeserializeSeed;
    ///
    /// let arena = Arena::with_capacity(4096);
    /// let mut json = serde_json::Deserializer::from_str("[1, 2, 3]");
    /// let numbers = ArenaVec::<u32>::deserialize_in(&arena).deserialize(&mut json)?;
    /// assert_eq!(numbers, [1, 2, 3]);
    /// assert_eq!(serde_json::to_string(&numbers)?, "[1,2,3]");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    pub fn deserialize_in(arena: &'a Arena<'a>) -> ArenaVecSeed<'a, T> {
        ArenaVecSeed {
            arena,
            marker: PhantomData,
        }
    }
}

/// Deserializes a sequence into a new [`ArenaVec`] in an arena; made by
/// [`ArenaVec::deserialize_in`].
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaVec, ArenaVecSeed};
/// use serde::de::DeserializeSeed;
///
/// let arena = Arena::with_capacity(4096);
/// let seed: ArenaVecSeed<'_, (u8, bool)> = ArenaVec::deserialize_in(&arena);
/// let pairs = seed.deserialize(&mut serde_json::Deserializer::from_str("[[1, true]]"))?;
/// assert_eq!(pairs, [(1, true)]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct ArenaVecSeed<'a, T> {
    arena: &'a Arena<'a>,
    marker: PhantomData<fn() -> T>,
}

impl<T> Clone for ArenaVecSeed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ArenaVecSeed<'_, T> {}

impl<T> fmt::Debug for ArenaVecSeed<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArenaVecSeed")
            .field("arena", &self.arena)
            .finish()
    }
}

impl<'de, 'a, T: Copy + de::Deserialize<'de>> DeserializeSeed<'de> for ArenaVecSeed<'a, T> {
    type Value = ArenaVec<'a, T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, 'a, T: Copy + de::Deserialize<'de>> Visitor<'de> for ArenaVecSeed<'a, T> {
    type Value = ArenaVec<'a, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut vec = ArenaVec::new_in(self.arena);
        // Best-effort: a failed reservation allocates nothing, and the
        // elements that do arrive decide whether the arena has room.
        let _ = vec.try_reserve(cautious_capacity(seq.size_hint(), size_of::<T>()));
        while let Some(element) = seq.next_element()? {
            vec.try_push(element).map_err(de::Error::custom)?;
        }
        Ok(vec)
    }
}

impl<'a> ArenaStr<'a> {
    /// A [`DeserializeSeed`] that deserializes a string into a new
    /// `ArenaStr` in `arena`.
    ///
    /// Accepts what `String` accepts: a string, a char, or bytes that are
    /// valid UTF-8.
    ///
    /// # Errors
    ///
    /// When the arena has no room for the text, deserializing fails with the
    /// format's error carrying the [`ArenaError`](crate::ArenaError)'s message,
    /// and nothing is allocated; it never panics.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaStr};
    /// use serde::de::DeserializeSeed;
    ///
    /// let arena = Arena::with_capacity(4096);
    /// let mut json = serde_json::Deserializer::from_str(r#""héllo""#);
    /// let text = ArenaStr::deserialize_in(&arena).deserialize(&mut json)?;
    /// assert_eq!(text, "héllo");
    /// assert_eq!(serde_json::to_string(&text)?, r#""héllo""#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    pub fn deserialize_in(arena: &'a Arena<'a>) -> ArenaStrSeed<'a> {
        ArenaStrSeed { arena }
    }
}

/// Deserializes a string into a new [`ArenaStr`] in an arena; made by
/// [`ArenaStr::deserialize_in`].
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaStr, ArenaStrSeed};
/// use serde::de::DeserializeSeed;
///
/// let arena = Arena::with_capacity(4096);
/// let seed: ArenaStrSeed<'_> = ArenaStr::deserialize_in(&arena);
/// let text = seed.deserialize(&mut serde_json::Deserializer::from_str(r#""a\nb""#))?;
/// assert_eq!(text, "a\nb");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct ArenaStrSeed<'a> {
    arena: &'a Arena<'a>,
}

impl<'de, 'a> DeserializeSeed<'de> for ArenaStrSeed<'a> {
    type Value = ArenaStr<'a>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'a> Visitor<'_> for ArenaStrSeed<'a> {
    type Value = ArenaStr<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        ArenaStr::try_from_str_in(text, self.arena).map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Self::Value, E> {
        match core::str::from_utf8(bytes) {
            Ok(text) => self.visit_str(text),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}

impl<'a, K, V> ArenaHashMap<'a, K, V, DefaultHashBuilder> {
    /// A [`DeserializeSeed`] that deserializes a map into a new
    /// `ArenaHashMap` in `arena`, with the default hasher.
    ///
    /// A key that comes twice keeps its last value, as in std's `HashMap`.
    /// For another hasher, use
    /// [`deserialize_with_hasher_in`](ArenaHashMap::deserialize_with_hasher_in).
    ///
    /// # Errors
    ///
    /// When the arena runs out while entries arrive, deserializing fails with
    /// the format's error carrying the [`ArenaError`](crate::ArenaError)'s
    /// message; it never panics. The arena keeps what the partial map had
    /// taken until its next reset.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    /// use serde::de::DeserializeSeed;
    ///
    /// let arena = Arena::with_capacity(4096);
    /// let mut json = serde_json::Deserializer::from_str(r#"{"1": 10, "2": 20}"#);
    /// let sizes = ArenaHashMap::<u32, u64>::deserialize_in(&arena).deserialize(&mut json)?;
    /// assert_eq!(sizes.get(&2), Some(&20));
    /// assert_eq!(sizes.len(), 2);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    pub fn deserialize_in(arena: &'a Arena<'a>) -> ArenaHashMapSeed<'a, K, V> {
        ArenaHashMap::deserialize_with_hasher_in(DefaultHashBuilder::default(), arena)
    }
}

impl<'a, K, V, S> ArenaHashMap<'a, K, V, S> {
    /// A [`DeserializeSeed`] that deserializes a map into a new
    /// `ArenaHashMap` in `arena`, hashing with `hasher`.
    ///
    /// # Errors
    ///
    /// As for [`deserialize_in`](ArenaHashMap::deserialize_in).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaHashMap};
    /// use core::hash::BuildHasherDefault;
    /// use serde::de::DeserializeSeed;
    /// use std::collections::hash_map::DefaultHasher;
    ///
    /// let arena = Arena::with_capacity(4096);
    /// let hasher = BuildHasherDefault::<DefaultHasher>::default();
    /// let seed = ArenaHashMap::<u8, bool, _>::deserialize_with_hasher_in(hasher, &arena);
    /// let flags = seed.deserialize(&mut serde_json::Deserializer::from_str(r#"{"7": true}"#))?;
    /// assert_eq!(flags.get(&7), Some(&true));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    pub fn deserialize_with_hasher_in(
        hasher: S,
        arena: &'a Arena<'a>,
    ) -> ArenaHashMapSeed<'a, K, V, S> {
        ArenaHashMapSeed {
            arena,
            hasher,
            marker: PhantomData,
        }
    }
}

/// Deserializes a map into a new [`ArenaHashMap`] in an arena; made by
/// [`ArenaHashMap::deserialize_in`] or
/// [`ArenaHashMap::deserialize_with_hasher_in`].
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaHashMap, ArenaHashMapSeed};
/// use serde::de::DeserializeSeed;
///
/// let arena = Arena::with_capacity(4096);
/// let seed: ArenaHashMapSeed<'_, char, i8> = ArenaHashMap::deserialize_in(&arena);
/// let map = seed.deserialize(&mut serde_json::Deserializer::from_str(r#"{"a": -1}"#))?;
/// assert_eq!(map.get(&'a'), Some(&-1));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct ArenaHashMapSeed<'a, K, V, S = DefaultHashBuilder> {
    arena: &'a Arena<'a>,
    hasher: S,
    marker: PhantomData<fn() -> (K, V)>,
}

impl<K, V, S: Clone> Clone for ArenaHashMapSeed<'_, K, V, S> {
    fn clone(&self) -> Self {
        ArenaHashMapSeed {
            arena: self.arena,
            hasher: self.hasher.clone(),
            marker: PhantomData,
        }
    }
}

impl<K, V, S> fmt::Debug for ArenaHashMapSeed<'_, K, V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArenaHashMapSeed")
            .field("arena", &self.arena)
            .finish_non_exhaustive()
    }
}

impl<'de, 'a, K, V, S> DeserializeSeed<'de> for ArenaHashMapSeed<'a, K, V, S>
where
    K: Eq + Hash + Copy + de::Deserialize<'de>,
    V: Copy + de::Deserialize<'de>,
    S: BuildHasher,
{
    type Value = ArenaHashMap<'a, K, V, S>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, 'a, K, V, S> Visitor<'de> for ArenaHashMapSeed<'a, K, V, S>
where
    K: Eq + Hash + Copy + de::Deserialize<'de>,
    V: Copy + de::Deserialize<'de>,
    S: BuildHasher,
{
    type Value = ArenaHashMap<'a, K, V, S>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Self::Value, A::Error> {
        let mut map = ArenaHashMap::with_hasher_in(self.hasher, self.arena);
        // Best-effort, as for `ArenaVecSeed`.
        let _ = map.try_reserve(cautious_capacity(entries.size_hint(), size_of::<(K, V)>()));
        while let Some((key, value)) = entries.next_entry()? {
            map.try_insert(key, value).map_err(de::Error::custom)?;
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::{cautious_capacity, MAX_PREALLOCATION_BYTES};

    #[test]
    fn cautious_capacity_caps_the_hint_in_bytes() {
        assert_eq!(cautious_capacity(None, 8), 0);
        assert_eq!(cautious_capacity(Some(3), 8), 3);
        assert_eq!(
            cautious_capacity(Some(usize::MAX), 8),
            MAX_PREALLOCATION_BYTES / 8
        );
        assert_eq!(
            cautious_capacity(Some(usize::MAX), 0),
            MAX_PREALLOCATION_BYTES
        );
        assert_eq!(cautious_capacity(Some(usize::MAX), 1 << 20), 1);
        assert_eq!(cautious_capacity(Some(0), 1 << 20), 0);
    }
}
