//! `ArenaStr` and `format_in!` through the public API: a model-based property
//! test against `String`, formatting that runs out of memory, and the std
//! traits.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};

use arena_memory::{format_in, Arena, ArenaError, ArenaStr};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 256 },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Characters of 1, 2, 3 and 4 bytes.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('a'),
        Just('Z'),
        Just('é'),
        Just('€'),
        Just('😀'),
        Just(' ')
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(text_char(), 0..max).prop_map(|cs| cs.into_iter().collect())
}

#[derive(Debug, Clone)]
enum Op {
    PushStr(String),
    Push(char),
    Pop,
    Truncate(usize),
    Clear,
    Reserve(usize),
    AllocElsewhere(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => text(12).prop_map(Op::PushStr),
        3 => text_char().prop_map(Op::Push),
        1 => Just(Op::Pop),
        1 => (0usize..64).prop_map(Op::Truncate),
        1 => Just(Op::Clear),
        1 => (0usize..64).prop_map(Op::Reserve),
        1 => (1usize..32).prop_map(Op::AllocElsewhere),
    ]
}

fn is_exhaustion(err: ArenaError) -> bool {
    matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn behaves_like_string(arena_bytes in 32usize..256, ops in proptest::collection::vec(op(), 1..60)) {
        let arena = Arena::with_capacity(arena_bytes);
        let mut string = ArenaStr::new_in(&arena);
        let mut model = String::new();
        for op in ops {
            let capacity_before = string.capacity();
            let result = match op {
                Op::PushStr(s) => string.try_push_str(&s).map(|()| model.push_str(&s)),
                Op::Push(ch) => string.try_push(ch).map(|()| model.push(ch)),
                Op::Pop => {
                    prop_assert_eq!(string.pop(), model.pop());
                    Ok(())
                }
                Op::Truncate(n) => {
                    // The nearest char boundary at or below `n`.
                    let n = (0..=n.min(model.len())).rev().find(|&i| model.is_char_boundary(i)).unwrap();
                    string.truncate(n);
                    model.truncate(n);
                    Ok(())
                }
                Op::Clear => {
                    string.clear();
                    model.clear();
                    Ok(())
                }
                Op::Reserve(n) => string.try_reserve(n).map(|()| {
                    assert!(string.capacity() >= model.len() + n);
                }),
                Op::AllocElsewhere(n) => {
                    let _ = arena.try_alloc_bytes(n);
                    Ok(())
                }
            };
            if let Err(err) = result {
                prop_assert!(is_exhaustion(err), "unexpected error {:?}", err);
                prop_assert_eq!(string.capacity(), capacity_before);
            }
            prop_assert_eq!(string.as_str(), model.as_str());
            prop_assert_eq!(string.len(), model.len());
        }
        prop_assert_eq!(string.into_str(), model.as_str());
    }

    #[test]
    fn format_in_matches_format_or_fails_whole(
        arena_bytes in 8usize..128,
        label in text(10),
        n in any::<i64>(),
        width in 0usize..40,
    ) {
        let arena = Arena::with_capacity(arena_bytes);
        let expected = format!("{label}={n:>width$}/{:?}", label.len());
        let result = format_in!(&arena, "{label}={n:>width$}/{:?}", label.len());
        // The string is the arena's only allocation and grows in place down to
        // the last byte, so it fits exactly when the whole text does.
        if expected.len() <= arena.capacity() {
            prop_assert_eq!(result.unwrap(), expected.as_str());
        } else {
            let err = result.unwrap_err();
            prop_assert!(is_exhaustion(err), "unexpected error {:?}", err);
        }
    }
}

#[test]
fn format_in_that_runs_out_is_an_arena_error_not_a_truncated_string() {
    let arena = Arena::with_capacity(64);
    arena.alloc(1u8);
    let used = arena.used();
    let result = format_in!(&arena, "{}{}", "a".repeat(40), "b".repeat(40));
    assert!(
        matches!(result, Err(ArenaError::CapacityExceeded { requested, remaining }) if requested > remaining),
        "{result:?}"
    );
    // The 40 bytes formatted before the failure went back to the arena.
    assert_eq!(arena.used(), used);
    // A string that fits is whole.
    let ok = format_in!(&arena, "{}-{:03}", "id", 7).unwrap();
    assert_eq!(ok, "id-007");
}

#[test]
fn format_in_reports_a_sealed_arena() {
    let arena = Arena::with_capacity(256);
    let frame = arena.ephemeral();
    assert_eq!(format_in!(&arena, "{}", 1), Err(ArenaError::Sealed));
    assert_eq!(format_in!(&arena, "literal"), Err(ArenaError::Sealed));
    assert_eq!(format_in!(&frame, "{}", 1).unwrap(), "1");
}

#[test]
#[should_panic(expected = "a formatting trait implementation returned an error")]
fn format_in_panics_when_a_display_impl_fails() {
    struct Broken;
    impl fmt::Display for Broken {
        fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
            Err(fmt::Error)
        }
    }
    let arena = Arena::with_capacity(256);
    let _ = format_in!(&arena, "{}", Broken);
}

#[test]
fn write_appends_and_fails_with_fmt_error_when_full() {
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::new_in(&arena);
    write!(s, "{}+{}", 1, 2).unwrap();
    s.write_char('=').unwrap();
    assert_eq!(s, "1+2=");
    assert_eq!(write!(s, "{}", "x".repeat(100)), Err(fmt::Error));
    assert_eq!(s, "1+2=");
}

#[test]
fn pushing_to_the_most_recent_string_does_not_move_it() {
    let arena = Arena::with_capacity(4096);
    let mut s = ArenaStr::new_in(&arena);
    s.push('x');
    let start = s.as_ptr();
    for _ in 0..1000 {
        s.push_str("ab");
    }
    assert_eq!(s.as_ptr(), start);
    assert_eq!(s.len(), 2001);
}

#[test]
fn a_persistent_string_keeps_working_within_capacity_while_sealed() {
    let arena = Arena::with_capacity(1024);
    let mut title = ArenaStr::with_capacity_in(16, &arena).unwrap();
    assert_eq!(title.as_ptr() as usize % arena.cache_line_size(), 0);
    let mut frame = arena.ephemeral();
    for n in 0..20 {
        title.clear();
        write!(title, "frame {n}").unwrap();
        let _scratch = format_in!(&frame, "{title} scratch").unwrap();
        frame.reset();
    }
    assert_eq!(title, "frame 19");
    assert_eq!(title.try_push_str(" and more"), Err(ArenaError::Sealed));
    assert_eq!(title, "frame 19");
}

#[test]
fn into_str_gives_back_the_tail() {
    let arena = Arena::with_capacity(256);
    let mut s = ArenaStr::with_capacity_in(100, &arena).unwrap();
    s.push_str("héllo");
    let frozen = s.into_str();
    assert_eq!(arena.used(), 6);
    assert_eq!(frozen, "héllo");
}

#[test]
#[should_panic(expected = "new_len (is 2) is not on a char boundary")]
fn truncate_inside_a_char_panics() {
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::from_str_in("hé", &arena);
    s.truncate(2);
}

#[test]
#[should_panic(expected = "arena capacity exceeded")]
fn push_str_panics_with_the_error_message() {
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::new_in(&arena);
    s.push_str(&"x".repeat(65));
}

#[test]
fn traits_match_str() {
    fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
        let mut hasher = DefaultHasher::new();
        value.hash(&mut hasher);
        hasher.finish()
    }
    let arena = Arena::with_capacity(512);
    let a = ArenaStr::from_str_in("apple", &arena);
    let b = ArenaStr::from_str_in("banana", &arena);
    let a2 = ArenaStr::from_str_in("apple", &arena);

    assert_eq!(a, a2);
    assert_ne!(a, b);
    assert!(a == "apple");
    assert!("apple" == a);
    assert!(*"apple" == a);
    assert!(a == *"apple");
    assert!(a < b);
    assert_eq!(a.cmp(&b), std::cmp::Ordering::Less);
    assert_eq!(hash_of(&a), hash_of("apple"));
    assert_ne!(hash_of(&a), hash_of(&b));
    assert_eq!(format!("{a}"), "apple");
    assert_eq!(format!("[{a:>7}]"), "[  apple]");
    assert_eq!(format!("{a:?}"), "\"apple\"");
    assert_eq!(AsRef::<str>::as_ref(&a), "apple");
    assert_eq!(AsRef::<[u8]>::as_ref(&a), b"apple");
    assert_eq!(a.to_uppercase(), "APPLE"); // `str` methods through `Deref`

    // `Borrow<str>` lets a map keyed by `ArenaStr` be searched with `&str`.
    let mut counts = HashMap::new();
    counts.insert(a, 1);
    counts.insert(b, 2);
    assert_eq!(counts.get("apple"), Some(&1));
    assert_eq!(counts.get("banana"), Some(&2));
    assert_eq!(counts.get("cherry"), None);
}

#[test]
fn extend_with_chars_and_strs() {
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::new_in(&arena);
    s.extend(['a', 'é']);
    s.extend(["-", "€"]);
    assert_eq!(s, "aé-€");
    s.make_ascii_uppercase();
    assert_eq!(s, "Aé-€");
}
