// The arena runs no destructors, so it only takes `Copy` values: a `String`
// (which owns heap memory) cannot be placed in it.
use arena_memory::Arena;

fn main() {
    let arena = Arena::with_capacity(4096);
    let name = arena.alloc(String::from("leaked"));
    println!("{name}");
}
