// A persistent map may not keep a key that is an `ArenaStr` of the frame arena
// across the frame's reset (E0502). The map has a destructor (hashbrown's), so
// the compiler also reports that the frame does not outlive it (E0597).
use arena_memory::{format_in, Arena, ArenaHashMap};

fn main() {
    let arena = Arena::with_capacity(4096);
    let mut ids: ArenaHashMap<&str, u32> = ArenaHashMap::with_capacity_in(8, &arena).unwrap();
    let mut frame = arena.ephemeral();
    let name = format_in!(&frame, "row {}", 1).unwrap();
    ids.insert(name.into_str(), 1);
    frame.reset();
    println!("{:?}", ids.get("row 1"));
}
