// An ephemeral reference may not be used after the frame arena is reset.
use arena_memory::Arena;

fn main() {
    let arena = Arena::with_capacity(1024);
    let mut frame = arena.ephemeral();
    let label = frame.alloc_str("hello");
    frame.reset();
    println!("{label}");
}
