// A vector whose buffer is in the frame arena may not be used after the frame
// is reset.
use arena_memory::{Arena, ArenaVec};

fn main() {
    let arena = Arena::with_capacity(4096);
    let mut frame = arena.ephemeral();
    let mut visible = ArenaVec::new_in(&frame);
    visible.push(1u32);
    frame.reset();
    visible.push(2);
}
