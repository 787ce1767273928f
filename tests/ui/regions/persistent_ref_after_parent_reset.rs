// A persistent reference dies with a reset of the persistent arena itself.
use arena_memory::Arena;

fn main() {
    let mut arena = Arena::with_capacity(1024);
    let total = arena.alloc(0u64);
    arena.reset();
    *total += 1;
}
