// A frame cannot be reset while one of its workers is in use: the workers
// borrow the frame.
use arena_memory::Arena;

fn main() {
    let mut frame = Arena::with_capacity(4096);
    let mut workers = frame.split(2);
    let worker = &mut workers[0];
    frame.reset();
    worker.alloc(1u8);
}
