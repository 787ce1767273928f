// Arena collections hold only `Copy` values: a `Box` cannot be pushed.
use arena_memory::{Arena, ArenaVec};

fn main() {
    let arena = Arena::with_capacity(4096);
    let mut boxes = ArenaVec::new_in(&arena);
    boxes.push(Box::new(1u32));
}
