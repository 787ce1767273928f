// Two threads may not share one arena: it allocates through `&self`.
use arena_memory::Arena;

fn main() {
    let arena = Arena::with_capacity(1024);
    std::thread::scope(|s| {
        s.spawn(|| arena.alloc(1u8));
        s.spawn(|| arena.alloc(2u8));
    });
}
