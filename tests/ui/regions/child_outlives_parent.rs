// A frame arena may not outlive the arena it was carved from.
use arena_memory::Arena;

fn main() {
    let frame;
    {
        let arena = Arena::with_capacity(1024);
        frame = arena.ephemeral();
    }
    frame.alloc(1u8);
}
