//! Reading the message of a panic, for tests that compare a panic with
//! std's word for word. Included with `#[path]` by the test files that need
//! it.

/// The message of the panic `f` raises, or `None` when it returns.
pub fn panic_message(f: impl FnOnce()) -> Option<String> {
    let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).err()?;
    let message = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()));
    Some(message.expect("a panic message"))
}
