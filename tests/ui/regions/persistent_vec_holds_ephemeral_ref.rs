// A persistent vector may not keep a reference into the frame arena across the
// frame's reset.
use arena_memory::{Arena, ArenaVec};

fn main() {
    let arena = Arena::with_capacity(4096);
    let mut labels: ArenaVec<&str> = ArenaVec::with_capacity_in(8, &arena).unwrap();
    let mut frame = arena.ephemeral();
    labels.push(frame.alloc_str("row 1"));
    frame.reset();
    println!("{labels:?}");
}
