// A frame cannot be reset while a result a worker's thread returned is in
// use: the result borrows the worker, which borrows the frame.
use arena_memory::Arena;

fn main() {
    let mut frame = Arena::with_capacity(4096);
    let mut workers = frame.split(1);
    let label: &str = std::thread::scope(|s| {
        let worker = &mut workers[0];
        s.spawn(move || &*worker.alloc_str("measured"))
            .join()
            .unwrap()
    });
    frame.reset();
    println!("{label}");
}
