// The persistent arena may not be reset while a frame arena borrows it.
use arena_memory::Arena;

fn main() {
    let mut arena = Arena::with_capacity(1024);
    let frame = arena.ephemeral();
    arena.reset();
    frame.alloc(1u8);
}
