//! The collections' small promises, each checked both ways: `reserve` makes
//! the room it says, `resize` and `resize_zeroed` reach the length asked for
//! with the values asked for and touch nothing past it, `is_empty` tells empty
//! from not, and `ArenaStr` compares with `str` and `&str` from either side.

use arena_memory::{Arena, ArenaHashMap, ArenaStr, ArenaVec};

// ----- reserve --------------------------------------------------------------------

#[test]
fn vec_reserve_makes_room_for_at_least_that_many_more() {
    let arena = Arena::with_capacity(1024);
    let mut v = ArenaVec::from_slice_in(&[1u32, 2, 3], &arena);
    v.reserve(40);
    assert!(v.capacity() >= 43, "capacity {}", v.capacity());
    assert_eq!(v, [1, 2, 3]);
    // The room is there: pushing into it moves nothing.
    let buffer = v.as_ptr();
    for i in 0..40 {
        v.try_push(i).unwrap();
    }
    assert_eq!(v.as_ptr(), buffer);
    assert_eq!(v.len(), 43);
}

#[test]
#[should_panic(expected = "capacity exceeded")]
fn vec_reserve_panics_when_the_arena_has_no_room() {
    let arena = Arena::with_capacity(64);
    let mut v = ArenaVec::<u64>::new_in(&arena);
    v.reserve(100);
}

#[test]
fn str_reserve_makes_room_for_at_least_that_many_more_bytes() {
    let arena = Arena::with_capacity(1024);
    let mut s = ArenaStr::from_str_in("ab", &arena);
    s.reserve(30);
    assert!(s.capacity() >= 32, "capacity {}", s.capacity());
    assert_eq!(s, "ab");
    let buffer = s.as_ptr();
    for _ in 0..30 {
        s.try_push('x').unwrap();
    }
    assert_eq!(s.as_ptr(), buffer);
}

#[test]
#[should_panic(expected = "capacity exceeded")]
fn str_reserve_panics_when_the_arena_has_no_room() {
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::new_in(&arena);
    s.reserve(100);
}

#[test]
#[should_panic(expected = "capacity exceeded")]
fn hash_map_reserve_panics_when_the_arena_has_no_room() {
    let arena = Arena::with_capacity(64);
    let mut map = ArenaHashMap::<u64, u64>::new_in(&arena);
    map.reserve(100);
}

#[test]
fn hash_map_reserve_makes_room_for_at_least_that_many_more_entries() {
    let arena = Arena::with_capacity(1 << 14);
    let mut map = ArenaHashMap::<u32, u32>::with_capacity_in(1, &arena);
    map.insert(0, 0);
    map.reserve(50);
    assert!(map.capacity() >= 51, "capacity {}", map.capacity());
    // The room is there: with the arena full, the map still takes them.
    arena.alloc_bytes(arena.remaining());
    assert_eq!(arena.remaining(), 0);
    for key in 1..51 {
        assert_eq!(map.try_insert(key, key * 2), Ok(None));
    }
    assert_eq!(map.len(), 51);
    assert_eq!(map.get(&50), Some(&100));
}

// ----- resize ---------------------------------------------------------------------

#[test]
fn vec_resize_grows_with_copies_and_shrinks() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::from_slice_in(&[1u16], &arena);
    v.resize(4, 9);
    assert_eq!(v, [1, 9, 9, 9]);
    v.resize(2, 7);
    assert_eq!(v, [1, 9]);
    v.resize(2, 7);
    assert_eq!(v, [1, 9]);
}

#[test]
fn vec_try_resize_grows_by_exactly_what_is_missing() {
    // The arena has room for the new length and not one element more.
    let arena = Arena::with_capacity(64);
    arena.alloc_bytes(44);
    let mut v = ArenaVec::from_slice_in(&[1u32, 2, 3], &arena);
    assert_eq!(arena.remaining(), 8);
    v.try_resize(5, 6).unwrap();
    assert_eq!(v, [1, 2, 3, 6, 6]);
    assert_eq!(arena.remaining(), 0);
}

#[test]
fn vec_resize_zeroed_grows_with_zeros_and_shrinks() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::from_slice_in(&[5u32], &arena);
    v.resize_zeroed(3);
    assert_eq!(v, [5, 0, 0]);
    v.resize_zeroed(1);
    assert_eq!(v, [5]);
}

#[test]
fn vec_try_resize_zeroed_grows_by_exactly_what_is_missing() {
    let arena = Arena::with_capacity(64);
    arena.alloc_bytes(44);
    let mut v = ArenaVec::from_slice_in(&[1u32, 2, 3], &arena);
    assert_eq!(arena.remaining(), 8);
    v.try_resize_zeroed(5).unwrap();
    assert_eq!(v, [1, 2, 3, 0, 0]);
    assert_eq!(arena.remaining(), 0);
}

#[test]
fn vec_resize_zeroed_zeroes_every_new_element_and_nothing_after() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::<u32>::with_capacity_in(4, &arena);
    // Whatever the buffer held before is overwritten.
    v.extend_from_slice(&[u32::MAX; 4]);
    v.truncate(1);
    // The next allocation lies right after the buffer.
    let guard = arena.alloc([0xA5u8; 16]);
    assert_eq!(
        guard.as_ptr(),
        v.as_ptr().wrapping_add(4).cast::<u8>(),
        "the guard follows the buffer"
    );
    v.try_resize_zeroed(4).unwrap();
    assert_eq!(v, [u32::MAX, 0, 0, 0]);
    assert_eq!(*guard, [0xA5; 16]);

    v.truncate(2);
    v.try_resize_zeroed(3).unwrap();
    assert_eq!(v, [u32::MAX, 0, 0]);
    assert_eq!(*guard, [0xA5; 16]);
}

#[test]
fn vec_resize_zeroed_from_several_elements_reserves_what_is_missing() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::from_slice_in(&[1u8, 2, 3], &arena);
    v.try_resize_zeroed(5).unwrap();
    assert_eq!(v, [1, 2, 3, 0, 0]);
    assert!(v.capacity() >= 5);
}

// ----- is_empty -------------------------------------------------------------------

#[test]
fn vec_is_empty_until_pushed_and_after_clear() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::new_in(&arena);
    assert!(v.is_empty());
    v.push(1u8);
    assert!(!v.is_empty());
    v.clear();
    assert!(v.is_empty());
    // Capacity is not length.
    let reserved = ArenaVec::<u8>::with_capacity_in(8, &arena);
    assert!(reserved.is_empty());
}

#[test]
fn str_is_empty_until_pushed_and_after_clear() {
    let arena = Arena::with_capacity(256);
    let mut s = ArenaStr::new_in(&arena);
    assert!(s.is_empty());
    s.push('é');
    assert!(!s.is_empty());
    s.clear();
    assert!(s.is_empty());
    let reserved = ArenaStr::with_capacity_in(8, &arena);
    assert!(reserved.is_empty());
}

#[test]
fn hash_map_is_empty_until_inserted_and_after_remove() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u8, u8>::new_in(&arena);
    assert!(map.is_empty());
    map.reserve(1); // a map does not grow on insert
    map.insert(1, 2);
    assert!(!map.is_empty());
    assert_eq!(map.remove(&1), Some(2));
    assert!(map.is_empty());
    let reserved = ArenaHashMap::<u8, u8>::with_capacity_in(8, &arena);
    assert!(reserved.is_empty());
}

// ----- ArenaStr against str -------------------------------------------------------

#[test]
fn str_equals_str_and_ref_str_from_either_side() {
    let arena = Arena::with_capacity(256);
    let s = ArenaStr::from_str_in("hello", &arena);
    let same: &str = "hello";
    let other: &str = "help!";
    let prefix: &str = "hell";

    // ArenaStr == str
    assert!(s == *same);
    assert!(s != *other);
    assert!(s != *prefix);
    // ArenaStr == &str
    assert!(s == same);
    assert!(s != other);
    assert!(s != prefix);
    // str == ArenaStr
    assert!(*same == s);
    assert!(*other != s);
    assert!(*prefix != s);
    // &str == ArenaStr
    assert!(same == s);
    assert!(other != s);
    assert!(prefix != s);
}

#[test]
fn str_equals_arena_str_by_content() {
    let arena = Arena::with_capacity(256);
    let a = ArenaStr::from_str_in("abc", &arena);
    let b = ArenaStr::from_str_in("abc", &arena);
    let c = ArenaStr::from_str_in("abd", &arena);
    assert!(a == b);
    assert!(a != c);
    assert!(ArenaStr::new_in(&arena) == ArenaStr::new_in(&arena));
}
