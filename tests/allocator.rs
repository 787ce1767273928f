//! `&Arena` as an `allocator_api2` allocator: hashbrown and `allocator_api2`'s
//! `Vec` run on it, and growth, shrinking and freeing follow the bump model.

use core::alloc::Layout;

use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as ApiVec;
use arena_memory::{Arena, ArenaError};

#[test]
fn hashbrown_runs_on_the_arena() {
    let arena = Arena::with_capacity(1 << 16).unwrap();
    let mut map = hashbrown::HashMap::new_in(&arena);
    for i in 0..500u32 {
        map.insert(i, i * 2);
    }
    assert_eq!(map.len(), 500);
    assert!((0..500u32).all(|i| map[&i] == i * 2));
    assert!(arena.used() > 500 * 8);
    map.retain(|k, _| k % 2 == 0);
    assert_eq!(map.len(), 250);
}

#[test]
fn allocator_api2_vec_runs_on_the_arena_and_grows_in_place() {
    let arena = Arena::with_capacity(1 << 16).unwrap();
    let mut v: ApiVec<u32, &Arena<'_>> = ApiVec::with_capacity_in(4, &arena);
    let first = v.as_ptr();
    for i in 0..1000 {
        v.push(i);
    }
    // It was the most recent allocation all along, so it never moved.
    assert_eq!(v.as_ptr(), first);
    assert_eq!(v.iter().sum::<u32>(), 999 * 1000 / 2);
    assert_eq!(arena.used(), v.capacity() * 4);
}

#[test]
fn a_vec_that_is_not_the_last_allocation_moves_when_it_grows() {
    let arena = Arena::with_capacity(1 << 16).unwrap();
    let mut v: ApiVec<u64, &Arena<'_>> = ApiVec::with_capacity_in(2, &arena);
    v.extend([1, 2]);
    let first = v.as_ptr();
    arena.alloc(0u8);
    v.push(3);
    assert_ne!(v.as_ptr(), first);
    assert_eq!(v, [1, 2, 3]);
}

#[test]
fn freeing_the_last_allocation_gives_its_memory_back() {
    let arena = Arena::with_capacity(1024).unwrap();
    let a = &arena;
    let layout = Layout::from_size_align(100, 8).unwrap();
    let block = a.allocate(layout).unwrap();
    assert_eq!(arena.used(), 100);
    // SAFETY: `block` was allocated by this allocator with `layout`.
    unsafe { a.deallocate(block.cast(), layout) };
    assert_eq!(arena.used(), 0);
    assert_eq!(arena.peak(), 100);

    // Freeing one that is not the last leaves the bump pointer alone.
    let first = a.allocate(layout).unwrap();
    let _second = a.allocate(layout).unwrap();
    // SAFETY: as above.
    unsafe { a.deallocate(first.cast(), layout) };
    // 100 bytes, 4 of padding to the next 8-byte boundary, 100 bytes.
    assert_eq!(arena.used(), 204);
}

#[test]
fn shrinking_the_last_allocation_gives_its_tail_back() {
    let arena = Arena::with_capacity(1024).unwrap();
    let a = &arena;
    let old = Layout::from_size_align(200, 8).unwrap();
    let new = Layout::from_size_align(50, 8).unwrap();
    let block = a.allocate(old).unwrap();
    // SAFETY: `block` is live, from this allocator, with `old`; `new` is smaller.
    let shrunk = unsafe { a.shrink(block.cast(), old, new) }.unwrap();
    assert_eq!(shrunk.cast::<u8>(), block.cast::<u8>());
    assert_eq!(arena.used(), 50);
}

#[test]
fn grow_zeroed_zeroes_the_new_tail() {
    let arena = Arena::with_capacity(1024).unwrap();
    let a = &arena;
    let old = Layout::from_size_align(8, 8).unwrap();
    let new = Layout::from_size_align(64, 8).unwrap();
    let block = a.allocate(old).unwrap().cast::<u8>();
    // SAFETY: `block` holds 8 writable bytes.
    unsafe { block.as_ptr().write_bytes(0xFF, 8) };
    // SAFETY: `block` is live, from this allocator, with `old`; `new` is larger.
    let grown = unsafe { a.grow_zeroed(block, old, new) }.unwrap();
    // SAFETY: `grown` holds 64 initialised bytes.
    let bytes = unsafe { core::slice::from_raw_parts(grown.cast::<u8>().as_ptr(), 64) };
    assert_eq!(&bytes[..8], &[0xFF; 8]);
    assert!(bytes[8..].iter().all(|&b| b == 0));
}

#[test]
fn allocation_failure_is_reported_not_panicked() {
    let arena = Arena::with_capacity(64).unwrap();
    let a = &arena;
    assert!(a
        .allocate(Layout::from_size_align(1000, 8).unwrap())
        .is_err());
    let mut v: ApiVec<u8, &Arena<'_>> = ApiVec::new_in(&arena);
    assert!(v.try_reserve(1000).is_err());
    assert!(v.try_reserve(10).is_ok());
}

#[test]
fn a_sealed_parent_refuses_the_allocator_too() {
    let arena = Arena::with_capacity(1024).unwrap();
    let mut v: ApiVec<u32, &Arena<'_>> = ApiVec::with_capacity_in(4, &arena);
    v.extend([1, 2, 3, 4]);
    let frame = arena.ephemeral().unwrap();
    // The vector is the parent's last allocation, but the memory after it is
    // the child's now: it must not grow in place.
    assert!(v.try_reserve(1).is_err());
    assert_eq!(arena.try_alloc(0u8), Err(ArenaError::Sealed));
    let child_bytes = frame.alloc_slice_fill(16, 0xEEu8);
    drop(v);
    assert!(child_bytes.iter().all(|&b| b == 0xEE));
}

#[test]
fn zero_sized_blocks_are_fine() {
    let arena = Arena::with_capacity(64).unwrap();
    let a = &arena;
    let zero = Layout::from_size_align(0, 16).unwrap();
    let block = a.allocate(zero).unwrap();
    assert_eq!(block.len(), 0);
    assert_eq!(block.cast::<u8>().as_ptr() as usize % 16, 0);
    // SAFETY: `block` came from this allocator with `zero`.
    unsafe { a.deallocate(block.cast(), zero) };
    let new = Layout::from_size_align(8, 8).unwrap();
    // SAFETY: `block` is live (zero-sized), from this allocator, with `zero`.
    let grown = unsafe { a.grow(block.cast(), zero, new) }.unwrap();
    assert_eq!(grown.len(), 8);
    assert_eq!(arena.used(), 8);
}
