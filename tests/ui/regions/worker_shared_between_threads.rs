// One worker cannot be shared by two threads: a worker is an `Arena`, which
// allocates through `&self` and is not `Sync`. Each thread takes `&mut` to
// its own.
use arena_memory::Arena;

fn main() {
    let frame = Arena::with_capacity(4096);
    let workers = frame.split(2);
    let worker = &workers[0];
    std::thread::scope(|s| {
        s.spawn(|| worker.alloc(1u8));
        s.spawn(|| worker.alloc(2u8));
    });
}
