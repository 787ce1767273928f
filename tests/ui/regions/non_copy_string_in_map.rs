// An arena hash map holds only `Copy` keys and values: a `String` value cannot
// be inserted.
use arena_memory::{Arena, ArenaHashMap};

fn main() {
    let arena = Arena::with_capacity(4096);
    let mut names: ArenaHashMap<u32, String> = ArenaHashMap::with_capacity_in(8, &arena).unwrap();
    names.insert(1, String::from("one"));
}
