// A string built in a frame arena may not escape the frame: the frame (and its
// memory) ends with the function.
use arena_memory::{format_in, Arena};

fn label<'p>(arena: &'p Arena<'p>, row: u32) -> &'p str {
    let frame = arena.ephemeral();
    let label = format_in!(&frame, "row {row}").unwrap();
    label.into_str()
}

fn main() {
    let arena = Arena::with_capacity(4096);
    println!("{}", label(&arena, 1));
}
