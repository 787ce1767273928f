// A frame arena may not outlive the arena it was carved from.
use arena_memory::Arena;

fn main() {
    let frame;
    {
        let arena = Arena::with_capacity(1024).unwrap();
        frame = arena.ephemeral().unwrap();
    }
    frame.alloc(1u8);
}
