// `Arena::new` takes `[MaybeUninit<u8>]`: an arena may leave uninitialised
// padding bytes behind, even when it is leaked, so a block of `u8` (which the
// caller could read afterwards) is refused.
use arena_memory::Arena;

fn main() {
    let mut bytes = [0u8; 256];
    let arena = Arena::new(&mut bytes);
    arena.alloc((1u8, 2u32));
    std::mem::forget(arena);
    println!("{}", bytes[1]);
}
