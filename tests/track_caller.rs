//! The panicking twins report the caller's location, not the crate's: alone in
//! its own test binary because it installs a panic hook.

use std::sync::{Arc, Mutex};

use arena_memory::Arena;

#[test]
fn panics_point_at_the_line_that_called() {
    let seen: Arc<Mutex<Vec<(String, u32, String)>>> = Arc::default();
    let sink = Arc::clone(&seen);
    std::panic::set_hook(Box::new(move |info| {
        let location = info.location().expect("a location");
        let message = info.payload_as_str().map(str::to_owned).unwrap_or_default();
        sink.lock()
            .unwrap()
            .push((location.file().to_owned(), location.line(), message));
    }));

    let arena = Arena::with_capacity(64);
    type Call = fn(&Arena<'_>);
    let first_line = line!();
    let calls: [Call; 5] = [
        |a| {
            let _ = a.alloc([0u8; 100]);
        },
        |a| {
            let _ = a.alloc_bytes(100);
        },
        |a| {
            let _ = a.alloc_str(&"x".repeat(100));
        },
        |a| {
            let _ = a.alloc_slice_fill(100, 1u8);
        },
        |a| {
            let _ = a.alloc_slice_copy(&[0u8; 100]);
        },
    ];
    let last_line = line!();
    let mut lines = Vec::new();
    for call in calls {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| call(&arena)));
        assert!(result.is_err());
        let (file, got_line, message) = seen.lock().unwrap().pop().expect("the hook ran");
        assert!(file.ends_with("track_caller.rs"), "{file}");
        assert!(
            first_line < got_line && got_line < last_line,
            "{got_line} is not a call site"
        );
        lines.push(got_line);
        assert!(message.starts_with("arena capacity exceeded"), "{message}");
    }
    let _ = std::panic::take_hook();
    // Five calls, five different lines: each panic named its own caller.
    lines.dedup();
    assert_eq!(lines.len(), 5);
}
