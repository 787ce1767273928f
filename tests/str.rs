//! `ArenaStr` and `format_in!` through the public API: a model-based property
//! test against `String`, formatting that runs out of memory, and the std
//! traits.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};
use std::ops::Bound;

use arena_memory::{format_in, try_format_in, Arena, ArenaError, ArenaStr, ArenaVec};
use proptest::prelude::*;

#[path = "common/panics.rs"]
mod panics;

use panics::panic_message;

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
    Insert(usize, char),
    InsertStr(usize, String),
    Remove(usize),
    /// Keeps the `i`th char when bit `i % 8` is set.
    Retain(u8),
    Drain(usize, usize, DrainUse),
    ReplaceRange(usize, usize, String),
    SplitOff(usize),
    AddAssign(String),
    ExtendRefChars(String),
    Clone,
    /// `into_bytes`, then `from_utf8_in`: the same buffer back.
    BytesRoundTrip,
}

/// What is done with a `drain` iterator before it is dropped.
#[derive(Debug, Clone, Copy)]
enum DrainUse {
    Collect,
    Front(usize),
    Back(usize),
    /// Only the last char, through `Iterator::last`.
    Last,
    Forget,
}

fn drain_use() -> impl Strategy<Value = DrainUse> {
    prop_oneof![
        Just(DrainUse::Collect),
        (0usize..4).prop_map(DrainUse::Front),
        (0usize..4).prop_map(DrainUse::Back),
        Just(DrainUse::Last),
        Just(DrainUse::Forget),
    ]
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
        2 => (0usize..64, text_char()).prop_map(|(i, ch)| Op::Insert(i, ch)),
        2 => (0usize..64, text(6)).prop_map(|(i, s)| Op::InsertStr(i, s)),
        1 => (0usize..64).prop_map(Op::Remove),
        1 => any::<u8>().prop_map(Op::Retain),
        2 => (0usize..64, 0usize..64, drain_use()).prop_map(|(a, b, u)| Op::Drain(a, b, u)),
        2 => (0usize..64, 0usize..64, text(6)).prop_map(|(a, b, s)| Op::ReplaceRange(a, b, s)),
        1 => (0usize..64).prop_map(Op::SplitOff),
        1 => text(6).prop_map(Op::AddAssign),
        1 => text(6).prop_map(Op::ExtendRefChars),
        1 => Just(Op::Clone),
        1 => Just(Op::BytesRoundTrip),
    ]
}

/// The nearest char boundary of `s` at or below `n`.
fn boundary(s: &str, n: usize) -> usize {
    (0..=n.min(s.len()))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap()
}

/// Runs `drain_use` on a drain iterator, returning what it yielded.
fn use_drain(mut drain: impl DoubleEndedIterator<Item = char>, how: DrainUse) -> Vec<char> {
    match how {
        DrainUse::Collect => drain.collect(),
        DrainUse::Front(n) => drain.by_ref().take(n).collect(),
        DrainUse::Back(n) => drain.by_ref().rev().take(n).collect(),
        DrainUse::Last => drain.last().into_iter().collect(),
        DrainUse::Forget => {
            let first = drain.next().into_iter().collect();
            std::mem::forget(drain);
            first
        }
    }
}

fn is_exhaustion(err: ArenaError) -> bool {
    matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn behaves_like_string(arena_bytes in 32usize..256, ops in proptest::collection::vec(op(), 1..if cfg!(miri) { 25 } else { 60 })) {
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
                    let n = boundary(&model, n);
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
                Op::Insert(i, ch) => {
                    let i = boundary(&model, i);
                    string.try_insert(i, ch).map(|()| model.insert(i, ch))
                }
                Op::InsertStr(i, s) => {
                    let i = boundary(&model, i);
                    string.try_insert_str(i, &s).map(|()| model.insert_str(i, &s))
                }
                Op::Remove(i) => {
                    if !model.is_empty() {
                        let i = boundary(&model, i.min(model.len() - 1));
                        prop_assert_eq!(string.remove(i), model.remove(i));
                    }
                    Ok(())
                }
                Op::Retain(mask) => {
                    let keep = |counter: &mut u32, _: char| {
                        *counter += 1;
                        mask & (1 << (*counter % 8)) != 0
                    };
                    let (mut ours, mut theirs) = (0, 0);
                    string.retain(|ch| keep(&mut ours, ch));
                    model.retain(|ch| keep(&mut theirs, ch));
                    Ok(())
                }
                Op::Drain(a, b, how) => {
                    let (a, b) = (boundary(&model, a.min(b)), boundary(&model, a.max(b)));
                    let yielded = use_drain(string.drain(a..b), how);
                    prop_assert_eq!(yielded, use_drain(model.drain(a..b), how));
                    Ok(())
                }
                Op::ReplaceRange(a, b, s) => {
                    let (a, b) = (boundary(&model, a.min(b)), boundary(&model, a.max(b)));
                    string.try_replace_range(a..b, &s).map(|()| model.replace_range(a..b, &s))
                }
                Op::SplitOff(at) => {
                    let at = boundary(&model, at);
                    string.try_split_off(at).map(|tail| {
                        let model_tail = model.split_off(at);
                        assert_eq!(tail, model_tail);
                        assert_eq!(tail.capacity(), tail.len());
                    })
                }
                Op::AddAssign(s) => string.try_reserve(s.len()).map(|()| {
                    // Cannot run out now: `+=` panics only as `push_str` does.
                    string += &s;
                    model += &s;
                }),
                Op::ExtendRefChars(s) => string.try_reserve(s.len()).map(|()| {
                    let chars: Vec<char> = s.chars().collect();
                    string.extend(&chars);
                    model.extend(&chars);
                }),
                Op::Clone => string.try_clone().map(|copy| {
                    assert_eq!(copy, string);
                    assert_eq!(copy.capacity(), copy.len());
                    string = copy;
                }),
                Op::BytesRoundTrip => {
                    let start = string.as_ptr();
                    let capacity = string.capacity();
                    string = ArenaStr::from_utf8_in(string.into_bytes()).unwrap();
                    prop_assert_eq!(string.as_ptr(), start);
                    prop_assert_eq!(string.capacity(), capacity);
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
        let result = try_format_in!(&arena, "{label}={n:>width$}/{:?}", label.len());
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
    let result = try_format_in!(&arena, "{}{}", "a".repeat(40), "b".repeat(40));
    assert!(
        matches!(result, Err(ArenaError::CapacityExceeded { requested, remaining }) if requested > remaining),
        "{result:?}"
    );
    // The 40 bytes formatted before the failure went back to the arena.
    assert_eq!(arena.used(), used);
    // A string that fits is whole.
    let ok = format_in!(&arena, "{}-{:03}", "id", 7);
    assert_eq!(ok, "id-007");
}

#[test]
fn format_in_reports_a_sealed_arena() {
    let arena = Arena::with_capacity(256);
    let frame = arena.ephemeral();
    assert_eq!(try_format_in!(&arena, "{}", 1), Err(ArenaError::Sealed));
    assert_eq!(try_format_in!(&arena, "literal"), Err(ArenaError::Sealed));
    assert_eq!(format_in!(&frame, "{}", 1), "1");
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
    let _ = try_format_in!(&arena, "{}", Broken);
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
    let mut title = ArenaStr::with_capacity_in(16, &arena);
    let mut frame = arena.ephemeral();
    for n in 0..20 {
        title.clear();
        write!(title, "frame {n}").unwrap();
        let _scratch = format_in!(&frame, "{title} scratch");
        frame.reset();
    }
    assert_eq!(title, "frame 19");
    assert_eq!(title.try_push_str(" and more"), Err(ArenaError::Sealed));
    assert_eq!(title, "frame 19");
}

#[test]
fn into_str_gives_back_the_tail() {
    let arena = Arena::with_capacity(256);
    let mut s = ArenaStr::with_capacity_in(100, &arena);
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

#[test]
#[should_panic(expected = "arena capacity exceeded")]
fn format_in_panics_with_the_error_message_when_it_does_not_fit() {
    let arena = Arena::with_capacity(64);
    let _ = format_in!(&arena, "{:>100}", "x");
}

#[test]
#[should_panic(expected = "arena is sealed")]
fn with_capacity_in_panics_with_the_error_message() {
    let arena = Arena::with_capacity(1024);
    let _frame = arena.ephemeral();
    let _ = ArenaStr::with_capacity_in(16, &arena);
}

#[test]
fn try_with_capacity_in_reports_the_error() {
    let arena = Arena::with_capacity(64);
    assert!(matches!(
        ArenaStr::try_with_capacity_in(100, &arena),
        Err(ArenaError::CapacityExceeded { requested: 100, .. })
    ));
    assert_eq!(arena.used(), 0);
    assert_eq!(
        ArenaStr::try_with_capacity_in(10, &arena)
            .unwrap()
            .capacity(),
        10
    );
}

/// The macros expand to absolute paths only: a scope that shadows `core`,
/// `ArenaStr` and `format_args!` does not change what they mean.
mod hygiene {
    use arena_memory::{format_in, try_format_in, Arena};

    mod core {}
    struct ArenaStr;
    macro_rules! format_args {
        ($($t:tt)*) => {
            "not this one"
        };
    }

    #[test]
    fn macros_use_absolute_paths() {
        let _shadowing_type = ArenaStr;
        let _shadowing_macro = format_args!();
        let arena = Arena::with_capacity(64);
        assert_eq!(format_in!(&arena, "{}-{}", 1, 2), "1-2");
        assert_eq!(try_format_in!(&arena, "{}", 3).unwrap(), "3");
    }
}

#[test]
fn small_strings_pack_and_large_ones_start_on_a_cache_line() {
    let arena = Arena::with_capacity(1 << 20);
    let line = arena.cache_line_size();
    for _ in 0..1000 {
        let s = ArenaStr::with_capacity_in(3, &arena);
        assert_eq!(s.capacity(), 3);
    }
    // 1,000 three-byte strings take 3,000 bytes (63,939 when each started on
    // a 64-byte cache line).
    assert_eq!(arena.used(), 3000);
    for capacity in [1, 7, 8, 9, line - 1] {
        let s = ArenaStr::with_capacity_in(capacity, &arena);
        assert_eq!(s.capacity(), capacity);
    }
    for capacity in [line, line + 1, 3 * line] {
        let used = arena.used();
        let s = ArenaStr::with_capacity_in(capacity, &arena);
        assert_eq!(s.capacity(), capacity);
        assert_eq!(s.as_ptr() as usize % line, 0);
        assert!(arena.used() >= used + capacity);
    }
    assert_eq!(ArenaStr::with_capacity_in(0, &arena).capacity(), 0);

    // A larger cache line: the small-string rule follows it.
    let wide = Arena::builder().cache_line_size(256).with_capacity(4096);
    for capacity in [3, 100, 255] {
        let used = wide.used();
        let s = ArenaStr::with_capacity_in(capacity, &wide);
        assert_eq!(s.capacity(), capacity);
        assert_eq!(wide.used(), used + capacity);
    }
    let s = ArenaStr::with_capacity_in(256, &wide);
    assert_eq!(s.as_ptr() as usize % 256, 0);
}

/// A bound of a byte range, sometimes far out (`usize::MAX` included).
fn bound() -> impl Strategy<Value = Bound<usize>> {
    let index = prop_oneof![4 => 0usize..24, 1 => Just(usize::MAX)];
    prop_oneof![
        index.clone().prop_map(Bound::Included),
        index.prop_map(Bound::Excluded),
        Just(Bound::Unbounded),
    ]
}

/// What an index-taking method did: panicked, or left the string as `String`
/// did and returned this.
fn outcome<T>(run: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).ok()
}

proptest! {
    #![proptest_config(config())]

    /// Every index- or range-taking method panics exactly when `String`'s does
    /// (off a char boundary, past the end, a reversed range, an index
    /// overflow), and otherwise does what it does.
    #[test]
    fn index_checks_match_string(
        text in text(8),
        index in prop_oneof![4 => 0usize..24, 1 => Just(usize::MAX)],
        range in (bound(), bound()),
        insert in text(3),
    ) {
        let arena = Arena::with_capacity(4096);
        let fresh = || ArenaStr::from_str_in(&text, &arena);

        let mut ours = fresh();
        let mut theirs = text.clone();
        prop_assert_eq!(
            outcome(|| ours.insert(index, 'é')).is_some(),
            outcome(|| theirs.insert(index, 'é')).is_some()
        );
        prop_assert_eq!(&ours, &theirs);

        let (mut ours, mut theirs) = (fresh(), text.clone());
        prop_assert_eq!(
            outcome(|| ours.insert_str(index, &insert)).is_some(),
            outcome(|| theirs.insert_str(index, &insert)).is_some()
        );
        prop_assert_eq!(&ours, &theirs);

        let (mut ours, mut theirs) = (fresh(), text.clone());
        prop_assert_eq!(outcome(|| ours.remove(index)), outcome(|| theirs.remove(index)));
        prop_assert_eq!(&ours, &theirs);

        let (mut ours, mut theirs) = (fresh(), text.clone());
        prop_assert_eq!(
            outcome(|| ours.split_off(index).to_string()),
            outcome(|| theirs.split_off(index))
        );
        prop_assert_eq!(&ours, &theirs);

        let (mut ours, mut theirs) = (fresh(), text.clone());
        prop_assert_eq!(outcome(|| ours.truncate(index)), outcome(|| theirs.truncate(index)));
        prop_assert_eq!(&ours, &theirs);

        let (mut ours, mut theirs) = (fresh(), text.clone());
        prop_assert_eq!(
            outcome(|| ours.drain(range).collect::<String>()),
            outcome(|| theirs.drain(range).collect::<String>())
        );
        prop_assert_eq!(&ours, &theirs);

        let (mut ours, mut theirs) = (fresh(), text.clone());
        prop_assert_eq!(
            outcome(|| ours.replace_range(range, &insert)),
            outcome(|| theirs.replace_range(range, &insert))
        );
        prop_assert_eq!(&ours, &theirs);
    }

    /// `retain` whose closure panics leaves what `String::retain` leaves.
    #[test]
    fn retain_that_panics_leaves_what_string_leaves(
        text in text(10),
        mask in any::<u8>(),
        panic_at in 0usize..12,
    ) {
        let arena = Arena::with_capacity(256);
        let mut ours = ArenaStr::from_str_in(&text, &arena);
        let mut theirs = text.clone();
        let keep = |seen: &mut usize, _: char| {
            *seen += 1;
            assert!(*seen != panic_at, "the closure panicked");
            mask & (1 << (*seen % 8)) != 0
        };
        let (mut a, mut b) = (0, 0);
        let ours_ok = outcome(|| ours.retain(|ch| keep(&mut a, ch))).is_some();
        let theirs_ok = outcome(|| theirs.retain(|ch| keep(&mut b, ch))).is_some();
        prop_assert_eq!(ours_ok, theirs_ok);
        prop_assert_eq!(&ours, &theirs);
        // Still a working string.
        ours.push('!');
        theirs.push('!');
        prop_assert_eq!(&ours, &theirs);
    }

    /// The UTF-8 and UTF-16 constructors agree with `String`'s, and one that
    /// runs out of memory allocates nothing.
    #[test]
    fn conversions_match_string(
        arena_bytes in 8usize..96,
        bytes in proptest::collection::vec(
            prop_oneof![4 => 0x20u8..0x7F, 2 => 0x80u8..=0xFF, 1 => Just(0xC3u8)],
            0..24,
        ),
        units in proptest::collection::vec(
            prop_oneof![4 => 0x20u16..0x7F, 1 => 0xE9u16..0xEA, 2 => 0xD800u16..0xE000, 1 => 0x20ACu16..0x20AD],
            0..16,
        ),
    ) {
        let arena = Arena::with_capacity(arena_bytes);

        // from_utf8_in: no copy; the error gives the bytes back.
        let vec = ArenaVec::try_from_slice_in(&bytes, &arena);
        if let Ok(vec) = vec {
            match (ArenaStr::from_utf8_in(vec), String::from_utf8(bytes.clone())) {
                (Ok(ours), Ok(theirs)) => prop_assert_eq!(ours, theirs),
                (Err(ours), Err(theirs)) => {
                    prop_assert_eq!(ours.utf8_error(), theirs.utf8_error());
                    prop_assert_eq!(ours.to_string(), theirs.to_string());
                    prop_assert_eq!(ours.as_bytes(), theirs.as_bytes());
                    let (ours, theirs) = (ours.into_bytes(), theirs.into_bytes());
                    prop_assert_eq!(ours.as_slice(), theirs.as_slice());
                }
                (ours, theirs) => prop_assert!(false, "{:?} vs {:?}", ours, theirs),
            }
        }

        let used = arena.used();
        match ArenaStr::try_from_utf8_lossy_in(&bytes, &arena) {
            Ok(ours) => prop_assert_eq!(ours, String::from_utf8_lossy(&bytes)),
            Err(err) => {
                prop_assert!(is_exhaustion(err));
                prop_assert!(String::from_utf8_lossy(&bytes).len() > arena.remaining());
                prop_assert_eq!(arena.used(), used);
            }
        }

        let used = arena.used();
        match (ArenaStr::try_from_utf16_in(&units, &arena), String::from_utf16(&units)) {
            (Ok(Ok(ours)), Ok(theirs)) => prop_assert_eq!(ours, theirs),
            (Ok(Err(ours)), Err(_)) => {
                // The units before it decode; the one at it is the surrogate.
                let at = ours.valid_up_to();
                prop_assert!(String::from_utf16(&units[..at]).is_ok());
                prop_assert_eq!(units[at], ours.unpaired_surrogate());
                prop_assert!(String::from_utf16(&units[..=at]).is_err());
                prop_assert_eq!(arena.used(), used);
            }
            (Err(err), Ok(theirs)) => {
                prop_assert!(is_exhaustion(err));
                prop_assert!(theirs.len() > arena.remaining());
                prop_assert_eq!(arena.used(), used);
            }
            (ours, theirs) => prop_assert!(false, "{:?} vs {:?}", ours, theirs),
        }

        let used = arena.used();
        match ArenaStr::try_from_utf16_lossy_in(&units, &arena) {
            Ok(ours) => prop_assert_eq!(ours, String::from_utf16_lossy(&units)),
            Err(err) => {
                prop_assert!(is_exhaustion(err));
                prop_assert_eq!(arena.used(), used);
            }
        }

        let used = arena.used();
        let chars = String::from_utf16_lossy(&units);
        match ArenaStr::try_from_iter_in(chars.chars().filter(|_| true), &arena) {
            Ok(ours) => prop_assert_eq!(ours, chars.chars().collect::<String>()),
            Err(err) => {
                prop_assert!(is_exhaustion(err));
                // What was pushed went back: the string was the newest allocation.
                prop_assert_eq!(arena.used(), used);
            }
        }
    }
}

#[test]
fn drain_removes_the_range_when_dropped_and_nothing_when_leaked() {
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::from_str_in("0123456789", &arena);
    let mut drain = s.drain(2..6);
    assert_eq!(drain.size_hint(), (1, Some(4)));
    assert_eq!(drain.next(), Some('2'));
    assert_eq!(drain.next_back(), Some('5'));
    assert_eq!(format!("{drain:?}"), "Drain(\"34\")");
    drop(drain);
    assert_eq!(s, "016789");

    // Leaked: the string is as it was, as std's is.
    let mut std_string = String::from("016789");
    std::mem::forget(s.drain(1..3));
    std::mem::forget(std_string.drain(1..3));
    assert_eq!(s, std_string);
    assert_eq!(s, "016789");
    s.push('!');
    assert_eq!(s, "016789!");
}

#[test]
fn failed_edits_leave_the_string_and_the_arena_unchanged() {
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::from_str_in("abcdef", &arena);
    let used = arena.used();
    let big = "x".repeat(64);
    assert!(is_exhaustion(s.try_insert_str(3, &big).unwrap_err()));
    assert!(is_exhaustion(s.try_replace_range(1..2, &big).unwrap_err()));
    assert_eq!(s, "abcdef");
    assert_eq!(s.capacity(), 6);
    assert_eq!(arena.used(), used);
    // Shrinking replacements never allocate.
    s.try_replace_range(1..5, "é").unwrap();
    assert_eq!(s, "aéf");
    assert_eq!(arena.used(), used);

    let frame = arena.ephemeral();
    assert_eq!(s.try_split_off(1), Err(ArenaError::Sealed));
    assert_eq!(s.try_clone(), Err(ArenaError::Sealed));
    // Within the capacity (6) edits work; past it they are refused.
    s.try_insert(0, 'x').unwrap();
    assert_eq!(s.try_insert(0, 'é'), Err(ArenaError::Sealed));
    assert_eq!(s, "xaéf");
    drop(frame);
}

#[test]
#[should_panic(expected = "arena capacity exceeded")]
fn clone_panics_with_the_error_message() {
    let arena = Arena::with_capacity(64);
    let s = ArenaStr::from_str_in(&"x".repeat(40), &arena);
    let _ = s.clone();
}

#[test]
#[should_panic(expected = "arena capacity exceeded")]
fn add_panics_like_push_str() {
    let arena = Arena::with_capacity(64);
    let s = ArenaStr::from_str_in("abc", &arena);
    let _ = s + &"x".repeat(64);
}

#[test]
fn add_and_add_assign_append() {
    let arena = Arena::with_capacity(64);
    let s = ArenaStr::from_str_in("a", &arena) + "b" + "é";
    assert_eq!(s, String::from("a") + "b" + "é");
    let mut t = s.clone();
    t += "!";
    assert_eq!(t, "abé!");
    assert_eq!(s, "abé");
}

#[test]
fn equality_with_string_and_cow_and_borrow_mut() {
    use std::borrow::{BorrowMut, Cow};
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::from_str_in("abc", &arena);
    let (abc, abd) = (String::from("abc"), String::from("abd"));
    // Each comparison both ways round, equal and unequal.
    assert!(s == abc);
    assert!(abc == s);
    assert!(s != abd);
    assert!(abd != s);
    assert!(s == Cow::Borrowed("abc"));
    assert!(Cow::<str>::Owned("abc".to_owned()) == s);
    assert!(Cow::Borrowed("ab") != s);
    assert!(s != Cow::<str>::Owned("ab".to_owned()));
    let as_str: &mut str = s.borrow_mut();
    as_str.make_ascii_uppercase();
    assert_eq!(s, "ABC");
}

#[test]
fn as_mut_vec_and_into_bytes_share_the_buffer() {
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::with_capacity_in(8, &arena);
    s.push_str("abc");
    let start = s.as_ptr();
    // SAFETY: pushing an ASCII byte keeps the bytes UTF-8.
    unsafe { s.as_mut_vec().push(b'd') };
    assert_eq!(s, "abcd");
    let bytes = s.into_bytes();
    assert_eq!(bytes.as_ptr(), start);
    assert_eq!(bytes.capacity(), 8);
    assert_eq!(bytes, *b"abcd");
}

#[test]
fn from_utf16_error_says_where_and_which() {
    let arena = Arena::with_capacity(64);
    let err = ArenaStr::from_utf16_in(&[0x61, 0x62, 0xDFFF], &arena).unwrap_err();
    assert_eq!(err.valid_up_to(), 2);
    assert_eq!(err.unpaired_surrogate(), 0xDFFF);
    assert_eq!(
        err.to_string(),
        "invalid utf-16: lone surrogate 0xDFFF at index 2"
    );
    assert_eq!(arena.used(), 0);
    // Valid input in an arena too small: the arena's error, outside.
    let units: Vec<u16> = "x".repeat(100).encode_utf16().collect();
    assert!(matches!(
        ArenaStr::try_from_utf16_in(&units, &arena),
        Err(ArenaError::CapacityExceeded { .. })
    ));
}

#[test]
fn edits_write_only_from_the_edit_on() {
    // A raw pointer to the first byte, taken before the edits, still reads
    // (and, under Miri, is still valid for) the unchanged prefix.
    let arena = Arena::with_capacity(256);
    let mut s = ArenaStr::with_capacity_in(64, &arena);
    s.push_str("prefix|tail");
    let first = s.as_mut_str().as_mut_ptr();
    s.insert_str(7, "mid-");
    s.replace_range(7..11, "M");
    s.remove(7);
    s.drain(7..8);
    s.retain(|ch| ch != 'i');
    assert_eq!(s, "prefx|al");
    // SAFETY: the string did not move (capacity 64 was never exceeded) and
    // byte 0 was never removed.
    unsafe {
        first.write(b'P');
        assert_eq!(first.read(), b'P');
    }
    assert_eq!(s, "Prefx|al");
}

#[test]
fn extend_from_an_iterator_that_panics_keeps_what_it_pushed() {
    // `extend` calls the iterator between pushes: a panic there leaves the
    // chars pushed so far, each whole, and a string that still works.
    let arena = Arena::with_capacity(64);
    let mut s = ArenaStr::from_str_in("a", &arena);
    let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        s.extend(['é', 'ß', 'x'].into_iter().enumerate().map(|(i, ch)| {
            if i == 2 {
                std::panic::resume_unwind(Box::new("the iterator gave up"));
            }
            ch
        }));
    }));
    assert!(unwound.is_err());
    assert_eq!(s, "aéß");
    s.push('!');
    assert_eq!(s, "aéß!");
}

#[test]
fn reserve_exact_and_shrink_to_fit_follow_the_vector_rules() {
    let arena = Arena::with_capacity(256);
    let mut s = ArenaStr::from_str_in("abc", &arena);
    s.reserve_exact(10);
    assert_eq!(s.capacity(), 13);
    let used = arena.used();
    assert!(matches!(
        s.try_reserve_exact(1000),
        Err(ArenaError::CapacityExceeded { .. })
    ));
    assert_eq!((s.capacity(), arena.used()), (13, used));
    s.push_str("de");
    s.shrink_to_fit();
    assert_eq!(s.capacity(), 5);
    assert_eq!(s, "abcde");
    // The tail came back: the next allocation starts right after the string.
    let next = arena.alloc(0u8) as *const u8 as usize;
    assert_eq!(next, s.as_ptr() as usize + 5);
    // Not the newest allocation any more: nothing to give back.
    s.reserve_exact(0);
    let mut older = ArenaStr::with_capacity_in(8, &arena);
    older.push('x');
    let _newer = ArenaStr::from_str_in("y", &arena);
    older.shrink_to_fit();
    assert_eq!(older.capacity(), 8);
}

// std's wording is the one of the toolchain the tests are built with; it
// changed between Rust 1.85 and 1.95 (overflow and a start past the length),
// and the crate follows 1.95's, so these tests need Rust 1.95 or later.
/// `drain`, `replace_range` and `try_replace_range` panic on a bad range with
/// the message `String`'s do, word for word and number for number, compared
/// with the std these tests are built with, and leave the string as it was.
#[test]
fn bad_ranges_panic_with_strings_messages() {
    use std::ops::Bound::{Excluded, Included, Unbounded};
    // "a" at 0, "é" at 1..3, "€" at 3..6, "b" at 6; 7 bytes.
    let text = "aé€b";
    let ranges = [
        (Included(3), Excluded(1)),        // start > end
        (Included(3), Excluded(9)),        // end > len
        (Included(9), Unbounded),          // start > len
        (Unbounded, Included(7)),          // inclusive end == len
        (Unbounded, Included(usize::MAX)), // end overflows
        (Excluded(usize::MAX), Unbounded), // start overflows
        (Excluded(3), Excluded(3)),        // exclusive start == end
        (Included(2), Unbounded),          // start not a char boundary
        (Excluded(1), Unbounded),          // so, written exclusively
        (Unbounded, Excluded(4)),          // end not a char boundary
        (Included(2), Excluded(4)),        // neither is
        (Included(4), Excluded(2)),        // reversed, neither is
        (Included(2), Excluded(9)),        // not a boundary, end > len
    ];
    let arena = Arena::with_capacity(256);
    let mut s = ArenaStr::from_str_in(text, &arena);
    for range in ranges {
        let mut model = String::from(text);
        let std = panic_message(|| drop(model.drain(range)));
        assert!(std.is_some(), "{range:?} is a bad range for std");
        assert_eq!(
            panic_message(|| drop(s.drain(range))),
            std,
            "drain {range:?}"
        );
        let std = panic_message(|| model.replace_range(range, "xyz"));
        assert!(std.is_some(), "{range:?} is a bad range for std");
        assert_eq!(
            panic_message(|| s.replace_range(range, "xyz")),
            std,
            "replace_range {range:?}"
        );
        assert_eq!(
            panic_message(|| {
                let _ = s.try_replace_range(range, "xyz");
            }),
            std,
            "try_replace_range {range:?}"
        );
        assert_eq!(s, text);
        assert_eq!(model, text);
    }
}
